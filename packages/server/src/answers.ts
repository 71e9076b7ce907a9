/**
 * The handler's answers: JSON with the wire protocol's shapes. A failure carries the kind,
 * a safe English message of our own (never the provider's), and the timing fields the UI
 * acts on; its HTTP status is the kind's (STATUS_BY_KIND) unless the request itself was
 * refused (415, 413, 400, 405...).
 */
import { DEFAULT_RETRY_AFTER_MS, type OtpErrorKind, STATUS_BY_KIND } from "@otpkit/core";

export const SAFE_MESSAGES: Readonly<Record<OtpErrorKind, string>> = {
  invalid_phone: "The phone number is not valid or not served",
  blocked_phone: "This phone number cannot receive codes",
  rate_limited: "Too many requests; try again later",
  insufficient_quota: "The service is temporarily unavailable",
  auth_failed: "The service is temporarily unavailable",
  config_error: "The request could not be handled",
  not_found: "This code request is no longer valid",
  wrong_code: "The code did not match",
  too_many_attempts: "Too many wrong codes",
  expired: "The code expired",
  already_verified: "This code was already used",
  network: "The SMS provider did not answer",
  provider_error: "The SMS provider failed",
};

export interface Failure {
  kind: OtpErrorKind;
  /** Overrides the kind's status: for refused requests (a 4xx) only. */
  status?: number;
  /** Overrides the kind's message: for refused requests only, and never provider text. */
  message?: string;
  retryAfterMs?: number;
  attemptsLeft?: number;
  resendAfterMs?: number;
}

/** An answer before it becomes a fetch `Response` or is written to a node socket. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string | undefined;
}

export function jsonAnswer(body: unknown, status = 200, headers?: Record<string, string>): Answer {
  // A literal: one object of a fixed shape per answer (it runs on every request).
  const all: Record<string, string> = {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  };
  if (headers) Object.assign(all, headers);
  return { status, headers: all, body: JSON.stringify(body) };
}

export const toResponse = (answer: Answer): Response =>
  new Response(answer.body ?? null, { status: answer.status, headers: answer.headers });

const seconds = (ms: number | undefined) =>
  ms === undefined ? undefined : Math.max(0, Math.ceil(ms / 1000));

export function failureAnswer(failure: Failure, headers: Record<string, string> = {}): Answer {
  const { kind, attemptsLeft } = failure;
  const status = failure.status ?? STATUS_BY_KIND[kind];
  const retryAfter = seconds(failure.retryAfterMs);
  const resendIn = seconds(failure.resendAfterMs);
  const error = {
    kind,
    message: failure.message ?? SAFE_MESSAGES[kind],
    ...(retryAfter === undefined ? {} : { retryAfter }),
    ...(attemptsLeft === undefined ? {} : { attemptsLeft }),
    ...(resendIn === undefined ? {} : { resendIn }),
  };
  const wait = retryAfter ?? resendIn ?? seconds(DEFAULT_RETRY_AFTER_MS);
  return jsonAnswer({ error }, status, {
    ...headers,
    ...(status === 429 ? { "retry-after": String(wait) } : {}),
  });
}
