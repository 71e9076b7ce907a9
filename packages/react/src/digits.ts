/**
 * Decimal digits of any script as ASCII, for the code field and the phone field alike.
 */

const DECIMAL = /\p{Nd}/u;
const isDecimal = (codePoint: number) => DECIMAL.test(String.fromCodePoint(codePoint));

/**
 * The ASCII digit a decimal digit of any script stands for (Thai "๘", Arabic-Indic "٨",
 * Persian "۸", full-width "８" -> "8"), else undefined.
 */
export function asciiDigit(char: string): string | undefined {
  const codePoint = char.codePointAt(0) ?? 0;
  if (!isDecimal(codePoint)) return undefined;
  // Unicode encodes every decimal digit set as 10 consecutive code points from its zero, and
  // sets that touch are whole sets: the distance to the start of the run, mod 10, is the digit.
  let zero = codePoint;
  while (isDecimal(zero - 1)) zero--;
  return String((codePoint - zero) % 10);
}
