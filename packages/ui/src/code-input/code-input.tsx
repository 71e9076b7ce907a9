"use client";
import { useCodeInput } from "@otpkit/react";
import { type InputHTMLAttributes, type Ref, useId } from "react";
import { resolveLocale, useMessages } from "../i18n";
import { type CodeInputMessages, codeInputMessages } from "./messages";

export interface CodeInputProps
  extends Omit<
    InputHTMLAttributes<HTMLInputElement>,
    "value" | "defaultValue" | "onChange" | "size"
  > {
  /** Characters in the code. Default 6 (drawn 3-3). */
  length?: number;
  value?: string;
  defaultValue?: string;
  /** Every change, normalized: ASCII digits (A–Z too with `alphanumeric`), at most `length`. */
  onChange?: (value: string) => void;
  onComplete?: (code: string) => void;
  /** Submit the closest form (`requestSubmit`) when the code is complete. */
  autoSubmit?: boolean;
  invalid?: boolean;
  success?: boolean;
  disabled?: boolean;
  /** Letters and digits; letters are upper-cased. */
  alphanumeric?: boolean;
  /** Slots show • instead of the characters. */
  masked?: boolean;
  /** Fill the code from the SMS where the browser supports WebOTP. Default true. */
  webOtp?: boolean;
  /** Change it on every resend (a counter, the challenge id) to restart the WebOTP request. */
  webOtpKey?: unknown;
  locale?: string;
  messages?: Partial<CodeInputMessages>;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A one-time-code field: one real `<input>` (autofill, paste, password managers and screen
 * readers see one field) drawn as N slots. `className` and `style` go on the wrapper; every
 * other prop on the input. Named by `messages.label` unless you pass `aria-label` or
 * `aria-labelledby`; described by the code's length, plus your `aria-describedby`.
 */
export function CodeInput({
  length,
  value,
  defaultValue,
  onChange,
  onComplete,
  autoSubmit,
  invalid,
  success,
  disabled,
  alphanumeric,
  masked,
  webOtp,
  webOtpKey,
  locale,
  messages,
  ref,
  className,
  style,
  ...props
}: CodeInputProps) {
  const code = useCodeInput({
    length,
    value,
    defaultValue,
    onChange,
    onComplete,
    autoSubmit,
    disabled,
    alphanumeric,
    webOtp,
    webOtpKey,
    ref,
  });
  const language = resolveLocale(locale);
  const text = useMessages(codeInputMessages, language, messages);
  const id = useId();
  const half = code.length > 5 && code.length % 2 === 0 ? code.length / 2 : 0;
  return (
    <div
      className={className ? `otpkit-code ${className}` : "otpkit-code"}
      style={style}
      dir="ltr"
      data-state={invalid ? "error" : success ? "success" : undefined}
      data-disabled={disabled || undefined}
      data-masked={masked || undefined}
    >
      <input
        aria-label={props["aria-labelledby"] ? undefined : text.label}
        {...code.getInputProps(props)}
        className="otpkit-code__input"
        aria-invalid={invalid || undefined}
        aria-describedby={`${id} ${props["aria-describedby"] ?? ""}`.trim()}
      />
      <div className="otpkit-code__slots" aria-hidden="true">
        {code.slots.map((slot, i) => (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: slots are positions
            key={i}
            className="otpkit-code__slot"
            data-active={slot.active || undefined}
            data-filled={slot.char ? "" : undefined}
            data-group-end={i + 1 === half || undefined}
          >
            {masked && slot.char ? "•" : slot.char}
            {slot.caret && <span className="otpkit-code__caret" />}
          </div>
        ))}
      </div>
      <span id={id} hidden>
        {(alphanumeric ? text.hintCharacters : text.hintDigits).replace(
          "{length}",
          // Intl, in the catalogue's language (never digits of another script in its sentence).
          code.length.toLocaleString(language),
        )}
        {success && ` ${text.success}`}
      </span>
    </div>
  );
}
