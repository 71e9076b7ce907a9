import { describe, expect, it } from "vitest";
import type { OtpChallenge } from "./contract";
import { OtpError } from "./errors";
import { createFakeAdapter, createManualClock, type FakeAdapterOptions } from "./testing";

const PHONE = "+66812345678";
const OTHER_PHONE = "+6281234567890";

/** A fake backend on a manual clock. */
function backend(options: FakeAdapterOptions = {}) {
  const clock = createManualClock();
  const adapter = createFakeAdapter({ now: clock.now, ...options });
  return { clock, adapter };
}

/** The OtpError a promise rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<OtpError> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
    },
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(OtpError);
  return error as OtpError;
}

describe("createManualClock", () => {
  it("starts at 2026-01-01 UTC by default, or where it is told", () => {
    expect(createManualClock().now()).toBe(Date.UTC(2026, 0, 1));
    expect(createManualClock(1_000).now()).toBe(1_000);
  });

  it("only moves when told", () => {
    const clock = createManualClock(0);
    expect(clock.now()).toBe(0);
    expect(clock.now()).toBe(0);
    expect(clock.advance(1_500)).toBe(1_500);
    expect(clock.now()).toBe(1_500);
    clock.set(10_000);
    expect(clock.now()).toBe(10_000);
  });

  it("keeps separate clocks apart", () => {
    const a = createManualClock(0);
    const b = createManualClock(0);
    a.advance(5);
    expect(b.now()).toBe(0);
  });
});

describe("createFakeAdapter", () => {
  describe("send", () => {
    it("issues a challenge with the configured length, lifetime, cooldown and attempts", async () => {
      const { clock, adapter } = backend({
        codeLength: 4,
        ttlSeconds: 120,
        resendSeconds: 20,
        maxAttempts: 3,
      });
      const challenge = await adapter.send({ phone: PHONE });
      expect(challenge).toMatchObject({
        phone: PHONE,
        codeLength: 4,
        expiresAt: clock.now() + 120_000,
        resendAt: clock.now() + 20_000,
        attemptsLeft: 3,
        channel: "sms",
      });
      expect(challenge.id).toEqual(expect.any(String));
    });

    it("defaults to 6 digits, 5 minutes, 30 s cooldown and 5 attempts", async () => {
      const { clock, adapter } = backend();
      expect(await adapter.send({ phone: PHONE })).toMatchObject({
        codeLength: 6,
        expiresAt: clock.now() + 300_000,
        resendAt: clock.now() + 30_000,
        attemptsLeft: 5,
      });
    });

    it("hands out the scripted codes in order, then random digits of the right length", async () => {
      const { adapter } = backend({ codes: ["111111", "222222"] });
      await adapter.send({ phone: PHONE });
      expect(adapter.codeFor(PHONE)).toBe("111111");
      await adapter.send({ phone: OTHER_PHONE });
      expect(adapter.codeFor(OTHER_PHONE)).toBe("222222");
      expect(adapter.codeFor(PHONE)).toBe("111111");
      await adapter.send({ phone: PHONE });
      expect(adapter.codeFor(PHONE)).toMatch(/^\d{6}$/);
    });

    it("knows no code for a phone it never texted", () => {
      expect(backend().adapter.codeFor(PHONE)).toBeUndefined();
    });

    it("gives every challenge its own id", async () => {
      const { adapter } = backend();
      const a = await adapter.send({ phone: PHONE });
      const b = await adapter.send({ phone: OTHER_PHONE });
      expect(a.id).not.toBe(b.id);
    });

    it("uses the channel asked for and offers the configured channels and reference", async () => {
      const { adapter } = backend({ channels: ["sms", "voice"], referenceCode: "IpA6k" });
      expect(await adapter.send({ phone: PHONE, channel: "voice" })).toMatchObject({
        channel: "voice",
        channels: ["sms", "voice"],
        referenceCode: "IpA6k",
      });
    });

    it("records every call", async () => {
      const { adapter } = backend({ codes: ["123456"] });
      const challenge = await adapter.send({ phone: PHONE, channel: "sms" });
      await adapter.verify({ challenge, code: "123456" });
      expect(adapter.calls).toEqual([
        { method: "send", phone: PHONE, channel: "sms" },
        { method: "verify", phone: PHONE, challengeId: challenge.id, code: "123456" },
      ]);
    });
  });

  describe("verify", () => {
    it("accepts the code that was sent, with a token", async () => {
      const { adapter } = backend({ codes: ["424242"] });
      const challenge = await adapter.send({ phone: PHONE });
      const result = await adapter.verify({ challenge, code: "424242" });
      expect(result.verified).toBe(true);
      expect(result.token).toEqual(expect.any(String));
    });

    it("refuses a wrong code with wrong_code and attempts counting down", async () => {
      const { adapter } = backend({ codes: ["424242"], maxAttempts: 3 });
      const challenge = await adapter.send({ phone: PHONE });
      expect(await rejection(adapter.verify({ challenge, code: "000000" }))).toMatchObject({
        kind: "wrong_code",
        status: 422,
        attemptsLeft: 2,
      });
      expect(await rejection(adapter.verify({ challenge, code: "000000" }))).toMatchObject({
        kind: "wrong_code",
        attemptsLeft: 1,
      });
      // The right code still works while attempts remain.
      await expect(adapter.verify({ challenge, code: "424242" })).resolves.toMatchObject({
        verified: true,
      });
    });

    it("locks the challenge when the last attempt is used: too_many_attempts, even for the right code", async () => {
      const { adapter } = backend({ codes: ["424242"], maxAttempts: 2 });
      const challenge = await adapter.send({ phone: PHONE });
      await rejection(adapter.verify({ challenge, code: "000000" }));
      expect(await rejection(adapter.verify({ challenge, code: "000000" }))).toMatchObject({
        kind: "too_many_attempts",
        status: 429,
        attemptsLeft: 0,
      });
      expect(await rejection(adapter.verify({ challenge, code: "424242" }))).toMatchObject({
        kind: "too_many_attempts",
      });
    });

    it("expires exactly at expiresAt on the clock", async () => {
      const { clock, adapter } = backend({ codes: ["424242", "525252"], ttlSeconds: 60 });
      const first = await adapter.send({ phone: PHONE });
      clock.advance(60_000);
      expect(await rejection(adapter.verify({ challenge: first, code: "424242" }))).toMatchObject({
        kind: "expired",
        status: 410,
      });

      const second = await adapter.send({ phone: OTHER_PHONE });
      clock.advance(59_999);
      await expect(adapter.verify({ challenge: second, code: "525252" })).resolves.toMatchObject({
        verified: true,
      });
    });

    it("answers already_verified for a challenge used before", async () => {
      const { adapter } = backend({ codes: ["424242"] });
      const challenge = await adapter.send({ phone: PHONE });
      await adapter.verify({ challenge, code: "424242" });
      expect(await rejection(adapter.verify({ challenge, code: "424242" }))).toMatchObject({
        kind: "already_verified",
        status: 409,
      });
    });

    it("answers not_found for a challenge it never issued", async () => {
      const { adapter } = backend();
      const unknown: OtpChallenge = {
        id: "nope",
        phone: PHONE,
        codeLength: 6,
        expiresAt: Number.MAX_SAFE_INTEGER,
        resendAt: 0,
        channel: "sms",
      };
      expect(await rejection(adapter.verify({ challenge: unknown, code: "123456" }))).toMatchObject(
        { kind: "not_found", status: 404 },
      );
      expect(await rejection(adapter.resend({ challenge: unknown }))).toMatchObject({
        kind: "not_found",
      });
    });
  });

  describe("resend", () => {
    it("answers rate_limited with the time left until the cooldown ends", async () => {
      const { clock, adapter } = backend({ resendSeconds: 30 });
      const challenge = await adapter.send({ phone: PHONE });
      clock.advance(10_000);
      expect(await rejection(adapter.resend({ challenge }))).toMatchObject({
        kind: "rate_limited",
        status: 429,
        retryAfterMs: 20_000,
      });
      clock.advance(19_999);
      expect((await rejection(adapter.resend({ challenge }))).retryAfterMs).toBe(1);
    });

    it("replaces the challenge once the cooldown ends: new id, new code, fresh timers", async () => {
      const { clock, adapter } = backend({ codes: ["111111", "222222"], maxAttempts: 3 });
      const first = await adapter.send({ phone: PHONE });
      await rejection(adapter.verify({ challenge: first, code: "000000" }));
      clock.advance(30_000);
      const second = await adapter.resend({ challenge: first });
      expect(second.id).not.toBe(first.id);
      expect(second).toMatchObject({
        phone: PHONE,
        expiresAt: clock.now() + 300_000,
        resendAt: clock.now() + 30_000,
        attemptsLeft: 3,
      });
      expect(adapter.codeFor(PHONE)).toBe("222222");

      // The old challenge is gone; the old code does not open the new one.
      expect(await rejection(adapter.verify({ challenge: first, code: "111111" }))).toMatchObject({
        kind: "not_found",
      });
      expect(await rejection(adapter.verify({ challenge: second, code: "111111" }))).toMatchObject({
        kind: "wrong_code",
        attemptsLeft: 2,
      });
      await expect(adapter.verify({ challenge: second, code: "222222" })).resolves.toMatchObject({
        verified: true,
      });
    });

    it("keeps the channel unless another is asked for", async () => {
      const { clock, adapter } = backend();
      const first = await adapter.send({ phone: PHONE, channel: "whatsapp" });
      clock.advance(30_000);
      const second = await adapter.resend({ challenge: first });
      expect(second.channel).toBe("whatsapp");
      clock.advance(30_000);
      expect((await adapter.resend({ challenge: second, channel: "voice" })).channel).toBe("voice");
    });

    it("records the resend call with the channel asked for", async () => {
      const { clock, adapter } = backend();
      const challenge = await adapter.send({ phone: PHONE });
      clock.advance(30_000);
      await adapter.resend({ challenge, channel: "voice" });
      expect(adapter.calls.at(-1)).toEqual({
        method: "resend",
        phone: PHONE,
        challengeId: challenge.id,
        channel: "voice",
      });
    });

    it("gives a locked challenge a new chance after the cooldown", async () => {
      const { clock, adapter } = backend({ codes: ["111111", "222222"], maxAttempts: 1 });
      const first = await adapter.send({ phone: PHONE });
      await rejection(adapter.verify({ challenge: first, code: "000000" }));
      clock.advance(30_000);
      const second = await adapter.resend({ challenge: first });
      await expect(adapter.verify({ challenge: second, code: "222222" })).resolves.toMatchObject({
        verified: true,
      });
    });

    it("answers already_verified for a challenge that was used", async () => {
      const { clock, adapter } = backend({ codes: ["111111"] });
      const challenge = await adapter.send({ phone: PHONE });
      await adapter.verify({ challenge, code: "111111" });
      clock.advance(60_000);
      expect((await rejection(adapter.resend({ challenge }))).kind).toBe("already_verified");
    });
  });

  describe("failNext", () => {
    it("fails the next call of that method before any other effect", async () => {
      const { adapter } = backend({ codes: ["111111", "222222"] });
      adapter.failNext("send", { kind: "network", status: 0 });
      expect(await rejection(adapter.send({ phone: PHONE }))).toMatchObject({
        kind: "network",
        status: 0,
      });
      // No code went out for the failed send.
      expect(adapter.codeFor(PHONE)).toBeUndefined();
      await adapter.send({ phone: PHONE });
      expect(adapter.codeFor(PHONE)).toBe("111111");
    });

    it("fails `times` calls, then behaves again", async () => {
      const { adapter } = backend({ codes: ["111111"] });
      const challenge = await adapter.send({ phone: PHONE });
      adapter.failNext("verify", { kind: "provider_error", status: 502 }, 2);
      expect((await rejection(adapter.verify({ challenge, code: "111111" }))).kind).toBe(
        "provider_error",
      );
      expect((await rejection(adapter.verify({ challenge, code: "111111" }))).kind).toBe(
        "provider_error",
      );
      await expect(adapter.verify({ challenge, code: "111111" })).resolves.toMatchObject({
        verified: true,
      });
    });

    it("does not use up attempts on the scripted failure", async () => {
      const { adapter } = backend({ codes: ["111111"], maxAttempts: 2 });
      const challenge = await adapter.send({ phone: PHONE });
      adapter.failNext("verify", { kind: "network" });
      await rejection(adapter.verify({ challenge, code: "000000" }));
      expect((await rejection(adapter.verify({ challenge, code: "000000" }))).attemptsLeft).toBe(1);
    });

    it("throws the very OtpError it was given", async () => {
      const { adapter } = backend();
      const error = new OtpError({ kind: "blocked_phone", status: 422, providerCode: "5013" });
      adapter.failNext("send", error);
      await expect(adapter.send({ phone: PHONE })).rejects.toBe(error);
    });

    it("only affects the method named", async () => {
      const { adapter } = backend({ codes: ["111111"] });
      adapter.failNext("verify", { kind: "network" });
      const challenge = await adapter.send({ phone: PHONE });
      expect((await rejection(adapter.verify({ challenge, code: "111111" }))).kind).toBe("network");
    });
  });

  describe("hold", () => {
    it("keeps the answer until released", async () => {
      const { adapter } = backend();
      const held = adapter.hold("send");
      let settled = false;
      const pending = adapter.send({ phone: PHONE }).then((c) => {
        settled = true;
        return c;
      });
      await Promise.resolve();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(settled).toBe(false);
      expect(adapter.calls).toHaveLength(1);
      held.release();
      await expect(pending).resolves.toMatchObject({ phone: PHONE });
      expect(settled).toBe(true);
    });

    it("holds only the next call of that method", async () => {
      const { adapter } = backend();
      const held = adapter.hold("send");
      const first = adapter.send({ phone: PHONE });
      await expect(adapter.send({ phone: OTHER_PHONE })).resolves.toMatchObject({
        phone: OTHER_PHONE,
      });
      held.release();
      await expect(first).resolves.toMatchObject({ phone: PHONE });
    });

    it("applies the clock at the moment of release", async () => {
      const { clock, adapter } = backend({ codes: ["111111"], ttlSeconds: 60 });
      const challenge = await adapter.send({ phone: PHONE });
      const held = adapter.hold("verify");
      const pending = adapter.verify({ challenge, code: "111111" });
      clock.advance(60_000);
      held.release();
      expect((await rejection(pending)).kind).toBe("expired");
    });

    it("fails with network when the caller aborted while held", async () => {
      const { adapter } = backend();
      const held = adapter.hold("send");
      const controller = new AbortController();
      const pending = adapter.send({ phone: PHONE, signal: controller.signal });
      controller.abort();
      held.release();
      expect(await rejection(pending)).toMatchObject({ kind: "network", status: 0 });
      expect(adapter.codeFor(PHONE)).toBeUndefined();
    });
  });
});
