/**
 * Which message catalogue to use for a BCP 47 tag, and the small Intl helpers every
 * component shares (countdowns, durations, numbers, plurals, placeholders).
 * No DOM, no window: safe in Node for SSR.
 */

export const LOCALES = ["en", "th", "id", "zh"] as const;
/** A locale we ship a message catalogue for. */
export type Locale = (typeof LOCALES)[number];

/** Language subtags that mean one of our catalogues (`in` is the old code for Indonesian). */
const LANGUAGE_TO_LOCALE: Record<string, Locale> = {
  en: "en",
  th: "th",
  id: "id",
  in: "id",
  zh: "zh",
};

/**
 * The best catalogue for any BCP 47 tag (`"th-TH"`, `"zh-Hant-TW"`, `"id"`, `"ar-EG"`...):
 * the tag's language if we have it, else English. Also accepts a list (e.g.
 * `navigator.languages`) and takes the first tag we have a catalogue for.
 */
export function resolveLocale(locale?: string | readonly string[] | null): Locale {
  const tags = typeof locale === "string" ? [locale] : (locale ?? []);
  for (const tag of tags) {
    const language = tag.trim().split(/[-_]/)[0]?.toLowerCase();
    const match = language ? LANGUAGE_TO_LOCALE[language] : undefined;
    if (match) return match;
  }
  return "en";
}

/**
 * The tag to give Intl: the caller's own tag when it speaks the catalogue's language (so
 * "en-GB" or "th-TH-u-nu-thai" keep their regional conventions), else the catalogue locale,
 * so words Intl produces ("20 seconds") never mix languages with our sentences.
 */
export function intlLocale(locale?: string | null): string {
  const catalogue = resolveLocale(locale);
  if (!locale) return catalogue;
  try {
    const [canonical] = Intl.getCanonicalLocales(locale.replace(/_/g, "-"));
    if (canonical?.split("-")[0] === catalogue) return canonical;
  } catch {
    // Not a valid tag: fall through to the catalogue's locale.
  }
  return catalogue;
}

/** Whole seconds left, rounded up (a countdown shows 0:01 until it reaches zero). */
export const secondsLeft = (ms: number): number => Math.max(0, Math.ceil(ms / 1000));

/** A countdown as a clock for the locale: "0:24", "4:12", "1:00:05". Digits via Intl. */
export function formatCountdown(ms: number, locale?: string | null): string {
  const tag = intlLocale(locale);
  const total = secondsLeft(ms);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const plain = new Intl.NumberFormat(tag, { useGrouping: false });
  const twoDigits = new Intl.NumberFormat(tag, { minimumIntegerDigits: 2, useGrouping: false });
  return hours > 0
    ? `${plain.format(hours)}:${twoDigits.format(minutes)}:${twoDigits.format(seconds)}`
    : `${plain.format(minutes)}:${twoDigits.format(seconds)}`;
}

/**
 * A duration in words for the locale, for screen readers and sentences: "20 seconds",
 * "1 minute", "2 minutes, 30 seconds" (Intl.NumberFormat units joined by Intl.ListFormat).
 * Under two minutes it counts seconds, which is what people expect from a short wait.
 */
export function formatDuration(ms: number, locale?: string | null): string {
  const tag = intlLocale(locale);
  const total = secondsLeft(ms);
  const unit = (value: number, name: "hour" | "minute" | "second") =>
    new Intl.NumberFormat(tag, { style: "unit", unit: name, unitDisplay: "long" }).format(value);
  if (total < 120) return unit(total, "second");
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts: string[] = [];
  if (hours) parts.push(unit(hours, "hour"));
  if (minutes) parts.push(unit(minutes, "minute"));
  if (seconds) parts.push(unit(seconds, "second"));
  return new Intl.ListFormat(tag, { type: "unit", style: "long" }).format(parts);
}

/** A number for the locale ("5", "1,234"). */
export const formatNumber = (value: number, locale?: string | null): string =>
  new Intl.NumberFormat(intlLocale(locale)).format(value);

/** A message that depends on a count: `{ one: "1 attempt left", other: "{count} attempts left" }`. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
/** A catalogue entry: a plain string with `{placeholders}`, or plural forms of one. */
export type Message = string | PluralMessage;

/**
 * Fills `{name}` placeholders; for a plural message, picks the form for `values.count` with
 * Intl.PluralRules. Numbers are formatted for the locale; unknown placeholders stay as written.
 */
export function formatMessage(
  message: Message,
  values: Record<string, string | number> = {},
  locale?: string | null,
): string {
  const tag = intlLocale(locale);
  let template: string;
  if (typeof message === "string") {
    template = message;
  } else {
    const count = typeof values.count === "number" ? values.count : 0;
    template = message[new Intl.PluralRules(tag).select(count)] ?? message.other;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? formatNumber(value, tag) : value;
  });
}
