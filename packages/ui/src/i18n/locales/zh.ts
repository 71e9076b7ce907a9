import { zh as codeInput } from "../../code-input/locales/zh";
import { zh as otpVerify } from "../../otp-verify/locales/zh";
import { zh as phoneInput } from "../../phone-input/locales/zh";
import type { LocaleMessages } from "../messages";

/**
 * Chinese for every component, for `registerLocale(zh)`: on the first paint and on the server.
 * Components load their own part on demand without it. An app that uses one component can
 * register only its part: `registerLocale({ locale: "zh", codeInput })`.
 */
export const zh: LocaleMessages = { locale: "zh", otpVerify, phoneInput, codeInput };

export { codeInput, otpVerify, phoneInput };
