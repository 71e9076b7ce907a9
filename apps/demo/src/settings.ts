/**
 * What the demo runs with: the mode (fixed when Vite starts or builds) and the switchers'
 * choices, kept in the URL so a reload, a shared link or an end-to-end test lands on the
 * same set-up (`?provider=verihubs&locale=id&theme=dark&ttl=5&cooldown=2`).
 */

/** embedded: MSW plays the server and the providers in the page; server: @otpkit/server over HTTP. */
export type DemoMode = "embedded" | "server";

export const MODE: DemoMode = import.meta.env.VITE_OTPKIT_MODE === "server" ? "server" : "embedded";

export const PROVIDER_NAMES = ["console", "ants", "engagelab", "verihubs"] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

export const DEMO_LOCALES = ["en", "th", "id", "zh"] as const;
export type DemoLocale = (typeof DEMO_LOCALES)[number];

export const THEMES = ["light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export interface DemoSettings {
  provider: ProviderName;
  locale: DemoLocale;
  theme: Theme;
  /** Code lifetime in seconds (embedded mode only; the server reads its own environment). */
  ttlSeconds: number | undefined;
  /** First resend cooldown in seconds (embedded mode only). */
  cooldownSeconds: number | undefined;
}

const pick = <T extends string>(options: readonly T[], value: string | null): T | undefined =>
  options.find((option) => option === value);

/** A whole number of seconds from 1 to a day, else undefined. */
function seconds(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return number >= 1 && number <= 86_400 ? number : undefined;
}

function preferredTheme(): Theme {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches
    ? "dark"
    : "light";
}

export function readSettings(search: string = location.search): DemoSettings {
  const params = new URLSearchParams(search);
  return {
    provider: pick(PROVIDER_NAMES, params.get("provider")) ?? "console",
    locale: pick(DEMO_LOCALES, params.get("locale")) ?? "en",
    theme: pick(THEMES, params.get("theme")) ?? preferredTheme(),
    ttlSeconds: seconds(params.get("ttl")),
    cooldownSeconds: seconds(params.get("cooldown")),
  };
}

/** Writes the switchers' choices back into the URL, leaving other parameters alone. */
export function writeSettings(settings: Pick<DemoSettings, "provider" | "locale" | "theme">) {
  const url = new URL(location.href);
  url.searchParams.set("provider", settings.provider);
  url.searchParams.set("locale", settings.locale);
  url.searchParams.set("theme", settings.theme);
  history.replaceState(history.state, "", url);
}
