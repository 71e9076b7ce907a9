/**
 * Message catalogues: English is built into each component; Thai, Indonesian and Chinese are
 * one module each (`./locales/*`), loaded on demand or registered by the app. No DOM, no
 * React: the hook that re-renders when a locale arrives is in ./use-messages.ts.
 */
import type { CodeInputMessages } from "../code-input/messages";
import type { OtpVerifyMessages } from "../otp-verify/messages";
import type { PhoneInputMessages } from "../phone-input/messages";
import { type Locale, resolveLocale } from "./locale";

/** One locale's messages for every component: what `@otpkit/ui/locales/*` export. */
export interface LocaleMessages {
  locale: Locale;
  otpVerify: OtpVerifyMessages;
  phoneInput: PhoneInputMessages;
  codeInput: CodeInputMessages;
}

export type CatalogueName = Exclude<keyof LocaleMessages, "locale">;

/**
 * One component's messages: its name among the locale modules' sections, and the English
 * built in. Other languages come from the locale modules (see `registerLocale`).
 */
export interface Catalogue<M> {
  readonly name: CatalogueName;
  readonly en: M;
}

type Registry = Readonly<Partial<Record<Locale, LocaleMessages>>>;

/** Every locale known in this page: registered by the app or loaded on demand. */
let loaded: Registry = {};
/**
 * Only the registered ones: what the server could render with, so hydration sees the same
 * words the server wrote before a lazily loaded locale takes over.
 */
let registered: Registry = {};
const listeners = new Set<() => void>();
const loading = new Map<Locale, Promise<void>>();

// A literal path per locale, so every bundler splits each into its own chunk.
const LOADERS: Record<Exclude<Locale, "en">, () => Promise<LocaleMessages>> = {
  th: () => import("./locales/th").then((module) => module.th),
  id: () => import("./locales/id").then((module) => module.id),
  zh: () => import("./locales/zh").then((module) => module.zh),
};

const publish = () => {
  for (const listener of listeners) listener();
};

/**
 * Makes a locale available at once, also to `renderToString`: import its module and register
 * it before rendering (on the server and in the browser alike, so hydration matches).
 *
 * ```ts
 * import { registerLocale } from "@otpkit/ui";
 * import { th } from "@otpkit/ui/locales/th";
 * registerLocale(th);
 * ```
 */
export function registerLocale(messages: LocaleMessages): void {
  if (registered[messages.locale] === messages && loaded[messages.locale] === messages) return;
  registered = { ...registered, [messages.locale]: messages };
  loaded = { ...loaded, [messages.locale]: messages };
  publish();
}

/**
 * Loads the catalogue for a BCP 47 tag (`"th-TH"` loads Thai) unless it is English or already
 * here; components call it themselves when they meet a locale they lack. A chunk that fails to
 * load leaves English in place and is tried again next time.
 */
export function loadLocale(locale?: string | null): Promise<void> {
  const language = resolveLocale(locale);
  if (language === "en" || loaded[language]) return Promise.resolve();
  let pending = loading.get(language);
  if (!pending) {
    pending = LOADERS[language]().then(
      (messages) => {
        loading.delete(language);
        if (loaded[language]) return;
        loaded = { ...loaded, [language]: messages };
        publish();
      },
      () => {
        loading.delete(language);
      },
    );
    loading.set(language, pending);
  }
  return pending;
}

/** The locale store, for `useSyncExternalStore`. */
export const localeStore = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  /** The messages of `locale` known in this page, if any. */
  get: (locale: Locale): LocaleMessages | undefined => loaded[locale],
  /** The messages of `locale` the server could render with (registered), if any. */
  getRegistered: (locale: Locale): LocaleMessages | undefined => registered[locale],
};

/**
 * Lays overrides over a component's messages. Overrides win even when they are empty
 * strings; `undefined` entries are ignored.
 */
export function withOverrides<M extends object>(base: M, overrides?: Partial<M> | null): M {
  if (!overrides) return base;
  const merged = { ...base };
  for (const key of Object.keys(overrides) as (keyof M)[]) {
    const value = overrides[key];
    if (value !== undefined) merged[key] = value as M[keyof M];
  }
  return merged;
}

/**
 * The messages a component shows: the best locale's (see `resolveLocale`) when it is in the
 * page, else English, with the caller's overrides on top. A plain function: it neither loads
 * a locale nor re-renders when one arrives (components use `useMessages` for that).
 */
export function resolveMessages<M extends object>(
  catalogue: Catalogue<M>,
  locale?: string | null,
  overrides?: Partial<M> | null,
): M {
  const bundle = loaded[resolveLocale(locale)];
  const base = (bundle?.[catalogue.name] as M | undefined) ?? catalogue.en;
  return withOverrides(base, overrides);
}
