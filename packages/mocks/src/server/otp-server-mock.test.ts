import {
  challengeResponseSchema,
  createHttpAdapter,
  errorResponseSchema,
  OTP_ERROR_KINDS,
  type OtpErrorKind,
  STATUS_BY_KIND,
  verifyResponseSchema,
} from "@otpkit/core";
import { createFakeAdapter, createManualClock } from "@otpkit/core/testing";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { codeFromText, createInbox } from "../inbox";
import { type OtpServerMockOptions, otpServerMock } from "./otp-server-mock";
import { SCENARIO_PHONES } from "./scenarios";
import { MOCK_TOKEN_ALG } from "./token";

const BASE = "http://otp.test/api/otp";
const PHONE = "+66812345678";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function setup(options: OtpServerMockOptions = {}) {
  const clock = createManualClock();
  const inbox = createInbox(clock.now);
  const mock = otpServerMock({ baseUrl: BASE, inbox, now: clock.now, ...options });
  server.use(...mock.handlers);

  async function post(path: string, body: unknown) {
    const response = await fetch(`${BASE}/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  }
  async function send(phone = PHONE) {
    const answer = await post("send", { phone });
    return challengeResponseSchema.parse(answer.body).challenge;
  }
  const codeFor = (phone = PHONE) => codeFromText(inbox.latest(phone) ?? "") ?? "";
  const adapter = createHttpAdapter({ baseUrl: BASE, now: clock.now });
  return { clock, inbox, mock, post, send, codeFor, adapter };
}

/** The wire's failure body, checked against core's schema. */
function failureOf(answer: { status: number; body: unknown }) {
  return errorResponseSchema.parse(answer.body).error;
}

const wrong = (code: string) => [...code].map((d) => String((Number(d) + 1) % 10)).join("");

/** One base64url JSON segment of a JWT. */
const decode = (segment: string | undefined): unknown =>
  JSON.parse(Buffer.from(segment ?? "", "base64url").toString("utf8"));

describe("otpServerMock send", () => {
  it("answers a challenge with a masked phone and relative times, and delivers the SMS", async () => {
    const { post, inbox } = setup();
    const answer = await post("send", { phone: PHONE, locale: "th" });
    expect(answer.status).toBe(200);
    const { challenge } = challengeResponseSchema.parse(answer.body);
    expect(challenge).toEqual({
      id: expect.stringMatching(/^[\w-]{22}$/),
      phone: "+66 ••• ••• 678",
      codeLength: 6,
      expiresIn: 300,
      resendIn: 30,
      attemptsLeft: 5,
      channel: "sms",
    });
    expect(inbox.messages(PHONE)).toEqual([
      expect.objectContaining({ to: PHONE, from: "otpkit", provider: "console", channel: "sms" }),
    ]);
    expect(inbox.latest(PHONE)).toMatch(/^Your otpkit code is \d{6}\. It expires in 5 minutes\.$/);
  });

  it.each([
    ["a national number", { phone: "0812345678" }, 422, "invalid_phone"],
    ["spaces in the number", { phone: "+66 81 234 5678" }, 422, "invalid_phone"],
    ["no phone at all", { channel: "sms" }, 400, "config_error"],
    ["a number as phone", { phone: 66812345678 }, 400, "config_error"],
    ["a body that is not JSON", "phone=+66812345678", 400, "config_error"],
  ])("refuses %s with %i %s and delivers nothing", async (_, body, status, kind) => {
    const { post, inbox } = setup();
    const answer = await post("send", body);
    expect(answer.status).toBe(status);
    expect(failureOf(answer)).toMatchObject({ kind, message: expect.any(String) });
    expect(inbox.messages()).toHaveLength(0);
  });

  it("refuses a new send to the same number during its cooldown, with Retry-After", async () => {
    const { post, send, clock } = setup();
    await send();
    clock.advance(10_000);
    const again = await post("send", { phone: PHONE });
    expect(again.status).toBe(429);
    expect(again.headers.get("retry-after")).toBe("20");
    expect(failureOf(again)).toMatchObject({ kind: "rate_limited", retryAfter: 20 });
    expect((await post("send", { phone: "+66812345679" })).status).toBe(200);
  });

  it("adds a reference code to the challenge and the SMS when asked", async () => {
    const { send, inbox, codeFor, post } = setup({ referenceCodes: true });
    const challenge = await send();
    expect(challenge.referenceCode).toMatch(/^[A-Z]{5}$/);
    expect(inbox.latest(PHONE)).toContain(`(Ref ${challenge.referenceCode})`);
    const answer = await post("verify", { challengeId: challenge.id, code: codeFor() });
    expect(answer.status).toBe(200);
  });
});

describe("otpServerMock verify", () => {
  it("accepts the delivered code with a JWT-shaped token that no verifier accepts", async () => {
    const { post, send, codeFor, clock } = setup();
    const challenge = await send();
    const answer = await post("verify", { challengeId: challenge.id, code: codeFor() });
    expect(answer.status).toBe(200);
    const { token } = verifyResponseSchema.parse(answer.body);
    const [header, claims, signature] = (token ?? "").split(".");
    expect(decode(header)).toEqual({ alg: MOCK_TOKEN_ALG, typ: "JWT" });
    // Not an algorithm of RFC 7518 or 8037 (not even "none"): every JOSE library refuses it.
    expect(MOCK_TOKEN_ALG).not.toMatch(/^(none|[HREP]S(256|384|512)K?|EdDSA|Ed25519|Ed448)$/i);
    const iat = Math.floor(clock.now() / 1000);
    expect(decode(claims)).toEqual({
      iss: "otpkit",
      sub: PHONE,
      jti: challenge.id,
      iat,
      exp: iat + 600,
    });
    expect(signature).toBe("");
  });

  it("gives the token the lifetime it is told", async () => {
    const { post, send, codeFor } = setup({ tokenTtlSeconds: 60 });
    const challenge = await send();
    const answer = await post("verify", { challengeId: challenge.id, code: codeFor() });
    const { token } = verifyResponseSchema.parse(answer.body);
    const claims = decode(token?.split(".")[1]) as { iat: number; exp: number };
    expect(claims.exp - claims.iat).toBe(60);
  });

  it("counts wrong codes, then locks with too_many_attempts, resendIn and Retry-After", async () => {
    const { post, send, codeFor, clock } = setup({ maxAttempts: 3 });
    const { id } = await send();
    const code = codeFor();
    for (const attemptsLeft of [2, 1]) {
      const answer = await post("verify", { challengeId: id, code: wrong(code) });
      expect(answer.status).toBe(422);
      expect(failureOf(answer)).toMatchObject({ kind: "wrong_code", attemptsLeft });
    }
    clock.advance(5_000);
    const lock = await post("verify", { challengeId: id, code: wrong(code) });
    expect(lock.status).toBe(429);
    expect(lock.headers.get("retry-after")).toBe("25");
    expect(failureOf(lock)).toMatchObject({
      kind: "too_many_attempts",
      attemptsLeft: 0,
      resendIn: 25,
    });
    const right = await post("verify", { challengeId: id, code });
    expect(failureOf(right).kind).toBe("too_many_attempts");
  });

  it("answers expired once the code's lifetime is over", async () => {
    const { post, send, codeFor, clock } = setup({ ttlSeconds: 120 });
    const { id, expiresIn } = await send();
    expect(expiresIn).toBe(120);
    clock.advance(120_000);
    const answer = await post("verify", { challengeId: id, code: codeFor() });
    expect(answer.status).toBe(410);
    expect(failureOf(answer).kind).toBe("expired");
  });

  it("answers already_verified to a second verify", async () => {
    const { post, send, codeFor } = setup();
    const { id } = await send();
    await post("verify", { challengeId: id, code: codeFor() });
    const again = await post("verify", { challengeId: id, code: codeFor() });
    expect(again.status).toBe(409);
    expect(failureOf(again).kind).toBe("already_verified");
  });

  it("answers not_found for an unknown challenge, on verify and on resend", async () => {
    const { post } = setup();
    for (const path of ["verify", "resend"]) {
      const answer = await post(path, { challengeId: "nope", code: "123456" });
      expect(answer.status).toBe(404);
      expect(failureOf(answer).kind).toBe("not_found");
    }
  });

  it("refuses a malformed verify body with 400 config_error, naming the field", async () => {
    const { post, send } = setup();
    const { id } = await send();
    const answer = await post("verify", { challengeId: id });
    expect(answer.status).toBe(400);
    expect(failureOf(answer)).toEqual({
      kind: "config_error",
      message: "The request body does not match the protocol (code)",
    });
  });
});

describe("otpServerMock resend", () => {
  it("refuses a resend during the cooldown with rate_limited and Retry-After", async () => {
    const { post, send, clock, inbox } = setup();
    const { id } = await send();
    clock.advance(12_000);
    const answer = await post("resend", { challengeId: id });
    expect(answer.status).toBe(429);
    expect(answer.headers.get("retry-after")).toBe("18");
    expect(failureOf(answer)).toMatchObject({ kind: "rate_limited", retryAfter: 18 });
    expect(inbox.messages(PHONE)).toHaveLength(1);
  });

  it("replaces the challenge and its code, with the server's cooldowns, then locks the number", async () => {
    const { post, send, codeFor, clock } = setup();
    const first = await send();
    const codes = [codeFor()];
    let current = first;
    for (const cooldown of [30, 60, 120]) {
      expect(current.resendIn).toBe(cooldown);
      clock.advance(cooldown * 1000);
      const answer = await post("resend", { challengeId: current.id });
      expect(answer.status).toBe(200);
      const next = challengeResponseSchema.parse(answer.body).challenge;
      expect(next.id).not.toBe(current.id);
      const gone = await post("verify", { challengeId: current.id, code: codeFor() });
      expect(failureOf(gone).kind).toBe("not_found");
      current = next;
      codes.push(codeFor());
    }
    // The 4th code went out at 210 s: the number waits for the end of its hour.
    expect(current.resendIn).toBe(3600 - 210);
    const oldCode = codes.at(-2) ?? "";
    if (oldCode !== codeFor()) {
      const stale = await post("verify", { challengeId: current.id, code: oldCode });
      expect(failureOf(stale).kind).toBe("wrong_code");
    }
    const ok = await post("verify", { challengeId: current.id, code: codeFor() });
    expect(ok.status).toBe(200);
  });

  it("takes resendSeconds as the first of three doubling cooldowns", async () => {
    const { post, send, clock } = setup({
      sendsPerPhone: 3,
      sendWindowSeconds: 600,
      resendSeconds: 10,
      ttlSeconds: 900,
    });
    let current = await send();
    const waits = [current.resendIn];
    for (let i = 0; i < 2; i++) {
      clock.advance(current.resendIn * 1000);
      const answer = await post("resend", { challengeId: current.id });
      current = challengeResponseSchema.parse(answer.body).challenge;
      waits.push(current.resendIn);
    }
    // Sends at 0 s and 10 s; the third (at 30 s) is the last of the window: free at 600 s.
    expect(waits).toEqual([10, 20, 570]);
    clock.advance(569_000);
    const limited = await post("resend", { challengeId: current.id });
    expect(limited.status).toBe(429);
    expect(failureOf(limited)).toMatchObject({ kind: "rate_limited", retryAfter: 1, resendIn: 1 });
    clock.advance(1_000);
    expect((await post("resend", { challengeId: current.id })).status).toBe(200);
  });

  it("takes the server's resendCooldownSeconds as it is", async () => {
    const { send, post, clock } = setup({ resendCooldownSeconds: [5] });
    const first = await send();
    expect(first.resendIn).toBe(5);
    clock.advance(5_000);
    const second = challengeResponseSchema.parse(
      (await post("resend", { challengeId: first.id })).body,
    ).challenge;
    expect(second.resendIn).toBe(3600 - 5);
  });

  it("counts every send from this browser, as the server counts per IP", async () => {
    const { post } = setup({ sendsPerIp: 2 });
    expect((await post("send", { phone: "+66800000001" })).status).toBe(200);
    expect((await post("send", { phone: "+66800000002" })).status).toBe(200);
    const third = await post("send", { phone: "+66800000003" });
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBe("3600");
  });

  it("refuses to resend a verified challenge", async () => {
    const { post, send, codeFor, clock } = setup();
    const { id } = await send();
    await post("verify", { challengeId: id, code: codeFor() });
    clock.advance(30_000);
    const answer = await post("resend", { challengeId: id });
    expect(failureOf(answer).kind).toBe("already_verified");
  });
});

describe("otpServerMock scenarios", () => {
  const codeKinds: OtpErrorKind[] = [
    "wrong_code",
    "too_many_attempts",
    "expired",
    "already_verified",
    "not_found",
  ];

  it.each(OTP_ERROR_KINDS.filter((kind) => !codeKinds.includes(kind)))(
    "SCENARIO_PHONES.%s fails the send with that kind and its status",
    async (kind) => {
      const { adapter, inbox } = setup();
      const phone = SCENARIO_PHONES[kind];
      const error = await adapter.send({ phone }).catch((thrown: unknown) => thrown);
      expect(error).toMatchObject({ name: "OtpError", kind, status: STATUS_BY_KIND[kind] });
      expect(inbox.messages(phone)).toHaveLength(0);
    },
  );

  it.each(codeKinds)(
    "SCENARIO_PHONES.%s lets the send through and fails the verify with that kind",
    async (kind) => {
      const { adapter, codeFor } = setup();
      const phone = SCENARIO_PHONES[kind];
      const challenge = await adapter.send({ phone });
      const error = await adapter
        .verify({ challenge, code: codeFor(phone) })
        .catch((thrown: unknown) => thrown);
      expect(error).toMatchObject({ name: "OtpError", kind, status: STATUS_BY_KIND[kind] });
    },
  );

  it("answers a scripted rate_limited with a wait the UI can count down", async () => {
    const { adapter } = setup();
    const error = await adapter
      .send({ phone: SCENARIO_PHONES.rate_limited })
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ kind: "rate_limited", retryAfterMs: 60_000 });
  });

  it("counts attempts down on the wrong_code number until it locks", async () => {
    const { adapter, codeFor } = setup({ maxAttempts: 2 });
    const phone = SCENARIO_PHONES.wrong_code;
    const challenge = await adapter.send({ phone });
    const first = await adapter.verify({ challenge, code: codeFor(phone) }).catch((e) => e);
    expect(first).toMatchObject({ kind: "wrong_code", attemptsLeft: 1 });
    const second = await adapter.verify({ challenge, code: codeFor(phone) }).catch((e) => e);
    expect(second).toMatchObject({ kind: "too_many_attempts", attemptsLeft: 0 });
  });

  it("lets any number answer with a kind, for a number of requests or until cleared", async () => {
    const { mock, post, send } = setup();
    const other = "+6281234567890";
    mock.scenario(other, "blocked_phone", { times: 2 });
    expect(failureOf(await post("send", { phone: other })).kind).toBe("blocked_phone");
    expect(failureOf(await post("send", { phone: other })).kind).toBe("blocked_phone");
    expect((await send(other)).phone).toBe("+62 ••• ••• 890");
    mock.scenario(PHONE, "insufficient_quota");
    expect(failureOf(await post("send", { phone: PHONE })).kind).toBe("insufficient_quota");
    mock.scenario(PHONE, null);
    expect((await post("send", { phone: PHONE })).status).toBe(200);
  });

  it("treats a scripted failure as the provider's, as the server would", async () => {
    const { mock, post, clock } = setup();
    // Nothing went out: the send is given back, the number may try again at once.
    mock.scenario(PHONE, "auth_failed", { times: 1 });
    expect((await post("send", { phone: PHONE })).status).toBe(503);
    expect((await post("send", { phone: "+66812345678" })).status).toBe(200);
    // The provider failed (a code may have gone out): the number's cooldown stands.
    const other = "+66899999999";
    mock.scenario(other, "provider_error", { times: 1 });
    expect((await post("send", { phone: other })).status).toBe(502);
    clock.advance(1_000);
    const retry = await post("send", { phone: other });
    expect(failureOf(retry)).toMatchObject({ kind: "rate_limited", retryAfter: 29, resendIn: 29 });
  });

  it("answers a scripted verify failure with resendIn, charging no attempt for expired", async () => {
    const { mock, post, send, codeFor } = setup();
    const { id } = await send();
    mock.scenario(PHONE, "expired", { times: 1 });
    const expired = await post("verify", { challengeId: id, code: codeFor() });
    expect([expired.status, failureOf(expired)]).toEqual([
      410,
      { kind: "expired", message: "The code expired", resendIn: 30 },
    ]);
    const next = await post("verify", { challengeId: id, code: wrong(codeFor()) });
    expect(failureOf(next).attemptsLeft).toBe(4);
  });

  it("locks a challenge for good once too_many_attempts was answered", async () => {
    const { mock, post, send, codeFor } = setup();
    const { id } = await send();
    mock.scenario(PHONE, "too_many_attempts", { times: 1 });
    expect(failureOf(await post("verify", { challengeId: id, code: codeFor() })).kind).toBe(
      "too_many_attempts",
    );
    const right = await post("verify", { challengeId: id, code: codeFor() });
    expect(failureOf(right)).toMatchObject({ kind: "too_many_attempts", attemptsLeft: 0 });
  });

  it("scripts a resend failure when asked with `on`", async () => {
    const { mock, post, send, clock } = setup();
    mock.scenario(PHONE, "insufficient_quota", { on: "resend" });
    const { id } = await send();
    clock.advance(30_000);
    const answer = await post("resend", { challengeId: id });
    expect(answer.status).toBe(503);
    expect(failureOf(answer).kind).toBe("insufficient_quota");
  });

  it("treats the scenario numbers as ordinary numbers when scenarioPhones is false", async () => {
    const { send } = setup({ scenarioPhones: false });
    await expect(send(SCENARIO_PHONES.blocked_phone)).resolves.toMatchObject({ codeLength: 6 });
  });
});

describe("otpServerMock dev inbox", () => {
  it("lists the messages delivered to one number, however the + arrives", async () => {
    const { send, clock } = setup();
    await send(PHONE);
    await send("+66899999999");
    clock.advance(30_000);
    for (const query of ["%2B66812345678", "+66812345678", "66812345678"]) {
      const response = await fetch(`${BASE}/dev/inbox?phone=${query}`);
      expect(response.status).toBe(200);
      const { messages } = (await response.json()) as { messages: { to: string; text: string }[] };
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ to: PHONE, text: expect.stringContaining("otpkit") });
    }
  });

  it("lists at most the 20 newest messages of a number, as the server's dev inbox keeps", async () => {
    const { inbox } = setup();
    for (let i = 0; i < 25; i++)
      inbox.deliver({ to: PHONE, from: "x", text: `m${i}`, provider: "x" });
    const response = await fetch(`${BASE}/dev/inbox?phone=${encodeURIComponent(PHONE)}`);
    const { messages } = (await response.json()) as { messages: { text: string }[] };
    expect(messages.map((message) => message.text)).toEqual(
      Array.from({ length: 20 }, (_, i) => `m${i + 5}`),
    );
  });

  it("answers invalid_phone without a number", async () => {
    setup();
    const response = await fetch(`${BASE}/dev/inbox`);
    expect(response.status).toBe(422);
    expect(failureOf({ status: 422, body: await response.json() }).kind).toBe("invalid_phone");
  });
});

describe("otpServerMock with createHttpAdapter", () => {
  it("runs the flow end to end, times turned absolute on the adapter's clock", async () => {
    const { adapter, codeFor, clock } = setup();
    const challenge = await adapter.send({ phone: PHONE });
    expect(challenge).toMatchObject({
      phone: "+66 ••• ••• 678",
      expiresAt: clock.now() + 300_000,
      resendAt: clock.now() + 30_000,
    });
    await expect(adapter.verify({ challenge, code: codeFor() })).resolves.toMatchObject({
      verified: true,
    });
  });

  it("injects faults through its knobs for the next requests only", async () => {
    const { adapter, mock, codeFor } = setup();
    mock.knobs.inject("5xx");
    await expect(adapter.send({ phone: PHONE })).rejects.toMatchObject({
      kind: "provider_error",
      status: 500,
    });
    mock.knobs.inject("html");
    await expect(adapter.send({ phone: PHONE })).rejects.toMatchObject({ status: 502 });
    const challenge = await adapter.send({ phone: PHONE });
    await expect(adapter.verify({ challenge, code: codeFor() })).resolves.toBeTruthy();
  });

  it("forgets challenges, scripted numbers and faults on reset", async () => {
    const { adapter, mock, post, send } = setup();
    const { id } = await send();
    mock.scenario(SCENARIO_PHONES.blocked_phone, null);
    mock.scenario("+66811111111", "blocked_phone");
    mock.knobs.inject("5xx");
    mock.reset();
    expect(failureOf(await post("verify", { challengeId: id, code: "123456" })).kind).toBe(
      "not_found",
    );
    // The number's cooldown went with it.
    await expect(adapter.send({ phone: PHONE })).resolves.toBeTruthy();
    await expect(adapter.send({ phone: "+66811111111" })).resolves.toBeTruthy();
    await expect(adapter.send({ phone: SCENARIO_PHONES.blocked_phone })).rejects.toMatchObject({
      kind: "blocked_phone",
    });
  });
});

describe("otpServerMock over another adapter", () => {
  it("uses the adapter's codes and keeps attempt counting on the server", async () => {
    const fake = createFakeAdapter({ codes: ["123456"], maxAttempts: 10 });
    const { post, send } = setup({ adapter: fake, maxAttempts: 2 });
    const { id } = await send();
    expect(fake.calls).toMatchObject([{ method: "send", phone: PHONE }]);
    const first = await post("verify", { challengeId: id, code: "000000" });
    expect(failureOf(first)).toMatchObject({ kind: "wrong_code", attemptsLeft: 1 });
    const second = await post("verify", { challengeId: id, code: "000000" });
    expect(failureOf(second)).toMatchObject({ kind: "too_many_attempts", attemptsLeft: 0 });
  });

  it("answers an adapter failure with its kind and status, never the adapter's message", async () => {
    const fake = createFakeAdapter();
    fake.failNext("send", {
      kind: "insufficient_quota",
      message: "Credit not enough for account 4711",
    });
    const { post } = setup({ adapter: fake });
    const answer = await post("send", { phone: PHONE });
    expect(answer.status).toBe(503);
    expect(failureOf(answer).kind).toBe("insufficient_quota");
    expect(JSON.stringify(answer.body)).not.toContain("4711");
  });

  it("verifies the fake adapter's known code", async () => {
    const { post, send } = setup({ adapter: createFakeAdapter({ codes: ["246810"] }) });
    const { id } = await send();
    const answer = await post("verify", { challengeId: id, code: "246810" });
    expect(answer.status).toBe(200);
  });

  it("answers anything but an OtpError from the adapter as the server does: 502 provider_error", async () => {
    const fake = createFakeAdapter();
    fake.send = () => Promise.reject(new TypeError("Cannot read properties of undefined"));
    const { post } = setup({ adapter: fake });
    const answer = await post("send", { phone: PHONE });
    expect([answer.status, failureOf(answer)]).toEqual([
      502,
      { kind: "provider_error", message: "The SMS provider failed" },
    ]);
  });

  it("offers the channels the adapter says it has, not those in its challenges", async () => {
    const inChallengesOnly = createFakeAdapter({ channels: ["sms", "whatsapp"] });
    // Channels named in its challenges only, not declared by the adapter itself.
    Reflect.deleteProperty(inChallengesOnly, "channels");
    const { post } = setup({ adapter: inChallengesOnly });
    const answer = await post("send", { phone: PHONE });
    expect(challengeResponseSchema.parse(answer.body).challenge).not.toHaveProperty("channels");
    const refused = await post("send", { phone: "+66899999999", channel: "whatsapp" });
    expect([refused.status, failureOf(refused)]).toEqual([
      422,
      { kind: "config_error", message: "This server delivers codes by sms only" },
    ]);
    expect(inChallengesOnly.calls).toHaveLength(1);

    const declared = Object.assign(createFakeAdapter(), { channels: ["sms", "whatsapp"] });
    const other = setup({ adapter: declared });
    const sent = await other.post("send", { phone: PHONE, channel: "whatsapp" });
    expect(challengeResponseSchema.parse(sent.body).challenge).toMatchObject({
      channel: "whatsapp",
      channels: ["sms", "whatsapp"],
    });
  });
});

describe("otpServerMock channels of the default adapter", () => {
  it("delivers on the channel asked for among those it is given", async () => {
    const { post, inbox } = setup({ channels: ["sms", "whatsapp"] });
    const answer = await post("send", { phone: PHONE, channel: "whatsapp" });
    expect(challengeResponseSchema.parse(answer.body).challenge).toMatchObject({
      channel: "whatsapp",
      channels: ["sms", "whatsapp"],
    });
    expect(inbox.latestMessage(PHONE)?.channel).toBe("whatsapp");
    expect((await post("send", { phone: "+66899999999", channel: "voice" })).status).toBe(422);
  });
});
