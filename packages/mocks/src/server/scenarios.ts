import { type OtpAdapter, OtpError, type OtpErrorKind } from "@otpkit/core";

export type ServerOperation = "send" | "resend" | "verify";

export interface ScenarioOptions {
  /** Which request answers with the kind. Default: verify for code-related kinds, else send. */
  on?: ServerOperation;
  /** Answer this way for the next `times` matching requests only. Default: until cleared. */
  times?: number;
}

export interface Scenario {
  kind: OtpErrorKind;
  on: ServerOperation;
  /** Matching requests still to answer this way; Infinity until cleared. */
  remaining: number;
}

/** Kinds that are about a code already sent: the send goes through, verify fails. */
const VERIFY_KINDS: ReadonlySet<OtpErrorKind> = new Set([
  "wrong_code",
  "too_many_attempts",
  "expired",
  "already_verified",
  "not_found",
]);

export function scenarioFor(kind: OtpErrorKind, options: ScenarioOptions = {}): Scenario {
  return {
    kind,
    on: options.on ?? (VERIFY_KINDS.has(kind) ? "verify" : "send"),
    remaining: options.times ?? Number.POSITIVE_INFINITY,
  };
}

/**
 * Numbers that always answer with one error kind, so a story, an e2e test or a person
 * typing into the demo can reach every failure. They sit in the North American range
 * 555-0100 to 555-0199 that is reserved for fiction, so no real phone ever has one.
 * Kinds about a code (wrong_code, expired...) let the send through and fail the verify.
 */
export const SCENARIO_PHONES = {
  invalid_phone: "+12025550101",
  blocked_phone: "+12025550102",
  rate_limited: "+12025550103",
  insufficient_quota: "+12025550104",
  auth_failed: "+12025550105",
  config_error: "+12025550106",
  not_found: "+12025550107",
  wrong_code: "+12025550108",
  too_many_attempts: "+12025550109",
  expired: "+12025550110",
  already_verified: "+12025550111",
  network: "+12025550112",
  provider_error: "+12025550113",
} as const satisfies Record<OtpErrorKind, string>;

/**
 * The scenarios as answers of the adapter behind the server, so the server's policies
 * treat them as they treat a real provider's failure: a send that failed for a reason
 * that means nothing went out (blocked, quota, auth, config) is given back; a provider that
 * failed or timed out keeps the number's cooldown; wrong codes count attempts.
 */
export function withScenarios(
  adapter: OtpAdapter,
  scripted: (phone: string, operation: ServerOperation) => Scenario | undefined,
): OtpAdapter {
  const check = (phone: string, operation: ServerOperation) => {
    const scenario = scripted(phone, operation);
    if (scenario) throw new OtpError({ kind: scenario.kind, message: `Scenario ${scenario.kind}` });
  };
  return {
    async send(input) {
      check(input.phone, "send");
      return adapter.send(input);
    },
    async resend(input) {
      check(input.challenge.phone, "resend");
      return adapter.resend(input);
    },
    async verify(input) {
      check(input.challenge.phone, "verify");
      return adapter.verify(input);
    },
  };
}
