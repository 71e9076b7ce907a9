import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// A string URL: jsdom's global URL class is not one node:fs accepts.
const css = readFileSync(
  fileURLToPath(import.meta.url.replace(/theme\.test\.ts$/, "theme.css")),
  "utf8",
);

/** The `--otpkit-*` colour declarations of the first rule whose selector matches. */
function colours(selector: RegExp): Record<string, string> {
  const match = new RegExp(`${selector.source}\\s*\\{([^}]*)\\}`).exec(css);
  if (!match?.[1]) throw new Error(`no rule ${selector}`);
  return Object.fromEntries(
    [...match[1].matchAll(/--otpkit-([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1], m[2]]),
  );
}

const light = colours(/:root,\s*\[data-theme="light"\]/);
const dark = colours(/\[data-theme="dark"\]/);
const darkBySystem = colours(/:root:not\(\[data-theme="light"\]\)/);

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const TOKENS = [
  "bg",
  "surface",
  "fg",
  "muted",
  "border",
  "accent",
  "accent-hover",
  "accent-fg",
  "danger",
  "success",
  "focus-ring",
];

// [foreground, background, minimum ratio]: text 4.5:1, borders and focus ring 3:1.
const PAIRS: [string, string, number][] = [
  ...["fg", "muted", "accent", "danger", "success"].flatMap((text): [string, string, number][] => [
    [text, "bg", 4.5],
    [text, "surface", 4.5],
  ]),
  ["accent-fg", "accent", 4.5],
  ["accent-fg", "accent-hover", 4.5],
  ["border", "bg", 3],
  ["border", "surface", 3],
  ["focus-ring", "bg", 3],
  ["focus-ring", "surface", 3],
  ["accent", "bg", 3],
];

describe.each([
  ["light", light],
  ["dark", dark],
])("the %s theme", (_name, theme) => {
  it("defines every colour token", () => {
    expect(Object.keys(theme).sort()).toEqual([...TOKENS].sort());
  });

  it.each(PAIRS)("%s on %s meets %s:1", (fg, bg, minimum) => {
    const ratio = contrast(theme[fg] as string, theme[bg] as string);
    expect(ratio, `${fg} ${theme[fg]} on ${bg} ${theme[bg]}`).toBeGreaterThanOrEqual(minimum);
  });
});

describe("theme switching", () => {
  it("uses the same dark values for prefers-color-scheme and data-theme", () => {
    expect(darkBySystem).toEqual(dark);
  });
  it("lets data-theme=light win over a dark system preference", () => {
    expect(css).toMatch(
      /@media \(prefers-color-scheme: dark\)\s*\{\s*:root:not\(\[data-theme="light"\]\)/,
    );
  });
  it("drops motion under prefers-reduced-motion", () => {
    expect(css).toMatch(
      /prefers-reduced-motion: reduce\)\s*\{\s*:root\s*\{\s*--otpkit-duration: 0ms/,
    );
  });
  it("keeps every space token on the 4 px scale", () => {
    const spaces = [...css.matchAll(/--otpkit-space-\d+:\s*(\d+)px/g)].map((m) => Number(m[1]));
    expect(spaces.length).toBeGreaterThan(4);
    for (const space of spaces) expect(space % 4).toBe(0);
  });
});
