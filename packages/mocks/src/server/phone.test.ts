import { describe, expect, it } from "vitest";
import { normalizePhone } from "./phone";

describe("normalizePhone", () => {
  it.each(["+66812345678", "66812345678", " 66812345678", "+66 81 234 5678"])(
    "turns %j into E.164",
    (input) => {
      expect(normalizePhone(input)).toBe("+66812345678");
    },
  );
});
