/**
 * The country list of the picker: names from Intl.DisplayNames (no name tables shipped),
 * flags as emoji (no images shipped), search by name, dial code or ISO code.
 */
import {
  type CountryCode,
  callingCodeOf,
  countryOfCallingCode,
  phoneCountries,
} from "./phone-number";

export interface PhoneCountry {
  code: CountryCode;
  /** Name in the UI's locale ("ประเทศไทย" for TH in Thai). */
  name: string;
  /** "66" */
  callingCode: string;
  /** Regional indicator symbols ("🇹🇭"); Windows shows them as the two letters. */
  flag: string;
}

/** 🇹🇭 from "TH": two regional indicator symbols, 0 bytes of flag data. */
export const flagOf = (code: string): string =>
  String.fromCodePoint(...[...code.toUpperCase()].map((c) => 0x1f1a5 + c.charCodeAt(0)));

function displayNames(locale: string): (code: string) => string | undefined {
  try {
    const names = new Intl.DisplayNames([locale, "en"], { type: "region", fallback: "none" });
    return (code) => names.of(code);
  } catch {
    return () => undefined;
  }
}

/** Lower case, no accents, so "Reunion" finds "Réunion" and "cote" finds "Côte d’Ivoire". */
export const searchable = (text: string): string =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase()
    .replace(/[’'`.,()-]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

interface Entry extends PhoneCountry {
  /** The localized and English names, searchable. */
  keys: string[];
}

/** Names that replace Intl's, by ISO code (`{ HK: "Hong Kong" }`). */
export type CountryNames = Readonly<Partial<Record<string, string>>>;

const lists = new Map<string, Entry[]>();
const renamed = new WeakMap<CountryNames, Map<string, Entry[]>>();

/**
 * Every country, named in `locale` (or by `names`) and sorted by that name (Intl.Collator),
 * cached per locale and names. A replaced name is searched too, beside Intl's two.
 */
export function countryList(locale = "en", names?: CountryNames): Entry[] {
  if (names) {
    const byLocale = renamed.get(names) ?? new Map<string, Entry[]>();
    renamed.set(names, byLocale);
    let list = byLocale.get(locale);
    if (!list) {
      const collator = new Intl.Collator(locale);
      list = countryList(locale)
        .map((entry) => {
          const name = names[entry.code];
          return name ? { ...entry, name, keys: [searchable(name), ...entry.keys] } : entry;
        })
        .sort((a, b) => collator.compare(a.name, b.name));
      byLocale.set(locale, list);
    }
    return list;
  }
  let list = lists.get(locale);
  if (!list) {
    const local = displayNames(locale);
    const english = displayNames("en");
    const collator = new Intl.Collator(locale);
    list = phoneCountries()
      .map((code) => {
        const name = local(code) ?? english(code) ?? code;
        return {
          code,
          name,
          callingCode: callingCodeOf(code),
          flag: flagOf(code),
          keys: [...new Set([searchable(name), searchable(english(code) ?? code)])],
        };
      })
      .sort((a, b) => collator.compare(a.name, b.name));
    lists.set(locale, list);
  }
  return list;
}

/** Name of a country in `locale`, or the one `names` gives it. */
export const countryName = (code: string, locale?: string, names?: CountryNames): string =>
  names?.[code] ?? displayNames(locale ?? "en")(code) ?? code;

/**
 * The picker's options. Without a query: `preferred` first (in their order), then the rest
 * by name. With one: matches only, best first: ISO code ("TH"), dial code ("+66", "66"; the
 * code's main country first),
 * then names that start with the query, then names with a word that does, then the rest.
 */
export function searchCountries(
  query: string,
  locale?: string,
  preferred: readonly string[] = [],
  names?: CountryNames,
): { countries: PhoneCountry[]; preferredCount: number } {
  const list = countryList(locale, names);
  const q = searchable(query);
  if (!q) {
    const first = preferred.flatMap((code) => list.filter((c) => c.code === code));
    const unique = [...new Set(first)];
    return {
      countries: [...unique, ...list.filter((c) => !unique.includes(c))],
      preferredCount: unique.length,
    };
  }
  const dial = q.replace(/^\+\s*/, "").replace(/\s/g, "");
  const isDial = /^\d+$/.test(dial);
  const main = isDial ? countryOfCallingCode(dial) : undefined;
  const ranked: [number, Entry][] = [];
  for (const country of list) {
    let rank = -1;
    if (isDial) {
      // "+1": the United States first, then the other countries that share the code.
      if (country.callingCode === dial) rank = country.code === main ? 0 : 1;
      else if (country.callingCode.startsWith(dial)) rank = 2;
    } else if (country.code.toLowerCase() === q) {
      rank = 0;
    } else {
      for (const key of country.keys) {
        const at = key.indexOf(q);
        const r = at === 0 ? 1 : at > 0 && key[at - 1] === " " ? 2 : at > 0 ? 3 : -1;
        if (r > 0 && (rank < 0 || r < rank)) rank = r;
      }
    }
    if (rank >= 0) ranked.push([rank, country]);
  }
  const preferredRank = (code: string) => {
    const i = preferred.indexOf(code);
    return i < 0 ? preferred.length : i;
  };
  ranked.sort(([a, x], [b, y]) => a - b || preferredRank(x.code) - preferredRank(y.code));
  return { countries: ranked.map(([, country]) => country), preferredCount: 0 };
}
