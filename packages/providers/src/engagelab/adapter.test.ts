import { type OtpChallenge, OtpError } from "@otpkit/core";
import { createManualClock } from "@otpkit/core/testing";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ENGAGELAB_MOCK_CREDENTIALS,
  ENGAGELAB_MOCK_TEMPLATE_ID,
  engagelabMock,
} from "../../../mocks/src/engagelab";
// The mocks package's index does not re-export the EngageLab mock yet; import its folder.
import { codeFromText, createInbox } from "../../../mocks/src/inbox";
import { type EngageLabOptions, engagelab, languageForLocale } from ".";

const clock = createManualClock();
const inbox = createInbox(clock.now);
const mock = engagelabMock({
  inbox,
  now: clock.now,
  templates: [
    { id: ENGAGELAB_MOCK_TEMPLATE_ID },
    { id: "chat-first", strategy: "whatsapp|sms" },
    { id: "short", ttlMinutes: 1 },
  ],
});
const server = setupServer(...mock.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  mock.reset();
  inbox.clear();
});
afterAll(() => server.close());

const PHONE = "+6591234567";

const make = (overrides: Partial<EngageLabOptions> = {}) =>
  engagelab({
    ...ENGAGELAB_MOCK_CREDENTIALS,
    templateId: ENGAGELAB_MOCK_TEMPLATE_ID,
    codeLength: 6,
    ttlSeconds: 300,
    now: clock.now,
    ...overrides,
  });

const smsCode = (phone = PHONE) => codeFromText(inbox.latest(phone) ?? "") ?? "";
const messageIdOf = (challenge: OtpChallenge) => challenge.id.split("#")[0] ?? "";
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("expected a rejection"),
    (error: unknown) => {
      expect(error).toBeInstanceOf(OtpError);
      return error as OtpError;
    },
  );

