"use client";
/**
 * The default parts of OtpVerify. Each can be replaced through `components`; the replacement
 * gets the same props (and `components`, to reuse the other parts).
 */
import type { OtpChallenge, OtpChannel, OtpErrorKind } from "@otpkit/core";
import type { OtpFlow, PhoneDetails } from "@otpkit/react";
import { type ComponentType, memo, type ReactNode, type Ref, useId } from "react";
import { CodeInput, type CodeInputProps } from "../code-input";
import { formatMessage } from "../i18n";
import { PhoneInput, type PhoneInputProps } from "../phone-input";
import { ExpiryCountdown, ResendCountdown } from "./countdowns";
import { channelName, ltr, sentTo } from "./flow-text";
import type { OtpVerifyMessages } from "./messages";

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** What every part gets. */
export interface OtpVerifyPartProps {
  /**
   * The headless flow (`useOtpFlow`). A part re-renders when the flow changes in a way it
   * shows (step, error, code, resend becoming possible), not every second: `secondsUntil*`
   * are right whenever read, and a ticking countdown belongs in a small component of its own
   * with `useCountdown` from `@otpkit/react`, as the default code step does.
   */
  flow: OtpFlow;
  /** Resolved messages: the locale's catalogue with the caller's overrides. */
  messages: OtpVerifyMessages;
  /** BCP 47 tag for Intl formatting. */
  locale: string;
  headingLevel: HeadingLevel;
  /** Every part, default or replaced, so a replacement can reuse the others. */
  components: OtpVerifyComponents;
}

export interface OtpVerifyPhoneStepProps extends OtpVerifyPartProps {
  phone: string | null;
  onPhoneChange: (e164: string | null, details: PhoneDetails) => void;
  /** The phone field's own error (not a number, invalid, blocked), or null. */
  fieldError: { kind: OtpErrorKind | "invalid_number"; message: ReactNode } | null;
  /** Any other error, shown below the form, or null. */
  formError: { kind: OtpErrorKind; message: ReactNode } | null;
  channels: readonly OtpChannel[];
  channel: OtpChannel | undefined;
  onChannelChange: (channel: OtpChannel) => void;
  /** Checks the number and sends the code. */
  onSubmit: () => void;
  phoneInputRef: Ref<HTMLInputElement>;
  phoneInputProps: Pick<PhoneInputProps, "defaultCountry" | "locale" | "messages">;
}

export interface OtpVerifyCodeStepProps extends OtpVerifyPartProps {
  error: { kind: OtpErrorKind; message: ReactNode } | null;
  /** "2 attempts left" when it matters, else null. */
  attempts: string | null;
  onChangeNumber: () => void;
  /** A new code for the same number (after not_found or already_verified). */
  onSendNewCode: () => void;
  codeInputRef: Ref<HTMLInputElement>;
  /** Where focus goes when the code field locks (expired, too many attempts). */
  recoveryRef: Ref<HTMLButtonElement>;
  codeInputProps: Pick<CodeInputProps, "locale" | "messages">;
}

export interface OtpVerifySuccessProps extends OtpVerifyPartProps {
  headingRef: Ref<HTMLHeadingElement>;
}

export interface OtpVerifyErrorMessageProps {
  /** Referenced by the field's aria-describedby. */
  id: string;
  kind: OtpErrorKind | "invalid_number";
  /**
   * The sentence: a string, or for `rate_limited` an element that counts its wait down by
   * itself ("Too many tries. Wait 0:45, then try again."), re-rendering only itself.
   */
  message: ReactNode;
  /** A way out ("Try again", "Send new code"), when there is one. */
  action?: ReactNode;
}

export interface OtpVerifyComponents {
  PhoneStep: ComponentType<OtpVerifyPhoneStepProps>;
  CodeStep: ComponentType<OtpVerifyCodeStepProps>;
  Success: ComponentType<OtpVerifySuccessProps>;
  ErrorMessage: ComponentType<OtpVerifyErrorMessageProps>;
}

function Heading({
  level,
  children,
  ref,
}: {
  level: HeadingLevel;
  children: ReactNode;
  ref?: Ref<HTMLHeadingElement>;
}) {
  const Tag = `h${level}` as const;
  return (
    <Tag className="otpkit-verify__heading" ref={ref} tabIndex={-1}>
      {children}
    </Tag>
  );
}

/**
 * The primary action: shows progress in place, keeping its size, and stays focusable; while
 * a rate limit runs (`waiting`, its countdown shown in the error) it reads as unavailable.
 */
