import { describe, expect, it } from "vitest";
import {
  formatCountdown,
  formatDuration,
  formatMessage,
  formatNumber,
  intlLocale,
  resolveLocale,
} from "./locale";

describe("resolveLocale", () => {
  it.each([
    ["th-TH", "th"],
    ["TH", "th"],
    ["zh-Hant-TW", "zh"],
    ["zh_CN", "zh"],
    ["id-ID", "id"],
    ["in", "id"],
    ["en-GB", "en"],
    ["ar-EG", "en"],
    ["", "en"],
    ["not a tag", "en"],
  ])("picks the %s catalogue: %s", (tag, expected) => {
    expect(resolveLocale(tag)).toBe(expected);
  });

  it("falls back to English without a locale", () => {
    expect(resolveLocale()).toBe("en");
    expect(resolveLocale(null)).toBe("en");
  });

  it("takes the first tag of a list that has a catalogue", () => {
    expect(resolveLocale(["fr-FR", "th-TH", "en"])).toBe("th");
    expect(resolveLocale([])).toBe("en");
  });
});

describe("intlLocale", () => {
  it("keeps the caller's regional tag when it speaks the catalogue's language", () => {
    expect(intlLocale("en-GB")).toBe("en-GB");
    expect(intlLocale("th-TH")).toBe("th-TH");
  });
  it("uses the catalogue's language when the tag has no catalogue, so words never mix", () => {
    expect(intlLocale("ar")).toBe("en");
    expect(intlLocale("in")).toBe("id");
    expect(intlLocale("%%")).toBe("en");
  });
});

describe("formatCountdown", () => {
  it("shows minutes and two-digit seconds, rounding up", () => {
    expect(formatCountdown(24_000, "en")).toBe("0:24");
    expect(formatCountdown(23_001, "en")).toBe("0:24");
    expect(formatCountdown(252_000, "en")).toBe("4:12");
    expect(formatCountdown(60_000, "en")).toBe("1:00");
    expect(formatCountdown(3_605_000, "en")).toBe("1:00:05");
    expect(formatCountdown(-5, "en")).toBe("0:00");
  });
  it("uses the locale's digits when it asks for them", () => {
    expect(formatCountdown(24_000, "th-TH-u-nu-thai")).toBe("๐:๒๔");
  });
});

describe("formatDuration", () => {
  it("says short waits in seconds and long ones in minutes", () => {
    expect(formatDuration(20_000, "en")).toBe("20 seconds");
    expect(formatDuration(1_000, "en")).toBe("1 second");
    expect(formatDuration(90_000, "en")).toBe("90 seconds");
    expect(formatDuration(300_000, "en")).toBe("5 minutes");
    expect(formatDuration(150_000, "en")).toBe("2 minutes, 30 seconds");
  });
  it("speaks the catalogue's language", () => {
    expect(formatDuration(20_000, "th")).toContain("20");
    expect(formatDuration(20_000, "th")).toContain("วินาที");
    expect(formatDuration(20_000, "id")).toBe("20 detik");
    expect(formatDuration(20_000, "zh")).toContain("秒");
  });
});

describe("formatMessage", () => {
  it("fills placeholders and formats numbers for the locale", () => {
    expect(formatMessage("Resend in {time}", { time: "0:24" })).toBe("Resend in 0:24");
    expect(formatMessage("{count} left", { count: 1234 }, "en")).toBe("1,234 left");
    expect(formatMessage("Hi {who}", {})).toBe("Hi {who}");
  });
  it("picks the plural form for the count", () => {
    const attempts = { one: "{count} attempt left", other: "{count} attempts left" };
    expect(formatMessage(attempts, { count: 1 }, "en")).toBe("1 attempt left");
    expect(formatMessage(attempts, { count: 2 }, "en")).toBe("2 attempts left");
    expect(formatMessage(attempts, { count: 1 }, "th")).toBe("1 attempts left");
  });
  it("formats plain numbers", () => {
    expect(formatNumber(5, "en")).toBe("5");
  });
});
