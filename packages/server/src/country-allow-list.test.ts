import { OtpError } from "@otpkit/core";
import { createFakeAdapter } from "@otpkit/core/testing";
import { describe, expect, it } from "vitest";
import { callingCodesOf, withCountryAllowList } from "./country-allow-list";

describe("callingCodesOf", () => {
  it("takes ISO codes from its table and calling codes with or without a plus", () => {
    expect([...callingCodesOf(["TH", "id", "+65", "852"])].sort()).toEqual([
      "62",
      "65",
      "66",
      "852",
    ]);
  });

  it.each(["XX", "Thailand", "+0", "12345", ""])("refuses %j instead of ignoring it", (entry) => {
    expect(() => callingCodesOf([entry])).toThrow(RangeError);
  });
});

describe("withCountryAllowList", () => {
  it("sends to an allowed country", async () => {
    const fake = createFakeAdapter();
    const adapter = withCountryAllowList(fake, ["TH", "62"]);
    await expect(adapter.send({ phone: "+66812345678" })).resolves.toMatchObject({ codeLength: 6 });
    await expect(adapter.send({ phone: "+6281234567890" })).resolves.toBeDefined();
    expect(fake.calls).toHaveLength(2);
  });

  it("refuses another country as invalid_phone without asking the provider", async () => {
    const fake = createFakeAdapter();
    const adapter = withCountryAllowList(fake, ["TH"]);
    const error = await adapter.send({ phone: "+6281234567890" }).catch((thrown) => thrown);
    expect(error).toBeInstanceOf(OtpError);
    expect(error.kind).toBe("invalid_phone");
    expect(fake.calls).toHaveLength(0);
  });

  it("matches the whole calling code (+855 is not +852)", async () => {
    const adapter = withCountryAllowList(createFakeAdapter(), ["852"]);
    await expect(adapter.send({ phone: "+85591234567" })).rejects.toMatchObject({
      kind: "invalid_phone",
    });
  });

  it("allows every country when the list is empty", async () => {
    const fake = createFakeAdapter();
    expect(withCountryAllowList(fake, [])).toBe(fake);
  });
});
