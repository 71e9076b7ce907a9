import fc from "fast-check";
import { beforeAll, expect, describe as group, it } from "vitest";
import { preloadPhoneMetadata } from "./metadata";
import {
  countryOfCallingCode,
  defaultCountryFor,
  describe,
  formatPhoneText,
  significant,
  textOfE164,
} from "./phone-number";

// Every numbering plan, as an app that preloads them has (./metadata.test.ts covers loading).
beforeAll(() => preloadPhoneMetadata());

/** Types `text` as a paste into an empty field with `country` picked. */
const paste = (text: string, country: Parameters<typeof formatPhoneText>[2]) => {
  const next = formatPhoneText(text, text.length, country);
  return { ...next, ...describe(next.text, next.country ?? country) };
};

group("pasting or autofilling a number", () => {
  it.each([
    ["+66 81 234 5678", "US", "+66 81 234 5678", "TH", "+66812345678"],
    ["0066812345678", "TH", "+66 81 234 5678", "TH", "+66812345678"],
    ["0066812345678", "US", "+66 81 234 5678", "TH", "+66812345678"],
    ["+62 821-2306-0001", "TH", "+62 821 2306 0001", "ID", "+6282123060001"],
    ["081-234-5678", "TH", "081 234 5678", "TH", "+66812345678"],
    ["(415) 555-2671", "US", "(415) 555-2671", "US", "+14155552671"],
    ["011 44 7400 123456", "US", "+44 7400 123456", "GB", "+447400123456"],
    ["tel:+1-613-555-0123", "CA", "+1 613 555 0123", "CA", "+16135550123"],
    ["๐๘๑ ๒๓๔ ๕๖๗๘", "TH", "081 234 5678", "TH", "+66812345678"],
    ["０８１２３４５６７８", "TH", "081 234 5678", "TH", "+66812345678"],
  ] as const)(
    "%s with %s picked shows %s, country %s, E.164 %s",
    (text, picked, shown, country, e164) => {
      const result = paste(text, picked);
      expect(result.text).toBe(shown);
      expect(result.country).toBe(country);
      expect(result.e164).toBe(e164);
      expect(result.isValid).toBe(true);
      expect(result.type).toBe("MOBILE");
      expect(result.problem).toBeUndefined();
    },
  );

  it("keeps the picked country for a national number, even one that is not valid there", () => {
    const result = paste("020 7946 0958", "TH");
    expect(result.country).toBe("TH");
    expect(result.isValid).toBe(false);
    expect(result.problem).toBe("too_long");
  });

  it("prefers the reading that gives a valid number when a country's own prefix also fits", () => {
    // Thailand dials out with 001/007/008/009, and "00" is the international prefix almost
    // everywhere: 0066… read as 006+6… would be Wallis and Futuna (+681), which is not valid.
    expect(paste("0066812345678", "TH").country).toBe("TH");
    // Thailand's own 001 prefix before a UK number.
    expect(paste("001447400123456", "TH").e164).toBe("+447400123456");
  });

  it("shares a calling code with the picked country until the number tells otherwise", () => {
    expect(formatPhoneText("+1", 2, "CA").country).toBe("CA");
    expect(formatPhoneText("+1", 2, "TH").country).toBe("US");
    expect(formatPhoneText("+1 212 555 0123", 15, "CA").country).toBe("US");
  });

  it("never keeps letters or more digits than a number can have", () => {
    expect(formatPhoneText("08a1b", 5, "TH").text).toBe("081");
    expect(significant(formatPhoneText("+".padEnd(40, "9"), 40, "TH").text).chars.length).toBe(20);
  });
});

