import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEdit, codeChar, extractCode, reconcile, toCode } from "./normalize";

describe("toCode", () => {
  it.each([
    ["123456", "123456"],
    ["๑๒๓๔๕๖", "123456"], // Thai
    ["١٢٣٤٥٦", "123456"], // Arabic-Indic
    ["۱۲۳۴۵۶", "123456"], // Eastern Arabic-Indic (Persian, Urdu)
    ["１２３４５６", "123456"], // full-width
    ["७८९०", "7890"], // Devanagari
    ["𝟏𝟐𝟑", "123"], // mathematical bold, outside the BMP, in a run of touching digit sets
  ])("turns the digits of %s into ASCII", (text, code) => {
    expect(toCode(text)).toBe(code);
  });

  it("drops letters, spaces and punctuation unless letters are allowed", () => {
    expect(toCode("12a-b 3")).toBe("123");
    expect(toCode("12a-b 3", true)).toBe("12AB3");
    expect(toCode("ｘｙ９", true)).toBe("XY9");
  });

  it("refuses non-Latin letters and superscripts even when letters are allowed", () => {
    expect(codeChar("ก", true)).toBe("");
    expect(codeChar("é", true)).toBe("");
    expect(codeChar("²")).toBe("");
    expect(codeChar("ß", true)).toBe("");
  });
});

describe("extractCode", () => {
  it.each([
    ["123456", "123456"],
    ["123 456", "123456"],
    ["123-456", "123456"],
    ["123–456", "123456"],
    [" 123456\n", "123456"],
    ["Your code is 123-456. Do not share it. Ref IpA6k", "123456"],
    ["Ref 77. Your code: 654321, valid 5 minutes", "654321"],
    ["รหัสของคุณคือ ๑๒๓๔๕๖ (Ref: AB12)", "123456"],
    ["رمز التحقق: ١٢٣٤٥٦", "123456"],
  ])("finds the code in %j", (text, code) => {
    expect(extractCode(text, 6)).toBe(code);
  });

  it("does not take every digit of a message", () => {
    expect(extractCode("Code 123456 sent at 10:42 to +66 81 234 5678", 6)).toBe("123456");
  });

  it("joins at most one separator into a run", () => {
    // "12 34 56" has no run of six: its digits are used as they are.
    expect(extractCode("12 34 56", 6)).toBe("123456");
    expect(extractCode("call 0 800 123 to get 987-654", 6)).toBe("987654");
  });

  it("falls back to every code character when the text holds no full code", () => {
    expect(extractCode("45", 6)).toBe("45");
    expect(extractCode("no code here", 6)).toBe("");
  });

  it("prefers a run with a digit over words when letters are allowed", () => {
    expect(extractCode("Your code is A7K-2Q9", 6, true)).toBe("A7K2Q9");
    expect(extractCode("code is ab12cd", 6, true)).toBe("AB12CD");
  });
});

describe("applyEdit", () => {
  it("refuses typed characters outside the code", () => {
    expect(applyEdit("12", 2, 2, "a", false, 6)).toEqual({ value: "12", caret: 2 });
  });

  it("overwrites the slot under a collapsed caret", () => {
    expect(applyEdit("123456", 2, 2, "9", false, 6)).toEqual({ value: "129456", caret: 3 });
  });

  it("appends at the end and never goes past the length", () => {
    expect(applyEdit("12", 2, 2, "3", false, 6)).toEqual({ value: "123", caret: 3 });
    expect(applyEdit("123456", 6, 6, "7", false, 6)).toEqual({ value: "123456", caret: 6 });
  });

  it("replaces a selection with what is typed", () => {
    expect(applyEdit("123456", 1, 4, "9", false, 6)).toEqual({ value: "1956", caret: 2 });
  });

  it("replaces the whole value with a pasted whole code, wherever the caret is", () => {
    expect(applyEdit("12", 1, 1, "Your code is 987 654", true, 6)).toEqual({
      value: "987654",
      caret: 6,
    });
  });

  it("puts a partial paste in at the caret", () => {
    expect(applyEdit("12", 2, 2, "3 4", true, 6)).toEqual({ value: "1234", caret: 4 });
  });
});

