/**
 * Phone number text: what the user typed or pasted, formatted as they type, and what it means
 * (E.164, country, validity, why it is not valid). Pure functions, no React, no DOM.
 *
 * Metadata: libphonenumber-js's "mobile" set through `libphonenumber-js/core`. It is the
 * "min" set (formats, lengths and the general pattern of every country, which is what
 * formatting and validation need) plus each country's mobile pattern, which is what tells a
 * number that can get an SMS from one that cannot. Measured with esbuild + gzip -9: min
 * 18.5 KB, mobile 23.1 KB, max 38.0 KB; "max" adds fixed-line, toll-free and other patterns
 * we would not act on. See README for the numbers. The numbering plans load a group of
 * calling codes at a time (./metadata): until a number's plan is there, the functions here
 * answer `pending` and leave the text as typed.
 */
import {
  AsYouType,
  type CountryCode,
  Metadata,
  type PhoneNumberType,
} from "libphonenumber-js/core";
import { asciiDigit } from "../digits";
import {
  COUNTRIES,
  callingCodeAt,
  callingCodeOfCountry,
  countriesOfCallingCode,
  hasNumberingPlan,
  metadata,
} from "./metadata";

export type { CountryCode };

/** Why a number cannot be used; `not_mobile` is a warning (valid, but cannot receive SMS). */
export type PhoneProblem = "too_short" | "too_long" | "invalid_country" | "invalid" | "not_mobile";

export interface PhoneDetails {
  /** ISO 3166-1 alpha-2 of the number (or of the picker when the field is empty). */
  country: CountryCode | undefined;
  /** Digits after the country calling code, without a trunk prefix ("812345678"). */
  nationalNumber: string;
  /** Matches the country's numbering plan. */
  isValid: boolean;
  /** Has a length the country uses. */
  isPossible: boolean;
  /**
   * "MOBILE" when the metadata knows the number is a mobile one. The bundled metadata holds
   * each country's mobile pattern only, so a valid number that is not mobile reads
   * `undefined` here and `problem: "not_mobile"`.
   */
  type: PhoneNumberType | undefined;
  problem: PhoneProblem | undefined;
  /**
   * The number's numbering plan is still loading (or failed to): nothing is known yet. The
   * hooks load it and read the number again when it arrives.
   */
  pending?: boolean;
}

/** The field's state after an edit: formatted text, the country it implies, the caret. */
export interface PhoneText {
  text: string;
  country: CountryCode | undefined;
  /** True when the text starts with "+" (the country comes from the number). */
  international: boolean;
  caret: number;
  /** The numbering plan the text needs is not loaded: the text is as typed, not formatted. */
  pending?: boolean;
}

/** E.164 allows 15 digits; leave room for an international prefix typed as digits ("0011"). */
const MAX_DIGITS = 19;

