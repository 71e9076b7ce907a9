/**
 * EngageLab's error codes to otpkit's kinds, exactly as in shared/providers/README.md.
 * `4001` means different things per endpoint, so the table is chosen per endpoint.
 */
import type { OtpErrorKind } from "@otpkit/core";

export type EngageLabEndpoint = "send" | "verify";

/** Codes that mean the same on every endpoint. */
const COMMON: Readonly<Record<number, OtpErrorKind>> = {
  1000: "provider_error",
  2001: "auth_failed",
  2002: "auth_failed",
  2004: "config_error",
  3001: "config_error",
  3002: "config_error",
  // Integration-guide codes (send side); harmless on verify.
  3004: "rate_limited",
  5001: "provider_error",
  5011: "invalid_phone",
  5012: "provider_error",
  5013: "blocked_phone",
  5014: "config_error",
  5015: "provider_error",
  5016: "provider_error",
  5017: "config_error",
  5018: "provider_error",
  5019: "blocked_phone",
  5020: "invalid_phone",
};

const BY_ENDPOINT: Readonly<Record<EngageLabEndpoint, Readonly<Record<number, OtpErrorKind>>>> = {
  // On send, 4001 is "template not found or not approved".
  send: { ...COMMON, 4001: "config_error" },
  // On verify, 4001 is "message does not exist"; 3003 is "expired or already verified":
  // only the server knows whether it recorded a success, so it may upgrade `expired`.
  verify: { ...COMMON, 3003: "expired", 4001: "not_found" },
};

export function kindForCode(endpoint: EngageLabEndpoint, code: number): OtpErrorKind | undefined {
  return BY_ENDPOINT[endpoint][code];
}

/** When the body carries no code we understand, the HTTP status is the next best signal. */
export function kindForStatus(status: number): OtpErrorKind {
  if (status === 401) return "auth_failed";
  if (status === 403) return "config_error";
  if (status === 429) return "rate_limited";
  return "provider_error";
}

/** Safe English text per kind, for logs; never the provider's own message. */
export const MESSAGES: Readonly<Record<OtpErrorKind, string>> = {
  invalid_phone: "EngageLab did not accept the phone number",
  blocked_phone: "EngageLab refuses to send to this number",
  rate_limited: "EngageLab rate-limited this recipient",
  insufficient_quota: "EngageLab account has no credit",
  auth_failed: "EngageLab rejected the dev key or secret",
  config_error: "EngageLab rejected the request or the template configuration",
  not_found: "EngageLab has no such message",
  wrong_code: "The code did not match",
  too_many_attempts: "Too many attempts",
  expired: "The code expired or was already used",
  already_verified: "The code was already used",
  network: "EngageLab did not answer",
  provider_error: "EngageLab failed to handle the request",
};
