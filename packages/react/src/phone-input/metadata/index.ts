/**
 * libphonenumber-js's metadata, loaded a group of calling codes at a time.
 *
 * The table of calling codes (1 KB gzip) is always there: it lists every country for the picker
 * and reads the calling code of "+…" text. The numbering plans (formats, lengths, patterns;
 * 23.6 KB gzip for every country) come in 22 groups of neighbouring calling codes (~1.3 KB
 * gzip each, "+1" alone 1.8 KB), loaded when a number needs one. `metadata` is the object libphonenumber-js reads; loading a group adds its
 * countries to it, and `subscribe` tells the hooks to read again.
 */
import type { CountryCode, MetadataJson } from "libphonenumber-js/core";
import {
  COUNTRY_CALLING_CODES,
  NON_GEOGRAPHIC_CALLING_CODES,
  VERSION,
} from "./generated/calling-codes";
import { GROUP_STARTS, GROUPS } from "./generated/groups";

/** Calling code -> its countries, main one first, read from the generated text. */
const COUNTRIES_OF: Record<string, string[]> = {};
for (const entry of COUNTRY_CALLING_CODES.split(" ")) {
  const code = entry.match(/^\d+/)?.[0] ?? "";
  COUNTRIES_OF[code] = entry.slice(code.length).match(/[A-Z]{2}/g) ?? [];
}

/** What libphonenumber-js reads: every calling code, and the numbering plans loaded so far. */
export const metadata = {
  version: VERSION,
  country_calling_codes: COUNTRIES_OF,
  countries: {},
  nonGeographic: {},
} as unknown as MetadataJson & {
  countries: Record<string, unknown>;
  nonGeographic: Record<string, unknown>;
};

const CALLING_CODE_OF = new Map<string, string>();
for (const [code, countries] of Object.entries(COUNTRIES_OF)) {
  for (const country of countries) CALLING_CODE_OF.set(country, code);
}
const CALLING_CODES = new Set([...Object.keys(COUNTRIES_OF), ...NON_GEOGRAPHIC_CALLING_CODES]);

/** Every country with a calling code (245), A to Z. */
export const COUNTRIES = [...CALLING_CODE_OF.keys()].sort() as CountryCode[];

/** "66" for "TH"; undefined for a code no country has. */
export const callingCodeOfCountry = (country: string): string | undefined =>
  CALLING_CODE_OF.get(country);

/** The countries of a calling code, main one first ("1" -> US, AG, AI, …). */
export const countriesOfCallingCode = (callingCode: string): CountryCode[] =>
  (COUNTRIES_OF[callingCode] ?? []) as CountryCode[];

/**
 * The calling code `digits` start with ("66812…" -> "66"), or undefined while it is still
 * being typed or when no country has it. Calling codes are prefix-free, so at most one fits.
 */
export function callingCodeAt(digits: string): string | undefined {
  for (let length = 1; length <= 3; length++) {
    const code = digits.slice(0, length);
    if (code.length === length && CALLING_CODES.has(code)) return code;
  }
  return undefined;
}

/** The group of a calling code: the last one starting at or before it, as text ("66" < "670"). */
function groupOf(callingCode: string): number {
  let group = 0;
  while (group + 1 < GROUP_STARTS.length && (GROUP_STARTS[group + 1] as string) <= callingCode) {
    group++;
  }
  return group;
}
const loaded = new Set<number>();
const loading = new Map<number, Promise<void>>();
const listeners = new Set<() => void>();
let revision = 0;

/** The numbering plans of `callingCode` are there (true for a code no one has: nothing to load). */
export const hasNumberingPlan = (callingCode: string): boolean =>
  !CALLING_CODES.has(callingCode) || loaded.has(groupOf(callingCode));

/**
 * Loads the numbering plans of `callingCode` (and of the codes grouped with it). Resolves once
 * they are in `metadata`; a failed load (offline) rejects and is tried again on the next call.
 */
export function loadNumberingPlan(callingCode: string): Promise<void> {
  if (hasNumberingPlan(callingCode)) return Promise.resolve();
  const name = groupOf(callingCode);
  const load = GROUPS[name] as (typeof GROUPS)[number];
  let pending = loading.get(name);
  if (!pending) {
    pending = load().then(
      ({ default: group }) => {
        Object.assign(metadata.countries, group.countries);
        Object.assign(metadata.nonGeographic, group.nonGeographic);
        loaded.add(name);
        loading.delete(name);
        revision++;
        for (const listener of listeners) listener();
      },
      (error: unknown) => {
        loading.delete(name);
        throw error;
      },
    );
    loading.set(name, pending);
  }
  return pending;
}

/**
 * Loads the numbering plans of `countries` (ISO codes), or of every country when none are
 * given: for a first paint with formatted numbers, or a server render. Each group loads once.
 *
 * ```ts
 * await preloadPhoneMetadata(["TH", "ID"]);
 * ```
 */
export async function preloadPhoneMetadata(countries?: readonly string[]): Promise<void> {
  const codes = countries
    ? countries.flatMap((country) => callingCodeOfCountry(country.toUpperCase()) ?? [])
    : [...CALLING_CODES];
  await Promise.all(codes.map(loadNumberingPlan));
}

/** For useSyncExternalStore: a number that changes each time numbering plans arrive. */
export const metadataRevision = (): number => revision;

export function subscribeToMetadata(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
