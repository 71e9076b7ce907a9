/**
 * Test harness for integrators and for otpkit's own tests and stories:
 * a manual clock and a fake adapter that behaves like a real backend (codes, expiry,
 * attempts, resend cooldown) and can be scripted to fail or to hold an answer.
 *
 *   import { createFakeAdapter, createManualClock } from "@otpkit/core/testing";
 */
import type { OtpAdapter, OtpChallenge, OtpVerified } from "./contract";
import { OtpError, type OtpErrorInit } from "./errors";

export interface ManualClock {
  now(): number;
  advance(ms: number): number;
  set(epochMs: number): void;
}

export function createManualClock(start = Date.UTC(2026, 0, 1)): ManualClock {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
      return current;
    },
    set: (epochMs) => {
      current = epochMs;
    },
  };
}

export type FakeMethod = "send" | "resend" | "verify";

export interface FakeCall {
  method: FakeMethod;
  phone: string;
  challengeId?: string;
  code?: string;
  channel?: string;
}

export interface FakeAdapterOptions {
  codeLength?: number;
  ttlSeconds?: number;
  resendSeconds?: number;
  maxAttempts?: number;
  /** The codes to hand out, in order; after the list runs out, random digits. */
  codes?: string[];
  referenceCode?: string;
  /** Channels the backend offers: the adapter's `channels` and each challenge's. */
  channels?: string[];
  now?: () => number;
}

interface Deferred {
  release(): void;
  promise: Promise<void>;
}

export interface FakeAdapter extends OtpAdapter {
  /** Every call received, in order. */
  readonly calls: FakeCall[];
  /** The code last sent to `phone`, as the phone would show it. */
  codeFor(phone: string): string | undefined;
  /** The next `times` calls of `method` fail with this error (before any other effect). */
  failNext(method: FakeMethod, error: OtpError | OtpErrorInit, times?: number): void;
  /** The next call of `method` waits until `release()` is called. */
  hold(method: FakeMethod): Deferred;
}

interface Record_ {
  challenge: OtpChallenge;
  code: string;
  attemptsLeft: number;
  verified: boolean;
}

export function createFakeAdapter(options: FakeAdapterOptions = {}): FakeAdapter {
  const {
    codeLength = 6,
    ttlSeconds = 300,
    resendSeconds = 30,
    maxAttempts = 5,
    now = Date.now,
  } = options;
  const codes = [...(options.codes ?? [])];
  const calls: FakeCall[] = [];
  const records = new Map<string, Record_>();
  const latestByPhone = new Map<string, string>();
  const failures: Record<FakeMethod, OtpError[]> = { send: [], resend: [], verify: [] };
  const holds: Record<FakeMethod, Deferred[]> = { send: [], resend: [], verify: [] };
  let nextId = 1;

  const nextCode = () =>
    codes.shift() ??
    Array.from({ length: codeLength }, () => Math.floor(Math.random() * 10)).join("");

  async function gate(method: FakeMethod, signal?: AbortSignal) {
    const held = holds[method].shift();
    if (held) await held.promise;
    if (signal?.aborted) throw new OtpError({ kind: "network", status: 0, cause: signal.reason });
    const failure = failures[method].shift();
    if (failure) throw failure;
  }

  function issue(phone: string, channel: string): OtpChallenge {
    const at = now();
    const code = nextCode();
    const challenge: OtpChallenge = {
      id: `fake-${nextId++}`,
      phone,
      codeLength,
      expiresAt: at + ttlSeconds * 1000,
      resendAt: at + resendSeconds * 1000,
      attemptsLeft: maxAttempts,
      channel,
      ...(options.channels ? { channels: options.channels } : {}),
      ...(options.referenceCode ? { referenceCode: options.referenceCode } : {}),
    };
    records.set(challenge.id, { challenge, code, attemptsLeft: maxAttempts, verified: false });
    latestByPhone.set(phone, code);
    return challenge;
  }

  function live(id: string): Record_ {
    const record = records.get(id);
    if (!record) throw new OtpError({ kind: "not_found", status: 404 });
    if (record.verified) throw new OtpError({ kind: "already_verified", status: 409 });
    return record;
  }

  return {
    ...(options.channels ? { channels: options.channels } : {}),
    calls,
    codeFor: (phone) => latestByPhone.get(phone),
    failNext(method, error, times = 1) {
      const otpError = error instanceof OtpError ? error : new OtpError(error);
      for (let i = 0; i < times; i++) failures[method].push(otpError);
    },
    hold(method) {
      let release = () => {};
      const promise = new Promise<void>((resolve) => {
        release = resolve;
      });
      const deferred = { promise, release };
      holds[method].push(deferred);
      return deferred;
    },
    async send({ phone, channel = "sms", signal }) {
      calls.push({ method: "send", phone, channel });
      await gate("send", signal);
      return issue(phone, channel);
    },
    async resend({ challenge, channel, signal }) {
      calls.push({ method: "resend", phone: challenge.phone, challengeId: challenge.id, channel });
      await gate("resend", signal);
      const record = live(challenge.id);
      if (now() < record.challenge.resendAt) {
        throw new OtpError({
          kind: "rate_limited",
          status: 429,
          retryAfterMs: record.challenge.resendAt - now(),
        });
      }
      records.delete(challenge.id);
      return issue(record.challenge.phone, channel ?? record.challenge.channel);
    },
    async verify({ challenge, code, signal }): Promise<OtpVerified> {
      calls.push({ method: "verify", phone: challenge.phone, challengeId: challenge.id, code });
      await gate("verify", signal);
      const record = live(challenge.id);
      if (now() >= record.challenge.expiresAt) throw new OtpError({ kind: "expired", status: 410 });
      if (record.attemptsLeft <= 0) throw new OtpError({ kind: "too_many_attempts", status: 429 });
      if (code !== record.code) {
        record.attemptsLeft -= 1;
        throw new OtpError({
          kind: record.attemptsLeft > 0 ? "wrong_code" : "too_many_attempts",
          status: record.attemptsLeft > 0 ? 422 : 429,
          attemptsLeft: record.attemptsLeft,
        });
      }
      record.verified = true;
      return { verified: true, token: `fake-token-${challenge.id}` };
    },
  };
}
