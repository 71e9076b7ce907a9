/**
 * Message catalogues: English is built into each component; every other locale is one small
 * module per component (`<component>/locales/th.ts`), which the component's catalogue loads on
 * demand, so a CodeInput in Thai downloads CodeInput's Thai and nothing else. Apps can also
 * register a whole locale (`@otpkit/ui/locales/th`). No DOM, no React: the hook that
 * re-renders when messages arrive is in ./use-messages.ts.
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

/** Some components' messages in one locale: `registerLocale({ locale: "th", codeInput })`. */
export type PartialLocaleMessages = Pick<LocaleMessages, "locale"> &
  Partial<Omit<LocaleMessages, "locale">>;

/**
 * One component's messages: its name among the locale modules' sections, the English built
 * in, and how to load each other locale's part (a literal `import()` per locale, so every
 * bundler makes each its own small chunk).
 */
export interface Catalogue<M> {
  readonly name: CatalogueName;
  readonly en: M;
  readonly load: Readonly<Record<Exclude<Locale, "en">, () => Promise<M>>>;
  /**
   * The catalogues of the components this one renders (not theirs in turn), loaded together
   * with it (in parallel, shown at once), so they are there when those components mount.
   */
  readonly includes?: readonly Catalogue<object>[];
}

type Sections = Readonly<Partial<Record<CatalogueName, object>>>;
type Registry = Readonly<Partial<Record<Locale, Sections>>>;

/** Every component's messages known in this page: registered by the app or loaded on demand. */
let loaded: Registry = {};
/**
 * Only the registered ones: what the server could render with, so hydration sees the same
 * words the server wrote before a lazily loaded locale takes over.
 */
let registered: Registry = {};
const listeners = new Set<() => void>();

/**
 * Loads in flight, one per (locale, component). Parts that arrive while others are still on
 * their way wait for them and are shown together: OtpVerify and its fields switch language in
 * the same render, never one after the other.
 */
const fetching = new Set<string>();
let arrived: [Locale, CatalogueName, object][] = [];
let landed = Promise.resolve();
let land = () => {};

const publish = () => {
  for (const listener of listeners) listener();
};

const sectionsOf = (messages: PartialLocaleMessages): [CatalogueName, object][] =>
  (["otpVerify", "phoneInput", "codeInput"] as const).flatMap((name) => {
    const section = messages[name];
    return section ? [[name, section] as [CatalogueName, object]] : [];
  });

/**
 * Makes a locale available at once, also to `renderToString`: import its module and register
 * it before rendering (on the server and in the browser alike, so hydration matches). Takes a
 * whole locale, or only the parts of the components you use.
 *
 * ```ts
 * import { registerLocale } from "@otpkit/ui";
 * import { th } from "@otpkit/ui/locales/th";
 * registerLocale(th);
 * ```
 */
export function registerLocale(messages: PartialLocaleMessages): void {
  const language = messages.locale;
  const sections = sectionsOf(messages);
  const same = (registry: Registry) =>
    sections.every(([name, section]) => registry[language]?.[name] === section);
  if (same(registered) && same(loaded)) return;
  const added = Object.fromEntries(sections);
  registered = { ...registered, [language]: { ...registered[language], ...added } };
  loaded = { ...loaded, [language]: { ...loaded[language], ...added } };
  publish();
}

function fetchPart(catalogue: Catalogue<object>, language: Exclude<Locale, "en">): void {
  const key = `${language}:${catalogue.name}`;
  if (fetching.has(key)) return;
  if (!fetching.size) {
    landed = new Promise((resolve) => {
      land = resolve;
    });
  }
  fetching.add(key);
  void catalogue.load[language]()
    .then(
      (messages) => {
        arrived.push([language, catalogue.name, messages]);
      },
      // A chunk that fails to load leaves English in place and is tried again next time.
      () => {},
    )
    .then(() => {
      fetching.delete(key);
      if (fetching.size) return;
      const fresh = arrived.filter(([locale, name]) => !loaded[locale]?.[name]);
      arrived = [];
      for (const [locale, name, messages] of fresh) {
        loaded = { ...loaded, [locale]: { ...loaded[locale], [name]: messages } };
      }
      if (fresh.length) publish();
      land();
    });
}

/**
 * Loads the messages of these components (and of the components they render) for a BCP 47
 * tag, unless it is English or they are already here. Resolves once they are in the page.
 */
export function loadMessages(
  catalogues: readonly Catalogue<object>[],
  locale?: string | null,
): Promise<void> {
  const language = resolveLocale(locale);
  if (language === "en") return Promise.resolve();
  let started = false;
  for (const catalogue of catalogues.flatMap((one) => [one, ...(one.includes ?? [])])) {
    if (loaded[language]?.[catalogue.name]) continue;
    fetchPart(catalogue, language);
    started = true;
  }
  return started ? landed : Promise.resolve();
}

/** The locale store, for `useSyncExternalStore`. */
export const localeStore = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  /** One component's messages in `locale` known in this page, if any. */
  get: <M extends object>(locale: Locale, catalogue: Catalogue<M>): M | undefined =>
    loaded[locale]?.[catalogue.name] as M | undefined,
  /** One component's messages in `locale` the server could render with (registered), if any. */
  getRegistered: <M extends object>(locale: Locale, catalogue: Catalogue<M>): M | undefined =>
    registered[locale]?.[catalogue.name] as M | undefined,
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
  const base = localeStore.get(resolveLocale(locale), catalogue) ?? catalogue.en;
  return withOverrides(base, overrides);
}
