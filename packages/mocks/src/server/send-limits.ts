/**
 * Sends per number and the resend cooldown, as @otpkit/server counts them (its
 * send-limits.ts): both count sends to a number, so a resend and a fresh send to the same
 * number share them. After the 1st, 2nd, 3rd send the next waits 30 s, 60 s, 120 s; after
 * that (or at `sendsPerPhone`) the number is locked until its window ends, however long
 * the code lives.
 */
import { type OtpAdapter, type OtpChallenge, OtpError, type OtpErrorKind } from "@otpkit/core";
import { type Windows, wholeSeconds } from "./windows";

export interface SendLimits {
  /** Sends (and resends) to one number per window. Default 5. */
  sendsPerPhone?: number;
  /** The window of `sendsPerPhone`, and how long a number stays locked. Default 3600. */
  sendWindowSeconds?: number;
  /** Wait after the 1st, 2nd, 3rd… send before the next. Default [30, 60, 120]. */
  resendCooldownSeconds?: readonly number[];
}

export const DEFAULT_SEND_LIMITS: Required<SendLimits> = {
  sendsPerPhone: 5,
  sendWindowSeconds: 3600,
  resendCooldownSeconds: [30, 60, 120],
};

/**
 * Failures that mean no SMS went out: the send is given back. Any other failure (the
 * provider timed out or failed, or said to wait) keeps the send and its cooldown.
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

export function withSendLimits(
  adapter: OtpAdapter,
  options: SendLimits & { windows: Windows; now: () => number },
): OtpAdapter {
  const {
    windows,
    now,
    sendsPerPhone = DEFAULT_SEND_LIMITS.sendsPerPhone,
    sendWindowSeconds = DEFAULT_SEND_LIMITS.sendWindowSeconds,
    resendCooldownSeconds = DEFAULT_SEND_LIMITS.resendCooldownSeconds,
  } = options;
  const windowMs = sendWindowSeconds * 1000;
  const sendsKey = (phone: string) => `sends:${phone}`;
  const cooldownKey = (phone: string) => `cooldown:${phone}`;

  /** Claims the next send to `phone`; returns the cooldown that follows it, in ms. */
  function claim(phone: string): number {
    const at = now();
    const sent = windows.add(sendsKey(phone), 1, windowMs);
    const windowLeftMs = sent.endsAt - at;
    if (sent.points > sendsPerPhone) throw limited(windowLeftMs);
    const scheduled = resendCooldownSeconds[sent.points - 1];
    const cooldownMs =
      sent.points >= sendsPerPhone || scheduled === undefined ? windowLeftMs : scheduled * 1000;
    if (cooldownMs === 0) {
      const running = windows.get(cooldownKey(phone));
      if (running) refuse(phone, running.endsAt - at);
      return 0;
    }
    const seconds = wholeSeconds(cooldownMs);
    const slot = windows.add(cooldownKey(phone), 1, seconds * 1000);
    if (slot.points > 1) refuse(phone, slot.endsAt - at);
    return seconds * 1000;
  }

  /** A cooldown is running: the send counted above is given back. */
  function refuse(phone: string, waitMs: number): never {
    windows.add(sendsKey(phone), -1, windowMs);
    throw limited(waitMs);
  }

  async function limit(phone: string, deliver: () => Promise<OtpChallenge>): Promise<OtpChallenge> {
    const cooldownMs = claim(phone);
    let challenge: OtpChallenge;
    try {
      challenge = await deliver();
    } catch (thrown) {
      if (thrown instanceof OtpError && NOTHING_SENT.has(thrown.kind)) {
        windows.delete(cooldownKey(phone));
        windows.add(sendsKey(phone), -1, windowMs);
      }
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