describe("reconcile", () => {
  it("keeps a deletion the browser made, with the caret where it was", () => {
    expect(reconcile("123456", "12456", 6)).toEqual({ value: "12456", caret: 2 });
    expect(reconcile("123456", "", 6)).toEqual({ value: "", caret: 0 });
  });

  it("treats several characters added at once (autofill) as a paste", () => {
    expect(reconcile("", "123 456", 6)).toEqual({ value: "123456", caret: 6 });
    expect(reconcile("12", "12Your code is 555-666", 6)).toEqual({ value: "555666", caret: 6 });
  });

  it("normalizes what an IME composed", () => {
    expect(reconcile("12", "12３", 6)).toEqual({ value: "123", caret: 3 });
    expect(reconcile("12", "12あ", 6)).toEqual({ value: "12", caret: 2 });
  });
});

// Any sequence of typing, pasting and deleting (the three ways a value changes).
const length = fc.integer({ min: 1, max: 10 });
const anyText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(..."0123456789๑๒١٢۳１２ -aZ#\u00a0\n"), maxLength: 30 }),
);
const step = fc.oneof(
  fc.record({ kind: fc.constant("type" as const), text: anyText, at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant("paste" as const), text: anyText, at: fc.nat(), to: fc.nat() }),
  fc.record({
    kind: fc.constant("delete" as const),
    text: fc.constant(""),
    at: fc.nat(),
    to: fc.nat(),
  }),
  fc.record({ kind: fc.constant("browser" as const), text: anyText, at: fc.nat(), to: fc.nat() }),
);

describe("properties", () => {
  it.each([false, true])(
    "any edits leave only code characters, at most length (letters: %s)",
    (alnum) => {
      const allowed = alnum ? /^[0-9A-Z]*$/ : /^[0-9]*$/;
      fc.assert(
        fc.property(length, fc.array(step, { maxLength: 25 }), (n, steps) => {
          let value = "";
          for (const { kind, text, at, to } of steps) {
            const start = at % (value.length + 1);
            const end = start + (to % (value.length - start + 1));
            const edited =
              kind === "delete"
                ? reconcile(value, value.slice(0, start) + value.slice(end), n, alnum)
                : kind === "browser"
                  ? reconcile(value, value.slice(0, start) + text + value.slice(end), n, alnum)
                  : applyEdit(value, start, end, text, kind === "paste", n, alnum);
            value = edited.value;
            expect(value).toMatch(allowed);
            expect(value.length).toBeLessThanOrEqual(n);
            expect(edited.caret).toBeGreaterThanOrEqual(0);
            expect(edited.caret).toBeLessThanOrEqual(value.length);
          }
        }),
      );
    },
  );

  it("a code pasted inside any message without other runs of its length comes out whole", () => {
    const words = fc.array(
      fc.constantFrom("Your", "code", "is", "Ref", "IpA6k", "เลข", "验证码", "12", "."),
      {
        maxLength: 6,
      },
    );
    fc.assert(
      fc.property(
        words,
        fc.stringMatching(/^[0-9]{6}$/),
        fc.constantFrom("", " ", "-"),
        words,
        (before, code, sep, after) => {
          const text = [...before, code.slice(0, 3) + sep + code.slice(3), ...after].join(" ");
          expect(applyEdit("", 0, 0, text, true, 6).value).toBe(code);
        },
      ),
    );
  });

  it("typing or pasting only refused characters never changes the value", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{0,6}$/),
        fc.nat(),
        fc.nat(),
        fc.string({ unit: fc.constantFrom(..."abcXYZ -#.,あ\u00a0\n"), minLength: 1 }),
        fc.boolean(),
        (value, at, to, text, paste) => {
          const start = at % (value.length + 1);
          const end = start + (to % (value.length - start + 1));
          expect(applyEdit(value, start, end, text, paste, 6).value).toBe(value);
        },
      ),
    );
  });

  it("text the browser sets that holds a whole code gives that code, whatever was typed", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{0,5}$/),
        fc.stringMatching(/^[0-9]{6}$/),
        fc.constantFrom("", "Your code is ", "รหัส "),
        (typed, code, words) => {
          expect(reconcile(typed, `${words}${code}`, 6).value).toBe(code);
        },
      ),
    );
  });

  it("typing the characters of a code one by one gives the code", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Za-z]{1,8}$/), (typed) => {
        let edit = { value: "", caret: 0 };
        for (const char of typed)
          edit = applyEdit(edit.value, edit.caret, edit.caret, char, false, 8, true);
        expect(edit.value).toBe(typed.toUpperCase());
      }),
    );
  });
});
