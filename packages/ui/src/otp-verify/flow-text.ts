/**
 * The words OtpVerify shows and announces for a flow state. Pure functions of the flow, the
 * messages and the locale: no React, so every sentence is unit-tested on its own.
 */
import { callingCode, maskPhone, type OtpChannel, type OtpErrorKind } from "@otpkit/core";
import type { OtpFlow } from "@otpkit/react";
import { formatCountdown, formatDuration, formatMessage } from "../i18n";
import type { OtpVerifyMessages } from "./messages";

type FlowView = Pick<
  OtpFlow,
  "error" | "secondsUntilRetry" | "attemptsLeft" | "challengeStatus" | "state"
>;

/** Kinds shown inline on the phone field rather than below the form. */
export const PHONE_FIELD_KINDS: readonly OtpErrorKind[] = ["invalid_phone", "blocked_phone"];

/** Left-to-right isolation, so numbers and codes read the same way on right-to-left pages. */
export const ltr = (text: string): string => `\u2066${text}\u2069`;

/** The last four digits of a number ("+66812345678" -> "5678"), for "a number ending 5678". */
export const lastDigits = (phone: string, count = 4): string =>
  phone.replace(/\D/g, "").slice(-count);

/**
 * A channel's name in the messages' language; another channel's from `channelNames`, else
 * its own id.
 */
export function channelName(channel: OtpChannel, messages: OtpVerifyMessages): string {
  if (channel === "sms") return messages.channelSms;
  if (channel === "whatsapp") return messages.channelWhatsapp;
  if (channel === "voice") return messages.channelVoice;
  return messages.channelNames?.[channel] ?? channel;
}

/** A whole E.164 number, as an adapter other than the kit's server may answer it. */
const WHOLE_NUMBER = /^\+[1-9]\d{6,14}$/;

/** The number as the code step shows it: masked ("+66 ••• ••• 678"), whoever answered. */
export const maskedPhone = (phone: string): string =>
  WHOLE_NUMBER.test(phone) ? maskPhone(phone) : phone;

/**
 * "Sent by SMS to +66 ••• ••• 678", and with `spoken` the same sentence for a screen reader,
 * which would read the dots out one by one: "Sent by SMS to the +66 number ending 678".
 */
export function sentTo(
  channel: OtpChannel,
  phone: string,
  messages: OtpVerifyMessages,
  locale: string,
  spoken = false,
): string {
  const masked = maskedPhone(phone);
  const shown = spoken
    ? formatMessage(
        messages.phoneEnding,
        { code: callingCode(masked), digits: lastDigits(masked, 3) },
        locale,
      )
    : masked;
  const template =
    channel === "sms"
      ? messages.sentBySms
      : channel === "whatsapp"
        ? messages.sentByWhatsapp
        : channel === "voice"
          ? messages.sentByVoice
          : messages.sentTo;
  return formatMessage(
    template,
    { phone: ltr(shown), channel: channelName(channel, messages) },
    locale,
  );
}

/**
 * The sentence for the flow's error, or null. `speech` words the waiting time for a screen
 * reader ("45 seconds") instead of a clock ("0:45").
 */
export function errorText(
  flow: FlowView,
  messages: OtpVerifyMessages,
  locale: string,
  speech = false,
): string | null {
  const { error } = flow;
  if (!error) return null;
  switch (error.kind) {
    case "invalid_phone":
      return messages.errorInvalidPhone;
    case "blocked_phone":
      return messages.errorBlockedPhone;
    case "rate_limited":
      return rateLimitedText(flow.secondsUntilRetry, messages, locale, speech);
    case "insufficient_quota":
    case "auth_failed":
    case "config_error":
      return messages.errorUnavailable;
    case "not_found":
      return messages.errorNotFound;
    case "wrong_code":
      return messages.errorWrongCode;
    case "too_many_attempts":
      return messages.errorTooManyAttempts;
    case "expired":
      return messages.errorExpired;
    case "already_verified":
      return messages.errorAlreadyVerified;
    case "network":
      return flow.state.failed?.op === "verify"
        ? messages.errorNetwork
        : messages.errorNetworkAfterSend;
    case "provider_error":
      return messages.errorProviderError;
  }
}

/** "Too many tries. Wait 0:45, then try again.", or "You can try again now." at zero. */
export function rateLimitedText(
  seconds: number,
  messages: OtpVerifyMessages,
  locale: string,
  speech = false,
): string {
  if (seconds <= 0) return messages.errorRateLimitedOver;
  const ms = seconds * 1000;
  const time = speech ? formatDuration(ms, locale) : formatCountdown(ms, locale);
  return formatMessage(messages.errorRateLimited, { time }, locale);
}

/** "2 attempts left", only when it matters: after a wrong code, or when few are left. */
export function attemptsText(
  flow: FlowView,
  messages: OtpVerifyMessages,
  locale: string,
): string | null {
  const left = flow.attemptsLeft;
  if (left === undefined || left <= 0 || flow.challengeStatus !== "live") return null;
  if (flow.error?.kind !== "wrong_code" && left > 2) return null;
  return formatMessage(messages.attemptsLeft, { count: left }, locale);
}
