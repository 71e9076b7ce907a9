import { id as codeInput } from "../../code-input/locales/id";
import { id as otpVerify } from "../../otp-verify/locales/id";
import { id as phoneInput } from "../../phone-input/locales/id";
import type { LocaleMessages } from "../messages";

/**
 * Indonesian for every component, for `registerLocale(id)`: on the first paint and on the server.
 * Components load their own part on demand without it. An app that uses one component can
 * register only its part: `registerLocale({ locale: "id", codeInput })`.
 */
export const id: LocaleMessages = { locale: "id", otpVerify, phoneInput, codeInput };

export { codeInput, otpVerify, phoneInput };
