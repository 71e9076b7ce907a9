/**
 * Verihubs failures -> otpkit's error vocabulary. Verihubs has no error codes of its own
 * (an optional `code` appears in some answers), so the message text decides first where the
 * notes say it does (400 "Msisdn invalid…" vs other validation errors), then the HTTP
 * status, then `provider_error`. The provider's text never leaves: every OtpError gets a
 * fixed English message and keeps the raw answer (with any echoed code removed) on `cause`.
 */
import { OtpError, type OtpErrorKind } from "@otpkit/core";
import type { MessageAnswer } from "./schemas";

export type Operation = "send" | "verify";

interface MessageRule {
  pattern: RegExp;
  kind: OtpErrorKind;
  /** The rule only applies to answers of this operation. */
  on?: Operation;
}

/** Checked in order; texts are trimmed first (the docs show `" OTP not found"`). */
const MESSAGE_RULES: readonly MessageRule[] = [
  { pattern: /^msisdn invalid:.*blocked/i, kind: "blocked_phone" },
  { pattern: /^msisdn invalid/i, kind: "invalid_phone" },
  { pattern: /^authorization failed/i, kind: "auth_failed" },
  { pattern: /quota (is )?insufficient/i, kind: "insufficient_quota" },
  { pattern: /^too many requests?\b/i, kind: "rate_limited" },
  { pattern: /^otp not found/i, kind: "wrong_code", on: "verify" },
  { pattern: /time limit exceeded/i, kind: "expired", on: "verify" },
];

const STATUS_RULES: Readonly<Record<Operation, Readonly<Record<number, OtpErrorKind>>>> = {
  send: {
    400: "config_error",
    401: "auth_failed",
    403: "insufficient_quota",
    409: "blocked_phone",
    429: "rate_limited",
  },
  verify: {
    400: "config_error",
    401: "auth_failed",
    403: "insufficient_quota",
    404: "wrong_code",
    409: "blocked_phone",
    422: "expired",
    429: "rate_limited",
  },
};

const SAFE_MESSAGES: Readonly<Partial<Record<OtpErrorKind, string>>> = {
  invalid_phone: "Verihubs did not accept the phone number",
  blocked_phone: "Verihubs refuses to send to this phone number",
  rate_limited: "Verihubs rate limit reached",
  insufficient_quota: "The Verihubs quota or credit is used up",
  auth_failed: "Verihubs rejected the App-ID or API-Key",
  config_error: "Verihubs rejected the request as invalid",
  wrong_code: "The code does not match an active Verihubs OTP",
  expired: "The Verihubs OTP has expired",
  provider_error: "Verihubs failed to handle the request",
};

export function kindFor(
  operation: Operation,
  status: number,
  text: string | undefined,
): OtpErrorKind {
  if (status >= 500 || status < 400) return "provider_error";
  if (text !== undefined) {
    const rule = MESSAGE_RULES.find(
      (r) => (r.on ?? operation) === operation && r.pattern.test(text),
    );
    if (rule) return rule.kind;
  }
  return STATUS_RULES[operation][status] ?? "provider_error";
}

/** An error answer whose body fit the schema. */
export function answerError(
  operation: Operation,
  response: Response,
  answer: MessageAnswer,
  rawBody: string,
): OtpError {
  const { status } = response;
  const kind = kindFor(operation, status, answer.message);
  return new OtpError({
    kind,
    message: SAFE_MESSAGES[kind],
    status,
    providerCode: answer.code === undefined ? String(status) : String(answer.code),
    ...(kind === "rate_limited"
      ? { retryAfterMs: retryAfter(response.headers.get("retry-after")) }
      : {}),
    cause: withoutCode(rawBody),
  });
}

/** An answer that fit no schema (HTML error page, broken JSON, unknown shape). */
export function unreadableAnswer(response: Response, rawBody: string): OtpError {
  return new OtpError({
    kind: "provider_error",
    message: `Unexpected ${response.status} answer from Verihubs`,
    status: response.status,
    providerCode: String(response.status),
    cause: withoutCode(rawBody),
  });
}

/**
 * Verihubs echoes the code in send answers (`"otp": "482913"`). Whatever of an answer is kept
 * for logs must not hold it, even when the body is broken JSON.
 */
export function withoutCode(rawBody: string): string {
  return rawBody
    .slice(0, 4000)
    .replace(/("otp"\s*:\s*)("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*)/g, '$1"[redacted]"');
}

/** `Retry-After` is not documented for Verihubs; honour it if it ever appears. */
function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isNaN(seconds) ? Date.parse(header) - Date.now() : seconds * 1000;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}
