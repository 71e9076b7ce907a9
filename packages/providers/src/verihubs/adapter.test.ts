import { type OtpChallenge, OtpError } from "@otpkit/core";
import { createManualClock } from "@otpkit/core/testing";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
// The mocks package's index re-exports these; importing the folder keeps this test
// independent of when that re-export lands.
import { codeFromText, createInbox } from "../../../mocks/src/inbox";
import {
  VERIHUBS_MOCK_CREDENTIALS,
  VERIHUBS_SANDBOX,
  verihubsMock,
} from "../../../mocks/src/verihubs";
import { type VerihubsOptions, verihubs } from "./index";

const PHONE = "+6281234567890";
const MSISDN = "6281234567890";
const TEMPLATE = "Kode OTP Anda $OTP. Jangan berikan kode ini kepada siapa pun.";

const clock = createManualClock();
const inbox = createInbox(clock.now);
const mock = verihubsMock({ inbox, now: clock.now });
const server = setupServer(...mock.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  mock.reset();
  inbox.clear();
});
afterAll(() => server.close());

const adapter = (extra: Partial<VerihubsOptions> = {}) =>
  verihubs({
    appId: VERIHUBS_MOCK_CREDENTIALS.appId,
    apiKey: VERIHUBS_MOCK_CREDENTIALS.apiKey,
    template: TEMPLATE,
    ttlSeconds: 300,
    now: clock.now,
    ...extra,
  });

/** The `otp` field of the first request the mock received. */
const sentOtp = () => String((mock.requests[0]?.body as { otp?: unknown } | undefined)?.otp);

const codeFor = (phone: string, length = 6) => codeFromText(inbox.latest(phone) ?? "", length);

async function failure(promise: Promise<unknown>): Promise<OtpError> {
  const thrown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(OtpError);
  return thrown as OtpError;
}

/** Everything an error exposes, as one string, to search for leaked codes. */
const everything = (error: OtpError) =>
  [error.message, String(error), JSON.stringify(error), JSON.stringify(error.cause)].join("\n");