describe("send and verify", () => {
  it("sends through POST /v1/messages and verifies the code from the SMS", async () => {
    const adapter = make();
    const start = clock.now();
    const challenge = await adapter.send({ phone: PHONE });
    expect(challenge).toEqual({
      id: expect.stringMatching(/^\d{19}#default$/),
      phone: PHONE,
      codeLength: 6,
      expiresAt: start + 300_000,
      resendAt: start + 60_000,
      attemptsLeft: 5,
      channel: "sms",
    });
    expect(await adapter.verify({ challenge, code: smsCode() })).toEqual({ verified: true });
  });

  it("sends Basic dev_key:dev_secret, JSON, and the E.164 number with its +", async () => {
    const adapter = make({ params: { name: "Ada" } });
    const challenge = await adapter.send({ phone: PHONE });
    await adapter.verify({ challenge, code: smsCode() });
    const [send, verify] = mock.requests;
    expect(send?.path).toBe("/v1/messages");
    expect(send?.headers.get("authorization")).toBe(`Basic ${btoa("dev-key:dev-secret")}`);
    expect(send?.headers.get("content-type")).toBe("application/json");
    expect(send?.body).toEqual({
      to: PHONE,
      template: { id: ENGAGELAB_MOCK_TEMPLATE_ID, language: "default", params: { name: "Ada" } },
    });
    expect(verify?.path).toBe("/v1/verifications");
    expect(verify?.body).toEqual({ message_id: messageIdOf(challenge), verify_code: smsCode() });
  });

  it("maps the locale to template.language, unless a language is fixed", async () => {
    await make().send({ phone: PHONE, locale: "th-TH" });
    expect(inbox.latest(PHONE)).toMatch(/^รหัสยืนยันของคุณคือ/);
    expect(mock.requests.at(-1)?.body).toMatchObject({ template: { language: "th" } });

    clock.advance(60_000);
    await make({ language: "en" }).send({ phone: PHONE, locale: "zh-CN" });
    expect(mock.requests.at(-1)?.body).toMatchObject({ template: { language: "en" } });
  });

  it.each([
    ["th", "th"],
    ["en-GB", "en"],
    ["zh", "zh_CN"],
    ["zh-Hans-CN", "zh_CN"],
    ["zh-HK", "zh_HK"],
    ["zh-Hant-TW", "zh_HK"],
    ["id", "default"],
    ["ja-JP", "ja"],
    [undefined, "default"],
  ])("maps locale %s to %s", (locale, language) => {
    expect(languageForLocale(locale)).toBe(language);
  });

  it("reports the channel EngageLab used, from send_channel", async () => {
    const adapter = make({ templateId: "chat-first", channels: ["whatsapp", "sms"] });
    expect(adapter.channels).toEqual(["whatsapp", "sms"]);
    const challenge = await adapter.send({ phone: PHONE, channel: "whatsapp" });
    expect(challenge.channel).toBe("whatsapp");
  });

  it("offers SMS only by default and refuses another channel before any request", async () => {
    const adapter = make();
    expect(adapter.channels).toEqual(["sms"]);
    const error = await failure(adapter.send({ phone: PHONE, channel: "voice" }));
    expect(error).toMatchObject({ kind: "config_error", status: 0 });
    expect(mock.requests).toHaveLength(0);
  });

  it.each(["0812345678", "66812345678", "+66 81 234 5678", "+0812345678", ""])(
    "rejects %j as invalid_phone before any request",
    async (phone) => {
      const error = await failure(make().send({ phone }));
      expect(error).toMatchObject({ kind: "invalid_phone", status: 0 });
      expect(mock.requests).toHaveLength(0);
    },
  );

  it("turns EngageLab's 5011 for a number it refuses into invalid_phone", async () => {
    const error = await failure(make().send({ phone: "+10000000001" }));
    expect(error).toMatchObject({ kind: "invalid_phone", status: 400, providerCode: "5011" });
  });

  it("turns a blacklisted number into blocked_phone without leaking EngageLab's text", async () => {
    const error = await failure(make().send({ phone: "+10000000011" }));
    expect(error).toMatchObject({ kind: "blocked_phone", status: 400, providerCode: "5013" });
    expect(error.message).not.toMatch(/blacklisted/);
  });

  it("turns wrong credentials into auth_failed with EngageLab's 401 2001", async () => {
    const error = await failure(make({ devSecret: "wrong" }).send({ phone: PHONE }));
    expect(error).toMatchObject({ kind: "auth_failed", status: 401, providerCode: "2001" });
  });

  it("turns an unknown template into config_error (4001 on send)", async () => {
    const error = await failure(make({ templateId: "gone" }).send({ phone: PHONE }));
    expect(error).toMatchObject({ kind: "config_error", status: 400, providerCode: "4001" });
  });
});

describe("verify outcomes", () => {
  it("answers a wrong code with wrong_code and keeps the challenge verifiable", async () => {
    const adapter = make();
    const challenge = await adapter.send({ phone: PHONE });
    const code = smsCode();
    const wrong = code === "000000" ? "111111" : "000000";
    const error = await failure(adapter.verify({ challenge, code: wrong }));
    expect(error).toMatchObject({ kind: "wrong_code", status: 200 });
    expect(error.message).not.toContain(wrong);
    expect(await adapter.verify({ challenge, code })).toEqual({ verified: true });
  });

  it("answers after the template lifetime with expired (3003)", async () => {
    const adapter = make({ templateId: "short", ttlSeconds: 60 });
    const challenge = await adapter.send({ phone: PHONE });
    expect(challenge.expiresAt).toBe(clock.now() + 60_000);
    clock.advance(60_000);
    const error = await failure(adapter.verify({ challenge, code: smsCode() }));
    expect(error).toMatchObject({ kind: "expired", status: 400, providerCode: "3003" });
  });

  it("answers a second verify of a used code with 3003 (expired; the server knows it succeeded)", async () => {
    const adapter = make();
    const challenge = await adapter.send({ phone: PHONE });
    await adapter.verify({ challenge, code: smsCode() });
    const error = await failure(adapter.verify({ challenge, code: smsCode() }));
    expect(error).toMatchObject({ kind: "expired", providerCode: "3003" });
  });

  it("answers a message EngageLab does not know with not_found (4001 on verify)", async () => {
    const challenge = await make().send({ phone: PHONE });
    mock.reset();
    const error = await failure(make().verify({ challenge, code: "123456" }));
    expect(error).toMatchObject({ kind: "not_found", status: 400, providerCode: "4001" });
  });

  it("answers an id that is not an EngageLab handle with not_found before any request", async () => {
    const challenge = await make().send({ phone: PHONE });
    const error = await failure(make().verify({ challenge: { ...challenge, id: "x" }, code: "1" }));
    expect(error).toMatchObject({ kind: "not_found", status: 0 });
    expect(mock.requests).toHaveLength(1);
  });
});

describe("resend", () => {
  it("sends again for a new message_id in the same language; the new code verifies", async () => {
    const adapter = make();
    const first = await adapter.send({ phone: PHONE, locale: "th" });
    clock.advance(60_000);
    const second = await adapter.resend({ challenge: first });
    expect(messageIdOf(second)).not.toBe(messageIdOf(first));
    expect(second.id).toMatch(/#th$/);
    expect(second.expiresAt).toBe(clock.now() + 300_000);
    expect(second.resendAt).toBe(clock.now() + 60_000);
    expect(mock.requests.at(-1)).toMatchObject({
      path: "/v1/messages",
      body: { to: PHONE, template: { id: ENGAGELAB_MOCK_TEMPLATE_ID, language: "th" } },
    });
    expect(inbox.messages(PHONE)).toHaveLength(2);
    expect(await adapter.verify({ challenge: second, code: smsCode() })).toEqual({
      verified: true,
    });
  });

  it("reports EngageLab's rate limit (3004) on a resend inside its window", async () => {
    const adapter = make();
    const challenge = await adapter.send({ phone: PHONE });
    clock.advance(30_000);
    const error = await failure(adapter.resend({ challenge }));
    expect(error).toMatchObject({ kind: "rate_limited", status: 400, providerCode: "3004" });
    expect(error.retryAfterMs).toBeUndefined();
  });
});

describe("transport failures", () => {
  it("times out with network (status 0)", async () => {
    mock.knobs.inject("timeout");
    const error = await failure(make({ timeoutMs: 20 }).send({ phone: PHONE }));
    expect(error).toMatchObject({ kind: "network", status: 0 });
    expect((error.cause as Error).name).toBe("TimeoutError");
  });

  it("rejects promptly with network when the caller aborts, keeping the reason", async () => {
    mock.knobs.inject("timeout");
    const controller = new AbortController();
    const reason = new Error("user left");
    const sending = make({ timeoutMs: 60_000 }).send({ phone: PHONE, signal: controller.signal });
    setTimeout(() => controller.abort(reason), 5);
    const error = await failure(sending);
    expect(error).toMatchObject({ kind: "network", status: 0 });
    expect(error.cause).toBe(reason);
  });

  it("does not call EngageLab when the signal is already aborted", async () => {
    const error = await failure(
      make().send({ phone: PHONE, signal: AbortSignal.abort(new Error("gone")) }),
    );
    expect(error).toMatchObject({ kind: "network", status: 0 });
    expect(mock.requests).toHaveLength(0);
  });

  it.each([
    ["5xx", 500, /Internal Server Error/],
    ["malformed-json", 200, /^\{"status": "ok"/],
    ["html", 502, /<title>502 Bad Gateway<\/title>/],
  ] as const)(
    "turns a %s answer into provider_error with the body on cause",
    async (fault, status, body) => {
      mock.knobs.inject(fault);
      const error = await failure(make().send({ phone: PHONE }));
      expect(error).toMatchObject({ kind: "provider_error", status, providerCode: undefined });
      expect(error.cause).toMatch(body);
    },
  );

  it("turns a verify answer that fits no schema into provider_error", async () => {
    const adapter = make();
    const challenge = await adapter.send({ phone: PHONE });
    mock.knobs.inject("malformed-json");
    const error = await failure(adapter.verify({ challenge, code: smsCode() }));
    expect(error).toMatchObject({ kind: "provider_error", status: 200 });
  });

  it("uses the fetch it is given, and a failing fetch is network", async () => {
    const calls: string[] = [];
    const adapter = make({
      baseUrl: "https://proxy.example/",
      fetch: async (input) => {
        calls.push(String(input));
        throw new TypeError("fetch failed");
      },
    });
    const error = await failure(adapter.send({ phone: PHONE }));
    expect(error).toMatchObject({ kind: "network", status: 0 });
    expect(calls).toEqual(["https://proxy.example/v1/messages"]);
  });
});

describe("own code (POST /v1/codes)", () => {
  const ownCode = { secret: "a-long-server-secret-0123456789" };

  it("delivers a code we generate and verifies it without calling EngageLab", async () => {
    const adapter = make({ ownCode });
    const challenge = await adapter.send({ phone: PHONE });
    const code = smsCode();
    expect(code).toMatch(/^\d{6}$/);
    expect(mock.requests[0]).toMatchObject({
      path: "/v1/codes",
      body: { to: PHONE, code, template: { id: ENGAGELAB_MOCK_TEMPLATE_ID, language: "default" } },
    });
    expect(challenge.id).not.toContain(code);
    expect(await adapter.verify({ challenge, code })).toEqual({ verified: true });
    expect(mock.requests).toHaveLength(1);
  });

  it("answers a wrong code with wrong_code and a late one with expired", async () => {
    const adapter = make({ ownCode });
    const challenge = await adapter.send({ phone: PHONE });
    const code = smsCode();
    const wrong = code === "000000" ? "111111" : "000000";
    expect(await failure(adapter.verify({ challenge, code: wrong }))).toMatchObject({
      kind: "wrong_code",
    });
    clock.advance(300_000);
    expect(await failure(adapter.verify({ challenge, code }))).toMatchObject({ kind: "expired" });
  });

  it("uses the given generator, and a tag from another secret does not verify", async () => {
    const adapter = make({ ownCode: { ...ownCode, generate: (n) => "7".repeat(n) } });
    const challenge = await adapter.send({ phone: PHONE });
    expect(smsCode()).toBe("777777");
    const other = make({ ownCode: { secret: "another-secret-of-enough-length" } });
    expect(await failure(other.verify({ challenge, code: "777777" }))).toMatchObject({
      kind: "wrong_code",
    });
  });

  it("does not verify a provider-generated challenge locally", async () => {
    const challenge = await make().send({ phone: PHONE });
    expect(await failure(make({ ownCode }).verify({ challenge, code: smsCode() }))).toMatchObject({
      kind: "not_found",
    });
  });
});

describe("options", () => {
  it.each([
    [{ codeLength: 3 }],
    [{ codeLength: 11 }],
    [{ ttlSeconds: 0 }],
    [{ ttlSeconds: 601 }],
    [{ devKey: "" }],
    [{ templateId: "" }],
    [{ channels: [] }],
    [{ ownCode: { secret: "short" } }],
  ] as Partial<EngageLabOptions>[][])("refuses %j with config_error", (overrides) => {
    expect(() => make(overrides)).toThrow(expect.objectContaining({ kind: "config_error" }));
  });
});
