import { errorResponseSchema, OtpError, STATUS_BY_KIND, wireChallengeSchema } from "@otpkit/core";
import { createFakeAdapter, createManualClock } from "@otpkit/core/testing";
import { describe, expect, it, vi } from "vitest";
import { createDevInbox } from "./dev-inbox";
import { createOtpHandler, type OtpHandlerOptions } from "./handler";
import type { LogEntry } from "./logger";
import { createMemoryStore } from "./stores/memory-store";
import { TEST_SECRET } from "./test-support/http";
import { verifyOtpToken } from "./token";

const phone = "+66812345678";
const BASE = "http://localhost/api/otp";

function setup(options: Partial<OtpHandlerOptions> = {}) {
  const clock = createManualClock();
  const fake = createFakeAdapter({ codes: ["123456", "234567", "345678"], now: clock.now });
  const logs: LogEntry[] = [];
  const handler = createOtpHandler({
    adapter: fake,
    tokenSecret: TEST_SECRET,
    logger: (entry) => logs.push(entry),
    now: clock.now,
    ...options,
  });
  const call = async (path: string, body?: unknown, init: RequestInit = {}) => {
    const response = await handler(
      new Request(`${BASE}/${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: { "content-type": "application/json" },
        body:
          body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
        ...init,
      }),
    );
    const text = await response.text();
    return { response, status: response.status, json: text ? JSON.parse(text) : undefined };
  };
  return { fake, clock, logs, handler, call };
}

/** The failure body, checked against the protocol's schema. */
function failure(json: unknown) {
  return errorResponseSchema.parse(json).error;
}

describe("createOtpHandler send", () => {
  it("answers a challenge in the wire shape: our id, masked phone, relative seconds", async () => {
    const { call, fake } = setup();
    const { status, json } = await call("send", { phone });
    expect(status).toBe(200);
    const challenge = wireChallengeSchema.parse(json.challenge);
    expect(challenge).toEqual({
      id: expect.stringMatching(/^[\w-]{22}$/),
      phone: "+66 ••• ••• 678",
      codeLength: 6,
      expiresIn: 300,
      resendIn: 30,
      attemptsLeft: 5,
      channel: "sms",
    });
    expect(JSON.stringify(json)).not.toContain("fake-1");
    expect(JSON.stringify(json)).not.toContain(phone);
    expect(fake.calls[0]).toMatchObject({ method: "send", phone });
  });

  it("passes a reference code on, and offers the adapter's channels when it has several", async () => {
    const fake = createFakeAdapter({ referenceCode: "AbC12" });
    const adapter = Object.assign(fake, { channels: ["sms", "whatsapp"] });
    const { call } = setup({ adapter });
    const { json } = await call("send", { phone, channel: "whatsapp" });
    expect(json.challenge).toMatchObject({
      referenceCode: "AbC12",
      channel: "whatsapp",
      channels: ["sms", "whatsapp"],
    });
  });

  it("refuses a channel the adapter does not offer: 422 config_error, nothing sent", async () => {
    const { call, fake } = setup();
    const { status, json } = await call("send", { phone, channel: "whatsapp" });
    expect(status).toBe(422);
    expect(failure(json).kind).toBe("config_error");
    expect(fake.calls).toHaveLength(0);
  });

  it.each(["0812345678", "+66 81 234 5678", "+0812345678", "66812345678"])(
    "answers 422 invalid_phone to %j",
    async (bad) => {
      const { call, fake } = setup();
      const { status, json } = await call("send", { phone: bad });
      expect(status).toBe(422);
      expect(failure(json).kind).toBe("invalid_phone");
      expect(fake.calls).toHaveLength(0);
    },
  );

  it.each([
    [{}, "phone"],
    [{ phone: 66812345678 }, "phone"],
    [{ phone, channel: 5 }, "channel"],
    [[phone], "body"],
    [null, "body"],
  ])("answers 400 config_error to the body %j, naming the field", async (body, field) => {
    const { call } = setup();
    const { status, json } = await call("send", JSON.stringify(body));
    expect(status).toBe(400);
    expect(failure(json)).toMatchObject({ kind: "config_error" });
    expect(failure(json).message).toContain(field);
  });

  it("refuses a country off the allow-list as invalid_phone", async () => {
    const { call, fake } = setup({ allowedCountries: ["ID"] });
    const { status, json } = await call("send", { phone });
    expect([status, failure(json).kind]).toEqual([422, "invalid_phone"]);
    expect(fake.calls).toHaveLength(0);
    expect((await call("send", { phone: "+6281234567890" })).status).toBe(200);
  });

  it("asks the bot check before sending, with the token, and refuses when it says no", async () => {
    const botCheck = vi.fn(({ token }: { token?: string }) => token === "human");
    const { call, fake } = setup({ botCheck });
    const refused = await call("send", { phone, botToken: "robot" });
    expect(refused.status).toBe(429);
    expect(failure(refused.json)).toMatchObject({ kind: "rate_limited", retryAfter: 1 });
    expect(refused.response.headers.get("retry-after")).toBe("1");
    expect(fake.calls).toHaveLength(0);
    expect((await call("send", { phone, botToken: "human" })).status).toBe(200);
    expect(botCheck).toHaveBeenLastCalledWith(expect.objectContaining({ token: "human", phone }));
  });

  it("answers 429 with Retry-After while the number's cooldown runs", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const { call } = setup({ now: Date.now });
      await call("send", { phone });
      vi.setSystemTime(Date.now() + 10_000);
      const { status, json, response } = await call("send", { phone });
      expect(status).toBe(429);
      expect(failure(json)).toMatchObject({ kind: "rate_limited", retryAfter: 20, resendIn: 20 });
      expect(response.headers.get("retry-after")).toBe("20");
    } finally {
      vi.useRealTimers();
    }
  });

  it("limits sends per client IP", async () => {
    const { call } = setup({ clientIp: () => "203.0.113.9", limits: { sendsPerIp: 2 } });
    expect((await call("send", { phone: "+66800000001" })).status).toBe(200);
    expect((await call("send", { phone: "+66800000002" })).status).toBe(200);
    const third = await call("send", { phone: "+66800000003" });
    expect(third.status).toBe(429);
    expect(Number(third.response.headers.get("retry-after"))).toBeGreaterThan(3500);
  });

  it("answers an adapter failure with its kind's status and our own message", async () => {
    const { call, fake } = setup();
    fake.failNext("send", {
      kind: "insufficient_quota",
      message: "Credit not enough: 0.00 THB left",
    });
    const { status, json } = await call("send", { phone });
    expect(status).toBe(STATUS_BY_KIND.insufficient_quota);
    expect(failure(json)).toEqual({
      kind: "insufficient_quota",
      message: "The service is temporarily unavailable",
    });
  });

  it("answers a provider's rate limit without a wait with the default 60 s", async () => {
    const { call, fake } = setup();
    fake.failNext("send", { kind: "rate_limited" });
    const { json, response } = await call("send", { phone });
    expect(failure(json).retryAfter).toBe(60);
    expect(response.headers.get("retry-after")).toBe("60");
  });
});

describe("createOtpHandler verify and resend", () => {
  it("verifies and answers a token the app's backend can check", async () => {
    const { call, clock } = setup();
    const { json: sent } = await call("send", { phone });
    const { status, json } = await call("verify", {
      challengeId: sent.challenge.id,
      code: "123456",
    });
    expect(status).toBe(200);
    expect(json).toEqual({ verified: true, token: expect.any(String) });
    await expect(verifyOtpToken(json.token, TEST_SECRET, { now: clock.now })).resolves.toEqual({
      phone,
      challengeId: sent.challenge.id,
      issuedAt: clock.now(),
      expiresAt: clock.now() + 600_000,
    });
  });

  it("answers wrong_code with attempts left and resendIn, and too_many_attempts at the end", async () => {
    const { call } = setup({ limits: { verifyAttempts: 2 } });
    const { json: sent } = await call("send", { phone });
    const wrong = await call("verify", { challengeId: sent.challenge.id, code: "000000" });
    expect(wrong.status).toBe(422);
    expect(failure(wrong.json)).toMatchObject({
      kind: "wrong_code",
      attemptsLeft: 1,
      resendIn: 30,
    });
    const locked = await call("verify", { challengeId: sent.challenge.id, code: "000000" });
    expect(locked.status).toBe(429);
    expect(failure(locked.json)).toMatchObject({
      kind: "too_many_attempts",
      attemptsLeft: 0,
      resendIn: 30,
    });
    expect(locked.response.headers.get("retry-after")).toBe("30");
  });

  it.each([
    ["unknown challenge", "not_found", 404],
    ["expired code", "expired", 410],
    ["second verify", "already_verified", 409],
  ] as const)("answers the %s as %s (%i)", async (_, kind, status) => {
    const { call, clock } = setup();
    const { json: sent } = await call("send", { phone });
    const id = sent.challenge.id as string;
    if (kind === "expired") clock.advance(300_000);
    if (kind === "already_verified") await call("verify", { challengeId: id, code: "123456" });
    const challengeId = kind === "not_found" ? "no-such-challenge" : id;
    const answer = await call("verify", { challengeId, code: "123456" });
    expect([answer.status, failure(answer.json).kind]).toEqual([status, kind]);
  });

  it("resends under a new id with the next cooldown", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const { call } = setup({ now: Date.now, adapter: createFakeAdapter({ resendSeconds: 0 }) });
      const { json: sent } = await call("send", { phone });
      vi.setSystemTime(Date.now() + 30_000);
      const { status, json } = await call("resend", { challengeId: sent.challenge.id });
      expect(status).toBe(200);
      expect(json.challenge.id).not.toBe(sent.challenge.id);
      expect(json.challenge.resendIn).toBe(60);
    } finally {
      vi.useRealTimers();
    }
  });

  it("checks resend and verify bodies against the protocol", async () => {
    const { call } = setup();
    expect((await call("resend", { id: "x" })).status).toBe(400);
    expect((await call("verify", { challengeId: "x" })).status).toBe(400);
    expect((await call("verify", { challengeId: "", code: "123456" })).status).toBe(400);
  });
});

describe("createOtpHandler requests", () => {
  it.each([
    ["text/plain", 415],
    ["application/x-www-form-urlencoded", 415],
  ])("answers a %s body with %i and an error body", async (type, status) => {
    const { handler } = setup();
    const response = await handler(
      new Request(`${BASE}/send`, {
        method: "POST",
        headers: { "content-type": type },
        body: "phone=1",
      }),
    );
    expect(response.status).toBe(status);
    expect(failure(await response.json()).kind).toBe("config_error");
  });

  it("answers 413 to a body over 16 KB", async () => {
    const { call } = setup();
    const { status, json } = await call("send", JSON.stringify({ phone, pad: "x".repeat(17_000) }));
    expect(status).toBe(413);
    expect(failure(json).kind).toBe("config_error");
  });

  it("answers 400 to malformed JSON", async () => {
    const { call } = setup();
    expect((await call("verify", '{"challengeId": ')).status).toBe(400);
  });

  it("answers 405 with Allow to another method, and 404 to another path", async () => {
    const { call, handler } = setup();
    const get = await call("send");
    expect(get.status).toBe(405);
    expect(get.response.headers.get("allow")).toBe("POST, OPTIONS");
    expect(failure(get.json).kind).toBe("config_error");
    expect((await call("sendx", { phone })).status).toBe(404);
    const outside = await handler(
      new Request("http://localhost/elsewhere/send", { method: "POST" }),
    );
    expect(outside.status).toBe(404);
  });

  it("serves under another base path", async () => {
    const { handler } = setup({ basePath: "/otp/" });
    const response = await handler(
      new Request("http://localhost/otp/send", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ phone }),
      }),
    );
    expect(response.status).toBe(200);
  });

  it("never lets an internal fault out: 500 with an error body, logged without details", async () => {
    const { call, fake, logs } = setup();
    fake.send = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'secret')");
    };
    const { status, json } = await call("send", { phone });
    expect(status).toBe(STATUS_BY_KIND.provider_error);
    expect(failure(json)).toEqual({ kind: "provider_error", message: "The SMS provider failed" });
    expect(logs).toContainEqual(
      expect.objectContaining({ level: "error", event: "otp.fault", error: "TypeError" }),
    );
  });

  it("answers a store that is down as a failure, not a crash", async () => {
    const working = createMemoryStore();
    const down = () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:6379"));
    const { call, logs } = setup({
      store: {
        getChallenge: down,
        putChallenge: down,
        markVerified: down,
        deleteChallenge: down,
        limiter: (spec) => working.limiter(spec),
        close: async () => {},
      },
    });
    for (const [path, body] of [
      ["send", { phone }],
      ["verify", { challengeId: "x", code: "123456" }],
    ] as const) {
      const { status, json } = await call(path, body);
      expect(status).toBe(502);
      expect(failure(json).kind).toBe("provider_error");
    }
    expect(logs.filter((entry) => entry.event === "otp.fault")).toHaveLength(2);
  });
});

describe("createOtpHandler CORS", () => {
  it("answers a preflight from an allowed origin, and adds CORS headers to answers", async () => {
    const { handler, call } = setup({ cors: { origins: ["https://app.example.com"] } });
    const preflight = await handler(
      new Request(`${BASE}/send`, {
        method: "OPTIONS",
        headers: { origin: "https://app.example.com", "access-control-request-method": "POST" },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    const answer = await call(
      "send",
      { phone },
      { headers: { origin: "https://app.example.com", "content-type": "application/json" } },
    );
    expect(answer.response.headers.get("access-control-allow-origin")).toBe(
      "https://app.example.com",
    );
    const refused = await call("send", "x", {
      headers: { origin: "https://app.example.com", "content-type": "text/plain" },
    });
    expect(refused.response.headers.get("access-control-allow-origin")).toBe(
      "https://app.example.com",
    );
  });

  it("sends no CORS headers without an allow-list", async () => {
    const { call } = setup();
    const answer = await call(
      "send",
      { phone },
      { headers: { origin: "https://app.example.com", "content-type": "application/json" } },
    );
    expect(answer.response.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("createOtpHandler dev inbox", () => {
  it("serves the dev inbox only when given one", async () => {
    const devInbox = createDevInbox();
    devInbox.deliver({
      to: phone,
      from: "otpkit",
      text: "Your otpkit code is 123456.",
      provider: "console",
    });
    const withInbox = setup({ devInbox });
    const { status, json } = await withInbox.call(`dev/inbox?phone=${encodeURIComponent(phone)}`);
    expect(status).toBe(200);
    expect(json.messages).toEqual([
      expect.objectContaining({ to: phone, text: "Your otpkit code is 123456." }),
    ]);
    expect((await withInbox.call("dev/inbox?phone=12")).status).toBe(422);
    expect((await setup().call(`dev/inbox?phone=${encodeURIComponent(phone)}`)).status).toBe(404);
  });
});

it("keeps OtpError's provider details out of the answer", async () => {
  const { call, fake } = setup();
  fake.failNext(
    "send",
    new OtpError({
      kind: "blocked_phone",
      message: "Msisdn invalid: msisdn has been blocked",
      providerCode: "409",
      cause: '{"message":"Msisdn invalid: msisdn has been blocked"}',
    }),
  );
  const { json } = await call("send", { phone });
  expect(JSON.stringify(json)).not.toMatch(/msisdn|409/i);
});
