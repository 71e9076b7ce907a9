"use client";
import type { CountryPicker, PhoneCountry } from "@otpkit/react";
import { useId } from "react";
import { formatMessage } from "../i18n";
import { Flag } from "./flag";
import type { PhoneInputMessages } from "./messages";

interface CountryListProps {
  picker: CountryPicker;
  messages: PhoneInputMessages;
  locale: string;
}

/** The country picker's popup: a search field (combobox) and the list of countries (listbox). */
export function CountryList({ picker, messages, locale }: CountryListProps) {
  const id = useId();
  const { countries, preferredCount, query } = picker;
  const option = (country: PhoneCountry, index: number) => (
    <li
      key={country.code}
      {...picker.optionProps(index)}
      className="otpkit-phone__option"
      data-active={index === picker.activeIndex ? "" : undefined}
    >
      <Flag country={country.code} />
      <span className="otpkit-phone__name">{country.name}</span>
      <span className="otpkit-phone__option-dial" dir="ltr">
        +{country.callingCode}
      </span>
    </li>
  );
  const group = (label: string, from: number, to: number) => (
    // biome-ignore lint/a11y/useSemanticElements: APG grouped listbox; a fieldset is no listbox group
    <ul role="group" aria-labelledby={`${id}-${from}`} className="otpkit-phone__group">
      <li role="presentation" id={`${id}-${from}`} className="otpkit-phone__group-label">
        {label}
      </li>
      {countries.slice(from, to).map((country, i) => option(country, from + i))}
    </ul>
  );
  return (
    <div className="otpkit-phone__popup" {...picker.popupProps}>
      <input
        {...picker.searchProps}
        className="otpkit-phone__search"
        aria-label={messages.search}
        placeholder={messages.searchPlaceholder}
      />
      <div
        {...picker.listboxProps}
        role="listbox"
        className="otpkit-phone__list"
        aria-label={messages.countries}
      >
        {preferredCount > 0 ? (
          <>
            {group(messages.suggested, 0, preferredCount)}
            {group(messages.allCountries, preferredCount, countries.length)}
          </>
        ) : (
          <ul role="none" className="otpkit-phone__group">
            {countries.map(option)}
          </ul>
        )}
      </div>
      <p className="otpkit-phone__status" role="status">
        {query &&
          (countries.length
            ? formatMessage(messages.results, { count: countries.length }, locale)
            : messages.noResults)}
      </p>
    </div>
  );
}