group("the reason a number cannot be used", () => {
  it.each([
    ["081 234", "TH", "too_short"],
    ["081 234 5678 999", "TH", "too_long"],
    ["+999 1234 5678", "TH", "invalid_country"],
    ["08123456789", "TH", "too_long"],
    ["+1 023 456 7890", "TH", "invalid"],
    ["+44 0000 000000", "TH", "invalid"],
    ["02 123 4567", "TH", "not_mobile"],
    ["+44 20 7946 0958", "TH", "not_mobile"],
    ["021 555 1234", "ID", "not_mobile"],
    ["", "TH", undefined],
    ["081 234 5678", "TH", undefined],
  ] as const)("%s in %s: %s", (text, country, problem) => {
    expect(describe(text, country).problem).toBe(problem);
  });

  it("gives E.164 once the number has a possible length, valid or not", () => {
    expect(describe("081 234", "TH").e164).toBeNull();
    expect(describe("02 123 4567", "TH")).toMatchObject({
      e164: "+6621234567",
      isValid: true,
      isPossible: true,
      type: undefined,
    });
  });
});

group("formatting as you type keeps the caret after the same digit", () => {
  it("typing at the end", () => {
    let text = "";
    for (const digit of "0812345678") {
      const next = formatPhoneText(text + digit, text.length + 1, "TH", { previous: text });
      text = next.text;
      expect(next.caret).toBe(text.length);
    }
    expect(text).toBe("081 234 5678");
  });

  it("typing in the middle", () => {
    // "081 234 5678" -> type 9 after "081 2": "081 29|34 5678" -> "081 293 45678"
    const next = formatPhoneText("081 2934 5678", 6, "TH", { previous: "081 234 5678" });
    expect(next.text.slice(0, next.caret).replace(/\D/g, "")).toBe("08129");
  });

  it("Backspace on a space deletes the digit before it", () => {
    // "081 |234 5678", Backspace removes the space: the 1 goes instead.
    const next = formatPhoneText("081234 5678", 3, "TH", {
      previous: "081 234 5678",
      deleted: "backward",
    });
    expect(significant(next.text).chars).toBe("082345678");
    expect(next.text.slice(0, next.caret).replace(/\D/g, "")).toBe("08");
  });

  it("Delete on a space deletes the digit after it", () => {
    const next = formatPhoneText("081234 5678", 3, "TH", {
      previous: "081 234 5678",
      deleted: "forward",
    });
    expect(significant(next.text).chars).toBe("081345678");
    expect(next.text.slice(0, next.caret).replace(/\D/g, "")).toBe("081");
  });

  it("an international prefix typed as 00 becomes +, the caret following", () => {
    const next = formatPhoneText("0066", 4, "TH", { previous: "006" });
    expect(next.text).toBe("+66");
    expect(next.caret).toBe(3);
    expect(next.country).toBe("TH");
  });
});

group("a value given as E.164", () => {
  it("shows in the national format of its country", () => {
    expect(textOfE164("+66812345678", "US")).toEqual({ text: "081 234 5678", country: "TH" });
    expect(textOfE164("+14155552671", "TH")).toEqual({ text: "(415) 555-2671", country: "US" });
  });
});