function PrimaryButton({
  busy,
  waiting = false,
  children,
}: {
  busy: boolean;
  waiting?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="submit"
      className="otpkit-button"
      data-busy={busy || undefined}
      data-waiting={waiting || undefined}
      aria-disabled={busy || waiting || undefined}
    >
      <span className="otpkit-button__label">{children}</span>
      {busy && <span className="otpkit-spinner" aria-hidden="true" />}
    </button>
  );
}

function QuietButton({
  children,
  onClick,
  disabled = false,
  ref,
}: {
  children: ReactNode;
  onClick: () => void;
  disabled?: boolean;
  ref?: Ref<HTMLButtonElement>;
}) {
  return (
    <button
      type="button"
      className="otpkit-link"
      ref={ref}
      // aria-disabled keeps a waiting button focusable and its countdown readable.
      aria-disabled={disabled || undefined}
      onClick={() => {
        if (!disabled) onClick();
      }}
    >
      {children}
    </button>
  );
}

const Icon = ({ path }: { path: string }) => (
  <svg className="otpkit-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <path d={path} fill="currentColor" />
  </svg>
);
const ALERT =
  "M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16Zm0 11.5a1 1 0 1 0 0 2 1 1 0 0 0 0-2ZM10 5a1 1 0 0 0-1 1v5a1 1 0 1 0 2 0V6a1 1 0 0 0-1-1Z";
const CHECK =
  "M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16Zm3.7 5.3a1 1 0 0 0-1.4 0L9 10.6 7.7 9.3a1 1 0 1 0-1.4 1.4l2 2a1 1 0 0 0 1.4 0l4-4a1 1 0 0 0 0-1.4Z";

/** A rate limit is running: the form's action waits for its countdown. */
const rateLimited = (flow: OtpFlow) =>
  flow.error?.kind === "rate_limited" && flow.secondsUntilRetry > 0;

/**
 * Where the code went: "Sent by SMS to +66 ••• ••• 678" (the number masked, whoever
 * answered), read to a screen reader as "… to the +66 number ending 678".
 */
export const SentTo = memo(function SentTo({
  challenge,
  messages,
  locale,
}: {
  challenge: Pick<OtpChallenge, "channel" | "phone">;
  messages: OtpVerifyMessages;
  locale: string;
}) {
  return (
    <span>
      <span aria-hidden="true">{sentTo(challenge.channel, challenge.phone, messages, locale)}</span>
      <span className="otpkit-visually-hidden">
        {sentTo(challenge.channel, challenge.phone, messages, locale, true)}
      </span>
    </span>
  );
});

export function ErrorMessage({ id, kind, message, action }: OtpVerifyErrorMessageProps) {
  return (
    <div className="otpkit-verify__error" data-kind={kind}>
      <p id={id} className="otpkit-verify__error-text">
        <Icon path={ALERT} />
        <span>{message}</span>
      </p>
      {action}
    </div>
  );
}

export function PhoneStep(props: OtpVerifyPhoneStepProps) {
  const { flow, messages, components, fieldError, formError } = props;
  const { ErrorMessage: Failure } = components;
  const id = useId();
  const fieldErrorId = `${id}-field-error`;
  const formErrorId = `${id}-form-error`;
  const describedBy =
    [fieldError && fieldErrorId, formError && formErrorId].filter(Boolean).join(" ") || undefined;
  return (
    <form
      className="otpkit-verify__step"
      data-step="phone"
      noValidate
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        if (!flow.isSending) props.onSubmit();
      }}
    >
      <div id={`${id}-heading`}>
        <Heading level={props.headingLevel}>{messages.phoneHeading}</Heading>
      </div>
      <p className="otpkit-verify__text">{messages.phoneIntro}</p>
      <div className="otpkit-verify__field">
        <label className="otpkit-verify__label" htmlFor={`${id}-phone`}>
          {messages.phoneLabel}
        </label>
        <PhoneInput
          {...props.phoneInputProps}
          id={`${id}-phone`}
          ref={props.phoneInputRef}
          value={props.phone}
          onChange={props.onPhoneChange}
          invalid={Boolean(fieldError)}
          aria-describedby={describedBy}
        />
        {fieldError && (
          <Failure id={fieldErrorId} kind={fieldError.kind} message={fieldError.message} />
        )}
      </div>
      {props.channels.length > 1 && (
        <fieldset className="otpkit-verify__channels">
          <legend className="otpkit-verify__label">{messages.channelLegend}</legend>
          {props.channels.map((channel) => (
            <label key={channel} className="otpkit-verify__channel">
              <input
                type="radio"
                name={`${id}-channel`}
                value={channel}
                checked={props.channel === channel}
                onChange={() => props.onChannelChange(channel)}
              />
              <span>{channelName(channel, messages)}</span>
            </label>
          ))}
        </fieldset>
      )}
      {formError && (
        <Failure
          id={formErrorId}
          kind={formError.kind}
          message={formError.message}
          action={
            flow.error?.kind === "network" ? (
              <QuietButton onClick={flow.retry}>{messages.tryAgain}</QuietButton>
            ) : undefined
          }
        />
      )}
      <PrimaryButton busy={flow.isSending} waiting={rateLimited(flow)}>
        {messages.sendCode}
      </PrimaryButton>
    </form>
  );
}

