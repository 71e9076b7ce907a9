import { describe, expect, it } from "vitest";
import { randomDigits, randomId, randomReference, randomToken } from "./random";

describe("randomDigits", () => {
  it.each([4, 6, 10])("gives %i digits", (length) => {
    expect(randomDigits(length)).toMatch(new RegExp(`^\\d{${length}}$`));
  });

  it("spreads digits evenly over 0-9", () => {
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) {
      for (const digit of randomDigits(10))
        counts[Number(digit)] = (counts[Number(digit)] ?? 0) + 1;
    }
    const expected = 20_000;
    const chiSquare = counts.reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
    // Exceeded by a fair generator with p = 1e-7 (9 degrees of freedom); `byte % 10`
    // without redrawing would score about 73 at this sample size.
    expect(chiSquare).toBeLessThan(50.17);
  });
});

describe("randomId, randomToken and randomReference", () => {
  it("gives 32 hex characters, different every time", () => {
    const ids = new Set(Array.from({ length: 100 }, randomId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });

  it("gives challenge ids shaped like the server's: 22 base64url characters, all different", () => {
    const ids = new Set(Array.from({ length: 100 }, randomToken));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[\w-]{22}$/);
  });

  it("gives five capital letters without look-alikes (I, O)", () => {
    for (let i = 0; i < 200; i++) expect(randomReference()).toMatch(/^[A-HJ-NP-Z]{5}$/);
  });
});
