import { type OtpAdapter, OtpError } from "@otpkit/core";
import { createFakeAdapter, createManualClock } from "@otpkit/core/testing";
import { describe, expect, it } from "vitest";
import { type AttemptLimitOptions, withAttemptLimit } from "./attempt-limit";
import { createMemoryStore } from "./stores/memory-store";

const phone = "+66812345678";
const otherCode = (code: string) =>
  [...code].map((digit) => String((Number(digit) + 1) % 10)).join("");
const RIGHT = "123456";

function setup(options: Partial<AttemptLimitOptions> = {}, resendSeconds = 0) {
  const store = createMemoryStore();
  const clock = createManualClock();
  const fake = createFakeAdapter({
    codes: [RIGHT, RIGHT, RIGHT],
    maxAttempts: 99,
    resendSeconds,
    now: clock.now,
  });
  const adapter = withAttemptLimit(fake, {
    limiter: (spec) => store.limiter(spec),
    now: clock.now,
    ...options,
  });
  const verifyCalls = () => fake.calls.filter((call) => call.method === "verify").length;
  return { fake, adapter, clock, verifyCalls };
}

async function refusal(promise: Promise<unknown>): Promise<OtpError> {
  const thrown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(OtpError);
  return thrown as OtpError;
}

describe("withAttemptLimit", () => {
  it("announces the attempts on every new challenge", async () => {
    const { adapter } = setup({ maxAttempts: 3 });
    const challenge = await adapter.send({ phone });
    expect(challenge.attemptsLeft).toBe(3);
    expect((await adapter.resend({ challenge })).attemptsLeft).toBe(3);
  });

  it("counts wrong codes down, then locks the challenge: even the right code is refused", async () => {
    const { adapter, clock, verifyCalls } = setup({}, 30);
    const challenge = await adapter.send({ phone });
    const left: (number | undefined)[] = [];
    for (let i = 0; i < 4; i++) {
      const error = await refusal(adapter.verify({ challenge, code: "000000" }));
      expect(error.kind).toBe("wrong_code");
      left.push(error.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1]);
    clock.advance(10_000);
    const last = await refusal(adapter.verify({ challenge, code: "000000" }));
    expect(last).toMatchObject({
      kind: "too_many_attempts",
      attemptsLeft: 0,
      resendAfterMs: 20_000,
    });
    const after = await refusal(adapter.verify({ challenge, code: RIGHT }));
    expect(after.kind).toBe("too_many_attempts");
    expect(verifyCalls()).toBe(5);
  });

  it("accepts the right code after wrong ones", async () => {
    const { adapter } = setup();
    const challenge = await adapter.send({ phone });
    await refusal(adapter.verify({ challenge, code: "000000" }));
    await expect(adapter.verify({ challenge, code: RIGHT })).resolves.toMatchObject({
      verified: true,
    });
  });

  it.each(["12345", "1234567", "12345a", "１２３４５６", " 12345"])(
    "refuses the malformed code %j without spending an attempt or asking the provider",
    async (code) => {
      const { adapter, verifyCalls } = setup();
      const challenge = await adapter.send({ phone });
      await refusal(adapter.verify({ challenge, code: "000000" }));
      const error = await refusal(adapter.verify({ challenge, code }));
      expect(error).toMatchObject({ kind: "wrong_code", attemptsLeft: 4 });
      expect(verifyCalls()).toBe(1);
    },
  );

  it("takes letters when the code pattern says so", async () => {
    const store = createMemoryStore();
    const upper: OtpAdapter = {
      send: async () => ({
        id: "x",
        phone,
        codeLength: 4,
        expiresAt: Date.now() + 60_000,
        resendAt: 0,
        channel: "sms",
      }),
      resend: () => Promise.reject(new Error("unused")),
      verify: async ({ code }) => {
        if (code !== "AB12") throw new OtpError({ kind: "wrong_code" });
        return { verified: true };
      },
    };
    const adapter = withAttemptLimit(upper, {
      limiter: (spec) => store.limiter(spec),
      codePattern: /^[A-Z0-9]+$/,
    });
    const challenge = await adapter.send({ phone });
    await expect(adapter.verify({ challenge, code: "AB12" })).resolves.toEqual({ verified: true });
  });

  it("lets no more guesses reach the provider than allowed, even all at once", async () => {
    const { adapter, verifyCalls } = setup({ maxAttempts: 3 });
    const challenge = await adapter.send({ phone });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => adapter.verify({ challenge, code: "000000" })),
    );
    expect(outcomes.every((outcome) => outcome.status === "rejected")).toBe(true);
    expect(verifyCalls()).toBe(3);
  });

  it("charges nothing when the provider could not judge the code", async () => {
    const { adapter, fake } = setup();
    const challenge = await adapter.send({ phone });
    fake.failNext("verify", { kind: "network" }, 2);
    await expect(adapter.verify({ challenge, code: "000000" })).rejects.toMatchObject({
      kind: "network",
    });
    await expect(adapter.verify({ challenge, code: "000000" })).rejects.toMatchObject({
      kind: "network",
    });
    const error = await refusal(adapter.verify({ challenge, code: "000000" }));
    expect(error.attemptsLeft).toBe(4);
  });

  it("locks when the provider says too many attempts first", async () => {
    const { adapter, fake } = setup();
    const challenge = await adapter.send({ phone });
    fake.failNext("verify", { kind: "too_many_attempts" });
    await expect(adapter.verify({ challenge, code: RIGHT })).rejects.toMatchObject({
      kind: "too_many_attempts",
      attemptsLeft: 0,
    });
    await expect(adapter.verify({ challenge, code: RIGHT })).rejects.toMatchObject({
      kind: "too_many_attempts",
    });
  });

  it("gives a new challenge (after a resend) its own attempts", async () => {
    const { adapter } = setup({ maxAttempts: 1 });
    const first = await adapter.send({ phone });
    await refusal(adapter.verify({ challenge: first, code: "000000" }));
    const second = await adapter.resend({ challenge: first });
    await expect(adapter.verify({ challenge: second, code: RIGHT })).resolves.toMatchObject({
      verified: true,
    });
  });

  it("counts in the store: two instances share one count", async () => {
    const store = createMemoryStore();
    const provider = createFakeAdapter({ maxAttempts: 99 });
    const [one, two] = [1, 2].map(() =>
      withAttemptLimit(provider, { limiter: (spec) => store.limiter(spec), maxAttempts: 2 }),
    );
    const challenge = await provider.send({ phone });
    const wrong = otherCode(provider.codeFor(phone) ?? "");
    await refusal(one?.verify({ challenge, code: wrong }) ?? Promise.resolve());
    const error = await refusal(two?.verify({ challenge, code: wrong }) ?? Promise.resolve());
    expect(error.kind).toBe("too_many_attempts");
  });

  it("rejects maxAttempts below 1", () => {
    expect(() => setup({ maxAttempts: 0 })).toThrow(RangeError);
  });
});