export function CodeStep(props: OtpVerifyCodeStepProps) {
  const { flow, messages, locale, components, error, attempts } = props;
  const { ErrorMessage: Failure } = components;
  const id = useId();
  const { challenge } = flow;
  const live = flow.challengeStatus === "live";
  const gone = challenge === null || flow.challengeStatus === "gone";
  const errorId = `${id}-error`;
  const attemptsId = `${id}-attempts`;
  const describedBy =
    [error && errorId, attempts && attemptsId].filter(Boolean).join(" ") || undefined;
  const otherChannels = (challenge?.channels ?? []).filter((c) => c !== challenge?.channel);

  const action =
    error?.kind === "network" ? (
      <QuietButton onClick={flow.retry}>{messages.tryAgain}</QuietButton>
    ) : gone && error && !flow.isSending ? (
      <QuietButton ref={props.recoveryRef} onClick={props.onSendNewCode}>
        {messages.sendNewCode}
      </QuietButton>
    ) : undefined;

  return (
    <form
      className="otpkit-verify__step"
      data-step="code"
      noValidate
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        if (flow.canVerify) flow.verify();
      }}
    >
      <div id={`${id}-heading`}>
        <Heading level={props.headingLevel}>{messages.codeHeading}</Heading>
      </div>
      <p className="otpkit-verify__text otpkit-verify__sent">
        {challenge ? (
          <SentTo challenge={challenge} messages={messages} locale={locale} />
        ) : (
          <span>{messages.sending}</span>
        )}
        <QuietButton onClick={props.onChangeNumber}>{messages.changeNumber}</QuietButton>
      </p>
      {challenge?.referenceCode && (
        <p className="otpkit-verify__reference">
          {formatMessage(messages.reference, { reference: ltr(challenge.referenceCode) }, locale)}
        </p>
      )}
      <div className="otpkit-verify__field">
        <CodeInput
          {...props.codeInputProps}
          ref={props.codeInputRef}
          length={flow.codeLength}
          value={flow.code}
          onChange={flow.setCode}
          autoSubmit={false}
          // A resend may keep the id with some backends; the new expiry always differs.
          webOtpKey={challenge ? `${challenge.id}:${challenge.expiresAt}` : undefined}
          // Nothing to type before the first code is on its way (a typed code would be lost).
          disabled={!live}
          invalid={Boolean(error) && live}
          success={flow.isVerified}
          aria-labelledby={`${id}-heading`}
          aria-describedby={describedBy}
        />
        {error && (
          <Failure id={errorId} kind={error.kind} message={error.message} action={action} />
        )}
        {attempts && (
          <p id={attemptsId} className="otpkit-verify__attempts">
            {attempts}
          </p>
        )}
      </div>
      <ExpiryCountdown
        deadline={live && challenge ? challenge.expiresAt : null}
        messages={messages}
        locale={locale}
      />
      <PrimaryButton busy={flow.isVerifying} waiting={rateLimited(flow)}>
        {messages.verify}
      </PrimaryButton>
      {challenge && !gone && (
        <p className="otpkit-verify__resend">
          <QuietButton
            ref={props.recoveryRef}
            disabled={!flow.canResend}
            onClick={() => flow.resend()}
          >
            {flow.isResending ? (
              messages.sending
            ) : (
              <ResendCountdown
                deadline={flow.resendAvailableAt}
                messages={messages}
                locale={locale}
              />
            )}
          </QuietButton>
          {otherChannels.map((channel) => (
            <QuietButton
              key={channel}
              disabled={!flow.canResend}
              onClick={() => flow.resend({ channel })}
            >
              {formatMessage(
                messages.resendBy,
                { channel: channelName(channel, messages) },
                locale,
              )}
            </QuietButton>
          ))}
        </p>
      )}
    </form>
  );
}

export function Success({ messages, headingLevel, headingRef }: OtpVerifySuccessProps) {
  return (
    <div className="otpkit-verify__step otpkit-verify__success" data-step="verified">
      <Icon path={CHECK} />
      <Heading level={headingLevel} ref={headingRef}>
        {messages.verifiedHeading}
      </Heading>
      <p className="otpkit-verify__text">{messages.verifiedBody}</p>
    </div>
  );
}

export const defaultComponents: OtpVerifyComponents = {
  PhoneStep,
  CodeStep,
  Success,
  ErrorMessage,
};
