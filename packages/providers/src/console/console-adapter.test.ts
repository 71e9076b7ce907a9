import { OtpError, type OtpErrorKind } from "@otpkit/core";
import { createManualClock } from "@otpkit/core/testing";
import { codeFromText, createInbox } from "@otpkit/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type ConsoleAdapterOptions, type ConsoleSms, consoleAdapter } from "./console-adapter";

const phone = "+66812345678";

function setup(options: ConsoleAdapterOptions = {}) {
  const clock = createManualClock();
  const delivered: ConsoleSms[] = [];
  const adapter = consoleAdapter({
    now: clock.now,
    deliver: (sms) => {
      delivered.push(sms);
    },
    ...options,
  });
  const lastCode = () => {
    const sms = delivered.at(-1);
    if (!sms) throw new Error("nothing delivered");
    return sms.code;
  };
  return { adapter, clock, delivered, lastCode };
}

async function rejection(promise: Promise<unknown>): Promise<OtpError> {
  const thrown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(OtpError);
  return thrown as OtpError;
}

async function expectKind(promise: Promise<unknown>, kind: OtpErrorKind) {
  const error = await rejection(promise);
  expect(error.kind).toBe(kind);
  return error;
}

const otherCode = (code: string) =>
  [...code].map((digit) => String((Number(digit) + 1) % 10)).join("");

afterEach(() => {
  vi.restoreAllMocks();
});

describe("consoleAdapter send", () => {
  it("returns a challenge timed on its clock and delivers the code in the SMS text", async () => {
    const { adapter, clock, delivered } = setup();
    const challenge = await adapter.send({ phone });

    expect(challenge).toEqual({
      id: expect.any(String),
      phone,
      codeLength: 6,
      expiresAt: clock.now() + 300_000,
      resendAt: clock.now() + 30_000,
      attemptsLeft: 5,
      channel: "sms",
    });
    expect(delivered).toHaveLength(1);
    const [sms] = delivered;
    expect(sms).toMatchObject({
      to: phone,
      from: "otpkit",
      provider: "console",
      channel: "sms",
      challengeId: challenge.id,
      expiresAt: challenge.expiresAt,
    });
    expect(sms?.code).toMatch(/^\d{6}$/);
    expect(sms?.text).toBe(`Your otpkit code is ${sms?.code}. It expires in 5 minutes.`);
  });

  it("ends the SMS with the site's WebOTP line when given the site's origin", async () => {
    const { adapter, delivered } = setup({ webOtpOrigin: "https://shop.example.com/verify" });
    await adapter.send({ phone });
    const [sms] = delivered;
    expect(sms?.text).toBe(
      `Your otpkit code is ${sms?.code}. It expires in 5 minutes.\n\n@shop.example.com #${sms?.code}`,
    );
  });

  it("refuses at creation an origin WebOTP cannot bind", () => {
    expect(() => consoleAdapter({ webOtpOrigin: "http://shop.example.com" })).toThrow(RangeError);
    expect(() => consoleAdapter({ webOtpOrigin: "https://shop.example.com:8443" })).toThrow(
      /not an https origin/,
    );
  });

  it("never puts the code in the challenge it returns", async () => {
    const { adapter, lastCode } = setup({ codeLength: 8 });
    const challenge = await adapter.send({ phone });
    expect(JSON.stringify(challenge)).not.toContain(lastCode());
  });

  it.each([
    [{ codeLength: 4, ttlSeconds: 60 }, /^Your otpkit code is \d{4}\. It expires in 1 minute\.$/],
    [
      { codeLength: 10, ttlSeconds: 90 },
      /^Your otpkit code is \d{10}\. It expires in 90 seconds\.$/,
    ],
    [{ sender: "Acme" }, /^Your Acme code is \d{6}\. It expires in 5 minutes\.$/],
  ])("words the SMS from its options (%o)", async (options, text) => {
    const { adapter, delivered } = setup(options);
    const challenge = await adapter.send({ phone });
    expect(delivered[0]?.text).toMatch(text);
    expect(challenge.codeLength).toBe(delivered[0]?.code.length);
  });

  it("issues a separate code for each send", async () => {
    const { adapter, delivered } = setup();
    const first = await adapter.send({ phone });
    const second = await adapter.send({ phone });
    expect(second.id).not.toBe(first.id);
    await expect(
      adapter.verify({ challenge: second, code: delivered[1]?.code ?? "" }),
    ).resolves.toEqual({ verified: true });
    await expect(
      adapter.verify({ challenge: first, code: delivered[0]?.code ?? "" }),
    ).resolves.toEqual({ verified: true });
  });

  it.each(["0812345678", "66812345678", "+66 81 234 5678", "+0812345678", "+6681", ""])(
    "refuses %j as invalid_phone and delivers nothing",
    async (badPhone) => {
      const { adapter, delivered } = setup();
      const error = await expectKind(adapter.send({ phone: badPhone }), "invalid_phone");
      expect(error.status).toBe(422);
      expect(delivered).toHaveLength(0);
    },
  );

  it("offers sms only and refuses another channel as config_error", async () => {
    const { adapter, delivered } = setup();
    expect(adapter.channels).toEqual(["sms"]);
    const error = await expectKind(adapter.send({ phone, channel: "whatsapp" }), "config_error");
    expect(error.status).toBe(500);
    expect(delivered).toHaveLength(0);
  });

  it("turns a failed delivery into provider_error and keeps no challenge", async () => {
    const cause = new Error("SMTP down");
    const adapter = consoleAdapter({
      deliver: () => {
        throw cause;
      },
    });
    const error = await expectKind(adapter.send({ phone }), "provider_error");
    expect(error.status).toBe(502);
    expect(error.cause).toBe(cause);
  });

  it("passes an OtpError thrown by deliver through unchanged", async () => {
    const blocked = new OtpError({ kind: "blocked_phone", status: 422 });
    const adapter = consoleAdapter({
      deliver: async () => {
        throw blocked;
      },
    });
    expect(await rejection(adapter.send({ phone }))).toBe(blocked);
  });

  it("fails with network when the request was already aborted", async () => {
    const { adapter, delivered } = setup();
    const controller = new AbortController();
    controller.abort();
    await expectKind(adapter.send({ phone, signal: controller.signal }), "network");
    expect(delivered).toHaveLength(0);
  });

  it.each([
    { codeLength: 3 },
    { codeLength: 11 },
    { codeLength: 6.5 },
    { ttlSeconds: 0 },
    { resendSeconds: -1 },
    { maxAttempts: 0 },
  ])("rejects the option %o when created", (options) => {
    expect(() => consoleAdapter(options)).toThrow(RangeError);
  });
});