describe("send and verify against the mock", () => {
  it("sends, and the code from the phone's inbox verifies", async () => {
    const verihubsAdapter = adapter();
    const start = clock.now();
    const challenge = await verihubsAdapter.send({ phone: PHONE });
    expect(challenge).toMatchObject({
      phone: PHONE,
      codeLength: 6,
      expiresAt: start + 300_000,
      resendAt: start + 60_000,
      attemptsLeft: 5,
      channel: "sms",
      channels: ["sms", "whatsapp"],
    });
    expect(verihubsAdapter.channels).toEqual(["sms", "whatsapp"]);
    const code = codeFor(PHONE) ?? "";
    expect(inbox.latest(PHONE)).toBe(TEMPLATE.replace("$OTP", code));
    await expect(verihubsAdapter.verify({ challenge, code })).resolves.toEqual({ verified: true });
  });

  it("sends the documented headers and body, and verifies by msisdn and code", async () => {
    const verihubsAdapter = adapter({
      challenge: "login",
      callbackUrl: "https://app.example/cb?token=s3cret",
    });
    server.use(http.get("https://app.example/cb", () => new HttpResponse(null, { status: 204 })));
    const challenge = await verihubsAdapter.send({ phone: PHONE });
    await verihubsAdapter.verify({ challenge, code: codeFor(PHONE) ?? "" });
    await mock.callbacksSettled();
    const [send, verify] = mock.requests;
    expect(send).toMatchObject({ path: "/v2/otp/send", method: "POST" });
    expect(send?.headers).toMatchObject({
      "app-id": VERIHUBS_MOCK_CREDENTIALS.appId,
      "api-key": VERIHUBS_MOCK_CREDENTIALS.apiKey,
      "content-type": "application/json",
      accept: "application/json",
    });
    expect(send?.headers.authorization).toBeUndefined();
    expect(send?.body).toEqual({
      msisdn: MSISDN,
      time_limit: "300",
      template: TEMPLATE,
      challenge: "login",
      callback_url: "https://app.example/cb?token=s3cret",
    });
    expect(verify).toMatchObject({ path: "/v2/otp/verify" });
    expect(verify?.body).toEqual({ msisdn: MSISDN, otp: codeFor(PHONE), challenge: "login" });
  });

  it("leaves template out when none is configured (the account default applies)", async () => {
    await adapter({ template: undefined }).send({ phone: PHONE });
    expect(mock.requests[0]?.body).toEqual({ msisdn: MSISDN, time_limit: "300" });
    expect(inbox.latest(PHONE)).toMatch(/^Kode OTP Anda \d{6}\./);
  });

  it("rejects a wrong code as wrong_code and still accepts the right one", async () => {
    const verihubsAdapter = adapter();
    const challenge = await verihubsAdapter.send({ phone: PHONE });
    const code = codeFor(PHONE) ?? "";
    const wrong = code === "000000" ? "111111" : "000000";
    const error = await failure(verihubsAdapter.verify({ challenge, code: wrong }));
    expect(error).toMatchObject({ kind: "wrong_code", status: 404, providerCode: "404" });
    await expect(verihubsAdapter.verify({ challenge, code })).resolves.toEqual({ verified: true });
  });

  it("reports a second verify of a used code as wrong_code (Verihubs answers 404)", async () => {
    const verihubsAdapter = adapter();
    const challenge = await verihubsAdapter.send({ phone: PHONE });
    const code = codeFor(PHONE) ?? "";
    await verihubsAdapter.verify({ challenge, code });
    const error = await failure(verihubsAdapter.verify({ challenge, code }));
    expect(error.kind).toBe("wrong_code");
  });

  it("reports expired once ttlSeconds have passed on the clock", async () => {
    const verihubsAdapter = adapter({ ttlSeconds: 120 });
    const challenge = await verihubsAdapter.send({ phone: PHONE });
    expect(mock.requests[0]?.body).toMatchObject({ time_limit: "120" });
    clock.advance(120_000);
    expect(clock.now()).toBe(challenge.expiresAt);
    const error = await failure(verihubsAdapter.verify({ challenge, code: codeFor(PHONE) ?? "" }));
    expect(error).toMatchObject({ kind: "expired", status: 422 });
  });

  it("resends with a new code that replaces the old one", async () => {
    const verihubsAdapter = adapter({ challenge: "login" });
    const first = await verihubsAdapter.send({ phone: PHONE });
    const oldCode = codeFor(PHONE) ?? "";
    clock.advance(60_000);
    const second = await verihubsAdapter.resend({ challenge: first });
    expect(mock.requests[1]?.body).toMatchObject({ msisdn: MSISDN, challenge: "login" });
    expect(second.resendAt).toBe(clock.now() + 60_000);
    const newCode = codeFor(PHONE) ?? "";
    expect(inbox.messages(PHONE)).toHaveLength(2);
    if (oldCode !== newCode) {
      expect(
        (await failure(verihubsAdapter.verify({ challenge: second, code: oldCode }))).kind,
      ).toBe("wrong_code");
    }
    await expect(verihubsAdapter.verify({ challenge: second, code: newCode })).resolves.toEqual({
      verified: true,
    });
  });

  it("passes on Verihubs' 429 for a resend inside its cooldown as rate_limited", async () => {
    const verihubsAdapter = adapter();
    const challenge = await verihubsAdapter.send({ phone: PHONE });
    clock.advance(30_000);
    const error = await failure(verihubsAdapter.resend({ challenge }));
    expect(error).toMatchObject({ kind: "rate_limited", status: 429 });
  });

  it("takes the code length from the echoed code, not the setting, when they differ", async () => {
    server.use(...verihubsMock({ inbox, now: clock.now, codeLength: 4 }).handlers);
    const challenge = await adapter({ codeLength: 6 }).send({ phone: PHONE });
    expect(challenge.codeLength).toBe(4);
    expect(codeFor(PHONE, 4)).toMatch(/^\d{4}$/);
  });

  it("with generateCode, sends its own code of codeLength digits, which then verifies", async () => {
    const verihubsAdapter = adapter({ generateCode: true, codeLength: 8 });
    const challenge = await verihubsAdapter.send({ phone: PHONE });
    const sent = sentOtp();
    expect(sent).toMatch(/^\d{8}$/);
    expect(codeFor(PHONE, 8)).toBe(sent);
    expect(challenge.codeLength).toBe(8);
    await expect(verihubsAdapter.verify({ challenge, code: sent })).resolves.toEqual({
      verified: true,
    });
  });
});

