/**
 * Verify attempts per challenge, as @otpkit/server counts them (its attempt-limit.ts). A
 * code that cannot be right (wrong length, not digits) is answered wrong_code without
 * spending an attempt or asking the adapter; a failure that did not judge the code
 * (expired, provider down) costs nothing.
 */
import { type OtpAdapter, type OtpChallenge, OtpError } from "@otpkit/core";
import { type Windows, wholeSeconds } from "./windows";

export const DEFAULT_MAX_ATTEMPTS = 5;

const CODE_PATTERN = /^[0-9]+$/;

export function withAttemptLimit(
  adapter: OtpAdapter,
  options: { windows: Windows; now: () => number; maxAttempts?: number },
): OtpAdapter {
  const { windows, now, maxAttempts = DEFAULT_MAX_ATTEMPTS } = options;
  const key = (challenge: OtpChallenge) => `attempts:${challenge.id}`;

  const locked = (challenge: OtpChallenge) =>
    new OtpError({
      kind: "too_many_attempts",
      message: "Too many wrong codes for this challenge",
      attemptsLeft: 0,
      resendAfterMs: Math.max(0, challenge.resendAt - now()),
    });

  const wrong = (attemptsLeft: number) =>
    new OtpError({ kind: "wrong_code", message: "The code did not match", attemptsLeft });

  const fresh = (challenge: OtpChallenge): OtpChallenge => ({
    ...challenge,
    attemptsLeft: maxAttempts,
  });

  return {
    send: async (input) => fresh(await adapter.send(input)),
    resend: async (input) => fresh(await adapter.resend(input)),
    async verify(input) {
      const { challenge, code } = input;
      if (code.length !== challenge.codeLength || !CODE_PATTERN.test(code)) {
        const used = windows.get(key(challenge))?.points ?? 0;
        const left = Math.max(0, maxAttempts - used);
        throw left > 0 ? wrong(left) : locked(challenge);
      }
      // Taken before the adapter is asked, as the server does.
      const lifetimeMs = wholeSeconds(challenge.expiresAt - now()) * 1000;
      const used = windows.add(key(challenge), 1, lifetimeMs).points;
      if (used > maxAttempts) throw locked(challenge);
      try {
        return await adapter.verify(input);
      } catch (thrown) {
        const kind = thrown instanceof OtpError ? thrown.kind : undefined;
        if (kind === "wrong_code") {
          const left = Math.max(0, maxAttempts - used);
          throw left > 0 ? wrong(left) : locked(challenge);
        }
        if (kind === "too_many_attempts") {
          windows.add(key(challenge), maxAttempts, lifetimeMs);
          throw locked(challenge);
        }
        windows.add(key(challenge), -1, lifetimeMs);
        throw thrown;
      }
    },
  };
}
