/**
 * One test per row of the Verihubs mapping table in shared/providers/README.md, each with a
 * handler answering exactly as Verihubs documents that outcome.
 */
import { type OtpChallenge, OtpError } from "@otpkit/core";
import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { verihubs } from "./index";

const BASE = "https://api.verihubs.com";
const SEND = `${BASE}/v2/otp/send`;
const VERIFY = `${BASE}/v2/otp/verify`;
const PHONE = "+6282123060001";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const adapter = verihubs({ appId: "app", apiKey: "key", ttlSeconds: 300, timeoutMs: 50 });

const challenge: OtpChallenge = {
  id: "verihubs:sms:6282123060001::",
  phone: PHONE,
  codeLength: 6,
  expiresAt: Date.now() + 300_000,
  resendAt: Date.now(),
  channel: "sms",
};

const answer = (
  url: string,
  status: number,
  body: Record<string, unknown>,
  headers?: Record<string, string>,
) =>
  server.use(
    http.post(url, () => HttpResponse.json(body, { status, ...(headers ? { headers } : {}) })),
  );

async function sendFailure(): Promise<OtpError> {
  const thrown = await adapter.send({ phone: PHONE }).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(OtpError);
  return thrown as OtpError;
}

async function verifyFailure(): Promise<OtpError> {
  const thrown = await adapter.verify({ challenge, code: "482913" }).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(OtpError);
  return thrown as OtpError;
}

describe("Verihubs answers -> otpkit", () => {
  it("send 201 OTP sent successfully -> ok", async () => {
    answer(SEND, 201, {
      message: "OTP sent successfully",
      otp: "482913",
      msisdn: "6282123060001",
      session_id: "d0f5fb5c-2d50-4d3f-aea7-20018ab15806",
      try_count: 1,
      segment_count: 1,
    });
    await expect(adapter.send({ phone: PHONE })).resolves.toMatchObject({
      phone: PHONE,
      codeLength: 6,
    });
  });

  it("verify 200 OTP has been verified -> ok", async () => {
    answer(VERIFY, 200, { message: "OTP has been verified" });
    await expect(adapter.verify({ challenge, code: "482913" })).resolves.toEqual({
      verified: true,
    });
  });

  it("400 Msisdn invalid: msisdn length should between 4-16 characters -> invalid_phone", async () => {
    answer(SEND, 400, { message: "Msisdn invalid: msisdn length should between 4-16 characters" });
    expect(await sendFailure()).toMatchObject({
      kind: "invalid_phone",
      status: 400,
      providerCode: "400",
    });
  });

  it("400 Validation error -> config_error", async () => {
    answer(SEND, 400, { message: "Validation error" });
    expect(await sendFailure()).toMatchObject({
      kind: "config_error",
      status: 400,
      providerCode: "400",
    });
  });

  it("401 Authorization failed -> auth_failed", async () => {
    answer(SEND, 401, { message: "Authorization failed" });
    expect(await sendFailure()).toMatchObject({
      kind: "auth_failed",
      status: 401,
      providerCode: "401",
    });
  });

  it("403 OTP testing quota is insufficient -> insufficient_quota", async () => {
    answer(SEND, 403, { message: "OTP testing quota is insufficient" });
    expect(await sendFailure()).toMatchObject({
      kind: "insufficient_quota",
      status: 403,
      providerCode: "403",
    });
  });

  it("403 Quota insufficient -> insufficient_quota", async () => {
    answer(SEND, 403, { message: "Quota insufficient" });
    expect(await sendFailure()).toMatchObject({
      kind: "insufficient_quota",
      status: 403,
      providerCode: "403",
    });
  });

  it("409 Msisdn invalid: msisdn has been blocked -> blocked_phone", async () => {
    answer(SEND, 409, { message: "Msisdn invalid: msisdn has been blocked" });
    expect(await sendFailure()).toMatchObject({
      kind: "blocked_phone",
      status: 409,
      providerCode: "409",
    });
  });

  it("429 Too many request in the allowed time frame -> rate_limited", async () => {
    answer(SEND, 429, { message: "Too many request in the allowed time frame" });
    expect(await sendFailure()).toMatchObject({
      kind: "rate_limited",
      status: 429,
      providerCode: "429",
      retryAfterMs: undefined,
    });
  });

  it("verify 404 OTP not found -> wrong_code", async () => {
    answer(VERIFY, 404, { message: "OTP not found" });
    expect(await verifyFailure()).toMatchObject({
      kind: "wrong_code",
      status: 404,
      providerCode: "404",
    });
  });

  it("verify 404 ' OTP not found' (leading space, as in the docs) -> wrong_code", async () => {
    answer(VERIFY, 404, { message: " OTP not found" });
    expect(await verifyFailure()).toMatchObject({
      kind: "wrong_code",
      status: 404,
      providerCode: "404",
    });
  });

  it("verify 422 OTP cannot be verified because Time limit exceeded -> expired", async () => {
    answer(VERIFY, 422, { message: "OTP cannot be verified because Time limit exceeded" });
    expect(await verifyFailure()).toMatchObject({
      kind: "expired",
      status: 422,
      providerCode: "422",
    });
  });

  it("5xx -> provider_error", async () => {
    answer(SEND, 503, { message: "Service Unavailable" });
    expect(await sendFailure()).toMatchObject({
      kind: "provider_error",
      status: 503,
      providerCode: "503",
    });
  });

  it("unparseable body -> provider_error", async () => {
    server.use(http.post(SEND, () => HttpResponse.text("Bad Gateway", { status: 400 })));
    const error = await sendFailure();
    expect(error).toMatchObject({ kind: "provider_error", status: 400, providerCode: "400" });
    expect(error.cause).toBe("Bad Gateway");
  });

  it("fetch failure -> network", async () => {
    server.use(http.post(SEND, () => HttpResponse.error()));
    expect(await sendFailure()).toMatchObject({ kind: "network", status: 0 });
  });

  it("timeout -> network", async () => {
    server.use(
      http.post(SEND, async () => {
        await delay("infinite");
        return HttpResponse.error();
      }),
    );
    expect(await sendFailure()).toMatchObject({ kind: "network", status: 0 });
  });
});

describe("details around the table", () => {
  it("keeps the answer's own `code` (number or string) as providerCode", async () => {
    answer(VERIFY, 404, { message: "OTP not found", code: 40401 });
    expect((await verifyFailure()).providerCode).toBe("40401");
    answer(VERIFY, 422, {
      message: "OTP cannot be verified because Time limit exceeded",
      code: "E422",
    });
    expect((await verifyFailure()).providerCode).toBe("E422");
  });

  it("honours a Retry-After on 429 should Verihubs ever send one", async () => {
    answer(
      SEND,
      429,
      { message: "Too many request in the allowed time frame" },
      { "Retry-After": "12" },
    );
    expect((await sendFailure()).retryAfterMs).toBe(12_000);
  });

  it("maps the sandbox's off-table 400 Invalid scenario to config_error", async () => {
    answer(VERIFY, 400, { message: "Invalid scenario" });
    expect((await verifyFailure()).kind).toBe("config_error");
  });

  it("maps by status when the text is unknown: verify 404 -> wrong_code, send 404 -> provider_error", async () => {
    answer(VERIFY, 404, { message: "Not Found" });
    expect((await verifyFailure()).kind).toBe("wrong_code");
    answer(SEND, 404, { message: "Not Found" });
    expect((await sendFailure()).kind).toBe("provider_error");
  });
});
