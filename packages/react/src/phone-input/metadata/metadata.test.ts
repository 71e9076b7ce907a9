// @vitest-environment node
import { createRequire } from "node:module";
import { describe, expect, it, vi } from "vitest";
// @ts-expect-error: a plain Node script, no types.
import { staleFiles } from "../../../scripts/phone-metadata.mjs";
import {
  callingCodeAt,
  callingCodeOfCountry,
  countriesOfCallingCode,
  hasNumberingPlan,
  loadNumberingPlan,
  metadata,
  preloadPhoneMetadata,
  subscribeToMetadata,
} from ".";

const full = createRequire(import.meta.url)("libphonenumber-js/metadata.mobile.json");

// One module state for the whole file: the tests run in order, from nothing loaded to all.
describe("phone metadata loaded a group of calling codes at a time", () => {
  it("is generated from the installed libphonenumber-js (run `pnpm --filter @otpkit/react metadata`)", () => {
    expect(staleFiles()).toEqual([]);
  });

  it("knows every country and calling code before any numbering plan is loaded", () => {
    expect(Object.keys(metadata.countries)).toEqual([]);
    expect(callingCodeOfCountry("TH")).toBe("66");
    expect(callingCodeOfCountry("GG")).toBe("44");
    expect(callingCodeOfCountry("XX")).toBeUndefined();
    expect(countriesOfCallingCode("1")[0]).toBe("US");
    expect(countriesOfCallingCode("1")).toContain("CA");
    expect(hasNumberingPlan("66")).toBe(false);
  });

  it.each([
    ["66812345678", "66"],
    ["12125550123", "1"],
    ["855121234", "855"],
    ["8001234", "800"],
    ["8", undefined],
    ["85", undefined],
    ["999123", undefined],
  ])("reads the calling code of %s as %s", (digits, code) => {
    expect(callingCodeAt(digits)).toBe(code);
  });

  it("loads a code's group once, tells subscribers, and holds what libphonenumber-js has", async () => {
    const listener = vi.fn();
    const unsubscribe = subscribeToMetadata(listener);
    await Promise.all([loadNumberingPlan("66"), loadNumberingPlan("66")]);
    unsubscribe();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(hasNumberingPlan("66")).toBe(true);
    expect(metadata.countries.TH).toEqual(full.countries.TH);
    // Only a few neighbouring codes came with it, not the world.
    const countries = Object.keys(metadata.countries);
    expect(countries.length).toBeLessThan(30);
    expect(countries).not.toContain("US");
    expect(hasNumberingPlan("62")).toBe(false);
  });

  it("preloads the groups of the countries named", async () => {
    await preloadPhoneMetadata(["id", "GB"]);
    expect(hasNumberingPlan("62")).toBe(true);
    expect(hasNumberingPlan("44")).toBe(true);
    expect(metadata.countries.JE).toEqual(full.countries.JE);
    expect(hasNumberingPlan("1")).toBe(false);
  });

  it("preloads everything: the same numbering plans as libphonenumber-js's mobile set", async () => {
    await preloadPhoneMetadata();
    expect(metadata.countries).toEqual(full.countries);
    expect(metadata.nonGeographic).toEqual(full.nonGeographic);
    expect(metadata.country_calling_codes).toEqual(full.country_calling_codes);
  });
});
