/**
 * Every locale's messages at once, English included: for tests, stories and tools that must
 * know every sentence. Importing this pulls every locale into the bundle, so components never
 * do; they load a locale on demand (see ./messages.ts).
 */
import { codeInputMessages } from "../code-input/messages";
import { otpVerifyMessages } from "../otp-verify/messages";
import { phoneInputMessages } from "../phone-input/messages";
import type { Locale } from "./locale";
import { id } from "./locales/id";
import { th } from "./locales/th";
import { zh } from "./locales/zh";
import type { LocaleMessages } from "./messages";

export const en: LocaleMessages = {
  locale: "en",
  otpVerify: otpVerifyMessages.en,
  phoneInput: phoneInputMessages.en,
  codeInput: codeInputMessages.en,
};

export const EVERY_LOCALE: Readonly<Record<Locale, LocaleMessages>> = { en, th, id, zh };
