"use client";
// Temporary stand-in for ../phone-input (being written to the agreed props); replaced by a
// re-export as soon as that folder lands.
import type { InputHTMLAttributes, Ref } from "react";

export interface PhoneDetails {
  country: string | undefined;
  nationalNumber: string;
  isValid: boolean;
  isPossible: boolean;
  type: string | undefined;
  problem: "too_short" | "too_long" | "invalid_country" | "invalid" | "not_mobile" | undefined;
}

export interface PhoneInputProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "defaultValue" | "onChange"> {
  value?: string | null;
  onChange?: (e164: string | null, details: PhoneDetails) => void;
  defaultCountry?: string;
  invalid?: boolean;
  locale?: string;
  messages?: Record<string, string>;
  ref?: Ref<HTMLInputElement>;
}

export function PhoneInput({
  value,
  onChange,
  defaultCountry: _country,
  invalid,
  locale: _locale,
  messages: _messages,
  ...props
}: PhoneInputProps) {
  return (
    <input
      {...props}
      type="tel"
      autoComplete="tel"
      defaultValue={value ?? ""}
      aria-invalid={invalid || undefined}
      onChange={(event) => {
        const digits = event.target.value.replace(/[^\d+]/g, "");
        const ok = /^\+\d{8,15}$/.test(digits);
        onChange?.(ok ? digits : null, {
          country: undefined,
          nationalNumber: digits,
          isValid: ok,
          isPossible: ok,
          type: undefined,
          problem: ok ? undefined : "invalid",
        });
      }}
    />
  );
}
