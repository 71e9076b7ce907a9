import { type OtpChallenge, OtpError } from "@otpkit/core";
import { createManualClock } from "@otpkit/core/testing";
import { codeFromText, createInbox } from "@otpkit/mocks";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
// Straight from the mock's folder: @otpkit/mocks' index re-exports it once the index is wired.
import {
  ANTS_MOCK_CREDENTIALS,
  ANTS_MOCK_OTC_ID,
  type AntsMockOptions,
  antsMock,
} from "../../../mocks/src/ants";
import { ANTS_BASE_URL, type AntsOptions, ants } from "./index";

const START = Date.UTC(2026, 0, 1);
const clock = createManualClock(START);
const inbox = createInbox(clock.now);
const mock = antsMock({ inbox, now: clock.now });
const server = setupServer(...mock.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  mock.reset();
  inbox.clear();
  clock.set(START);
});
afterAll(() => server.close());

const PHONE = "+66812345678";

const adapterWith = (options: Partial<AntsOptions> = {}) =>
  ants({
    ...ANTS_MOCK_CREDENTIALS,
    otcId: ANTS_MOCK_OTC_ID,
    codeLength: 6,
    ttlSeconds: 300,
    now: clock.now,
    ...options,
  });

const adapter = adapterWith();

/** The code as the phone shows it. */
const codeOnPhone = (phone = PHONE, length = 6) =>
  codeFromText(inbox.latest(phone) ?? "", length) ?? "";

const wrongCode = (code: string) => (code === "000000" ? "111111" : "000000");

async function rejection(promise: Promise<unknown>): Promise<OtpError> {
  const thrown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(OtpError);
  return thrown as OtpError;
}

function useMock(options: AntsMockOptions) {
  const other = antsMock({ inbox, now: clock.now, ...options });
  server.use(...other.handlers);
  return other;
}