describe("consoleAdapter delivery", () => {
  it("prints the SMS on the server console by default, and nothing else", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const adapter = consoleAdapter();
    const challenge = await adapter.send({ phone });
    expect(log).toHaveBeenCalledTimes(1);
    const printed = String(log.mock.calls[0]?.[0]);
    expect(printed).toContain(phone);
    expect(printed).toMatch(/Your otpkit code is \d{6}\. It expires in 5 minutes\./);

    await rejection(adapter.verify({ challenge, code: "000000x" }));
    await adapter.resend({ challenge }).catch(() => {});
    expect(log).toHaveBeenCalledTimes(1);
  });

  it("delivers straight into a mocks inbox passed as deliver", async () => {
    const inbox = createInbox();
    const adapter = consoleAdapter({ deliver: inbox });
    const challenge = await adapter.send({ phone });
    const message = inbox.latestMessage(phone);
    expect(message).toMatchObject({
      to: phone,
      from: "otpkit",
      provider: "console",
      channel: "sms",
    });
    // The inbox keeps what a phone shows, not the adapter's bookkeeping.
    expect(Object.keys(message ?? {}).sort()).toEqual(
      ["at", "channel", "from", "provider", "text", "to"].sort(),
    );
    const code = codeFromText(inbox.latest(phone) ?? "");
    await expect(adapter.verify({ challenge, code: code ?? "" })).resolves.toEqual({
      verified: true,
    });
  });

  it("waits for an asynchronous deliver before answering", async () => {
    const order: string[] = [];
    const adapter = consoleAdapter({
      deliver: async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        order.push("delivered");
      },
    });
    await adapter.send({ phone });
    order.push("answered");
    expect(order).toEqual(["delivered", "answered"]);
  });
});

