/**
 * What both ends of the protocol need to know about an E.164 number without a
 * phone-number library: its country calling code (destination allow-lists, masking) and
 * the masked form the server shows back to the browser.
 */

/** Calling codes one or two digits long; every other code has three (ITU-T E.164). */
const ONE_DIGIT_CODES = new Set(["1", "7"]);
const TWO_DIGIT_CODES = new Set(
  (
    "20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 " +
    "60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98"
  ).split(" "),
);

/** The country calling code of an E.164 number, digits only ("+66812345678" -> "66"). */
export function callingCode(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (ONE_DIGIT_CODES.has(digits.slice(0, 1))) return digits.slice(0, 1);
  if (TWO_DIGIT_CODES.has(digits.slice(0, 2))) return digits.slice(0, 2);
  return digits.slice(0, 3);
}

/**
 * The number as the server shows it to the browser: calling code and last three digits,
 * "+66812345678" -> "+66 ••• ••• 678". The hidden part has a fixed width, so the answer
 * does not give away the number's length either.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return `+${callingCode(digits)} ••• ••• ${digits.slice(-3)}`;
}
