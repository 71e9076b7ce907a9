import { describe, expect, it } from "vitest";
import { callingCode, maskPhone } from "./phone";

describe("callingCode", () => {
  it.each([
    ["+12025550123", "1"],
    ["+79161234567", "7"],
    ["+66812345678", "66"],
    ["+6281234567890", "62"],
    ["+85291234567", "852"],
    ["+353871234567", "353"],
  ])("reads %s as %s", (phone, code) => {
    expect(callingCode(phone)).toBe(code);
  });
});

describe("maskPhone", () => {
  it.each([
    ["+66812345678", "+66 ••• ••• 678"],
    ["+12025550123", "+1 ••• ••• 123"],
    ["+6281234567890", "+62 ••• ••• 890"],
    ["+8613800138000", "+86 ••• ••• 000"],
    ["+79161234567", "+7 ••• ••• 567"],
    ["+353871234567", "+353 ••• ••• 567"],
    ["+85291234567", "+852 ••• ••• 567"],
  ])("shows %s as %s", (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it("shows numbers of different lengths with the same width", () => {
    expect(maskPhone("+6681234567").length).toBe(maskPhone("+66812345678").length);
  });
});
