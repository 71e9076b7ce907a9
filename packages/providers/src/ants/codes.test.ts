/**
 * One test per row of the ANTS mapping table (shared/providers/README.md). Each handler
 * answers as ANTS documents: HTTP 200 and `{ error: { message, description } }` with no
 * code field, verify flags as booleans, and the HTTP statuses from ANTS's account pages.
 */
import { OtpError, type OtpErrorKind } from "@otpkit/core";
import { createManualClock } from "@otpkit/core/testing";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ANTS_BASE_URL, type AntsAdapter, ants } from "./index";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const clock = createManualClock();
const OTC_ID = "0DC8E7AD-0168-440C-AF10-BF556B164D83";
const OTP_ID = "0c342e74-a9c7-4bbd-8da4-b36a49bbc0d6";
const PHONE = "+66123456789";

const adapter: AntsAdapter = ants({
  username: "ants-user",
  password: "ants-pass",
  otcId: OTC_ID,
  codeLength: 5,
  ttlSeconds: 300,
  now: clock.now,
});

const challenge = {
  id: OTP_ID,
  phone: PHONE,
  codeLength: 5,
  expiresAt: clock.now() + 300_000,
  resendAt: clock.now() + 30_000,
  channel: "sms",
};

type Operation = "request" | "resend" | "verify";

const PATHS: Record<Operation, string> = {
  request: "/otp/requestOTP",
  resend: "/otp/resendOTP",
  verify: "/otp/verifyOTP",
};

function call(operation: Operation) {
  switch (operation) {
    case "request":
      return adapter.send({ phone: PHONE });
    case "resend":
      return adapter.resend({ challenge });
    case "verify":
      return adapter.verify({ challenge, code: "79895" });
  }
}

/** ANTS answers `operation` with this body and status. */
function answer(operation: Operation, body: string | object, init: ResponseInit = {}) {
  server.use(
    http.post(`${ANTS_BASE_URL}${PATHS[operation]}`, () =>
      typeof body === "string" ? new HttpResponse(body, init) : HttpResponse.json(body, init),
    ),
  );
}

const antsError = (message: string) => ({ error: { message, description: "" } });

async function expectFailure(
  operation: Operation,
  expected: { kind: OtpErrorKind; status: number; providerCode: string },
) {
  const thrown = await call(operation).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(OtpError);
  expect(thrown).toMatchObject(expected);
}

describe("ANTS codes -> OtpError kinds", () => {
  it("0000 Success -> challenge with the otpId and referenceCode", async () => {
    answer("request", {
      otcId: OTC_ID,
      otpId: OTP_ID,
      referenceCode: "IpA6k",
      success: { message: "success", description: "" },
    });
    await expect(adapter.send({ phone: PHONE })).resolves.toMatchObject({
      id: OTP_ID,
      referenceCode: "IpA6k",
    });
  });

  it("9999 Exception -> provider_error", async () => {
    answer("request", antsError("Exception"));
    await expectFailure("request", { kind: "provider_error", status: 200, providerCode: "9999" });
  });

  it("9998 Authentication failed -> auth_failed", async () => {
    answer("request", antsError("Authentication failed"));
    await expectFailure("request", { kind: "auth_failed", status: 200, providerCode: "9998" });
  });

  it("HTTP 401 -> auth_failed", async () => {
    answer("verify", "Unauthorized", { status: 401 });
    await expectFailure("verify", { kind: "auth_failed", status: 401, providerCode: "401" });
  });

  it("9996 Bad Request -> config_error", async () => {
    answer("verify", antsError("Bad Request"));
    await expectFailure("verify", { kind: "config_error", status: 200, providerCode: "9996" });
  });

  it("9995 Credit not enough -> insufficient_quota", async () => {
    answer("request", antsError("Credit not enough"));
    await expectFailure("request", {
      kind: "insufficient_quota",
      status: 200,
      providerCode: "9995",
    });
  });

  it("0301 Invalid OTP Config -> config_error", async () => {
    answer("resend", antsError("Invalid OTP Config"));
    await expectFailure("resend", { kind: "config_error", status: 200, providerCode: "0301" });
  });

  it("0302 Number Prefix Missing -> invalid_phone", async () => {
    answer("request", antsError("Number Prefix Missing"));
    await expectFailure("request", { kind: "invalid_phone", status: 200, providerCode: "0302" });
  });

  it("0307 Invalid Number -> invalid_phone", async () => {
    answer("request", antsError("Invalid Number"));
    await expectFailure("request", { kind: "invalid_phone", status: 200, providerCode: "0307" });
  });

  it("0303 No Data Available OTP -> not_found", async () => {
    answer("verify", antsError("No Data Available OTP"));
    await expectFailure("verify", { kind: "not_found", status: 200, providerCode: "0303" });
  });

  it("0304 Over Limit Usage on verify -> too_many_attempts", async () => {
    answer("verify", antsError("Over Limit Usage"));
    await expectFailure("verify", { kind: "too_many_attempts", status: 200, providerCode: "0304" });
  });

  it("0304 Over Limit Usage on request and resend -> rate_limited", async () => {
    answer("request", antsError("Over Limit Usage"));
    answer("resend", antsError("Over Limit Usage"));
    await expectFailure("request", { kind: "rate_limited", status: 200, providerCode: "0304" });
    await expectFailure("resend", { kind: "rate_limited", status: 200, providerCode: "0304" });
  });

  it("0305 OTP Code Expired -> expired", async () => {
    answer("verify", antsError("OTP Code Expired"));
    await expectFailure("verify", { kind: "expired", status: 200, providerCode: "0305" });
  });

  it("verify isExprCode: true -> expired", async () => {
    answer("verify", { otpId: OTP_ID, result: false, " isErrorCount": false, isExprCode: true });
    await expectFailure("verify", { kind: "expired", status: 200, providerCode: "isExprCode" });
  });

  it("0306 OTP Code Confirmed -> already_verified", async () => {
    answer("verify", antsError("OTP Code Confirmed"));
    await expectFailure("verify", { kind: "already_verified", status: 200, providerCode: "0306" });
  });

  it("verify result:false, isErrorCount:true -> too_many_attempts", async () => {
    answer("verify", { otpId: OTP_ID, result: false, " isErrorCount": true, isExprCode: false });
    await expectFailure("verify", {
      kind: "too_many_attempts",
      status: 200,
      providerCode: "isErrorCount",
    });
  });

  it("verify result:false, both flags false -> wrong_code", async () => {
    answer("verify", { otpId: OTP_ID, result: false, " isErrorCount": false, isExprCode: false });
    await expectFailure("verify", {
      kind: "wrong_code",
      status: 200,
      providerCode: "result:false",
    });
  });

  it("HTTP 429 -> rate_limited", async () => {
    answer("request", "Too Many Requests", { status: 429 });
    await expectFailure("request", { kind: "rate_limited", status: 429, providerCode: "429" });
  });
});
