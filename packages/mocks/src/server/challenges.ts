/**
 * The wire's challenges, kept as @otpkit/server keeps them (its challenge-service.ts): an
 * opaque id of our own per challenge, bound to the number and to the adapter's challenge;
 * unknown, verified and expired answered here; every failure about a known challenge says
 * when a resend is possible (`resendAfterMs`, `resendIn` on the wire).
 */
import {
  type OtpAdapter,
  type OtpChallenge,
  type OtpChannel,
  OtpError,
  type OtpErrorKind,
  type OtpSendInput,
} from "@otpkit/core";
import { randomToken } from "./random";

interface Stored {
  id: string;
  phone: string;
  /** The adapter's own challenge (with the server's resendAt and attempts). */
  inner: OtpChallenge;
  verified: boolean;
  /** Epoch ms when the record is forgotten: a later request hears not_found. */
  keptUntil: number;
}

export interface ChallengeService {
  send(input: OtpSendInput): Promise<OtpChallenge>;
  resend(input: { challengeId: string; channel?: OtpChannel }): Promise<OtpChallenge>;
  /** The challenge that was verified, for the token. */
  verify(input: { challengeId: string; code: string }): Promise<OtpChallenge>;
  reset(): void;
}

const MESSAGES: Partial<Record<OtpErrorKind, string>> = {
  not_found: "No such challenge",
  already_verified: "This challenge was already verified",
  expired: "The code expired",
};

export function createChallengeService(options: {
  adapter: OtpAdapter;
  now: () => number;
}): ChallengeService {
  const { adapter, now } = options;
  let records = new Map<string, Stored>();

  const resendAfterMs = (record: Stored) => Math.max(0, record.inner.resendAt - now());

  const fail = (kind: OtpErrorKind, record?: Stored) =>
    new OtpError({
      kind,
      message: MESSAGES[kind],
      ...(record ? { resendAfterMs: resendAfterMs(record) } : {}),
    });

  /** Kept a lifetime past expiry (a late verify hears "expired") and through the cooldown. */
  function keepFor(challenge: OtpChallenge): number {
    const at = now();
    const lifetime = Math.max(0, challenge.expiresAt - at);
    return Math.max(challenge.expiresAt + lifetime, challenge.resendAt) - at + 1000;
  }

  const shown = (record: Stored): OtpChallenge => ({
    ...record.inner,
    id: record.id,
    phone: record.phone,
  });

  const bound = (record: Stored): OtpChallenge => ({ ...record.inner, phone: record.phone });

  function keep(phone: string, inner: OtpChallenge): OtpChallenge {
    const record = { id: randomToken(), phone, inner, verified: false, keptUntil: 0 };
    record.keptUntil = now() + keepFor(inner);
    records.set(record.id, record);
    return shown(record);
  }

  function find(id: string): Stored | undefined {
    const record = records.get(id);
    if (record && now() >= record.keptUntil) {
      records.delete(id);
      return undefined;
    }
    return record;
  }

  function live(id: string): Stored {
    const record = find(id);
    if (!record) throw fail("not_found");
    if (record.verified) throw fail("already_verified", record);
    return record;
  }

  function withResendIn(thrown: unknown, record: Stored): unknown {
    if (!(thrown instanceof OtpError) || thrown.resendAfterMs !== undefined) return thrown;
    return new OtpError({
      kind: thrown.kind,
      message: thrown.message,
      status: thrown.status,
      retryAfterMs: thrown.retryAfterMs,
      resendAfterMs: resendAfterMs(record),
      attemptsLeft: thrown.attemptsLeft,
      providerCode: thrown.providerCode,
      cause: thrown.cause,
    });
  }

  return {
    async send(input) {
      return keep(input.phone, await adapter.send(input));
    },

    async resend({ challengeId, channel }) {
      const record = live(challengeId);
      let next: OtpChallenge;
      try {
        next = await adapter.resend({ challenge: bound(record), channel });
      } catch (thrown) {
        throw withResendIn(thrown, record);
      }
      const challenge = keep(record.phone, next);
      // The old id stops working: only the newest code of a number is live.
      records.delete(record.id);
      return challenge;
    },

    async verify({ challengeId, code }) {
      const record = live(challengeId);
      if (now() >= record.inner.expiresAt) throw fail("expired", record);
      try {
        await adapter.verify({ challenge: bound(record), code });
      } catch (thrown) {
        throw withResendIn(thrown, record);
      }
      const current = find(record.id);
      if (!current || current.verified) throw fail("already_verified", record);
      current.verified = true;
      return shown(record);
    },

    reset() {
      records = new Map();
    },
  };
}
