import { th as codeInput } from "../../code-input/locales/th";
import { th as otpVerify } from "../../otp-verify/locales/th";
import { th as phoneInput } from "../../phone-input/locales/th";
import type { LocaleMessages } from "../messages";

/**
 * Thai for every component, for `registerLocale(th)`: on the first paint and on the server.
 * Components load their own part on demand without it. An app that uses one component can
 * register only its part: `registerLocale({ locale: "th", codeInput })`.
 */
export const th: LocaleMessages = { locale: "th", otpVerify, phoneInput, codeInput };

export { codeInput, otpVerify, phoneInput };
