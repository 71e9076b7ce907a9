/**
 * ANTS status codes and how they map onto otpkit's error kinds
 * (the table in shared/providers/README.md). The documented error body carries only an
 * English `message`, so codes are recovered from that text when no code field is present.
 */
import type { OtpErrorKind } from "@otpkit/core";
import type { AntsOutcome, AntsVerifyAnswer } from "./schemas";

export type AntsOperation = "request" | "resend" | "verify";

/** Every code in ANTS's status table, by its English name. */
export const ANTS_CODES = {
  "0000": "Success",
  "9999": "Exception",
  "9998": "Authentication failed",
  "9996": "Bad Request",
  "9995": "Credit not enough",
  "0301": "Invalid OTP Config",
  "0302": "Number Prefix Missing",
  "0303": "No Data Available OTP",
  "0304": "Over Limit Usage",
  "0305": "OTP Code Expired",
  "0306": "OTP Code Confirmed",
  "0307": "Invalid Number",
} as const;

export type AntsCode = keyof typeof ANTS_CODES;

const CODE_BY_NAME = new Map<string, AntsCode>(
  Object.entries(ANTS_CODES).map(([code, name]) => [name.toLowerCase(), code as AntsCode]),
);

/** `error.message` (trimmed, case-insensitive) -> code; `undefined` for text we do not know. */
export function codeFromMessage(message: string | undefined): AntsCode | undefined {
  return message === undefined ? undefined : CODE_BY_NAME.get(message.trim().toLowerCase());
}

const KIND_BY_CODE: Readonly<Record<Exclude<AntsCode, "0000" | "0304">, OtpErrorKind>> = {
  "9999": "provider_error",
  "9998": "auth_failed",
  "9996": "config_error",
  "9995": "insufficient_quota",
  "0301": "config_error",
  "0302": "invalid_phone",
  "0303": "not_found",
  "0305": "expired",
  "0306": "already_verified",
  "0307": "invalid_phone",
};

/** Kind for an ANTS code, or `undefined` for a code ANTS does not document. */
export function kindForCode(code: string, operation: AntsOperation): OtpErrorKind | undefined {
  // Assumption (notes): on request/resend "Over Limit Usage" means too many sends.
  if (code === "0304") return operation === "verify" ? "too_many_attempts" : "rate_limited";
  return Object.hasOwn(KIND_BY_CODE, code)
    ? KIND_BY_CODE[code as keyof typeof KIND_BY_CODE]
    : undefined;
}

/** Kind for an HTTP status when the body names no code (HTTP codes are not documented for OTP). */
export function kindForStatus(status: number): OtpErrorKind {
  if (status === 401) return "auth_failed";
  if (status === 429) return "rate_limited";
  return "provider_error";
}

/**
 * What the answer says went wrong: `undefined` when it reports no failure,
 * `{ code }` when it does (`code` is `undefined` when the failure names no code we know).
 */
export function failureOf(outcome: AntsOutcome): { code: string | undefined } | undefined {
  const status = typeof outcome.status === "string" ? { code: outcome.status } : outcome.status;
  const code = outcome.code ?? outcome.error?.code ?? status?.code;
  if (code !== undefined) return code === "0000" ? undefined : { code };
  if (outcome.error) return { code: codeFromMessage(outcome.error.message) };
  // `status` is documented as an alias of `success`/`error`; only a known failure counts.
  const fromStatus = codeFromMessage(status?.message);
  return fromStatus === undefined || fromStatus === "0000" ? undefined : { code: fromStatus };
}

export type VerifyOutcome = "verified" | "wrong_code" | "too_many_attempts" | "expired";

/**
 * Assumption (notes): `isErrorCount: true` means the wrong-attempt limit was reached, since a
 * plain wrong code is already `result: false`. Flip this one constant if ANTS says otherwise.
 */
export const ERROR_COUNT_MEANS_LOCKED = true;

/** The one place that reads verify's flags. */
export function verifyOutcome(answer: AntsVerifyAnswer): VerifyOutcome {
  if (answer.result) return "verified";
  if (answer.isExprCode) return "expired";
  if (answer.isErrorCount && ERROR_COUNT_MEANS_LOCKED) return "too_many_attempts";
  return "wrong_code";
}

/** `providerCode` for a verify answer that failed through its flags rather than a code. */
export const VERIFY_FLAG_CODES: Readonly<Record<Exclude<VerifyOutcome, "verified">, string>> = {
  expired: "isExprCode",
  too_many_attempts: "isErrorCount",
  wrong_code: "result:false",
};
