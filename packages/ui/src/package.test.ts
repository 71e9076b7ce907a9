import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EVERY_LOCALE } from "./i18n/every-locale";
import * as ui from "./index";

// A string URL: jsdom's global URL class is not one node:fs accepts.
const src = dirname(fileURLToPath(import.meta.url));
const modules = (readdirSync(src, { recursive: true, encoding: "utf8" }) as string[])
  .filter((file) => /\.tsx?$/.test(file) && !/\.(test|stories)\.tsx?$/.test(file))
  .filter((file) => !file.startsWith("test/"));

describe("the package's modules", () => {
  it('mark every module that uses hooks with "use client" on its first line', () => {
    const hooks = modules.filter((file) =>
      /\buse[A-Z]\w*\(/.test(readFileSync(join(src, file), "utf8")),
    );
    expect(hooks.length).toBeGreaterThan(3);
    for (const file of hooks) {
      expect(readFileSync(join(src, file), "utf8").split("\n")[0], file).toBe('"use client";');
    }
  });

  it("import no CSS from JavaScript (Node must be able to render them)", () => {
    for (const file of modules) {
      expect(readFileSync(join(src, file), "utf8"), file).not.toMatch(/import\s+["'][^"']+\.css/);
    }
  });
});

describe("the public door", () => {
  it("exports the three components, their catalogues and the locale helpers", () => {
    for (const name of [
      "OtpVerify",
      "CodeInput",
      "PhoneInput",
      "otpVerifyMessages",
      "codeInputMessages",
      "phoneInputMessages",
      "resolveLocale",
      "resolveMessages",
      "registerLocale",
      "loadLocale",
      "useMessages",
      "formatCountdown",
      "formatDuration",
    ]) {
      expect(ui, name).toHaveProperty(name);
    }
  });
});

const placeholders = (value: unknown): string[] =>
  [...JSON.stringify(value).matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();

describe.each([
  ["OtpVerify", ui.otpVerifyMessages],
  ["CodeInput", ui.codeInputMessages],
  ["PhoneInput", ui.phoneInputMessages],
])("the %s catalogue", (_name, catalogue) => {
  const english = catalogue.en as unknown as Record<string, unknown>;

  it("is the English section of the locale modules", () => {
    expect(EVERY_LOCALE.en[catalogue.name]).toBe(catalogue.en);
  });

  it.each(["th", "id", "zh"] as const)(
    "has every string in %s, with the same placeholders",
    (locale) => {
      expect(EVERY_LOCALE[locale].locale).toBe(locale);
      const translated = EVERY_LOCALE[locale][catalogue.name] as unknown as Record<string, unknown>;
      expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
      for (const [key, value] of Object.entries(english)) {
        const other = translated[key];
        expect(JSON.stringify(other).length, `${locale}.${key}`).toBeGreaterThan(2);
        expect(new Set(placeholders(other)), `${locale}.${key}`).toEqual(
          new Set(placeholders(value)),
        );
        if (locale !== "id" && typeof value === "string" && /[a-z]{3} [a-z]{3}/.test(value)) {
          // Thai and Chinese sentences are written in their own script, not left in English.
          expect(other, `${locale}.${key}`).not.toBe(value);
        }
      }
    },
  );

  it("says code, not OTP, to users", () => {
    for (const locale of ui.LOCALES) {
      expect(JSON.stringify(EVERY_LOCALE[locale][catalogue.name])).not.toMatch(/\bOTP\b/i);
    }
  });
});
