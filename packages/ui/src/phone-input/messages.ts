import type { CountryNames } from "@otpkit/react";
import type { Catalogue, PluralMessage } from "../i18n";

/**
 * Every string PhoneInput shows or gives to assistive technology. `{country}` is a country's
 * name from Intl.DisplayNames, `{code}` a dial code ("+66"), `{count}` a number (Intl).
 */
export interface PhoneInputMessages {
  /** Name of the number field when nothing else labels it (no `id`, `aria-label(ledby)`). */
  label: string;
  /** The country button: `{country}`, `{code}`. */
  country: string;
  /** The country button when the number's code belongs to no country ("+999…"). */
  countryUnknown: string;
  /** The search field of the country list. */
  search: string;
  searchPlaceholder: string;
  /** The list of countries. */
  countries: string;
  /** The group of preferred countries at the top of the list. */
  suggested: string;
  allCountries: string;
  /** How many countries match the search (announced politely). */
  results: PluralMessage;
  noResults: string;
  tooShort: string;
  tooLong: string;
  invalidCountry: string;
  /** `{country}`: the number's country. */
  invalid: string;
  /** A valid number that cannot receive SMS (a landline), shown before a code is sent. */
  notMobile: string;
  /**
   * Country names to use instead of Intl.DisplayNames' (`{ HK: "Hong Kong" }`), in the
   * button, the list (sorted and searched by them) and the messages. No catalogue has any.
   */
  countryNames?: CountryNames;
}

/**
 * English is built in; th, id and zh are in `./locales`, each loaded on demand (a literal
 * `import()` per locale, so every bundler makes each its own small chunk).
 */
export const phoneInputMessages: Catalogue<PhoneInputMessages> = {
  name: "phoneInput",
  en: {
    label: "Phone number",
    country: "Country: {country} {code}",
    countryUnknown: "Country: unknown code",
    search: "Search for a country",
    searchPlaceholder: "Country or code",
    countries: "Countries",
    suggested: "Suggested",
    allCountries: "All countries",
    results: { one: "{count} country", other: "{count} countries" },
    noResults: "No country found",
    tooShort: "This number looks too short – check for missing digits.",
    tooLong: "This number looks too long – check for extra digits.",
    invalidCountry: "No country uses this code – check the digits after the +.",
    invalid: "This isn’t a valid number in {country} – check the number or the country.",
    notMobile:
      "This doesn’t look like a mobile number – we send the code by text, so use a mobile.",
  },
  load: {
    th: () => import("./locales/th").then((module) => module.th),
    id: () => import("./locales/id").then((module) => module.id),
    zh: () => import("./locales/zh").then((module) => module.zh),
  },
};
