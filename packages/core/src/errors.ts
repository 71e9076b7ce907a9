/**
 * The one failure vocabulary of otpkit. Every adapter, the server and the UI speak it;
 * the UI acts on `kind`, never on a provider's raw code or message.
 */
export const OTP_ERROR_KINDS = [
  "invalid_phone",
  "blocked_phone",
  "rate_limited",
  "insufficient_quota",
  "auth_failed",
  "config_error",
  "not_found",
  "wrong_code",
  "too_many_attempts",
  "expired",
  "already_verified",
  "network",
  "provider_error",
] as const;

export type OtpErrorKind = (typeof OTP_ERROR_KINDS)[number];

/** HTTP status the kit's server answers with for each kind (`network` is 504 from a server). */
export const STATUS_BY_KIND: Readonly<Record<OtpErrorKind, number>> = {
  invalid_phone: 422,
  blocked_phone: 422,
  rate_limited: 429,
  insufficient_quota: 503,
  auth_failed: 503,
  config_error: 500,
  not_found: 404,
  wrong_code: 422,
  too_many_attempts: 429,
  expired: 410,
  already_verified: 409,
  network: 504,
  provider_error: 502,
};

export interface OtpErrorInit {
  kind: OtpErrorKind;
  /** Safe English text for logs and developers. Never shown to users. */
  message?: string;
  /** HTTP status of the answer this error came from (0 when there was no answer). */
  status?: number;
  /** Wait this long before sending again (rate limits). */
  retryAfterMs?: number;
  /** Wait this long before a resend is allowed (for example after `too_many_attempts`). */
  resendAfterMs?: number;
  attemptsLeft?: number;
  /** The provider's own code, kept for logs and support, never for UI decisions. */
  providerCode?: string;
  cause?: unknown;
}

export class OtpError extends Error {
  override readonly name = "OtpError";
  readonly kind: OtpErrorKind;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly resendAfterMs: number | undefined;
  readonly attemptsLeft: number | undefined;
  readonly providerCode: string | undefined;

  constructor(init: OtpErrorInit) {
    super(init.message ?? init.kind, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.resendAfterMs = init.resendAfterMs;
    this.attemptsLeft = init.attemptsLeft;
    this.providerCode = init.providerCode;
  }
}

export const isOtpError = (value: unknown): value is OtpError => value instanceof OtpError;

export const isOtpErrorKind = (value: unknown): value is OtpErrorKind =>
  (OTP_ERROR_KINDS as readonly unknown[]).includes(value);

/**
 * Turns anything thrown into an `OtpError`:
 * fetch's `TypeError`, an `AbortError` or `TimeoutError` -> `network`;
 * a JSON `SyntaxError`, a schema failure or anything unknown -> `provider_error`.
 * The original value is kept on `cause`.
 */
export function toOtpError(thrown: unknown): OtpError {
  if (thrown instanceof OtpError) return thrown;
  const name = (thrown as { name?: unknown } | null)?.name;
  const network = name === "AbortError" || name === "TimeoutError" || thrown instanceof TypeError;
  return new OtpError({
    kind: network ? "network" : "provider_error",
    status: 0,
    message: network ? "The request did not get an answer" : "The answer could not be understood",
    cause: thrown,
  });
}
