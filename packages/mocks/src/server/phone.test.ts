import { describe, expect, it } from "vitest";
import { maskPhone, normalizePhone } from "./phone";

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

describe("normalizePhone", () => {
  it.each(["+66812345678", "66812345678", " 66812345678", "+66 81 234 5678"])(
    "turns %j into E.164",
    (input) => {
      expect(normalizePhone(input)).toBe("+66812345678");
    },
  );
});