/** Runtime methods of libphonenumber-js's Metadata that its typings leave out. */
interface NumberingPlan {
  selectNumberingPlan(country: string): void;
  countryCallingCode(): string;
  nationalNumberPattern(): string;
  IDDPrefix(): string;
  type(type: "MOBILE"): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

const plan = (): NumberingPlan => new Metadata(metadata) as unknown as NumberingPlan;

const matches = (text: string, pattern: string) => new RegExp(`^(?:${pattern})$`).test(text);

/** Every country the metadata knows (245). */
export const phoneCountries = (): CountryCode[] => COUNTRIES;

export const isPhoneCountry = (country: string | undefined | null): country is CountryCode =>
  !!country && callingCodeOfCountry(country) !== undefined;

/** "66" for "TH". */
export const callingCodeOf = (country: CountryCode): string => callingCodeOfCountry(country) ?? "";

/** The main country of a calling code: "US" for "1", "GB" for "44". */
export function countryOfCallingCode(callingCode: string): CountryCode | undefined {
  return countriesOfCallingCode(callingCode)[0];
}

/**
 * The calling code whose numbering plan reading `text` (with `country` picked) needs and that
 * is not loaded yet, else undefined (always for an empty text): the picked country's, then the one of "+…", of "00…" or
 * of the picked country's own international prefix ("001…" in Thailand).
 */
export function missingNumberingPlan(text: string, country?: CountryCode): string | undefined {
  const { chars } = significant(text);
  // An empty field (or a lone "+") needs nothing read.
  if (chars === "" || chars === "+") return undefined;
  const own = country && callingCodeOf(country);
  if (own && !hasNumberingPlan(own)) return own;
  const afterPrefixes = chars.startsWith("+")
    ? [chars.slice(1)]
    : [
        chars.startsWith("00") ? chars.slice(2) : "",
        country ? chars.slice(ownPrefixLength(chars, country)) : "",
      ];
  for (const digits of afterPrefixes) {
    const code = digits && callingCodeAt(digits);
    if (code && !hasNumberingPlan(code)) return code;
  }
  return undefined;
}

/** How many leading digits are `country`'s own international prefix ("011" in the US), or 0. */
function ownPrefixLength(digits: string, country: CountryCode): number {
  if (!hasNumberingPlan(callingCodeOf(country))) return 0;
  const numberingPlan = plan();
  numberingPlan.selectNumberingPlan(country);
  return digits.match(new RegExp(`^(?:${numberingPlan.IDDPrefix()})`))?.[0].length ?? 0;
}

/**
 * The characters that matter, "+" (only first) and digits, with how many of them sit before
 * `caret`. Everything else (spaces, dashes, brackets, letters, "tel:") is formatting or noise.
 */
export function significant(text: string, caret = text.length): { chars: string; before: number } {
  let chars = "";
  let before = 0;
  let index = 0;
  for (const char of text) {
    const digit = char === "+" ? (chars === "" ? "+" : undefined) : asciiDigit(char);
    if (digit) {
      chars += digit;
      if (index < caret) before++;
    }
    index += char.length;
  }
  return { chars, before };
}

/**
 * "0066812345678" typed with a country selected is "+66812345678": "00" is the international
 * prefix almost everywhere, and the selected country's own prefix ("011" in the US, "001" in
 * Thailand) counts too. When both readings are possible, the one that gives a valid number wins.
 * Returns how many leading digits were the prefix, or 0.
 */
function internationalPrefixLength(digits: string, country: CountryCode): number {
  const own = ownPrefixLength(digits, country);
  // A calling code never starts with 0: "000…" or "0100…" is no international number.
  const lengths = [digits.startsWith("00") ? 2 : 0, own].filter(
    (length, i, all) =>
      length > 0 && all.indexOf(length) === i && /[1-9]/.test(digits.charAt(length)),
  );
  return lengths.find((length) => describe(`+${digits.slice(length)}`).isValid) ?? lengths[0] ?? 0;
}

/** Which country "+…" text belongs to: the number's own, else the selected one if it shares the code. */
function countryOfInternational(formatter: AsYouType, selected: CountryCode | undefined) {
  const callingCode = formatter.getCallingCode();
  if (!callingCode) return formatter.isInternational() ? undefined : selected;
  const own = formatter.getCountry();
  if (own) return own;
  if (selected && callingCodeOf(selected) === callingCode) return selected;
  return countryOfCallingCode(callingCode);
}

/**
 * Formats `text` as the user edits it with the caret at `caret`. Text starting with "+" (or an
 * international prefix such as "00") is international and its number picks the country;
 * anything else is a national number of `country`. The caret stays after the same digit.
 *
 * `deleted` says which way a deletion went ("backward" for Backspace, "forward" for Delete):
 * deleting only a space or dash deletes the digit next to it instead, otherwise the formatter
 * would put the space back and the key would do nothing.
 */
export function formatPhoneText(
  text: string,
  caret: number,
  country: CountryCode,
  edit?: { previous: string; deleted?: "backward" | "forward" },
): PhoneText {
  if (missingNumberingPlan(text, country)) return pendingText(text, caret, country);
  let { chars, before } = significant(text, caret);
  if (edit && text.length < edit.previous.length && chars === significant(edit.previous).chars) {
    if (edit.deleted === "forward") {
      chars = chars.slice(0, before) + chars.slice(before + 1);
    } else if (before > 0) {
      chars = chars.slice(0, before - 1) + chars.slice(before);
      before--;
    }
  }
  if (!chars.startsWith("+")) {
    const prefix = internationalPrefixLength(chars, country);
    if (prefix > 0) {
      chars = `+${chars.slice(prefix)}`;
      before = before <= prefix ? Math.min(before, 1) : before - prefix + 1;
    }
  }
  chars = chars.slice(0, MAX_DIGITS + 1);
  before = Math.min(before, chars.length);

  const international = chars.startsWith("+");
  const formatter = new AsYouType(international ? undefined : country, metadata);
  const formatted = formatter.input(chars);
  return {
    text: formatted,
    country: international ? countryOfInternational(formatter, country) : country,
    international,
    caret: caretAfter(formatted, before),
  };
}

/** Text whose numbering plan is not loaded: kept as typed, the country read from "+…" if it can be. */
function pendingText(text: string, caret: number, country: CountryCode | undefined): PhoneText {
  const { chars } = significant(text);
  const international = chars.startsWith("+");
  const code = international ? callingCodeAt(chars.slice(1)) : undefined;
  const countries = code ? countriesOfCallingCode(code) : [];
  return {
    text,
    country: !international || (country && countries.includes(country)) ? country : countries[0],
    international,
    caret,
    pending: true,
  };
}

/** The position just after the `count`-th significant character of `text`. */
function caretAfter(text: string, count: number): number {
  if (count <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (/[\d+]/.test(text.charAt(i)) && ++seen === count) return i + 1;
  }
  return text.length;
}

/**
 * What the text in the field means. `country` is the country shown in the picker (used for a
 * national number, and to tell apart countries that share a calling code).
 */
export function describe(
  text: string,
  country?: CountryCode,
): PhoneDetails & { e164: string | null } {
  if (missingNumberingPlan(text, country)) {
    const { country: guess } = pendingText(text, text.length, country);
    return { ...unknownNumber(guess, ""), problem: undefined, pending: true };
  }
  const { chars } = significant(text);
  const international = chars.startsWith("+");
  const formatter = new AsYouType(international ? undefined : country, metadata);
  formatter.input(chars);
  const callingCode = international
    ? formatter.getCallingCode()
    : country && callingCodeOf(country);
  const numberCountry = international ? countryOfInternational(formatter, country) : country;
  const nationalNumber = formatter.getNumber()?.nationalNumber ?? "";
  const empty = unknownNumber(numberCountry, nationalNumber);
  if (chars === "" || chars === "+") return { ...empty, problem: undefined };
  if (international && !callingCode) {
    // "+9": the calling code is still being typed; "+999…": no country has it.
    return { ...empty, problem: chars.length > 4 ? "invalid_country" : "too_short" };
  }
  if (!callingCode || !numberCountry) return { ...empty, problem: "invalid_country" };
  if (!nationalNumber) return { ...empty, problem: "too_short" };

  const e164 = `+${callingCode}${nationalNumber}`;
  // AsYouType's own length check: validatePhoneNumberLength would bring the whole parser (2.8 KB).
  const length = formatter.validateLength();
  const isPossible = length === undefined;
  const numberingPlan = plan();
  numberingPlan.selectNumberingPlan(numberCountry);
  const isValid = isPossible && matches(nationalNumber, numberingPlan.nationalNumberPattern());
  const mobile = numberingPlan.type("MOBILE");
  const lengths = mobile?.possibleLengths();
  const isMobile =
    isValid &&
    !!mobile?.pattern() &&
    (!lengths || lengths.includes(nationalNumber.length)) &&
    matches(nationalNumber, mobile.pattern());
  const problem: PhoneProblem | undefined =
    length === "TOO_SHORT" || length === "NOT_A_NUMBER"
      ? "too_short"
      : length === "TOO_LONG"
        ? "too_long"
        : length === "INVALID_COUNTRY"
          ? "invalid_country"
          : !isValid
            ? hasValidStart(nationalNumber, numberingPlan)
              ? "too_long"
              : "invalid"
            : mobile?.pattern() && !isMobile
              ? "not_mobile"
              : undefined;
  return {
    country: numberCountry,
    nationalNumber,
    isValid,
    isPossible,
    type: isMobile ? "MOBILE" : undefined,
    problem,
    e164: isPossible ? e164 : null,
  };
}

const unknownNumber = (country: CountryCode | undefined, nationalNumber: string) => ({
  country,
  nationalNumber,
  isValid: false,
  isPossible: false,
  type: undefined,
  e164: null,
});

/** A number with digits past a valid one ("081 234 5678 9") is too long, not just invalid. */
function hasValidStart(nationalNumber: string, numberingPlan: NumberingPlan): boolean {
  const pattern = numberingPlan.nationalNumberPattern();
  for (let length = nationalNumber.length - 1; length >= 4; length--) {
    if (matches(nationalNumber.slice(0, length), pattern)) return true;
  }
  return false;
}

/** How an E.164 value (from the `value` prop) is shown: the national format of its country. */
export function textOfE164(
  e164: string,
  fallback: CountryCode,
): { text: string; country: CountryCode | undefined; pending?: boolean } {
  if (missingNumberingPlan(e164, fallback)) {
    const { country } = pendingText(e164, e164.length, fallback);
    return { text: e164, country, pending: true };
  }
  const formatter = new AsYouType(undefined, metadata);
  const international = formatter.input(significant(e164).chars);
  const country = countryOfInternational(formatter, fallback);
  const number = formatter.getNumber();
  if (!country || !number?.nationalNumber) return { text: international, country };
  return { text: number.formatNational(), country };
}

/** The region of a BCP 47 tag: as written ("en-GB"), or with `likely` its likely one ("th"). */
function regionOf(tag: string | null | undefined, likely = false): string | undefined {
  if (!tag) return undefined;
  try {
    const locale = new Intl.Locale(tag.trim().replace(/_/g, "-"));
    return (likely ? locale.maximize() : locale).region;
  } catch {
    return undefined; // Not a BCP 47 tag.
  }
}

/**
 * The default country, never an IP look-up: the `defaultCountry` prop; else a region written
 * in the `locale` prop ("en-GB" -> GB); else the first of the browser's languages that names
 * one (`navigator.languages`, "th-TH" -> TH); else the likely region of the browser's first
 * language (`th` -> TH, `Intl.Locale#maximize`), then of the `locale` prop (`zh` -> CN); else
 * "US". The `locale` prop is the UI's language: its guessed region ("en" -> US) yields to the
 * browser's, so an English page in a Thai browser starts in Thailand.
 */
export function defaultCountryFor(
  defaultCountry?: string | null,
  locale?: string | null,
  browserLanguages: readonly string[] = [],
): CountryCode {
  const candidates = [
    defaultCountry?.toUpperCase(),
    regionOf(locale),
    ...browserLanguages.map((tag) => regionOf(tag)),
    regionOf(browserLanguages[0], true),
    regionOf(locale, true),
  ];
  return candidates.find(isPhoneCountry) ?? "US";
}
