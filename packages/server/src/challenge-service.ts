/**
 * The bridge between the wire (opaque ids) and the adapter contract (challenges). It keeps
 * each challenge in the store under an id of its own, bound to the phone it went to and to
 * the provider's handle; the browser never sees either. It answers for the states only the
 * server knows: unknown, expired, already verified.
 */
import {
  type OtpAdapter,
  type OtpChallenge,
  type OtpChannel,
  OtpError,
  type OtpErrorKind,
  type OtpSendInput,
} from "@otpkit/core";
import { randomId } from "./base64url";
import type { OtpStore, StoredChallenge } from "./store";

export interface ChallengeServiceOptions {
  /** The adapter with its policies (limits, allow-lists) already applied. */
  adapter: OtpAdapter;
  store: OtpStore;
  now?: () => number;
  /** Makes challenge ids. Default: 128 random bits, base64url. */
  newId?: () => string;
}

export interface ResendRequestInput {
  challengeId: string;
  channel?: OtpChannel;
  signal?: AbortSignal;
}

export interface VerifyRequestInput {
  challengeId: string;
  code: string;
  signal?: AbortSignal;
}

export interface ChallengeService {
  /** The challenge as the server shows it: our id, the full phone (mask it on the wire). */
  send(input: OtpSendInput): Promise<OtpChallenge>;
  resend(input: ResendRequestInput): Promise<OtpChallenge>;
  /** The challenge that was verified, for the token. */
  verify(input: VerifyRequestInput): Promise<OtpChallenge>;
}

const MESSAGES: Partial<Record<OtpErrorKind, string>> = {
  not_found: "No such challenge",
  already_verified: "This challenge was already verified",
  expired: "The code expired",
};

export function createChallengeService(options: ChallengeServiceOptions): ChallengeService {
  const { adapter, store, now = Date.now, newId = randomId } = options;

  const fail = (kind: OtpErrorKind, record?: StoredChallenge) =>
    new OtpError({
      kind,
      message: MESSAGES[kind],
      ...(record ? { resendAfterMs: resendAfterMs(record) } : {}),
    });

  const resendAfterMs = (record: StoredChallenge) => Math.max(0, record.inner.resendAt - now());

  /** Kept a lifetime past expiry (a late verify hears "expired") and through the cooldown. */
  function keepFor(challenge: OtpChallenge): number {
    const at = now();
    const lifetime = Math.max(0, challenge.expiresAt - at);
    return Math.max(challenge.expiresAt + lifetime, challenge.resendAt) - at + 1000;
  }

  const shown = (record: Omit<StoredChallenge, "verified">): OtpChallenge => ({
    ...record.inner,
    id: record.id,
    phone: record.phone,
  });

  /** What the adapters get back: their own challenge, bound to the number it went to. */
  const bound = (record: StoredChallenge): OtpChallenge => ({
    ...record.inner,
    phone: record.phone,
  });

  async function keep(phone: string, inner: OtpChallenge): Promise<OtpChallenge> {
    const record = { id: newId(), phone, inner };
    await store.putChallenge(record, keepFor(inner));
    return shown(record);
  }

  async function live(challengeId: string): Promise<StoredChallenge> {
    const record = await store.getChallenge(challengeId);
    if (!record) throw fail("not_found");
    if (record.verified) throw fail("already_verified", record);
    return record;
  }

  /** Every failure about a known challenge says when a resend is possible. */
  function withResendIn(thrown: unknown, record: StoredChallenge): unknown {
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
      // Awaited: returning the promise itself would cost two more turns of the queue.
      return await keep(input.phone, await adapter.send(input));
    },

    async resend({ challengeId, channel, signal }) {
      const record = await live(challengeId);
      let next: OtpChallenge;
      try {
        next = await adapter.resend({ challenge: bound(record), channel, signal });
      } catch (thrown) {
        throw withResendIn(thrown, record);
      }
      const challenge = await keep(record.phone, next);
      // The old id stops working: only the newest code of a number is live.
      await store.deleteChallenge(record.id);
      return challenge;
    },

    async verify({ challengeId, code, signal }) {
      const record = await live(challengeId);
      if (now() >= record.inner.expiresAt) throw fail("expired", record);
      try {
        await adapter.verify({ challenge: bound(record), code, signal });
      } catch (thrown) {
        throw withResendIn(thrown, record);
      }
      // Two instances may both hear "verified" from the provider: one proof only.
      if (!(await store.markVerified(record.id, keepFor(record.inner)))) {
        throw fail("already_verified", record);
      }
      return shown(record);
    },
  };
}
