import { createManualClock } from "@otpkit/core/testing";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { codeFromText, createInbox } from "../inbox";
import {
  ANTS_MOCK_BASE_URL,
  ANTS_MOCK_CREDENTIALS,
  ANTS_MOCK_OTC_ID,
  ANTS_SILENT_MOBILE,
  ANTS_UNDELIVERED_MOBILE,
  type AntsMockOptions,
  antsMock,
} from "./index";

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

const BASIC = `Basic ${btoa(`${ANTS_MOCK_CREDENTIALS.username}:${ANTS_MOCK_CREDENTIALS.password}`)}`;
const MOBILE = "66812345678";

type Endpoint = "requestOTP" | "resendOTP" | "verifyOTP";

interface CallOptions {
  authorization?: string | null;
  base?: string;
  signal?: AbortSignal;
}

async function call(endpoint: Endpoint, body: unknown, options: CallOptions = {}) {
  const { authorization = BASIC, base = ANTS_MOCK_BASE_URL } = options;
  const response = await fetch(`${base}/otp/${endpoint}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(authorization === null ? {} : { authorization }),
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: response.status, text, json: json as Record<string, unknown> };
}

const antsError = (message: string) => ({ error: { message, description: "" } });

async function requestOtp(mobile = MOBILE) {
  const answer = await call("requestOTP", { otcId: ANTS_MOCK_OTC_ID, mobile });
  expect(answer.status).toBe(200);
  return answer.json as { otcId: string; otpId: string; referenceCode: string };
}

/** A second mock instance with other settings, taking over the same host. */
function useMock(options: AntsMockOptions) {
  const other = antsMock({ inbox, now: clock.now, ...options });
  server.use(...other.handlers);
  return other;
}

describe("ANTS mock: requestOTP", () => {
  it("answers with otcId, a UUID otpId, a 5-character referenceCode and a success object", async () => {
    const answer = await call("requestOTP", { otcId: ANTS_MOCK_OTC_ID, mobile: MOBILE });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      otcId: ANTS_MOCK_OTC_ID,
      otpId: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
      referenceCode: expect.stringMatching(/^[A-Za-z0-9]{5}$/),
      success: { message: "success", description: "" },
    });
  });

  it("delivers an SMS from ANTS carrying the code and the reference code", async () => {
    const { otpId, referenceCode } = await requestOtp();
    const message = inbox.latestMessage(`+${MOBILE}`);
    expect(message).toMatchObject({ to: `+${MOBILE}`, from: "ANTS", provider: "ants", at: START });
    expect(message?.text).toMatch(/^Your OTP is \d{6} \(Ref: [A-Za-z0-9]{5}\)$/);
    expect(message?.text).toContain(`(Ref: ${referenceCode})`);
    expect(codeFromText(message?.text ?? "", 6)).toBe(mock.peekCode(otpId));
  });

  it("makes a fresh random code for every send", async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const { otpId } = await requestOtp(`6681234567${i}`);
      codes.add(mock.peekCode(otpId) ?? "");
    }
    expect(codes.size).toBeGreaterThan(1);
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
  });

  it("uses the configured code length, such as the docs' 5 digits", async () => {
    const other = useMock({ codeLength: 5 });
    const { otpId } = await requestOtp();
    expect(other.peekCode(otpId)).toMatch(/^\d{5}$/);
    expect(codeFromText(inbox.latest(MOBILE) ?? "", 5)).toBe(other.peekCode(otpId));
  });

  it("answers 0301 Invalid OTP Config for an unknown otcId, as HTTP 200", async () => {
    const answer = await call("requestOTP", {
      otcId: "11111111-0000-0000-0000-000000000000",
      mobile: MOBILE,
    });
    expect(answer).toMatchObject({ status: 200, json: antsError("Invalid OTP Config") });
  });

  it.each(["0812345678", "+66812345678"])(
    "answers 0302 Number Prefix Missing for %s",
    async (mobile) => {
      const answer = await call("requestOTP", { otcId: ANTS_MOCK_OTC_ID, mobile });
      expect(answer).toMatchObject({ status: 200, json: antsError("Number Prefix Missing") });
    },
  );

  it.each(["6681234", "668123456789", "15551234567", "66-81234567"])(
    "answers 0307 Invalid Number for %s",
    async (mobile) => {
      const answer = await call("requestOTP", { otcId: ANTS_MOCK_OTC_ID, mobile });
      expect(answer).toMatchObject({ status: 200, json: antsError("Invalid Number") });
    },
  );

  it("accepts 8- and 9-digit Thai numbers", async () => {
    await requestOtp("6621234567");
    await requestOtp("66812345679");
  });

  it("answers 9995 Credit not enough when credit runs out, and charges 1 per SMS", async () => {
    mock.setCredit(1);
    await requestOtp();
    expect(mock.credit()).toBe(0);
    const answer = await call("requestOTP", { otcId: ANTS_MOCK_OTC_ID, mobile: "66812345670" });
    expect(answer).toMatchObject({ status: 200, json: antsError("Credit not enough") });
    expect(inbox.messages()).toHaveLength(1);
  });

  it("answers 0304 Over Limit Usage for a second send to one number inside the cooldown", async () => {
    await requestOtp();
    clock.advance(59_000);
    const again = await call("requestOTP", { otcId: ANTS_MOCK_OTC_ID, mobile: MOBILE });
    expect(again).toMatchObject({ status: 200, json: antsError("Over Limit Usage") });
    clock.advance(1_000);
    await requestOtp();
  });

  it("answers 9996 Bad Request (HTTP 400) for a body without mobile", async () => {
    const answer = await call("requestOTP", { otcId: ANTS_MOCK_OTC_ID });
    expect(answer).toMatchObject({ status: 400, json: antsError("Bad Request") });
  });

  it("sends business errors with HTTP 400 and a code field when configured", async () => {
    useMock({ errorHttpStatus: 400, includeCode: true });
    const answer = await call("requestOTP", { otcId: "nope", mobile: MOBILE });
    expect(answer).toMatchObject({
      status: 400,
      json: { code: "0301", error: { message: "Invalid OTP Config", description: "" } },
    });
  });
});

describe("ANTS mock: auth and request format", () => {
  it.each<Endpoint>(["requestOTP", "resendOTP", "verifyOTP"])(
    "%s answers 401 with ANTS's auth body without or with wrong Basic credentials",
    async (endpoint) => {
      const body = { otcId: ANTS_MOCK_OTC_ID, mobile: MOBILE, otpId: "x", otpCode: "1" };
      for (const authorization of [null, `Basic ${btoa("ants-user:wrong")}`, "Bearer token"]) {
        const answer = await call(endpoint, body, { authorization });
        expect(answer.status).toBe(401);
        expect(answer.json).toEqual(antsError("Authentication failed"));
      }
      expect(inbox.messages()).toHaveLength(0);
    },
  );

  it("accepts other credentials when configured", async () => {
    useMock({ credentials: { username: "shop", password: "s3cret" } });
    const answer = await call(
      "requestOTP",
      { otcId: ANTS_MOCK_OTC_ID, mobile: MOBILE },
      { authorization: `Basic ${btoa("shop:s3cret")}` },
    );
    expect(answer.status).toBe(200);
  });

  it("answers 400 Bad Request for a body that is not JSON", async () => {
    const answer = await call("requestOTP", "{ otcId: ");
    expect(answer).toMatchObject({ status: 400, json: antsError("Bad Request") });
  });

  it("rejects the docs' own broken samples unless lenientJson is on", async () => {
    const { otpId } = await requestOtp();
    const code = mock.peekCode(otpId);
    const verifySample = `{\n  "otpId": "${otpId}",\n  "otpCode": "${code}"\n  "notifyUrl": "https://testSendOTP"\n}`;
    expect((await call("verifyOTP", verifySample)).status).toBe(400);

    const lenient = useMock({ lenientJson: true });
    const sent = await requestOtp("66812345670");
    const sample = `{\n  "otpId": "${sent.otpId}",\n  "otpCode": "${lenient.peekCode(sent.otpId)}"\n  "notifyUrl": "https://testSendOTP",\n}`;
    const verified = await call("verifyOTP", sample);
    expect(verified.json).toMatchObject({ result: true });
    clock.advance(60_000);
    const resend = await call("resendOTP", `{\n  "otcId": "${ANTS_MOCK_OTC_ID}",\n}`);
    expect(resend.status).toBe(200);
  });

  it("records what it received", async () => {
    await requestOtp();
    expect(mock.requests()).toEqual([
      {
        endpoint: "requestOTP",
        authorization: BASIC,
        contentType: "application/json",
        text: JSON.stringify({ otcId: ANTS_MOCK_OTC_ID, mobile: MOBILE }),
        body: { otcId: ANTS_MOCK_OTC_ID, mobile: MOBILE },
      },
    ]);
  });
});

describe("ANTS mock: verifyOTP", () => {
  it('confirms the right code, spelling the key " isErrorCount" as documented', async () => {
    const { otpId } = await requestOtp();
    const answer = await call("verifyOTP", { otpId, otpCode: mock.peekCode(otpId) });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      otpId,
      result: true,
      " isErrorCount": false,
      isExprCode: false,
    });
  });

  it("spells isErrorCount without the space when leadingSpaceKey is off", async () => {
    const other = useMock({ leadingSpaceKey: false });
    const { otpId } = await requestOtp();
    const answer = await call("verifyOTP", { otpId, otpCode: other.peekCode(otpId) });
    expect(answer.json).toEqual({ otpId, result: true, isErrorCount: false, isExprCode: false });
  });

  it("answers 0306 OTP Code Confirmed once the code was used", async () => {
    const { otpId } = await requestOtp();
    const code = mock.peekCode(otpId);
    await call("verifyOTP", { otpId, otpCode: code });
    const again = await call("verifyOTP", { otpId, otpCode: code });
    expect(again).toMatchObject({ status: 200, json: antsError("OTP Code Confirmed") });
  });

  it("answers 0303 No Data Available OTP for an unknown otpId", async () => {
    const answer = await call("verifyOTP", {
      otpId: "0c342e74-a9c7-4bbd-8da4-b36a49bbc0d6",
      otpCode: "79895",
    });
    expect(answer).toMatchObject({ status: 200, json: antsError("No Data Available OTP") });
  });

  it("answers result false with both flags false for a wrong code", async () => {
    const { otpId } = await requestOtp();
    const wrong = mock.peekCode(otpId) === "000000" ? "111111" : "000000";
    const answer = await call("verifyOTP", { otpId, otpCode: wrong });
    expect(answer.json).toEqual({
      otpId,
      result: false,
      " isErrorCount": false,
      isExprCode: false,
    });
    expect(mock.otp(otpId)?.attempts).toBe(1);
  });

  it("locks the OTP at the attempt limit and then refuses even the right code", async () => {
    const other = useMock({ maxAttempts: 3 });
    const { otpId } = await requestOtp();
    const code = other.peekCode(otpId) ?? "";
    const wrong = code === "000000" ? "111111" : "000000";
    const flags = [];
    for (let i = 0; i < 3; i++) {
      const answer = await call("verifyOTP", { otpId, otpCode: wrong });
      flags.push(answer.json[" isErrorCount"]);
    }
    expect(flags).toEqual([false, false, true]);
    const right = await call("verifyOTP", { otpId, otpCode: code });
    expect(right.json).toEqual({ otpId, result: false, " isErrorCount": true, isExprCode: false });
    expect(other.otp(otpId)?.status).toBe("locked");
  });

  it("answers 0304 Over Limit Usage for a locked OTP when lockMode is error", async () => {
    const other = useMock({ maxAttempts: 1, lockMode: "error" });
    const { otpId } = await requestOtp();
    const wrong = other.peekCode(otpId) === "000000" ? "111111" : "000000";
    const answer = await call("verifyOTP", { otpId, otpCode: wrong });
    expect(answer).toMatchObject({ status: 200, json: antsError("Over Limit Usage") });
  });

  it("flags isExprCode once the code's lifetime is over on the clock", async () => {
    const { otpId } = await requestOtp();
    const code = mock.peekCode(otpId);
    clock.advance(299_999);
    expect(mock.otp(otpId)?.status).toBe("active");
    clock.advance(1);
    const answer = await call("verifyOTP", { otpId, otpCode: code });
    expect(answer.json).toEqual({ otpId, result: false, " isErrorCount": false, isExprCode: true });
  });

  it("answers 0305 OTP Code Expired when expiryMode is error", async () => {
    const other = useMock({ expiryMode: "error", ttlSeconds: 60 });
    const { otpId } = await requestOtp();
    other.advanceTime(60_000);
    const answer = await call("verifyOTP", { otpId, otpCode: other.peekCode(otpId) });
    expect(answer).toMatchObject({ status: 200, json: antsError("OTP Code Expired") });
  });

  it("answers 9996 Bad Request for a verify body without otpCode", async () => {
    const { otpId } = await requestOtp();
    const answer = await call("verifyOTP", { otpId });
    expect(answer).toMatchObject({ status: 400, json: antsError("Bad Request") });
  });
});

describe("ANTS mock: resendOTP", () => {
  it("keeps the otpId, sends a new code and reference, and kills the old code", async () => {
    const sent = await requestOtp();
    const oldCode = mock.peekCode(sent.otpId) ?? "";
    clock.advance(60_000);
    const answer = await call("resendOTP", {
      otcId: ANTS_MOCK_OTC_ID,
      otpId: sent.otpId,
      mobile: MOBILE,
    });
    expect(answer.json).toEqual({
      otcId: ANTS_MOCK_OTC_ID,
      otpId: sent.otpId,
      referenceCode: expect.stringMatching(/^[A-Za-z0-9]{5}$/),
      success: { message: "success", description: "" },
    });
    const newCode = mock.peekCode(sent.otpId) ?? "";
    expect(inbox.messages(MOBILE)).toHaveLength(2);
    expect(inbox.latest(MOBILE)).toBe(`Your OTP is ${newCode} (Ref: ${answer.json.referenceCode})`);
    if (oldCode !== newCode) {
      const old = await call("verifyOTP", { otpId: sent.otpId, otpCode: oldCode });
      expect(old.json).toMatchObject({ result: false, isExprCode: false });
    }
    const fresh = await call("verifyOTP", { otpId: sent.otpId, otpCode: newCode });
    expect(fresh.json).toMatchObject({ result: true });
  });

  it("resends the newest unverified OTP of the otcId when the body has only otcId", async () => {
    await requestOtp("66812345670");
    const newest = await requestOtp("66812345671");
    clock.advance(60_000);
    const answer = await call("resendOTP", { otcId: ANTS_MOCK_OTC_ID });
    expect(answer.json.otpId).toBe(newest.otpId);
    expect(inbox.messages("66812345671")).toHaveLength(2);
    expect(inbox.messages("66812345670")).toHaveLength(1);
  });

  it("restarts the lifetime and the attempt count", async () => {
    const other = useMock({ maxAttempts: 2 });
    const { otpId } = await requestOtp();
    const wrong = other.peekCode(otpId) === "000000" ? "111111" : "000000";
    await call("verifyOTP", { otpId, otpCode: wrong });
    await call("verifyOTP", { otpId, otpCode: wrong });
    clock.advance(300_000);
    await call("resendOTP", { otcId: ANTS_MOCK_OTC_ID, otpId });
    expect(other.otp(otpId)).toMatchObject({ status: "active", attempts: 0, resendCount: 1 });
    clock.advance(299_000);
    const answer = await call("verifyOTP", { otpId, otpCode: other.peekCode(otpId) });
    expect(answer.json).toMatchObject({ result: true });
  });

  it("answers 0304 Over Limit Usage inside the cooldown and after maxResends", async () => {
    const { otpId } = await requestOtp();
    const body = { otcId: ANTS_MOCK_OTC_ID, otpId };
    expect((await call("resendOTP", body)).json).toEqual(antsError("Over Limit Usage"));
    for (let i = 0; i < 3; i++) {
      clock.advance(60_000);
      expect((await call("resendOTP", body)).status).toBe(200);
    }
    clock.advance(60_000);
    expect((await call("resendOTP", body)).json).toEqual(antsError("Over Limit Usage"));
  });

  it("answers 0303 No Data Available OTP when nothing can be resent", async () => {
    expect((await call("resendOTP", { otcId: ANTS_MOCK_OTC_ID })).json).toEqual(
      antsError("No Data Available OTP"),
    );
    const { otpId } = await requestOtp();
    await call("verifyOTP", { otpId, otpCode: mock.peekCode(otpId) });
    clock.advance(60_000);
    expect((await call("resendOTP", { otcId: ANTS_MOCK_OTC_ID, otpId })).json).toEqual(
      antsError("No Data Available OTP"),
    );
  });

  it("answers 0301 for a resend with an unknown otcId", async () => {
    expect((await call("resendOTP", { otcId: "nope" })).json).toEqual(
      antsError("Invalid OTP Config"),
    );
  });

  it("hands out a new otpId on resend when newOtpIdOnResend is on", async () => {
    const other = useMock({ newOtpIdOnResend: true });
    const sent = await requestOtp();
    clock.advance(60_000);
    const answer = await call("resendOTP", { otcId: ANTS_MOCK_OTC_ID, otpId: sent.otpId });
    const otpId = answer.json.otpId as string;
    expect(otpId).not.toBe(sent.otpId);
    expect((await call("verifyOTP", { otpId: sent.otpId, otpCode: "1" })).json).toEqual(
      antsError("No Data Available OTP"),
    );
    expect((await call("verifyOTP", { otpId, otpCode: other.peekCode(otpId) })).json).toMatchObject(
      {
        result: true,
      },
    );
  });
});

describe("ANTS mock: knobs", () => {
  it("answers 9999 Exception (and any other code) on demand", async () => {
    mock.injectError("9999");
    expect((await call("requestOTP", { otcId: ANTS_MOCK_OTC_ID, mobile: MOBILE })).json).toEqual(
      antsError("Exception"),
    );
    await requestOtp();
  });

  it("answers a 500 for an injected 5xx", async () => {
    mock.knobs.inject("5xx");
    expect((await call("requestOTP", { otcId: ANTS_MOCK_OTC_ID, mobile: MOBILE })).status).toBe(
      500,
    );
    expect(inbox.messages()).toHaveLength(0);
  });

  it("answers broken JSON and an HTML error page on demand", async () => {
    mock.knobs.inject("malformed-json");
    mock.knobs.inject("html");
    const broken = await call("verifyOTP", { otpId: "x", otpCode: "1" });
    expect(broken).toMatchObject({ status: 200, json: undefined });
    const html = await call("verifyOTP", { otpId: "x", otpCode: "1" });
    expect(html.status).toBe(502);
    expect(html.text).toContain("<html>");
  });

  it("never answers for an injected timeout", async () => {
    mock.knobs.inject("timeout");
    const request = call(
      "requestOTP",
      { otcId: ANTS_MOCK_OTC_ID, mobile: MOBILE },
      {
        signal: AbortSignal.timeout(30),
      },
    );
    await expect(request).rejects.toThrow();
    expect(inbox.messages()).toHaveLength(0);
  });

  it("reset() forgets OTPs, credit, requests and queued faults", async () => {
    const { otpId } = await requestOtp();
    mock.setCredit(0);
    mock.knobs.inject("5xx");
    mock.injectError("9999");
    mock.reset();
    expect(mock.peekCode(otpId)).toBeUndefined();
    expect(mock.requests()).toEqual([]);
    expect(mock.credit()).toBe(100);
    await requestOtp();
  });
});

describe("ANTS mock: delivery reports", () => {
  const NOTIFY = "https://shop.example/ants/dr/secret";

  function captureReports() {
    const reports: { contentType: string | null; text: string }[] = [];
    server.use(
      http.post(NOTIFY, async ({ request }) => {
        reports.push({
          contentType: request.headers.get("content-type"),
          text: await request.text(),
        });
        return new HttpResponse(null, { status: 204 });
      }),
    );
    return reports;
  }

  const send = (mobile: string, extra: Record<string, string> = {}) =>
    call("requestOTP", {
      otcId: ANTS_MOCK_OTC_ID,
      mobile,
      notifyUrl: NOTIFY,
      notifyContentType: "application/json",
      callbackData: "challenge-42",
      ...extra,
    });

  it("posts a DELIVERED report to notifyUrl once it is due, echoing callbackData", async () => {
    const reports = captureReports();
    const { json } = await send(MOBILE);
    expect(await mock.flushDeliveryReports()).toEqual([]);
    clock.advance(1_000);
    await mock.flushDeliveryReports();
    expect(reports).toHaveLength(1);
    expect(reports[0]?.contentType).toBe("application/json");
    expect(JSON.parse(reports[0]?.text ?? "")).toEqual({
      details: [
        {
          messageId: json.otpId,
          to: MOBILE,
          from: "ANTS",
          text: inbox.latest(MOBILE),
          credit: 1,
          sendDate: "2026-01-01 00:00:00",
          doneDate: "2026-01-01 00:00:01",
          status: { code: "000", name: "DELIVERED", description: "Successfully sent to phone" },
        },
      ],
      callbackData: "challenge-42",
    });
    expect(await mock.flushDeliveryReports()).toEqual([]);
  });

  it("reports UNDELIVERED for the undelivered number and nothing for the silent one", async () => {
    const reports = captureReports();
    await send(ANTS_UNDELIVERED_MOBILE);
    await send(ANTS_SILENT_MOBILE);
    clock.advance(1_000);
    await mock.flushDeliveryReports();
    expect(reports.map((r) => JSON.parse(r.text).details[0].status.name)).toEqual(["UNDELIVERED"]);
  });

  it("sends XML when notifyContentType asks for it", async () => {
    const reports = captureReports();
    const { json } = await send(MOBILE, { notifyContentType: "application/xml" });
    await mock.emitDeliveryReport(json.otpId as string, "REJECTED");
    expect(reports[0]?.contentType).toBe("application/xml");
    expect(reports[0]?.text).toContain("<name>REJECTED</name>");
    expect(reports[0]?.text).toContain("<callbackData>challenge-42</callbackData>");
  });

  it("sends no report without a notifyUrl", async () => {
    const { otpId } = await requestOtp();
    clock.advance(5_000);
    expect(await mock.flushDeliveryReports()).toEqual([]);
    expect(await mock.emitDeliveryReport(otpId)).toBeUndefined();
  });
});