describe("consoleAdapter verify", () => {
  it("accepts the delivered code", async () => {
    const { adapter, lastCode } = setup();
    const challenge = await adapter.send({ phone });
    await expect(adapter.verify({ challenge, code: lastCode() })).resolves.toEqual({
      verified: true,
    });
  });

  it("counts wrong codes and still accepts the right one afterwards", async () => {
    const { adapter, lastCode } = setup();
    const challenge = await adapter.send({ phone });
    const first = await expectKind(
      adapter.verify({ challenge, code: otherCode(lastCode()) }),
      "wrong_code",
    );
    expect(first).toMatchObject({ status: 422, attemptsLeft: 4 });
    const second = await expectKind(adapter.verify({ challenge, code: "12" }), "wrong_code");
    expect(second.attemptsLeft).toBe(3);
    await expect(adapter.verify({ challenge, code: lastCode() })).resolves.toEqual({
      verified: true,
    });
  });

  it("locks the challenge after maxAttempts wrong codes, even for the right code", async () => {
    const { adapter, clock, lastCode } = setup({ maxAttempts: 3, resendSeconds: 30 });
    const challenge = await adapter.send({ phone });
    const wrong = otherCode(lastCode());
    await expectKind(adapter.verify({ challenge, code: wrong }), "wrong_code");
    await expectKind(adapter.verify({ challenge, code: wrong }), "wrong_code");
    clock.advance(10_000);
    const locked = await expectKind(
      adapter.verify({ challenge, code: wrong }),
      "too_many_attempts",
    );
    expect(locked).toMatchObject({ status: 429, attemptsLeft: 0, resendAfterMs: 20_000 });
    const stillLocked = await expectKind(
      adapter.verify({ challenge, code: lastCode() }),
      "too_many_attempts",
    );
    expect(stillLocked.attemptsLeft).toBe(0);
  });

  it("expires the code when its lifetime is over, on the injected clock", async () => {
    const { adapter, clock, lastCode } = setup({ ttlSeconds: 60 });
    const challenge = await adapter.send({ phone });
    clock.advance(60_000);
    const error = await expectKind(adapter.verify({ challenge, code: lastCode() }), "expired");
    expect(error.status).toBe(410);
  });

  it("still accepts the code one millisecond before it expires", async () => {
    const { adapter, clock, lastCode } = setup({ ttlSeconds: 60 });
    const challenge = await adapter.send({ phone });
    clock.advance(59_999);
    await expect(adapter.verify({ challenge, code: lastCode() })).resolves.toEqual({
      verified: true,
    });
  });

  it("keeps answering expired for a lifetime after expiry, then forgets the challenge", async () => {
    const { adapter, clock, lastCode } = setup({ ttlSeconds: 60 });
    const challenge = await adapter.send({ phone });
    const code = lastCode();
    clock.advance(119_000);
    await adapter.send({ phone: "+66800000000" });
    await expectKind(adapter.verify({ challenge, code }), "expired");
    // Sweeps run at most once per lifetime, so it is gone one lifetime later at the latest.
    clock.advance(61_000);
    await adapter.send({ phone: "+66800000000" });
    await expectKind(adapter.verify({ challenge, code }), "not_found");
  });

  it("answers already_verified to a second verify of the same challenge", async () => {
    const { adapter, lastCode } = setup();
    const challenge = await adapter.send({ phone });
    await adapter.verify({ challenge, code: lastCode() });
    const error = await expectKind(
      adapter.verify({ challenge, code: lastCode() }),
      "already_verified",
    );
    expect(error.status).toBe(409);
  });

  it("answers not_found for a challenge it never issued", async () => {
    const { adapter, lastCode } = setup();
    const challenge = await adapter.send({ phone });
    const error = await expectKind(
      adapter.verify({ challenge: { ...challenge, id: "no-such-challenge" }, code: lastCode() }),
      "not_found",
    );
    expect(error.status).toBe(404);
  });

  it("does not accept a code issued by another console adapter", async () => {
    const one = setup();
    const two = setup();
    const challenge = await one.adapter.send({ phone });
    await expectKind(two.adapter.verify({ challenge, code: one.lastCode() }), "not_found");
  });
});

