/**
 * Each provider's documented answers and the error kind the kit maps them to
 * (/work/shared/providers/README.md, "Provider code to kind"). The "Provider failures" stories
 * replay the kind through the simulated backend, so a designer sees what the user sees when
 * that provider answers that way. The UI acts on the kind only, never on the raw code.
 */
import type { OtpErrorKind } from "@otpkit/core";
import type { ServerOperation } from "@otpkit/mocks";
import type { BackendName } from "./backends";

export interface ProviderFailure {
  /** The provider's own code or HTTP answer, as its documentation names it. */
  answer: string;
  kind: OtpErrorKind;
  /** Which request answers this way. */
  on: ServerOperation;
}

type Provider = Exclude<BackendName, "kit">;

export const PROVIDER_FAILURES: Record<Provider, readonly ProviderFailure[]> = {
  ants: [
    { answer: "0302 Number Prefix Missing", kind: "invalid_phone", on: "send" },
    { answer: "0307 Invalid Number", kind: "invalid_phone", on: "send" },
    { answer: "0304 Over Limit Usage (request)", kind: "rate_limited", on: "send" },
    { answer: "9995 Credit not enough", kind: "insufficient_quota", on: "send" },
    { answer: "9998 Authentication failed", kind: "auth_failed", on: "send" },
    { answer: "0301 Invalid OTP Config", kind: "config_error", on: "send" },
    { answer: "9999 Exception", kind: "provider_error", on: "send" },
    { answer: "verify result:false", kind: "wrong_code", on: "verify" },
    { answer: "verify isErrorCount:true / 0304", kind: "too_many_attempts", on: "verify" },
    { answer: "0305 OTP Code Expired", kind: "expired", on: "verify" },
    { answer: "0303 No Data Available OTP", kind: "not_found", on: "verify" },
    { answer: "0306 OTP Code Confirmed", kind: "already_verified", on: "verify" },
  ],
  engagelab: [
    { answer: "5011 / 5020 invalid number", kind: "invalid_phone", on: "send" },
    { answer: "5013 / 5019 number blocked", kind: "blocked_phone", on: "send" },
    { answer: "3004 too frequent", kind: "rate_limited", on: "send" },
    { answer: "2001 / 2002 (401) authentication failed", kind: "auth_failed", on: "send" },
    { answer: "2004 (403) / 3001 / 3002 / 4001 template", kind: "config_error", on: "send" },
    { answer: "1000 (500) / 5001 internal error", kind: "provider_error", on: "send" },
    { answer: "verify 200 verified:false", kind: "wrong_code", on: "verify" },
    { answer: "3003 verify code has expired", kind: "expired", on: "verify" },
    { answer: "4001 message_id not found", kind: "not_found", on: "verify" },
  ],
  verihubs: [
    { answer: "400 Msisdn invalid", kind: "invalid_phone", on: "send" },
    { answer: "409 msisdn has been blocked", kind: "blocked_phone", on: "send" },
    { answer: "429 Too many request", kind: "rate_limited", on: "send" },
    { answer: "403 quota insufficient", kind: "insufficient_quota", on: "send" },
    { answer: "401 Authorization failed", kind: "auth_failed", on: "send" },
    { answer: "400 Validation error", kind: "config_error", on: "send" },
    { answer: "5xx", kind: "provider_error", on: "send" },
    { answer: "404 OTP not found (verify)", kind: "wrong_code", on: "verify" },
    { answer: "422 Time limit exceeded", kind: "expired", on: "verify" },
  ],
};

/** "ants:9995 Credit not enough" style keys for a select control. */
export const failureKey = (provider: Provider, failure: ProviderFailure) =>
  `${provider}: ${failure.answer} → ${failure.kind}`;