describe("ants adapter: send and verify", () => {
  it("sends, then verifies the code the phone received", async () => {
    const challenge = await adapter.send({ phone: PHONE });
    const sms = inbox.latest(PHONE) ?? "";
    expect(challenge).toEqual({
      id: expect.any(String),
      phone: PHONE,
      codeLength: 6,
      expiresAt: START + 300_000,
      resendAt: START + 60_000,
      attemptsLeft: 5,
      channel: "sms",
      referenceCode: mock.otp(challenge.id)?.referenceCode,
    });
    expect(sms).toContain(`(Ref: ${challenge.referenceCode})`);
    await expect(adapter.verify({ challenge, code: codeOnPhone() })).resolves.toEqual({
      verified: true,
    });
    expect(mock.otp(challenge.id)?.status).toBe("verified");
  });

  it("lists the channels it delivers on", () => {
    expect(adapter.channels).toEqual(["sms"]);
  });

  it("takes lifetime, resend wait and attempts from its options", async () => {
    const configured = adapterWith({ ttlSeconds: 120, resendSeconds: 45, maxAttempts: 3 });
    clock.advance(5_000);
    const challenge = await configured.send({ phone: PHONE });
    expect(challenge).toMatchObject({
      expiresAt: START + 125_000,
      resendAt: START + 50_000,
      attemptsLeft: 3,
    });
  });

  it("sends Basic auth, JSON, and the number without + as ANTS documents", async () => {
    const challenge = await adapter.send({ phone: PHONE });
    await adapter.verify({ challenge, code: codeOnPhone() });
    const [request, verify] = mock.requests();
    expect(request).toMatchObject({
      endpoint: "requestOTP",
      authorization: `Basic ${btoa("ants-user:ants-pass")}`,
      contentType: "application/json",
      body: { otcId: ANTS_MOCK_OTC_ID, mobile: "66812345678" },
    });
    expect(Object.keys(request?.body as object)).toEqual(["otcId", "mobile"]);
    expect(verify).toMatchObject({ endpoint: "verifyOTP", authorization: request?.authorization });
    expect(verify?.body).toEqual({ otpId: challenge.id, otpCode: codeOnPhone() });
  });

  it("keeps a code's leading zeros by sending it as a string", async () => {
    const challenge = await adapter.send({ phone: PHONE });
    await adapter.verify({ challenge, code: "012345" }).catch(() => {});
    expect(mock.requests().at(-1)?.text).toContain('"otpCode":"012345"');
  });

  it("adds notifyUrl, notifyContentType and callbackData when configured", async () => {
    const configured = adapterWith({
      notifyUrl: "https://shop.example/ants/dr",
      callbackData: ({ phone }) => `dr:${phone}`,
    });
    await configured.send({ phone: PHONE });
    expect(mock.requests()[0]?.body).toEqual({
      otcId: ANTS_MOCK_OTC_ID,
      mobile: "66812345678",
      notifyUrl: "https://shop.example/ants/dr",
      notifyContentType: "application/json",
      callbackData: `dr:${PHONE}`,
    });
  });

  it("encodes a non-ASCII password as UTF-8 in the Basic header", async () => {
    useMock({ credentials: { username: "ร้าน", password: "pässword" } });
    const configured = adapterWith({ username: "ร้าน", password: "pässword" });
    await expect(configured.send({ phone: PHONE })).resolves.toMatchObject({ phone: PHONE });
  });

  it.each(["0812345678", "66812345678", "+0812345678", "+66 81 234 5678", ""])(
    "rejects %j as invalid_phone before any request",
    async (phone) => {
      const error = await rejection(adapter.send({ phone }));
      expect(error).toMatchObject({ kind: "invalid_phone", status: 0 });
      expect(mock.requests()).toEqual([]);
    },
  );

  it("passes a non-Thai E.164 number on, and maps ANTS's 0307 Invalid Number", async () => {
    const error = await rejection(adapter.send({ phone: "+15551234567" }));
    expect(error).toMatchObject({ kind: "invalid_phone", status: 200, providerCode: "0307" });
    expect(mock.requests()[0]?.body).toMatchObject({ mobile: "15551234567" });
  });

  it("refuses a channel ANTS cannot deliver on, without a request", async () => {
    const error = await rejection(adapter.send({ phone: PHONE, channel: "whatsapp" }));
    expect(error.kind).toBe("config_error");
    expect(mock.requests()).toEqual([]);
  });

  it("rejects a wrong code as wrong_code and keeps the challenge usable", async () => {
    const challenge = await adapter.send({ phone: PHONE });
    const error = await rejection(adapter.verify({ challenge, code: wrongCode(codeOnPhone()) }));
    expect(error).toMatchObject({ kind: "wrong_code", status: 200, providerCode: "result:false" });
    await expect(adapter.verify({ challenge, code: codeOnPhone() })).resolves.toEqual({
      verified: true,
    });
  });

  it("reports too_many_attempts once ANTS locks the OTP", async () => {
    const challenge = await adapter.send({ phone: PHONE });
    const wrong = wrongCode(codeOnPhone());
    const kinds = [];
    for (let i = 0; i < 6; i++) {
      kinds.push((await rejection(adapter.verify({ challenge, code: wrong }))).kind);
    }
    expect(kinds).toEqual([
      ...Array(4).fill("wrong_code"),
      "too_many_attempts",
      "too_many_attempts",
    ]);
    const locked = await rejection(adapter.verify({ challenge, code: codeOnPhone() }));
    expect(locked).toMatchObject({
      kind: "too_many_attempts",
      attemptsLeft: 0,
      providerCode: "isErrorCount",
    });
  });

  it("reports expired once the code's lifetime is over on the clock", async () => {
    const challenge = await adapter.send({ phone: PHONE });
    clock.advance(challenge.expiresAt - clock.now());
    const error = await rejection(adapter.verify({ challenge, code: codeOnPhone() }));
    expect(error).toMatchObject({ kind: "expired", status: 200, providerCode: "isExprCode" });
  });

  it("reports already_verified for a second verify of the same OTP", async () => {
    const challenge = await adapter.send({ phone: PHONE });
    await adapter.verify({ challenge, code: codeOnPhone() });
    const error = await rejection(adapter.verify({ challenge, code: codeOnPhone() }));
    expect(error).toMatchObject({ kind: "already_verified", providerCode: "0306" });
  });

  it("reads isErrorCount with or without the leading space", async () => {
    useMock({ leadingSpaceKey: false, maxAttempts: 1 });
    const challenge = await adapter.send({ phone: PHONE });
    const error = await rejection(adapter.verify({ challenge, code: wrongCode(codeOnPhone()) }));
    expect(error.kind).toBe("too_many_attempts");
  });

  it("maps errors the same when ANTS sends them as HTTP 400 with code fields", async () => {
    useMock({ errorHttpStatus: 400, includeCode: true, expiryMode: "error" });
    const challenge = await adapter.send({ phone: PHONE });
    clock.advance(300_000);
    const error = await rejection(adapter.verify({ challenge, code: codeOnPhone() }));
    expect(error).toMatchObject({ kind: "expired", status: 400, providerCode: "0305" });
  });

  it("reports auth_failed for credentials ANTS does not accept", async () => {
    const error = await rejection(adapterWith({ password: "wrong" }).send({ phone: PHONE }));
    expect(error).toMatchObject({ kind: "auth_failed", status: 401, providerCode: "9998" });
  });

  it("reports insufficient_quota when the account has no credit", async () => {
    mock.setCredit(0);
    const error = await rejection(adapter.send({ phone: PHONE }));
    expect(error).toMatchObject({ kind: "insufficient_quota", status: 200, providerCode: "9995" });
  });

  it("reports config_error for an otcId ANTS does not know", async () => {
    const error = await rejection(adapterWith({ otcId: "not-configured" }).send({ phone: PHONE }));
    expect(error).toMatchObject({ kind: "config_error", status: 200, providerCode: "0301" });
  });

  it("reports rate_limited for a second send to the same number too soon", async () => {
    await adapter.send({ phone: PHONE });
    const error = await rejection(adapter.send({ phone: PHONE }));
    expect(error).toMatchObject({ kind: "rate_limited", status: 200, providerCode: "0304" });
  });

  it("never puts ANTS's message text or a code on the error message", async () => {
    const challenge = await adapter.send({ phone: PHONE });
    const code = codeOnPhone();
    await adapter.verify({ challenge, code });
    const error = await rejection(adapter.verify({ challenge, code }));
    expect(error.message).not.toMatch(/OTP Code Confirmed/i);
    expect(error.message).not.toContain(code);
  });
});

