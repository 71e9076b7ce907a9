import { type Locale, resolveLocale } from "./locale";

/** One component's messages in every shipped locale. */
export type Catalogue<M> = Readonly<Record<Locale, M>>;

/**
 * The messages a component shows: the catalogue for the best locale (see `resolveLocale`)
 * with the caller's overrides on top. Overrides win even when they are empty strings;
 * `undefined` entries are ignored.
 */
export function resolveMessages<M extends object>(
  catalogue: Catalogue<M>,
  locale?: string | null,
  overrides?: Partial<M> | null,
): M {
  const base = catalogue[resolveLocale(locale)];
  if (!overrides) return base;
  const merged = { ...base };
  for (const key of Object.keys(overrides) as (keyof M)[]) {
    const value = overrides[key];
    if (value !== undefined) merged[key] = value as M[keyof M];
  }
  return merged;
}
