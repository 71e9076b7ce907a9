"use client";
import {
  callingCodeOf,
  countryName,
  type PhoneDetails,
  type PhoneProblem,
  useCountryPicker,
  usePhoneInput,
} from "@otpkit/react";
import { type InputHTMLAttributes, type Ref, useId } from "react";
import { formatMessage, intlLocale, useMessages } from "../i18n";
import { CountryList } from "./CountryList";
import { Flag } from "./flag";
import { type PhoneInputMessages, phoneInputMessages } from "./messages";

export interface PhoneInputProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "defaultValue" | "onChange"> {
  /** E.164 ("+66812345678") or null: controlled. */
  value?: string | null;
  defaultValue?: string | null;
  /** The number in E.164 once it has a possible length (else null), and what it means. */
  onChange?: (e164: string | null, details: PhoneDetails) => void;
  /**
   * ISO 3166-1 alpha-2. Else a region written in `locale` ("en-GB"), else the browser's
   * (`navigator.languages`), else the likely region of `locale` ("th" -> TH), else "US".
   * Never an IP look-up.
   */
  defaultCountry?: string;
  /** Listed first in the country list; default: the default country. */
  preferredCountries?: string[];
  /** Marks the field invalid (for example when the server refused the number). */
  invalid?: boolean;
  disabled?: boolean;
  /** BCP 47 tag: messages, country names and the default country. */
  locale?: string;
  messages?: Partial<PhoneInputMessages>;
  ref?: Ref<HTMLInputElement>;
}

const PROBLEM_MESSAGE: Record<PhoneProblem, keyof PhoneInputMessages> = {
  too_short: "tooShort",
  too_long: "tooLong",
  invalid_country: "invalidCountry",
  invalid: "invalid",
  not_mobile: "notMobile",
};

function setRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === "function") ref(value);
  else if (ref) ref.current = value;
}

/**
 * A phone number field: a country button (flag and dial code) joined to the number, a
 * searchable country list, formatting as you type, and the reason a number cannot be used,
 * shown when the user leaves the field or submits. Label it like an input (`id` + `<label>`,
 * or `aria-label`); without either it names itself "Phone number". `name` submits E.164.
 */
export function PhoneInput({
  value,
  defaultValue,
  onChange,
  defaultCountry,
  preferredCountries,
  invalid,
  disabled,
  locale,
  messages: overrides,
  ref,
  className,
  name,
  onBlur,
  "aria-describedby": describedBy,
  ...inputAttributes
}: PhoneInputProps) {
  const id = useId();
  const messages = useMessages(phoneInputMessages, locale, overrides);
  const tag = intlLocale(locale);
  const phone = usePhoneInput({ value, defaultValue, onChange, defaultCountry, locale });
  const picker = useCountryPicker({
    country: phone.country,
    locale: tag,
    preferred: preferredCountries ?? [phone.defaultCountry],
    names: messages.countryNames,
    onSelect: (country) => {
      phone.setCountry(country);
      phone.input()?.focus();
    },
  });

  const problem = phone.shownProblem;
  const messageId = `${id}message`;
  const country = phone.country;
  const countryLabel = country
    ? formatMessage(
        messages.country,
        {
          country: countryName(country, tag, messages.countryNames),
          code: `+${callingCodeOf(country)}`,
        },
        tag,
      )
    : messages.countryUnknown;
  const message =
    problem &&
    (problem === "invalid" && !country
      ? messages.invalidCountry
      : formatMessage(
          messages[PROBLEM_MESSAGE[problem]] as string,
          { country: country ? countryName(country, tag, messages.countryNames) : "" },
          tag,
        ));
  const isError = invalid || (!!problem && problem !== "not_mobile");
  const labelled =
    inputAttributes.id || inputAttributes["aria-label"] || inputAttributes["aria-labelledby"];

  return (
    <div
      className={["otpkit-phone", className].filter(Boolean).join(" ")}
      data-state={isError ? "error" : problem ? "warning" : undefined}
      data-disabled={disabled ? "" : undefined}
      data-open={picker.open ? "" : undefined}
    >
      <div className="otpkit-phone__control">
        <button
          {...picker.buttonProps}
          className="otpkit-phone__country"
          disabled={disabled}
          aria-label={countryLabel}
        >
          <Flag country={country} />
          <span className="otpkit-phone__dial" aria-hidden="true">
            {country ? `+${callingCodeOf(country)}` : "+"}
          </span>
          <svg className="otpkit-phone__chevron" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M4 6l4 4 4-4" />
          </svg>
        </button>
        <input
          aria-label={labelled ? undefined : messages.label}
          {...inputAttributes}
          {...phone.inputProps}
          ref={(element) => {
            phone.inputProps.ref(element);
            setRef(ref, element);
          }}
          className="otpkit-phone__input"
          dir="ltr"
          disabled={disabled}
          aria-invalid={isError || undefined}
          aria-describedby={
            [describedBy, message && messageId].filter(Boolean).join(" ") || undefined
          }
          onBlur={(event) => {
            phone.inputProps.onBlur(event);
            onBlur?.(event);
          }}
        />
      </div>
      {name !== undefined && <input type="hidden" name={name} value={phone.e164 ?? ""} />}
      {picker.open && <CountryList picker={picker} messages={messages} locale={tag} />}
      {message && (
        <p id={messageId} className="otpkit-phone__message">
          <svg className="otpkit-phone__icon" viewBox="0 0 16 16" aria-hidden="true">
            <circle cx="8" cy="8" r="7" />
            <path d="M8 4.5v4.5M8 11v.5" />
          </svg>
          <span>{message}</span>
        </p>
      )}
    </div>
  );
}
