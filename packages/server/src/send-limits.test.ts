import { OtpError } from "@otpkit/core";
import { createFakeAdapter } from "@otpkit/core/testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type SendLimits, withSendLimits } from "./send-limits";
import { createMemoryStore } from "./stores/memory-store";

const phone = "+66812345678";
const START = Date.UTC(2026, 0, 1);

// rate-limiter-flexible keeps time with Date.now: move it with fake Date.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
});

const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);

function setup(limits: SendLimits = {}, store = createMemoryStore()) {
  const fake = createFakeAdapter({ resendSeconds: 0 });
  const adapter = withSendLimits(fake, { ...limits, limiter: (spec) => store.limiter(spec) });
  return { fake, adapter, store };
}

async function refusal(promise: Promise<unknown>): Promise<OtpError> {
  const thrown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(OtpError);
  return thrown as OtpError;
}

describe("withSendLimits cooldown", () => {
  it("says in resendAt when the next code may be asked for: 30 s after the first", async () => {
    const { adapter } = setup();
    const challenge = await adapter.send({ phone });
    expect(challenge.resendAt).toBe(START + 30_000);
  });

  it("refuses a resend, or a new send to the number, before the cooldown ends", async () => {
    const { adapter, fake } = setup();
    const challenge = await adapter.send({ phone });
    advance(12_000);
    const resend = await refusal(adapter.resend({ challenge }));
    expect(resend).toMatchObject({
      kind: "rate_limited",
      retryAfterMs: 18_000,
      resendAfterMs: 18_000,
    });
    const send = await refusal(adapter.send({ phone }));
    expect(send.kind).toBe("rate_limited");
    expect(fake.calls).toHaveLength(1);
  });

  it("grows 30 s, 60 s, 120 s, then locks the number until its hour is over", async () => {
    const { adapter } = setup();
    let challenge = await adapter.send({ phone });
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const wait = challenge.resendAt - Date.now();
      waits.push(wait);
      advance(wait);
      challenge = await adapter.resend({ challenge });
    }
    expect(waits).toEqual([30_000, 60_000, 120_000]);
    // The fourth code went out at +210 s; the number's hour started at 0.
    expect(challenge.resendAt).toBe(START + 3_600_000);
    advance(3_000_000);
    const locked = await refusal(adapter.resend({ challenge }));
    expect(locked.retryAfterMs).toBe(START + 3_600_000 - Date.now());
    advance(locked.retryAfterMs ?? 0);
    const next = await adapter.send({ phone });
    expect(next.resendAt).toBe(Date.now() + 30_000);
  });

  it("follows a configured schedule", async () => {
    const { adapter } = setup({ resendCooldownSeconds: [5, 10] });
    const first = await adapter.send({ phone });
    expect(first.resendAt - Date.now()).toBe(5_000);
    advance(5_000);
    const second = await adapter.resend({ challenge: first });
    expect(second.resendAt - Date.now()).toBe(10_000);
  });

  it("keeps an adapter's later resendAt", async () => {
    const store = createMemoryStore();
    const fake = createFakeAdapter({ resendSeconds: 90 });
    const adapter = withSendLimits(fake, { limiter: (spec) => store.limiter(spec) });
    expect((await adapter.send({ phone })).resendAt).toBe(START + 90_000);
  });

  it("counts each number apart", async () => {
    const { adapter } = setup();
    await adapter.send({ phone });
    await expect(adapter.send({ phone: "+66899999999" })).resolves.toBeDefined();
  });
});

describe("withSendLimits sends per phone", () => {
  it("refuses the send after sendsPerPhone in the window, with the time left", async () => {
    const { adapter, fake } = setup({ sendsPerPhone: 3, resendCooldownSeconds: [0, 0, 0, 0] });
    await adapter.send({ phone });
    advance(1_000);
    await adapter.send({ phone });
    const third = await adapter.send({ phone });
    // The last allowed send already says when the number is free again.
    expect(third.resendAt).toBe(START + 3_600_000);
    advance(1_000);
    const error = await refusal(adapter.send({ phone }));
    expect(error).toMatchObject({ kind: "rate_limited", retryAfterMs: 3_600_000 - 2_000 });
    expect(fake.calls).toHaveLength(3);
  });

  it("gives a send back when nothing went out (invalid number, provider down for auth...)", async () => {
    const { adapter, fake } = setup({ sendsPerPhone: 1 });
    fake.failNext("send", { kind: "auth_failed" });
    await expect(adapter.send({ phone })).rejects.toMatchObject({ kind: "auth_failed" });
    // Neither the cooldown nor the one send of the hour was used up.
    await expect(adapter.send({ phone })).resolves.toBeDefined();
  });

  it("keeps the cooldown when the provider itself says to wait", async () => {
    const { adapter, fake } = setup();
    fake.failNext("send", { kind: "rate_limited" });
    await expect(adapter.send({ phone })).rejects.toMatchObject({ kind: "rate_limited" });
    await expect(adapter.send({ phone })).rejects.toMatchObject({ kind: "rate_limited" });
    expect(fake.calls).toHaveLength(1);
  });

  it("holds across two decorated adapters on one store (two server instances)", async () => {
    const store = createMemoryStore();
    const one = setup({}, store);
    const two = setup({}, store);
    await one.adapter.send({ phone });
    await expect(two.adapter.send({ phone })).rejects.toMatchObject({ kind: "rate_limited" });
    expect(two.fake.calls).toHaveLength(0);
  });

  it("lets only one of two simultaneous sends to a number through", async () => {
    const { adapter, fake } = setup();
    const outcomes = await Promise.allSettled([adapter.send({ phone }), adapter.send({ phone })]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(fake.calls).toHaveLength(1);
  });

  it.each([
    { sendsPerPhone: 0 },
    { sendsPerPhone: 1.5 },
    { sendWindowSeconds: 0 },
    { resendCooldownSeconds: [30, -1] },
  ])("rejects the option %o when created", (limits) => {
    expect(() => setup(limits)).toThrow(RangeError);
  });
});
