/**
 * Verify attempts per challenge, as a decorator over an adapter. The server counts, not the
 * provider (none of them reports attempts left), so the count holds across instances that
 * share a store and whatever the provider allows.
 */
import { type OtpAdapter, type OtpChallenge, OtpError } from "@otpkit/core";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { consume, wholeSeconds } from "./limiter";
import type { LimiterSpec } from "./store";

export interface AttemptLimitOptions {
  limiter: (spec: LimiterSpec) => RateLimiterAbstract;
  /** Verify attempts per challenge; the last wrong one locks it. Default 5. */
  maxAttempts?: number;
  /** What a code looks like, besides having the challenge's length. Default digits. */
  codePattern?: RegExp;
  now?: () => number;
}

export const DEFAULT_MAX_ATTEMPTS = 5;

export function withAttemptLimit(adapter: OtpAdapter, options: AttemptLimitOptions): OtpAdapter {
  const { maxAttempts = DEFAULT_MAX_ATTEMPTS, codePattern = /^[0-9]+$/, now = Date.now } = options;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError("limits.verifyAttempts must be a whole number of at least 1");
  }
  // Long enough for any challenge; each key gets its challenge's lifetime when first used.
  const attempts = options.limiter({
    name: "verify-attempts",
    points: maxAttempts,
    durationSeconds: 86_400,
  });

  const fresh = (challenge: OtpChallenge): OtpChallenge => ({
    ...challenge,
    attemptsLeft: maxAttempts,
  });

  const locked = (challenge: OtpChallenge) =>
    new OtpError({
      kind: "too_many_attempts",
      message: "Too many wrong codes for this challenge",
      attemptsLeft: 0,
      resendAfterMs: Math.max(0, challenge.resendAt - now()),
    });

  const wrong = (attemptsLeft: number) =>
    new OtpError({ kind: "wrong_code", message: "The code did not match", attemptsLeft });

  /** A code that cannot be right costs no attempt and never reaches the provider. */
  async function refuseMalformed(challenge: OtpChallenge): Promise<never> {
    const used = (await attempts.get(challenge.id))?.consumedPoints ?? 0;
    const left = Math.max(0, maxAttempts - used);
    throw left > 0 ? wrong(left) : locked(challenge);
  }

  return {
    send: async (input) => fresh(await adapter.send(input)),
    resend: async (input) => fresh(await adapter.resend(input)),
    async verify(input) {
      const { challenge, code } = input;
      if (code.length !== challenge.codeLength || !codePattern.test(code)) {
        return refuseMalformed(challenge);
      }
      // Taken before the provider is asked, so parallel guesses cannot exceed the limit.
      const lifetime = wholeSeconds(challenge.expiresAt - now());
      const attempt = await consume(attempts, challenge.id, 1, lifetime);
      if (!attempt.allowed) throw locked(challenge);
      try {
        return await adapter.verify(input);
      } catch (thrown) {
        const kind = thrown instanceof OtpError ? thrown.kind : undefined;
        if (kind === "wrong_code") {
          const left = attempt.res.remainingPoints;
          throw left > 0 ? wrong(left) : locked(challenge);
        }
        if (kind === "too_many_attempts") {
          // The provider locked it first: so do we.
          await attempts.penalty(challenge.id, maxAttempts);
          throw locked(challenge);
        }
        // Expired, already used, provider down: the code was never judged, so it costs nothing.
        await attempts.reward(challenge.id);
        throw thrown;
      }
    },
  };
}