group("the default country", () => {
  it("is the prop, else the locale's region, else US (no browser: the server)", () => {
    expect(defaultCountryFor("gb", "th")).toBe("GB");
    expect(defaultCountryFor(undefined, "th")).toBe("TH");
    expect(defaultCountryFor(undefined, "id")).toBe("ID");
    expect(defaultCountryFor(undefined, "zh")).toBe("CN");
    expect(defaultCountryFor(undefined, "en-GB")).toBe("GB");
    expect(defaultCountryFor(undefined, "en_GB")).toBe("GB");
    expect(defaultCountryFor(undefined, "en")).toBe("US");
    expect(defaultCountryFor("XX", "not a locale")).toBe("US");
    expect(defaultCountryFor(undefined, undefined)).toBe("US");
  });

  it("prefers the browser's region to the one guessed from the UI's language", () => {
    // An English UI (locale="en") in a Thai browser starts in Thailand, not the US.
    expect(defaultCountryFor(undefined, "en", ["th-TH", "en-US"])).toBe("TH");
    expect(defaultCountryFor(undefined, "zh", ["fr"])).toBe("FR");
    expect(defaultCountryFor(undefined, "en", ["th"])).toBe("TH");
    // The prop, then a region written in the locale, come first.
    expect(defaultCountryFor("ID", "en-GB", ["th-TH"])).toBe("ID");
    expect(defaultCountryFor(undefined, "en-GB", ["th-TH"])).toBe("GB");
    // The first tag that names a country wins over a likely region of the first language.
    expect(defaultCountryFor(undefined, "en", ["th", "id-ID"])).toBe("ID");
    expect(defaultCountryFor(undefined, "en", ["es-419", "es-MX"])).toBe("MX");
    // Nothing from the browser that means a country: the locale's likely region, else US.
    expect(defaultCountryFor(undefined, "id", ["not a tag", "es-419"])).toBe("ID");
  });

  it("knows the main country of a calling code", () => {
    expect(countryOfCallingCode("1")).toBe("US");
    expect(countryOfCallingCode("44")).toBe("GB");
    expect(countryOfCallingCode("999")).toBeUndefined();
  });
});

group("formatting, for any digits typed anywhere (property-based)", () => {
  const countries = ["TH", "ID", "US", "GB", "CN", "DE", "FR", "JP", "IN", "BR", "SG"] as const;
  const number = fc.oneof(
    fc.stringMatching(/^[1-9][0-9]{0,14}$/),
    fc.stringMatching(/^0[1-9][0-9]{0,13}$/),
    fc.stringMatching(/^\+[1-9][0-9]{0,14}$/),
  );
  const input = fc.record({
    chars: number,
    country: fc.constantFrom(...countries),
    at: fc.nat(),
    noise: fc.constantFrom("", " ", "-", "(", ").", "  "),
  });

  it("keeps every digit, the caret after the same digit, and formats the same when reformatted", () => {
    fc.assert(
      fc.property(input, ({ chars, country, at, noise }) => {
        // The user's text with some formatting of their own, and a caret somewhere in it.
        const text = chars
          .split("")
          .map((c, i) => (i > 0 && i % 3 === 0 ? noise + c : c))
          .join("");
        const caret = at % (text.length + 1);
        const next = formatPhoneText(text, caret, country);
        // An international prefix typed as digits ("00", "011") becomes "+": tested above.
        fc.pre(next.international === chars.startsWith("+"));
        expect(significant(next.text).chars).toBe(chars);
        expect(significant(next.text, next.caret).before).toBe(significant(text, caret).before);
        expect(next.caret).toBeGreaterThanOrEqual(0);
        expect(next.caret).toBeLessThanOrEqual(next.text.length);
        expect(formatPhoneText(next.text, next.caret, country)).toEqual(next);
      }),
      { numRuns: 300 },
    );
  });

  it("deleting one character anywhere removes exactly one digit", () => {
    fc.assert(
      fc.property(input, fc.boolean(), ({ chars, country, at }, forward) => {
        const formatted = formatPhoneText(chars, chars.length, country);
        fc.pre(formatted.international === chars.startsWith("+"));
        const shown = formatted.text;
        const position = at % shown.length;
        const edited = shown.slice(0, position) + shown.slice(position + 1);
        const next = formatPhoneText(edited, position, country, {
          previous: shown,
          deleted: forward ? "forward" : "backward",
        });
        const left = significant(next.text).chars.replace("+", "");
        fc.pre(next.international === formatted.international);
        // A digit goes; a space or bracket takes the digit beside it, if there is one.
        const digits = chars.replace("+", "").length;
        const beside = forward
          ? /\d/.test(shown.slice(position + 1))
          : /\d/.test(shown.slice(0, position));
        const removed = /\d/.test(shown.charAt(position)) || beside ? 1 : 0;
        expect(left.length).toBe(digits - removed);
      }),
      { numRuns: 300 },
    );
  });
});
