"use client";
import { useEffect, useMemo, useSyncExternalStore } from "react";
import { resolveLocale } from "./locale";
import { type Catalogue, loadMessages, localeStore, withOverrides } from "./messages";

/**
 * `resolveMessages` for components: the locale's messages with overrides on top. A component
 * whose messages in that locale are not in the page yet loads them on demand (its own part
 * only, plus the parts of the components it renders); until they arrive it shows English, then
 * it re-renders once. No Suspense, so `renderToString` renders at once (registered locales,
 * else English), and hydration starts from what the server could render.
 */
export function useMessages<M extends object>(
  catalogue: Catalogue<M>,
  locale?: string | null,
  overrides?: Partial<M> | null,
): M {
  const language = resolveLocale(locale);
  const messages = useSyncExternalStore(
    localeStore.subscribe,
    () => localeStore.get(language, catalogue),
    () => localeStore.getRegistered(language, catalogue),
  );
  useEffect(() => {
    // Also when this component's part is here: the parts of those it renders may not be.
    void loadMessages([catalogue], language);
  }, [catalogue, language]);
  const base = messages ?? catalogue.en;
  return useMemo(() => withOverrides(base, overrides), [base, overrides]);
}