describe("consoleAdapter resend", () => {
  it("refuses a resend before the cooldown with rate_limited and the time left", async () => {
    const { adapter, clock, delivered } = setup({ resendSeconds: 30 });
    const challenge = await adapter.send({ phone });
    clock.advance(12_000);
    const error = await expectKind(adapter.resend({ challenge }), "rate_limited");
    expect(error).toMatchObject({ status: 429, retryAfterMs: 18_000 });
    expect(delivered).toHaveLength(1);
  });

  it("replaces the code: the old one stops working and the new one verifies", async () => {
    const { adapter, clock, delivered } = setup();
    const first = await adapter.send({ phone });
    const oldCode = delivered[0]?.code ?? "";
    clock.advance(30_000);
    const second = await adapter.resend({ challenge: first });
    const newCode = delivered[1]?.code ?? "";

    expect(second).toMatchObject({
      phone,
      expiresAt: clock.now() + 300_000,
      resendAt: clock.now() + 30_000,
      attemptsLeft: 5,
    });
    expect(second.id).not.toBe(first.id);
    expect(delivered[1]?.to).toBe(phone);
    await expectKind(adapter.verify({ challenge: first, code: oldCode }), "not_found");
    if (newCode !== oldCode) {
      await expectKind(adapter.verify({ challenge: second, code: oldCode }), "wrong_code");
    }
    await expect(adapter.verify({ challenge: second, code: newCode })).resolves.toEqual({
      verified: true,
    });
  });

  it("allows a resend at once when the code has expired", async () => {
    const { adapter, clock, lastCode } = setup({ ttlSeconds: 10, resendSeconds: 30 });
    const challenge = await adapter.send({ phone });
    clock.advance(10_000);
    const next = await adapter.resend({ challenge });
    await expect(adapter.verify({ challenge: next, code: lastCode() })).resolves.toEqual({
      verified: true,
    });
  });

  it("gives a locked challenge fresh attempts once the cooldown has passed", async () => {
    const { adapter, clock, lastCode } = setup({ maxAttempts: 1 });
    const challenge = await adapter.send({ phone });
    await expectKind(
      adapter.verify({ challenge, code: otherCode(lastCode()) }),
      "too_many_attempts",
    );
    clock.advance(30_000);
    const next = await adapter.resend({ challenge });
    expect(next.attemptsLeft).toBe(1);
    await expect(adapter.verify({ challenge: next, code: lastCode() })).resolves.toEqual({
      verified: true,
    });
  });

  it("refuses to resend a verified challenge or one it never issued", async () => {
    const { adapter, clock, lastCode } = setup();
    const challenge = await adapter.send({ phone });
    await adapter.verify({ challenge, code: lastCode() });
    clock.advance(60_000);
    await expectKind(adapter.resend({ challenge }), "already_verified");
    await expectKind(adapter.resend({ challenge: { ...challenge, id: "nope" } }), "not_found");
  });
});

describe("consoleAdapter codes", () => {
  // Chi-square with 9 degrees of freedom; 50.17 is exceeded by chance with p = 1e-7, so
  // the checks below (11 of them) fail a fair generator about once in a million runs.
  const CRITICAL = 50.17;
  const chiSquare = (counts: number[]) => {
    const total = counts.reduce((sum, n) => sum + n, 0);
    const expected = total / counts.length;
    return counts.reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
  };

  it("would catch modulo bias at this sample size (byte % 10 scores far above the bound)", () => {
    // Exact digit frequencies of `randomByte % 10`: 0-5 come up 26 times in 256, 6-9 25.
    const digits = 30_000 * 10;
    const biased = Array.from({ length: 10 }, (_, d) => (digits * (d < 6 ? 26 : 25)) / 256);
    expect(chiSquare(biased)).toBeGreaterThan(2 * CRITICAL);
  });

  it("spreads digits evenly over 0-9, overall and at every position", async () => {
    const codes: string[] = [];
    const adapter = consoleAdapter({
      codeLength: 10,
      deliver: (sms) => {
        codes.push(sms.code);
      },
    });
    for (let i = 0; i < 30_000; i++) await adapter.send({ phone });

    const overall = new Array<number>(10).fill(0);
    const byPosition = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
    for (const code of codes) {
      expect(code).toMatch(/^\d{10}$/);
      [...code].forEach((digit, position) => {
        overall[Number(digit)] = (overall[Number(digit)] ?? 0) + 1;
        const column = byPosition[position] as number[];
        column[Number(digit)] = (column[Number(digit)] ?? 0) + 1;
      });
    }
    expect(chiSquare(overall)).toBeLessThan(CRITICAL);
    for (const column of byPosition) expect(chiSquare(column)).toBeLessThan(CRITICAL);
  });
});
