/**
 * SMS-pumping guard: only send to destination countries on an allow-list. Countries are
 * matched on the E.164 calling code, so "US" also admits Canada and the other +1 countries,
 * and "RU" admits Kazakhstan (+7): the calling code is what the SMS bill depends on.
 */
import { callingCode, type OtpAdapter, OtpError } from "@otpkit/core";

/** ISO 3166-1 alpha-2 codes this table knows; anything else is given as a calling code. */
export const CALLING_CODES: Readonly<Record<string, string>> = {
  AU: "61",
  BD: "880",
  BR: "55",
  CA: "1",
  CN: "86",
  DE: "49",
  ES: "34",
  FR: "33",
  GB: "44",
  HK: "852",
  ID: "62",
  IN: "91",
  IT: "39",
  JP: "81",
  KH: "855",
  KR: "82",
  LA: "856",
  MM: "95",
  MO: "853",
  MX: "52",
  MY: "60",
  NL: "31",
  NZ: "64",
  PH: "63",
  PK: "92",
  SG: "65",
  TH: "66",
  TW: "886",
  US: "1",
  VN: "84",
};

/**
 * The calling codes an allow-list stands for. Entries are ISO codes from `CALLING_CODES`
 * ("TH") or calling codes ("66", "+66"). An unknown entry throws, so a typo cannot
 * silently block (or open) a country.
 */
export function callingCodesOf(countries: readonly string[]): Set<string> {
  const codes = new Set<string>();
  for (const entry of countries) {
    const trimmed = entry.trim();
    const iso = CALLING_CODES[trimmed.toUpperCase()];
    if (iso) codes.add(iso);
    else if (/^\+?[1-9]\d{0,2}$/.test(trimmed)) codes.add(trimmed.replace("+", ""));
    else {
      throw new RangeError(
        `allowedCountries: "${entry}" is neither a calling code nor one of ${Object.keys(CALLING_CODES).join(", ")}`,
      );
    }
  }
  return codes;
}

/** Refuses sends to numbers outside the allowed countries (`invalid_phone`); empty allows all. */
export function withCountryAllowList(
  adapter: OtpAdapter,
  countries: readonly string[],
): OtpAdapter {
  const allowed = callingCodesOf(countries);
  if (allowed.size === 0) return adapter;
  return {
    send(input) {
      if (!allowed.has(callingCode(input.phone))) {
        return Promise.reject(
          new OtpError({
            kind: "invalid_phone",
            message: "This service does not send codes to numbers in that country",
          }),
        );
      }
      return adapter.send(input);
    },
    // A resend goes to the number of a challenge that already passed this check.
    resend: (input) => adapter.resend(input),
    verify: (input) => adapter.verify(input),
  };
}