describe("ants adapter: resend", () => {
  async function sentAndWaited(): Promise<OtpChallenge> {
    const challenge = await adapter.send({ phone: PHONE });
    clock.advance(60_000);
    return challenge;
  }

  it("resends with otcId, otpId and mobile, and the new code verifies while the old does not", async () => {
    const first = await sentAndWaited();
    const oldCode = codeOnPhone();
    const second = await adapter.resend({ challenge: first });
    expect(mock.requests().at(-1)).toMatchObject({
      endpoint: "resendOTP",
      authorization: `Basic ${btoa("ants-user:ants-pass")}`,
      body: { otcId: ANTS_MOCK_OTC_ID, otpId: first.id, mobile: "66812345678" },
    });
    expect(second).toEqual({
      ...first,
      expiresAt: clock.now() + 300_000,
      resendAt: clock.now() + 60_000,
      referenceCode: mock.otp(first.id)?.referenceCode,
    });
    expect(inbox.latest(PHONE)).toContain(`(Ref: ${second.referenceCode})`);
    const newCode = codeOnPhone();
    if (newCode !== oldCode) {
      const error = await rejection(adapter.verify({ challenge: second, code: oldCode }));
      expect(error.kind).toBe("wrong_code");
    }
    await expect(adapter.verify({ challenge: second, code: newCode })).resolves.toEqual({
      verified: true,
    });
  });

  it('sends only { otcId } with resendBody "documented"', async () => {
    const documented = adapterWith({ resendBody: "documented" });
    const first = await documented.send({ phone: PHONE });
    clock.advance(60_000);
    const second = await documented.resend({ challenge: first });
    expect(mock.requests().at(-1)?.body).toEqual({ otcId: ANTS_MOCK_OTC_ID });
    expect(second.id).toBe(first.id);
  });

  it("still names the otpId when the challenge's phone is masked", async () => {
    const first = await sentAndWaited();
    await adapter.resend({ challenge: { ...first, phone: "+66 ••• ••• 678" } });
    expect(mock.requests().at(-1)?.body).toEqual({ otcId: ANTS_MOCK_OTC_ID, otpId: first.id });
  });

  it("adopts a new otpId and referenceCode from the resend answer", async () => {
    const other = useMock({ newOtpIdOnResend: true });
    const first = await sentAndWaited();
    const second = await adapter.resend({ challenge: first });
    expect(second.id).not.toBe(first.id);
    expect(second.referenceCode).toBe(other.otp(second.id)?.referenceCode);
    await expect(adapter.verify({ challenge: second, code: codeOnPhone() })).resolves.toEqual({
      verified: true,
    });
    expect((await rejection(adapter.verify({ challenge: first, code: "1" }))).kind).toBe(
      "not_found",
    );
  });

  it("reports rate_limited for a resend inside ANTS's cooldown", async () => {
    const challenge = await adapter.send({ phone: PHONE });
    const error = await rejection(adapter.resend({ challenge }));
    expect(error).toMatchObject({ kind: "rate_limited", status: 200, providerCode: "0304" });
  });

  it("reports not_found for a resend of an OTP ANTS does not have", async () => {
    const challenge = await adapter.send({ phone: PHONE });
    mock.reset();
    const error = await rejection(adapter.resend({ challenge }));
    expect(error).toMatchObject({ kind: "not_found", providerCode: "0303" });
  });
});

