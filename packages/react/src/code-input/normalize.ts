/**
 * The text rules of a code field, pure: which characters a code holds, how typed, pasted or
 * autofilled text becomes a code, and what an edit does to the value.
 */

import { asciiDigit } from "../digits";

/**
 * The character as a code holds it, or "" when a code cannot hold it. Decimal digits of any
 * script (Thai ๑, Arabic-Indic ١, Persian ۱, full-width １...) become ASCII digits; when
 * `alphanumeric`, Latin letters (full-width too) become upper case.
 */
export function codeChar(char: string, alphanumeric?: boolean): string {
  const digit = asciiDigit(char);
  if (digit) return digit;
  const letter = char.normalize("NFKC").toUpperCase();
  return alphanumeric && /^[A-Z]$/.test(letter) ? letter : "";
}

/** Every character a code can hold, converted; everything else dropped. */
export function toCode(text: string, alphanumeric?: boolean): string {
  let code = "";
  for (const char of text) code += codeChar(char, alphanumeric);
  return code;
}

/**
 * The code in pasted or autofilled text: `123456`, `123 456`, `123-456`, a whole SMS
 * ("Your code is 123-456. Do not share it. Ref IpA6k" gives 123456, not every digit in it).
 * It is the first run of exactly `length` code characters, possibly split once by a space or
 * a dash; a run with a digit wins over letters only (so "CODE IS" never beats "A7K2Q9"), and a
 * run standing alone over part of a longer chain of groups.
 * Without such a run, every code character in the text, so a partial paste still goes in.
 */
export function extractCode(text: string, length: number, alphanumeric?: boolean): string {
  let marked = "";
  for (const char of text)
    marked += codeChar(char, alphanumeric) || (/[\s\p{Pd}]/u.test(char) ? " " : "/");
  const runs = [...marked.matchAll(/[0-9A-Z]+/g)].map((run) => ({ text: run[0], at: run.index }));
  // linked[i]: runs i and i + 1 are split by exactly one space or dash.
  const linked = runs.map(
    (run, i) =>
      runs[i + 1]?.at === run.at + run.text.length + 1 && marked[run.at + run.text.length] === " ",
  );
  let found: string | undefined;
  let best = 0;
  runs.forEach((run, i) => {
    for (const [candidate, chained] of [
      [run.text, linked[i - 1] || linked[i]],
      [linked[i] ? run.text + runs[i + 1]?.text : "", linked[i - 1] || linked[i + 1]],
    ] as const) {
      // A run with a digit beats letters only; a whole run beats part of a longer chain
      // (a phone number such as "0 800 123 456").
      const score =
        candidate.length === length ? 1 + (/\d/.test(candidate) ? 2 : 0) + (chained ? 0 : 1) : 0;
      if (score > best) {
        best = score;
        found = candidate;
      }
    }
  });
  return found ?? marked.replace(/[^0-9A-Z]/g, "");
}

/** A value and where the caret goes after an edit. */
export interface CodeEdit {
  value: string;
  caret: number;
}

/**
 * Replaces `value[start, end)` with `text` as a code field does. Typed text is filtered
 * (refused characters change nothing); pasted text is searched for the code, and a whole code
 * replaces the whole value. On a collapsed caret, characters overwrite the slots after it,
 * as each slot holds one character. Never more than `length`.
 */
export function applyEdit(
  value: string,
  start: number,
  end: number,
  text: string,
  paste: boolean,
  length: number,
  alphanumeric?: boolean,
): CodeEdit {
  const insert = paste ? extractCode(text, length, alphanumeric) : toCode(text, alphanumeric);
  // Text with nothing a code can hold (a refused key, a paste of words) changes nothing, not
  // even a selection it was typed over.
  if (insert === "" && text !== "") return { value, caret: end };
  if (insert.length === length) return { value: insert, caret: length };
  const to = start === end ? Math.min(start + insert.length, value.length) : end;
  return {
    value: (value.slice(0, start) + insert + value.slice(to)).slice(0, length),
    caret: Math.min(start + insert.length, length),
  };
}

/**
 * The edit the browser made on its own (autofill, IME composition, deletion, undo), found by
 * comparing the field's text with the value, then applied by the rules above: more than one
 * character added at once (iOS autofill) counts as a paste, and when the field's whole text
 * then holds a whole code, that code is the value (autofill replaces what was typed before).
 */
export function reconcile(
  value: string,
  text: string,
  length: number,
  alphanumeric?: boolean,
): CodeEdit {
  let start = 0;
  while (start < value.length && value[start] === text[start]) start++;
  let tail = 0;
  while (
    tail < value.length - start &&
    tail < text.length - start &&
    value[value.length - 1 - tail] === text[text.length - 1 - tail]
  ) {
    tail++;
  }
  const inserted = text.slice(start, text.length - tail);
  if (inserted.length > 1) {
    const whole = extractCode(text, length, alphanumeric);
    if (whole.length === length) return { value: whole, caret: length };
  }
  return applyEdit(
    value,
    start,
    value.length - tail,
    inserted,
    inserted.length > 1,
    length,
    alphanumeric,
  );
}
