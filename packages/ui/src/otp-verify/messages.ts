import { codeInputMessages } from "../code-input/messages";
import type { Catalogue, PluralMessage } from "../i18n";
import { phoneInputMessages } from "../phone-input/messages";

/**
 * Every string OtpVerify shows or announces. `{placeholders}` are filled in by the component;
 * `{time}` is a clock ("0:24"), `{duration}` words ("20 seconds"), both formatted by Intl.
 */
export interface OtpVerifyMessages {
  phoneHeading: string;
  phoneIntro: string;
  phoneLabel: string;
  channelLegend: string;
  channelSms: string;
  channelWhatsapp: string;
  channelVoice: string;
  /**
   * Names of other channels your backend offers (`{ line: "LINE" }`); without one a channel
   * shows as its id. No catalogue has any.
   */
  channelNames?: Readonly<Partial<Record<string, string>>>;
  sendCode: string;
  /** Sending with an empty or unreadable number (PhoneInput explains the others). */
  invalidNumber: string;

  codeHeading: string;
  /** `{phone}`: the number as the server shows it ("+66 ••• ••• 678"). */
  sentBySms: string;
  sentByWhatsapp: string;
  sentByVoice: string;
  /** Another channel: `{channel}` and `{phone}`. */
  sentTo: string;
  /**
   * The masked number as a screen reader says it, in place of `{phone}` above: `{code}` is
   * the calling code, `{digits}` the last digits shown.
   */
  phoneEnding: string;
  changeNumber: string;
  /** The provider's reference code, printed in the SMS too: `{reference}`. */
  reference: string;
  verify: string;
  resend: string;
  resendIn: string;
  /** Resend on another channel offered by the server: `{channel}`. */
  resendBy: string;
  expiresIn: string;
  attemptsLeft: PluralMessage;
  sendNewCode: string;
  tryAgain: string;
  sending: string;
  verifying: string;

  verifiedHeading: string;
  verifiedBody: string;

  errorInvalidPhone: string;
  errorBlockedPhone: string;
  errorRateLimited: string;
  errorRateLimitedOver: string;
  /** insufficient_quota, auth_failed and config_error: not the user's problem, no retry. */
  errorUnavailable: string;
  errorNotFound: string;
  errorWrongCode: string;
  errorTooManyAttempts: string;
  errorExpired: string;
  errorAlreadyVerified: string;
  errorNetwork: string;
  /** A send (or resend) got no answer: the SMS may still arrive. */
  errorNetworkAfterSend: string;
  errorProviderError: string;

  /** Live-region announcements: `{digits}` are the last four digits of the number. */
  announceSent: string;
  announceResendIn: string;
  announceResendReady: string;
  announceExpiresSoon: string;
  announceVerified: string;
}

const en: OtpVerifyMessages = {
  phoneHeading: "Enter your phone number",
  phoneIntro: "We'll send you a code to check it's your number.",
  phoneLabel: "Phone number",
  channelLegend: "Send the code by",
  channelSms: "SMS",
  channelWhatsapp: "WhatsApp",
  channelVoice: "Voice call",
  sendCode: "Send code",
  invalidNumber: "Enter a full phone number, including the area code.",

  codeHeading: "Enter the code",
  sentBySms: "Sent by SMS to {phone}",
  sentByWhatsapp: "Sent by WhatsApp to {phone}",
  sentByVoice: "We're calling {phone} with your code",
  sentTo: "Sent by {channel} to {phone}",
  phoneEnding: "the +{code} number ending {digits}",
  changeNumber: "Change number",
  reference: "Ref {reference}",
  verify: "Verify",
  resend: "Resend code",
  resendIn: "Resend in {time}",
  resendBy: "Send by {channel} instead",
  expiresIn: "Code expires in {time}",
  attemptsLeft: { one: "{count} attempt left", other: "{count} attempts left" },
  sendNewCode: "Send new code",
  tryAgain: "Try again",
  sending: "Sending code…",
  verifying: "Checking the code…",

  verifiedHeading: "Phone number verified",
  verifiedBody: "Thanks. You can carry on.",

  errorInvalidPhone: "This number doesn't look right. Check it and try again.",
  errorBlockedPhone: "We can't send a code to this number. Try another number or contact support.",
  errorRateLimited: "Too many tries. Wait {time}, then try again.",
  errorRateLimitedOver: "You can try again now.",
  errorUnavailable: "This service isn't available right now. Try again later.",
  errorNotFound: "This code request is no longer valid.",
  errorWrongCode: "That code isn't right. Check it and try again.",
  errorTooManyAttempts: "Too many wrong codes. Ask for a new code.",
  errorExpired: "This code has expired. Ask for a new code.",
  errorAlreadyVerified: "This code has already been used. Ask for a new code.",
  errorNetwork: "We couldn't connect. Check your connection and try again.",
  errorNetworkAfterSend:
    "We couldn't connect. The code may still arrive. If it doesn't, try again.",
  errorProviderError: "Something went wrong on our side. Try again later.",

  announceSent: "Code sent to a number ending {digits}.",
  announceResendIn: "You can resend in {duration}.",
  announceResendReady: "You can resend the code now.",
  announceExpiresSoon: "The code expires in {duration}.",
  announceVerified: "Phone number verified.",
};

/**
 * English is built in; th, id and zh are in `./locales`, each loaded on demand (a literal
 * `import()` per locale, so every bundler makes each its own small chunk) together with the
 * parts of the two fields OtpVerify renders: three small chunks in parallel.
 */
export const otpVerifyMessages: Catalogue<OtpVerifyMessages> = {
  name: "otpVerify",
  en,
  load: {
    th: () => import("./locales/th").then((module) => module.th),
    id: () => import("./locales/id").then((module) => module.id),
    zh: () => import("./locales/zh").then((module) => module.zh),
  },
  includes: [phoneInputMessages, codeInputMessages],
};