describe("ants adapter: broken answers and the network", () => {
  it("fails with network after timeoutMs when ANTS does not answer", async () => {
    mock.knobs.inject("timeout");
    const error = await rejection(adapterWith({ timeoutMs: 20 }).send({ phone: PHONE }));
    expect(error).toMatchObject({ kind: "network", status: 0 });
    expect((error.cause as Error).name).toBe("TimeoutError");
  });

  it("fails promptly with network when the caller aborts, keeping the abort reason", async () => {
    mock.knobs.inject("timeout");
    const controller = new AbortController();
    const reason = new Error("user left the page");
    const pending = adapter.send({ phone: PHONE, signal: controller.signal });
    setTimeout(() => controller.abort(reason), 5);
    const error = await rejection(pending);
    expect(error).toMatchObject({ kind: "network", status: 0 });
    expect(error.cause).toBe(reason);
  });

  it("fails promptly even with a fetch that ignores its signal", async () => {
    const hanging = adapterWith({ fetch: () => new Promise<Response>(() => {}), timeoutMs: 20 });
    const controller = new AbortController();
    const pending = hanging.send({ phone: PHONE, signal: controller.signal });
    setTimeout(() => controller.abort("stop"), 5);
    expect(await rejection(pending)).toMatchObject({ kind: "network", status: 0, cause: "stop" });
    const timedOut = await rejection(hanging.send({ phone: PHONE }));
    expect(timedOut).toMatchObject({ kind: "network", status: 0 });
  });

  it("fails with network without a request when the signal is already aborted", async () => {
    const error = await rejection(
      adapter.send({ phone: PHONE, signal: AbortSignal.abort("gone") }),
    );
    expect(error).toMatchObject({ kind: "network", status: 0, cause: "gone" });
    expect(mock.requests()).toEqual([]);
  });

  it("fails with network when the connection fails", async () => {
    server.use(http.post(`${ANTS_BASE_URL}/otp/requestOTP`, () => HttpResponse.error()));
    const error = await rejection(adapter.send({ phone: PHONE }));
    expect(error).toMatchObject({ kind: "network", status: 0 });
  });

  it("reports provider_error with the body on cause for a 5xx", async () => {
    mock.knobs.inject("5xx");
    const error = await rejection(adapter.send({ phone: PHONE }));
    expect(error).toMatchObject({ kind: "provider_error", status: 500, providerCode: "500" });
    expect(error.cause).toBe(JSON.stringify({ message: "Internal Server Error" }));
  });

  it("reports provider_error with the raw text on cause for malformed JSON", async () => {
    const challenge = await adapter.send({ phone: PHONE });
    mock.knobs.inject("malformed-json");
    const error = await rejection(adapter.verify({ challenge, code: codeOnPhone() }));
    expect(error).toMatchObject({ kind: "provider_error", status: 200 });
    expect(error.cause).toBe('{"status": "ok", "data": {');
  });

  it("reports provider_error with the page on cause for an HTML answer", async () => {
    mock.knobs.inject("html");
    const error = await rejection(adapter.send({ phone: PHONE }));
    expect(error).toMatchObject({ kind: "provider_error", status: 502 });
    expect(String(error.cause)).toContain("<h1>502 Bad Gateway</h1>");
  });

  it("reports provider_error for a 200 that fits no answer shape", async () => {
    server.use(
      http.post(`${ANTS_BASE_URL}/otp/requestOTP`, () => HttpResponse.json({ hello: "world" })),
    );
    const error = await rejection(adapter.send({ phone: PHONE }));
    expect(error).toMatchObject({ kind: "provider_error", status: 200 });
    expect(error.cause).toBe('{"hello":"world"}');
  });

  it("reports provider_error and keeps the code for a code ANTS does not document", async () => {
    server.use(
      http.post(`${ANTS_BASE_URL}/otp/requestOTP`, () =>
        HttpResponse.json({ code: "0399", error: { message: "Something new", description: "" } }),
      ),
    );
    const error = await rejection(adapter.send({ phone: PHONE }));
    expect(error).toMatchObject({ kind: "provider_error", status: 200, providerCode: "0399" });
  });

  it("honours a Retry-After header on 429", async () => {
    server.use(
      http.post(
        `${ANTS_BASE_URL}/otp/requestOTP`,
        () =>
          new HttpResponse("Too Many Requests", { status: 429, headers: { "retry-after": "12" } }),
      ),
    );
    const error = await rejection(adapter.send({ phone: PHONE }));
    expect(error).toMatchObject({ kind: "rate_limited", status: 429, retryAfterMs: 12_000 });
  });

  it("talks to another host when baseUrl is given", async () => {
    const other = useMock({ baseUrl: "https://api2.example.test/" });
    const challenge = await adapterWith({ baseUrl: "https://api2.example.test/" }).send({
      phone: PHONE,
    });
    expect(other.otp(challenge.id)).toBeDefined();
    expect(mock.requests()).toEqual([]);
  });

  it("uses the fetch it is given", async () => {
    const seen: string[] = [];
    const configured = adapterWith({
      fetch: (input, init) => {
        seen.push(String(input));
        return fetch(input, init);
      },
    });
    await configured.send({ phone: PHONE });
    expect(seen).toEqual([`${ANTS_BASE_URL}/otp/requestOTP`]);
  });
});