describe("the code Verihubs echoes never leaves the adapter", () => {
  it("is nowhere in the challenge", async () => {
    const challenge = await adapter().send({ phone: PHONE });
    const code = codeFor(PHONE) ?? "";
    expect(code).toMatch(/^\d{6}$/);
    expect(JSON.stringify(challenge)).not.toContain(code);
    expect(challenge.id).not.toContain(code);
  });

  it("is nowhere in an error, even when the answer around it is broken", async () => {
    const code = "482913";
    const bodies = [
      // 201 with the code but without the documented message: fits no schema.
      JSON.stringify({ otp: code, msisdn: MSISDN, session_id: "s-1" }),
      // Broken JSON that still carries the code.
      `{"message": "OTP sent successfully", "otp": "${code}", "session_id": `,
      // A number instead of a string.
      JSON.stringify({ otp: Number(code), try_count: "one" }),
    ];
    for (const body of bodies) {
      server.use(
        http.post(
          "https://api.verihubs.com/v2/otp/send",
          () =>
            new HttpResponse(body, {
              status: 201,
              headers: { "content-type": "application/json" },
            }),
          { once: true },
        ),
      );
      const error = await failure(adapter().send({ phone: PHONE }));
      expect(error).toMatchObject({ kind: "provider_error", status: 201 });
      expect(error.cause).toBeTypeOf("string");
      expect(everything(error)).not.toContain(code);
    }
  });

  it("is nowhere in an error answer that echoes it", async () => {
    const code = "482913";
    server.use(
      http.post("https://api.verihubs.com/v2/otp/send", () =>
        HttpResponse.json({ message: "Validation error", otp: code }, { status: 400 }),
      ),
    );
    const error = await failure(adapter().send({ phone: PHONE }));
    expect(error.kind).toBe("config_error");
    expect(everything(error)).not.toContain(code);
    expect(error.message).not.toContain("Validation error");
  });

  it("is not in a generated code's errors either", async () => {
    mock.setQuota(0);
    const error = await failure(adapter({ generateCode: true }).send({ phone: PHONE }));
    const sent = sentOtp();
    expect(error.kind).toBe("insufficient_quota");
    expect(everything(error)).not.toContain(sent);
  });

  it("never forwards Verihubs' message text", async () => {
    const error = await failure(adapter().send({ phone: "+6289900000009" }));
    expect(error).toMatchObject({ kind: "blocked_phone", status: 409 });
    expect(error.message).not.toContain("Msisdn invalid");
  });
});

describe("WhatsApp", () => {
  it("sends on the v2 WhatsApp path with the template, and verifies on the WhatsApp path", async () => {
    const verihubsAdapter = adapter({ whatsapp: { templateName: "otp_login", langCode: "id" } });
    const challenge = await verihubsAdapter.send({ phone: PHONE, channel: "whatsapp" });
    expect(challenge.channel).toBe("whatsapp");
    const message = inbox.latestMessage(PHONE);
    expect(message?.channel).toBe("whatsapp");
    const code = codeFromText(message?.text ?? "") ?? "";
    await expect(verihubsAdapter.verify({ challenge, code })).resolves.toEqual({ verified: true });
    expect(mock.requests.map((r) => r.path)).toEqual([
      "/v2/whatsapp/otp/send",
      "/v1/whatsapp/otp/verify",
    ]);
    expect(mock.requests[0]?.body).toEqual({
      msisdn: MSISDN,
      time_limit: "300",
      template_name: "otp_login",
      lang_code: "id",
    });
  });

  it("resends on another channel when asked", async () => {
    const verihubsAdapter = adapter();
    const first = await verihubsAdapter.send({ phone: PHONE });
    const second = await verihubsAdapter.resend({ challenge: first, channel: "whatsapp" });
    expect(second.channel).toBe("whatsapp");
    expect(mock.requests[1]?.path).toBe("/v2/whatsapp/otp/send");
  });

  it("refuses a channel the adapter was not given, before any request", async () => {
    const verihubsAdapter = adapter({ channels: ["sms"] });
    expect(verihubsAdapter.channels).toEqual(["sms"]);
    for (const channel of ["whatsapp", "voice"]) {
      const error = await failure(verihubsAdapter.send({ phone: PHONE, channel }));
      expect(error.kind).toBe("config_error");
    }
    expect(mock.requests).toEqual([]);
  });
});

describe("sandbox", () => {
  const sandboxChallenge = (msisdn: string): OtpChallenge => ({
    id: `verihubs:sms:${msisdn}::`,
    phone: `+${msisdn}`,
    codeLength: 6,
    expiresAt: clock.now() + 300_000,
    resendAt: clock.now(),
    channel: "sms",
  });

  it("appends /sandbox to the paths and answers from the magic numbers", async () => {
    const verihubsAdapter = adapter({ sandbox: true });
    const challenge = await verihubsAdapter.send({ phone: `+${VERIHUBS_SANDBOX.send.sent}` });
    expect(challenge.codeLength).toBe(6);
    expect(mock.requests[0]?.path).toBe("/v2/otp/send/sandbox");
    expect(inbox.messages()).toEqual([]);
    const blocked = await failure(
      verihubsAdapter.send({ phone: `+${VERIHUBS_SANDBOX.send.blocked}` }),
    );
    expect(blocked.kind).toBe("blocked_phone");
  });

  it("verifies on the sandbox numbers, tolerating the leading space in ' OTP not found'", async () => {
    const verihubsAdapter = adapter({ sandbox: true });
    const { verify: numbers } = VERIHUBS_SANDBOX;
    await expect(
      verihubsAdapter.verify({ challenge: sandboxChallenge(numbers.verified), code: "123456" }),
    ).resolves.toEqual({ verified: true });
    const notFound = await failure(
      verihubsAdapter.verify({ challenge: sandboxChallenge(numbers.notFound), code: "123456" }),
    );
    expect(notFound).toMatchObject({ kind: "wrong_code", status: 404 });
    const expired = await failure(
      verihubsAdapter.verify({ challenge: sandboxChallenge(numbers.expired), code: "123456" }),
    );
    expect(expired).toMatchObject({ kind: "expired", status: 422 });
    expect(mock.requests.every((r) => r.path === "/v2/otp/verify/sandbox")).toBe(true);
  });
});

