/**
 * The server side of the wire protocol's answers, written once for @otpkit/server and the
 * mocked server of @otpkit/mocks: JSON with the protocol's shapes and headers. A failure
 * carries the kind, a safe English message of our own (never a provider's), and the timing
 * fields the UI acts on; its HTTP status is the kind's (STATUS_BY_KIND) unless the request
 * itself was refused (400, 404, 405, 413, 415, 422), and a 429 says Retry-After.
 * Plain data, no fetch `Response`: each server turns it into what it writes.
 */
import { type OtpErrorKind, STATUS_BY_KIND } from "./errors";
import { DEFAULT_RETRY_AFTER_MS } from "./machine";

/** The message of each kind in an error answer. The UI shows its own words for each kind. */
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

/** What went wrong, before it is an answer. */
export interface WireFailure {
  kind: OtpErrorKind;
  /** Overrides the kind's status: for refused requests (a 4xx) only. */
  status?: number;
  /** Overrides the kind's message: for refused requests only, and never provider text. */
  message?: string;
  retryAfterMs?: number;
  attemptsLeft?: number;
  resendAfterMs?: number;
}

/** An answer before it becomes a fetch `Response` or is written to a socket. */
export interface WireAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | undefined;
}

export function jsonAnswer(
  body: unknown,
  status = 200,
  headers?: Record<string, string>,
): WireAnswer {
  // A literal: one object of a fixed shape per answer (a server makes one per request).
  const all: Record<string, string> = {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  };
  if (headers) Object.assign(all, headers);
  return { status, headers: all, body: JSON.stringify(body) };
}

const seconds = (ms: number | undefined) =>
  ms === undefined ? undefined : Math.max(0, Math.ceil(ms / 1000));

export function failureAnswer(
  failure: WireFailure,
  headers: Record<string, string> = {},
): WireAnswer {
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

/** A request the protocol does not allow: config_error (or `kind`) with a 4xx of its own. */
export const refused = (
  status: number,
  message: string,
  kind: OtpErrorKind = "config_error",
): WireFailure => ({ kind, status, message });
