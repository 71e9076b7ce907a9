import { describe, expect, it } from "vitest";
import { asciiDigit } from "./digits";

describe("asciiDigit", () => {
  it.each([
    ["0", "0"],
    ["9", "9"],
    ["๘", "8"],
    ["٨", "8"],
    ["۸", "8"],
    ["８", "8"],
    ["০", "0"],
    ["𝟗", "9"],
  ])("reads %s as %s", (char, digit) => {
    expect(asciiDigit(char)).toBe(digit);
  });

  it.each(["a", "+", " ", "-", "Ⅷ", "½", ""])("reads %j as no digit", (char) => {
    expect(asciiDigit(char)).toBeUndefined();
  });
});
