/**
 * One test per EngageLab code and status in shared/providers/README.md, each answered
 * exactly as EngageLab documents it: HTTP status plus `{ code, message }`.
 */
import type { OtpChallenge } from "@otpkit/core";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ENGAGELAB_BASE_URL, engagelab } from ".";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const adapter = engagelab({
  devKey: "dev-key",
  devSecret: "dev-secret",
  templateId: "test-template-1",
  codeLength: 6,
  ttlSeconds: 300,
});

const challenge: OtpChallenge = {
  id: "1725407449772531712#default",
  phone: "+6591234567",
  codeLength: 6,
  expiresAt: Date.now() + 300_000,
  resendAt: Date.now() + 30_000,
  channel: "sms",
};

function answer(
  path: "messages" | "verifications",
  status: number,
  body: Record<string, string | number | boolean>,
) {
  server.use(
    http.post(`${ENGAGELAB_BASE_URL}/v1/${path}`, () => HttpResponse.json(body, { status })),
  );
}

const send = () => adapter.send({ phone: "+6591234567" });
const verify = () => adapter.verify({ challenge, code: "667090" });

describe("send failures", () => {
  it.each([
    [1000, 500, "internal error", "provider_error"],
    [2001, 401, "authentication failed", "auth_failed"],
    [2002, 401, "authentication failed, token expired or disabled", "auth_failed"],
    [2004, 403, "no permission to call this api", "config_error"],
    [3001, 400, "invalid json body", "config_error"],
    [3002, 400, "invalid parameters", "config_error"],
    [3004, 400, "rate limited", "rate_limited"],
    [4001, 400, "template not found", "config_error"],
    [5001, 400, "send failed", "provider_error"],
    [5011, 400, "invalid phone number format", "invalid_phone"],
    [5012, 400, "recipient unreachable", "provider_error"],
    [5013, 400, "phone number is blacklisted", "blocked_phone"],
    [5014, 400, "content violates policy", "config_error"],
    [5015, 400, "message intercepted or rejected", "provider_error"],
    [5016, 400, "internal send error", "provider_error"],
    [5017, 400, "no permission to send to the China region", "config_error"],
    [5018, 400, "handset powered off or suspended", "provider_error"],
    [5019, 400, "user unsubscribed", "blocked_phone"],
    [5020, 400, "phone number unregistered or empty", "invalid_phone"],
  ])("%i (HTTP %i, %s) -> %s", async (code, status, message, kind) => {
    answer("messages", status, { code, message });
    const error = await send().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "OtpError", kind, status, providerCode: String(code) });
    expect((error as Error).message).not.toContain(message);
    expect((error as Error).cause).toBe(JSON.stringify({ code, message }));
  });
});

describe("verify outcomes", () => {
  it("3003 verify code has expired (HTTP 400) -> expired", async () => {
    answer("verifications", 400, { code: 3003, message: "verify code has expired" });
    await expect(verify()).rejects.toMatchObject({
      kind: "expired",
      status: 400,
      providerCode: "3003",
    });
  });

  it("3003 verify code has been verified (HTTP 400) -> expired (the server upgrades it)", async () => {
    answer("verifications", 400, { code: 3003, message: "verify code has been verified" });
    await expect(verify()).rejects.toMatchObject({
      kind: "expired",
      status: 400,
      providerCode: "3003",
    });
  });

  it("4001 message does not exist (HTTP 400, verify) -> not_found", async () => {
    answer("verifications", 400, { code: 4001, message: "message does not exist" });
    await expect(verify()).rejects.toMatchObject({
      kind: "not_found",
      status: 400,
      providerCode: "4001",
    });
  });

  it("200 verified:false -> wrong_code", async () => {
    answer("verifications", 200, {
      message_id: "1725407449772531712",
      verify_code: "667090",
      verified: false,
    });
    const error = await verify().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "wrong_code", status: 200, providerCode: undefined });
    expect(JSON.stringify(error)).not.toContain("667090");
  });

  it("1000 internal error (HTTP 500, verify) -> provider_error", async () => {
    answer("verifications", 500, { code: 1000, message: "internal error" });
    await expect(verify()).rejects.toMatchObject({
      kind: "provider_error",
      status: 500,
      providerCode: "1000",
    });
  });
});

describe("statuses and bodies without a known code", () => {
  it("HTTP 429 without a body -> rate_limited, honouring a Retry-After if one comes", async () => {
    server.use(
      http.post(
        `${ENGAGELAB_BASE_URL}/v1/messages`,
        () => new HttpResponse(null, { status: 429, headers: { "retry-after": "42" } }),
      ),
    );
    await expect(send()).rejects.toMatchObject({
      kind: "rate_limited",
      status: 429,
      providerCode: undefined,
      retryAfterMs: 42_000,
    });
  });

  it("3004 without Retry-After -> rate_limited with no retryAfterMs (server default applies)", async () => {
    answer("messages", 400, { code: 3004, message: "rate limited" });
    await expect(send()).rejects.toMatchObject({ kind: "rate_limited", retryAfterMs: undefined });
  });

  it("HTTP 401 with an HTML page -> auth_failed", async () => {
    server.use(
      http.post(`${ENGAGELAB_BASE_URL}/v1/messages`, () =>
        HttpResponse.html("<h1>401</h1>", { status: 401 }),
      ),
    );
    await expect(send()).rejects.toMatchObject({ kind: "auth_failed", status: 401 });
  });

  it("an undocumented code 9999 (HTTP 400) -> provider_error, keeping the code", async () => {
    answer("messages", 400, { code: 9999, message: "something new" });
    await expect(send()).rejects.toMatchObject({
      kind: "provider_error",
      status: 400,
      providerCode: "9999",
    });
  });

  it("other 5xx with an unparseable body -> provider_error with the body on cause", async () => {
    server.use(
      http.post(
        `${ENGAGELAB_BASE_URL}/v1/messages`,
        () => new HttpResponse("upstream broke", { status: 503 }),
      ),
    );
    const error = await send().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "provider_error", status: 503, providerCode: undefined });
    expect((error as Error).cause).toBe("upstream broke");
  });

  it("fetch failure -> network (status 0)", async () => {
    server.use(http.post(`${ENGAGELAB_BASE_URL}/v1/messages`, () => HttpResponse.error()));
    await expect(send()).rejects.toMatchObject({ kind: "network", status: 0 });
  });
});