describe("input checks before any request", () => {
  it.each(["081234567890", "6281234567890", "+62 812 3456 7890", "+0812345678", ""])(
    "rejects %j as invalid_phone",
    async (phone) => {
      const error = await failure(adapter().send({ phone }));
      expect(error.kind).toBe("invalid_phone");
      expect(mock.requests).toEqual([]);
    },
  );

  it("answers not_found to a challenge id it did not issue", async () => {
    const challenge = { ...(await adapter().send({ phone: PHONE })), id: "fake-1" };
    const error = await failure(adapter().verify({ challenge, code: "123456" }));
    expect(error.kind).toBe("not_found");
    expect(mock.requests).toHaveLength(1);
  });

  it.each<[string, Partial<VerihubsOptions>]>([
    ["a template without $OTP", { template: "Your code" }],
    ["a ttlSeconds of 0", { ttlSeconds: 0 }],
    ["a fractional ttlSeconds", { ttlSeconds: 1.5 }],
    ["no apiKey", { apiKey: "" }],
    ["a codeLength of 3", { codeLength: 3 }],
    ["an empty channel list", { channels: [] }],
  ])("refuses to be created with %s", (_, extra) => {
    expect(() => adapter(extra)).toThrow(OtpError);
  });
});

describe("failures without a usable answer", () => {
  it("times out as network, promptly", async () => {
    mock.knobs.inject("timeout");
    const started = Date.now();
    const error = await failure(adapter({ timeoutMs: 20 }).send({ phone: PHONE }));
    expect(error).toMatchObject({ kind: "network", status: 0 });
    expect((error.cause as Error).name).toBe("TimeoutError");
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("rejects promptly as network when the caller aborts, keeping the reason", async () => {
    mock.knobs.inject("timeout");
    const controller = new AbortController();
    const reason = new Error("user left");
    const pending = failure(adapter().send({ phone: PHONE, signal: controller.signal }));
    setTimeout(() => controller.abort(reason), 5);
    const error = await pending;
    expect(error).toMatchObject({ kind: "network", status: 0 });
    expect(error.cause).toBe(reason);
  });

  it("does not send at all when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort("gone");
    const error = await failure(adapter().send({ phone: PHONE, signal: controller.signal }));
    expect(error).toMatchObject({ kind: "network", cause: "gone" });
    expect(mock.requests).toEqual([]);
  });

  it("reports a failed fetch as network", async () => {
    server.use(http.post("https://api.verihubs.com/v2/otp/send", () => HttpResponse.error()));
    const error = await failure(adapter().send({ phone: PHONE }));
    expect(error).toMatchObject({ kind: "network", status: 0 });
  });

  it.each([
    ["5xx", 500, "Internal Server Error"],
    ["malformed-json", 200, '{"status": "ok"'],
    ["html", 502, "<h1>502 Bad Gateway</h1>"],
  ] as const)(
    "reports an injected %s as provider_error with the raw body",
    async (fault, status, body) => {
      mock.knobs.inject(fault);
      const error = await failure(adapter().send({ phone: PHONE }));
      expect(error).toMatchObject({ kind: "provider_error", status, providerCode: String(status) });
      expect(String(error.cause)).toContain(body);
    },
  );

  it("reports a verify answer that fits no schema as provider_error", async () => {
    const verihubsAdapter = adapter();
    const challenge = await verihubsAdapter.send({ phone: PHONE });
    mock.knobs.inject("html");
    const error = await failure(verihubsAdapter.verify({ challenge, code: "123456" }));
    expect(error).toMatchObject({ kind: "provider_error", status: 502 });
  });

  it("uses baseUrl and a given fetch", async () => {
    const seen: string[] = [];
    const ownFetch: typeof fetch = (input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    };
    server.use(
      ...verihubsMock({ inbox, now: clock.now, baseUrl: "https://vh.internal/" }).handlers,
    );
    await adapter({ baseUrl: "https://vh.internal/", fetch: ownFetch }).send({ phone: PHONE });
    expect(seen).toEqual(["https://vh.internal/v2/otp/send"]);
  });
});
