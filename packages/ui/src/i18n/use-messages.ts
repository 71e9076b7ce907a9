"use client";
import { useEffect, useMemo, useSyncExternalStore } from "react";
import { resolveLocale } from "./locale";
import { type Catalogue, loadLocale, localeStore, withOverrides } from "./messages";

/**
 * `resolveMessages` for components: the locale's messages with overrides on top. A locale that
 * is not in the page yet is loaded on demand; until it arrives the component shows English,
 * then it re-renders once. No Suspense, so `renderToString` renders at once (registered
 * locales, else English), and hydration starts from what the server could render.
 */
export function useMessages<M extends object>(
  catalogue: Catalogue<M>,
  locale?: string | null,
  overrides?: Partial<M> | null,
): M {
  const language = resolveLocale(locale);
  const bundle = useSyncExternalStore(
    localeStore.subscribe,
    () => localeStore.get(language),
    () => localeStore.getRegistered(language),
  );
  useEffect(() => {
    if (!bundle) void loadLocale(language);
  }, [bundle, language]);
  const base = (bundle?.[catalogue.name] as M | undefined) ?? catalogue.en;
  return useMemo(() => withOverrides(base, overrides), [base, overrides]);
}
