/**
 * Sends per phone and the growing resend cooldown, as one decorator over an adapter.
 * Both count sends to a number (a resend is a send), so "change number" back to the same
 * number cannot skip a cooldown. Counters live in the store's rate limiters, so every
 * server instance on one Redis enforces the same limits.
 */
import { type OtpAdapter, type OtpChallenge, OtpError, type OtpErrorKind } from "@otpkit/core";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { consume, wholeSeconds } from "./limiter";
import type { LimiterSpec } from "./store";

export interface SendLimits {
  /** Sends (and resends) to one number per window. Default 5. */
  sendsPerPhone?: number;
  /** The window of `sendsPerPhone`, and how long a number stays locked. Default 3600 s. */
  sendWindowSeconds?: number;
  /**
   * Wait after the 1st, 2nd, 3rd… send to a number before the next one. Once the list is
   * used up (or `sendsPerPhone` is reached), the number is locked until its window ends.
   * Default [30, 60, 120].
   */
  resendCooldownSeconds?: readonly number[];
}

export const DEFAULT_SEND_LIMITS: Required<SendLimits> = {
  sendsPerPhone: 5,
  sendWindowSeconds: 3600,
  resendCooldownSeconds: [30, 60, 120],
};

export interface SendLimitOptions extends SendLimits {
  limiter: (spec: LimiterSpec) => RateLimiterAbstract;
  /** Clock for `resendAt`. Default `Date.now`. */
  now?: () => number;
}

/**
 * Failures that mean no SMS went out: the send is given back to the number. A provider's
 * own `rate_limited` is not among them: the cooldown it started keeps standing.
 */
const NOTHING_SENT: ReadonlySet<OtpErrorKind> = new Set([
  "invalid_phone",
  "not_found",
  "already_verified",
  "blocked_phone",
  "config_error",
  "auth_failed",
  "insufficient_quota",
]);

const limited = (waitMs: number) =>
  new OtpError({
    kind: "rate_limited",
    message: "Too many codes requested for this number",
    retryAfterMs: waitMs,
    resendAfterMs: waitMs,
  });

export function withSendLimits(adapter: OtpAdapter, options: SendLimitOptions): OtpAdapter {
  const {
    sendsPerPhone = DEFAULT_SEND_LIMITS.sendsPerPhone,
    sendWindowSeconds = DEFAULT_SEND_LIMITS.sendWindowSeconds,
    resendCooldownSeconds = DEFAULT_SEND_LIMITS.resendCooldownSeconds,
    now = Date.now,
  } = options;
  checkLimits(sendsPerPhone, sendWindowSeconds, resendCooldownSeconds);
  const perPhone = options.limiter({
    name: "sends-per-phone",
    points: sendsPerPhone,
    durationSeconds: sendWindowSeconds,
  });
  // One point: the first send claims it, every other send fails until the key expires.
  const cooldown = options.limiter({
    name: "resend-cooldown",
    points: 1,
    durationSeconds: sendWindowSeconds,
  });

  /** Claims the next send to `phone`; returns the cooldown that follows it, in ms. */
  async function claim(phone: string): Promise<number> {
    const sent = await consume(perPhone, phone);
    const windowLeftMs = sent.res.msBeforeNext;
    if (!sent.allowed) throw limited(windowLeftMs);
    const count = sent.res.consumedPoints;
    const scheduled = resendCooldownSeconds[count - 1];
    const cooldownMs =
      count >= sendsPerPhone || scheduled === undefined ? windowLeftMs : scheduled * 1000;
    if (cooldownMs === 0) {
      const running = await cooldown.get(phone);
      if (running && running.msBeforeNext > 0) return refuse(phone, running.msBeforeNext);
      return 0;
    }
    // One atomic step checks the last send's cooldown and starts this one: the duration
    // applies only when no cooldown is running, which is when this send may go.
    const seconds = wholeSeconds(cooldownMs);
    const slot = await consume(cooldown, phone, 1, seconds);
    if (!slot.allowed) return refuse(phone, slot.res.msBeforeNext);
    // Whole seconds, as the limiter keeps it: a resend at resendAt is never early.
    return seconds * 1000;
  }

  /** A cooldown is running: the send counted above is given back. */
  async function refuse(phone: string, waitMs: number): Promise<never> {
    await perPhone.reward(phone);
    throw limited(waitMs);
  }

  async function release(phone: string) {
    await Promise.all([cooldown.delete(phone), perPhone.reward(phone)]);
  }

  async function limit(phone: string, deliver: () => Promise<OtpChallenge>): Promise<OtpChallenge> {
    const cooldownMs = await claim(phone);
    let challenge: OtpChallenge;
    try {
      challenge = await deliver();
    } catch (thrown) {
      if (thrown instanceof OtpError && NOTHING_SENT.has(thrown.kind)) await release(phone);
      throw thrown;
    }
    return { ...challenge, resendAt: Math.max(challenge.resendAt, now() + cooldownMs) };
  }

  return {
    send: (input) => limit(input.phone, () => adapter.send(input)),
    resend: (input) => limit(input.challenge.phone, () => adapter.resend(input)),
    verify: (input) => adapter.verify(input),
  };
}

function checkLimits(sendsPerPhone: number, windowSeconds: number, cooldowns: readonly number[]) {
  if (!Number.isInteger(sendsPerPhone) || sendsPerPhone < 1) {
    throw new RangeError("limits.sendsPerPhone must be a whole number of at least 1");
  }
  if (!Number.isInteger(windowSeconds) || windowSeconds < 1) {
    throw new RangeError("limits.sendWindowSeconds must be a whole number of at least 1");
  }
  if (!cooldowns.every((seconds) => Number.isInteger(seconds) && seconds >= 0)) {
    throw new RangeError("limits.resendCooldownSeconds must be whole numbers of seconds");
  }
}
