import { codeInputMessages } from "../code-input/messages";
import { otpVerifyMessages } from "../otp-verify/messages";
import { phoneInputMessages } from "../phone-input/messages";
import { type Catalogue, loadMessages } from "./messages";

const EVERY_CATALOGUE: readonly Catalogue<object>[] = [
  otpVerifyMessages,
  phoneInputMessages,
  codeInputMessages,
];

/**
 * Loads a locale for a BCP 47 tag (`"th-TH"` loads Thai) unless it is English or already
 * here, and resolves once it is in the page: every component's part (each its own small
 * chunk, in parallel), or only those of the catalogues given
 * (`loadLocale("th", [codeInputMessages])`). Components load their own part themselves when
 * they meet a locale they lack; call this to start earlier, for example when the user picks a
 * language. A chunk that fails to load leaves English in place and is tried again next time.
 */
export function loadLocale(
  locale?: string | null,
  catalogues: readonly Catalogue<object>[] = EVERY_CATALOGUE,
): Promise<void> {
  return loadMessages(catalogues, locale);
}
