import { describe, expect, it } from "vitest";
import { callingCode, maskPhone } from "./phone";

describe("callingCode", () => {
  it.each([
    ["+66812345678", "66"],
    ["+6281234567890", "62"],
    ["+14155550100", "1"],
    ["+79161234567", "7"],
    ["+85291234567", "852"],
    ["+8801712345678", "880"],
    ["+886912345678", "886"],
  ])("reads %s as +%s", (phone, code) => {
    expect(callingCode(phone)).toBe(code);
  });
});

describe("maskPhone", () => {
  it("keeps the calling code and the last three digits only", () => {
    expect(maskPhone("+66812345678")).toBe("+66 ••• ••• 678");
    expect(maskPhone("+85291234567")).toBe("+852 ••• ••• 567");
  });

  it("gives numbers of different lengths masks of one width", () => {
    expect(maskPhone("+6281234567").length).toBe(maskPhone("+62812345678901").length);
  });
});