describe("ants adapter: answer quirks", () => {
  const answerWith = (body: Record<string, unknown>, status = 200) =>
    server.use(
      http.post(`${ANTS_BASE_URL}/otp/requestOTP`, () => HttpResponse.json(body, { status })),
      http.post(`${ANTS_BASE_URL}/otp/verifyOTP`, () => HttpResponse.json(body, { status })),
    );
  const challenge: OtpChallenge = {
    id: "0c342e74-a9c7-4bbd-8da4-b36a49bbc0d6",
    phone: PHONE,
    codeLength: 5,
    expiresAt: START + 300_000,
    resendAt: START + 30_000,
    channel: "sms",
  };

  it("accepts the docs' sample answer, with a status object instead of success", async () => {
    answerWith({
      otcId: ANTS_MOCK_OTC_ID,
      otpId: challenge.id,
      referenceCode: "IpA6k",
      status: { message: "success", description: "" },
    });
    await expect(adapter.send({ phone: PHONE })).resolves.toMatchObject({
      id: challenge.id,
      referenceCode: "IpA6k",
    });
  });

  it("reads an error from a status object", async () => {
    answerWith({ status: { message: " invalid otp config ", description: "" } });
    const error = await rejection(adapter.send({ phone: PHONE }));
    expect(error).toMatchObject({ kind: "config_error", providerCode: "0301" });
  });

  it("reads a numeric code as its 4-digit form", async () => {
    answerWith({ error: { code: 305, message: "OTP Code Expired", description: "" } });
    const error = await rejection(adapter.verify({ challenge, code: "79895" }));
    expect(error).toMatchObject({ kind: "expired", providerCode: "0305" });
  });

  it("prefers a code field over the message", async () => {
    answerWith({ status: { code: "0306", message: "whatever" } });
    const error = await rejection(adapter.verify({ challenge, code: "79895" }));
    expect(error).toMatchObject({ kind: "already_verified", providerCode: "0306" });
  });

  it("reads verify's flags from the documented sample, leading space included", async () => {
    answerWith({ otpId: challenge.id, result: true, " isErrorCount": false, isExprCode: false });
    await expect(adapter.verify({ challenge, code: "79895" })).resolves.toEqual({ verified: true });
  });
});

describe("ants adapter: options", () => {
  it.each<[string, Partial<AntsOptions>]>([
    ["username", { username: "" }],
    ["otcId", { otcId: "" }],
    ["codeLength", { codeLength: 0 }],
    ["ttlSeconds", { ttlSeconds: 1.5 }],
  ])("refuses to start without a valid %s", (name, options) => {
    expect(() => adapterWith(options)).toThrow(name);
  });
});
