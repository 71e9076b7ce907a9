import { createManualClock } from "@otpkit/core/testing";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { codeFromText, createInbox } from "../inbox";
import {
  VERIHUBS_MAGIC,
  VERIHUBS_MESSAGES,
  VERIHUBS_MOCK_CREDENTIALS,
  VERIHUBS_SANDBOX,
  verihubsMock,
} from "./index";

const BASE = "https://api.verihubs.com";
const NUMBER = "6281234567890";
const CALLBACK = "https://app.example/verihubs/callback";

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

const AUTH = {
  "App-ID": VERIHUBS_MOCK_CREDENTIALS.appId,
  "API-Key": VERIHUBS_MOCK_CREDENTIALS.apiKey,
  "Content-Type": "application/json",
  Accept: "application/json",
};

async function post(path: string, body: unknown, headers: Record<string, string> = AUTH) {
  const response = await fetch(`${BASE}${path}`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: response.status, json, text, headers: response.headers };
}

const send = (body: Record<string, unknown>) => post("/v2/otp/send", body);
const verify = (body: Record<string, unknown>) => post("/v2/otp/verify", body);

describe("auth", () => {
  it.each([
    ["no headers", { "Content-Type": "application/json" }],
    ["a wrong API-Key", { ...AUTH, "API-Key": "nope" }],
    ["a wrong App-ID", { ...AUTH, "App-ID": "nope" }],
    ["only the App-ID", { "App-ID": VERIHUBS_MOCK_CREDENTIALS.appId }],
  ])("answers 401 Authorization failed to %s, on live and sandbox paths", async (_, headers) => {
    for (const path of ["/v2/otp/send", "/v2/otp/verify", "/v2/otp/send/sandbox"]) {
      const answer = await post(path, { msisdn: NUMBER, otp: "123456" }, headers);
      expect(answer).toMatchObject({ status: 401, json: { message: "Authorization failed" } });
    }
    expect(inbox.messages()).toEqual([]);
  });

  it("accepts credentials given as options", async () => {
    const own = verihubsMock({ inbox, now: clock.now, appId: "app-1", apiKey: "key-1" });
    server.use(...own.handlers);
    expect((await send({ msisdn: NUMBER })).status).toBe(401);
    const ok = await post(
      "/v2/otp/send",
      { msisdn: NUMBER },
      { "App-ID": "app-1", "API-Key": "key-1" },
    );
    expect(ok.status).toBe(201);
  });
});

describe("send", () => {
  it("answers 201 with the code, a session id and counts, and delivers the template", async () => {
    const answer = await send({
      msisdn: NUMBER,
      template: "Kode MyApp: $OTP. Berlaku 5 menit.",
      time_limit: "300",
    });
    expect(answer.status).toBe(201);
    expect(answer.json).toEqual({
      message: "OTP sent successfully",
      otp: expect.stringMatching(/^\d{6}$/),
      msisdn: NUMBER,
      session_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      try_count: 1,
      segment_count: 1,
    });
    const message = inbox.latestMessage(`+${NUMBER}`);
    const { otp } = answer.json as { otp: string };
    expect(message).toMatchObject({
      from: "Verihubs",
      provider: "verihubs",
      channel: "sms",
      text: `Kode MyApp: ${otp}. Berlaku 5 menit.`,
      at: clock.now(),
    });
    expect(mock.peekCode(`+${NUMBER}`)).toBe(otp);
  });

  it("uses the account's default template when none is given", async () => {
    await send({ msisdn: NUMBER });
    const text = inbox.latest(NUMBER) ?? "";
    const code = codeFromText(text);
    expect(text).toBe(`Kode OTP Anda ${code}. Jangan berikan kode ini kepada siapa pun.`);
  });

  it("delivers a code given in `otp` instead of making one", async () => {
    const answer = await send({ msisdn: NUMBER, otp: "4321" });
    expect(answer.json).toMatchObject({ otp: "4321" });
    expect(codeFromText(inbox.latest(NUMBER) ?? "", 4)).toBe("4321");
  });

  it("makes codes of the configured length", async () => {
    server.use(...verihubsMock({ inbox, now: clock.now, codeLength: 8 }).handlers);
    const answer = await send({ msisdn: NUMBER });
    expect((answer.json as { otp: string }).otp).toMatch(/^\d{8}$/);
  });

  it.each([
    ["a leading +", `+${NUMBER}`],
    ["too few digits", "628"],
    ["too many digits", "62812345678901234"],
    ["letters", "62812345abc"],
    ["no msisdn", undefined],
  ])("answers 400 Msisdn invalid to %s", async (_, msisdn) => {
    const answer = await send({ msisdn });
    expect(answer).toMatchObject({
      status: 400,
      json: { message: VERIHUBS_MESSAGES.msisdnInvalid },
    });
  });

  it.each([
    ["a template without $OTP", { template: "Your code" }],
    ["time_limit as a number", { time_limit: 300 }],
    ["an otp with letters", { otp: "12ab56" }],
  ])("answers 400 Validation error to %s", async (_, extra) => {
    const answer = await send({ msisdn: NUMBER, ...extra });
    expect(answer).toMatchObject({ status: 400, json: { message: "Validation error" } });
    expect(inbox.messages()).toEqual([]);
  });

  it("answers 400 Validation error to a body that is not JSON", async () => {
    const answer = await post("/v2/otp/send", "msisdn=6281234567890");
    expect(answer).toMatchObject({ status: 400, json: { message: "Validation error" } });
  });

  it("answers 409 to blocked numbers: from options, block(), and the magic number", async () => {
    const own = verihubsMock({ inbox, now: clock.now, blocked: ["+6281111111111"] });
    server.use(...own.handlers);
    own.block("6282222222222");
    for (const msisdn of ["6281111111111", "6282222222222", VERIHUBS_MAGIC.blocked]) {
      const answer = await send({ msisdn });
      expect(answer).toMatchObject({ status: 409, json: { message: VERIHUBS_MESSAGES.blocked } });
    }
    expect(inbox.messages()).toEqual([]);
  });

  it("answers 403 Quota insufficient when the quota is used up", async () => {
    server.use(...verihubsMock({ inbox, now: clock.now, quota: 1 }).handlers);
    expect((await send({ msisdn: NUMBER })).status).toBe(201);
    const answer = await send({ msisdn: "6281234567891" });
    expect(answer).toMatchObject({ status: 403, json: { message: "Quota insufficient" } });
  });

  it("setQuota(0) makes sends fail with 403", async () => {
    mock.setQuota(0);
    expect((await send({ msisdn: NUMBER })).status).toBe(403);
  });

  it("answers 429 to a second send to the same number within the cooldown", async () => {
    expect((await send({ msisdn: NUMBER })).status).toBe(201);
    clock.advance(59_000);
    const again = await send({ msisdn: NUMBER });
    expect(again).toMatchObject({ status: 429, json: { message: VERIHUBS_MESSAGES.rateLimited } });
    // Another label on the same number is a different OTP.
    expect((await send({ msisdn: NUMBER, challenge: "reset_password" })).status).toBe(201);
    clock.advance(1_000);
    expect((await send({ msisdn: NUMBER })).status).toBe(201);
  });

  it("replaces the previous code on a new send and counts the sends", async () => {
    const first = await send({ msisdn: NUMBER, otp: "111111" });
    clock.advance(60_000);
    const second = await send({ msisdn: NUMBER, otp: "222222" });
    expect(first.json).toMatchObject({ try_count: 1 });
    expect(second.json).toMatchObject({ try_count: 2 });
    expect((await verify({ msisdn: NUMBER, otp: "111111" })).status).toBe(404);
    expect((await verify({ msisdn: NUMBER, otp: "222222" })).status).toBe(200);
  });
});

describe("verify", () => {
  async function sendCode(extra: Record<string, unknown> = {}) {
    const answer = await send({ msisdn: NUMBER, ...extra });
    return codeFromText(inbox.latest(NUMBER) ?? "") ?? (answer.json as { otp: string }).otp;
  }

  it("answers 200 OTP has been verified to the right code, then 404 to a second try", async () => {
    const code = await sendCode();
    const ok = await verify({ msisdn: NUMBER, otp: code });
    expect(ok).toMatchObject({ status: 200, json: { message: "OTP has been verified" } });
    const again = await verify({ msisdn: NUMBER, otp: code });
    expect(again).toMatchObject({ status: 404, json: { message: "OTP not found" } });
  });

  it("answers 404 OTP not found to a wrong code and keeps the OTP usable", async () => {
    const code = await sendCode();
    const wrong = code === "000000" ? "111111" : "000000";
    expect(await verify({ msisdn: NUMBER, otp: wrong })).toMatchObject({
      status: 404,
      json: { message: "OTP not found" },
    });
    expect((await verify({ msisdn: NUMBER, otp: code })).status).toBe(200);
  });

  it("answers 404 when no OTP was sent to the number", async () => {
    expect((await verify({ msisdn: NUMBER, otp: "123456" })).status).toBe(404);
  });

  it("needs the same challenge label as the send", async () => {
    const code = await sendCode({ challenge: "login" });
    expect((await verify({ msisdn: NUMBER, otp: code })).status).toBe(404);
    expect((await verify({ msisdn: NUMBER, otp: code, challenge: "reset" })).status).toBe(404);
    expect((await verify({ msisdn: NUMBER, otp: code, challenge: "login" })).status).toBe(200);
  });

  it("answers 422 Time limit exceeded once time_limit has passed on the clock", async () => {
    const code = await sendCode({ time_limit: "120" });
    clock.advance(119_999);
    expect(mock.peekCode(NUMBER)).toBe(code);
    clock.advance(1);
    expect(mock.peekCode(NUMBER)).toBeUndefined();
    expect(await verify({ msisdn: NUMBER, otp: code })).toMatchObject({
      status: 422,
      json: { message: VERIHUBS_MESSAGES.expired },
    });
  });

  it("expires after the default 300 s when the send had no time_limit, also via advanceTime", async () => {
    const code = await sendCode();
    mock.advanceTime(300_000);
    expect((await verify({ msisdn: NUMBER, otp: code })).status).toBe(422);
  });

  it("with maxAttempts, refuses even the right code after that many wrong ones", async () => {
    server.use(...verihubsMock({ inbox, now: clock.now, maxAttempts: 2 }).handlers);
    const code = await sendCode({ otp: "123456" });
    for (let i = 0; i < 2; i++) {
      expect((await verify({ msisdn: NUMBER, otp: "654321" })).status).toBe(404);
    }
    expect((await verify({ msisdn: NUMBER, otp: code })).status).toBe(404);
  });

  it("answers 400 Validation error when msisdn or otp is missing", async () => {
    expect(await verify({ msisdn: NUMBER })).toMatchObject({
      status: 400,
      json: { message: "Validation error" },
    });
  });
});

describe("WhatsApp", () => {
  it("delivers on the whatsapp channel and verifies on the WhatsApp path only", async () => {
    const answer = await post("/v2/whatsapp/otp/send", {
      msisdn: NUMBER,
      template_name: "otp_login",
      lang_code: "id",
    });
    expect(answer.status).toBe(201);
    const message = inbox.latestMessage(NUMBER);
    expect(message).toMatchObject({ channel: "whatsapp", from: "Verihubs" });
    const code = codeFromText(message?.text ?? "") ?? "";
    expect(code).toBe((answer.json as { otp: string }).otp);
    expect(mock.peekCode(NUMBER, undefined, "whatsapp")).toBe(code);
    expect((await verify({ msisdn: NUMBER, otp: code })).status).toBe(404);
    expect((await post("/v1/whatsapp/otp/verify", { msisdn: NUMBER, otp: code })).status).toBe(200);
  });

  it("also serves the v1 WhatsApp send path", async () => {
    expect((await post("/v1/whatsapp/otp/send", { msisdn: NUMBER })).status).toBe(201);
  });

  it("answers 400 Validation error to template_name without lang_code", async () => {
    const answer = await post("/v2/whatsapp/otp/send", { msisdn: NUMBER, template_name: "otp" });
    expect(answer).toMatchObject({ status: 400, json: { message: "Validation error" } });
  });
});

describe("sandbox", () => {
  const numbers = VERIHUBS_SANDBOX.send;

  it.each([
    [numbers.invalidMsisdn, 400, "Msisdn invalid: msisdn length should between 4-16 characters"],
    [numbers.badHeaders, 401, "Authorization failed"],
    [numbers.quota, 403, "OTP testing quota is insufficient"],
    [numbers.blocked, 409, "Msisdn invalid: msisdn has been blocked"],
    [numbers.rateLimited, 429, "Too many request in the allowed time frame"],
    ["6281234567890", 400, "Invalid scenario"],
  ])("SMS send to %s answers %i %s", async (msisdn, status, message) => {
    const answer = await post("/v2/otp/send/sandbox", { msisdn });
    expect(answer).toMatchObject({ status, json: { message } });
  });

  it.each([
    [numbers.invalidMsisdn, 400, "Validation error"],
    [numbers.badHeaders, 401, "Authorization failed"],
    [numbers.quota, 403, "Quota insufficient"],
    [numbers.blocked, 409, "Msisdn invalid: msisdn has been blocked"],
    [numbers.rateLimited, 429, "Too many request in the allowed time frame"],
    ["6281234567890", 400, "Invalid scenario"],
  ])("WhatsApp send to %s answers %i %s", async (msisdn, status, message) => {
    const answer = await post("/v2/whatsapp/otp/send/sandbox", { msisdn });
    expect(answer).toMatchObject({ status, json: { message } });
  });

  it("answers 201 with a random code to 6282123060001 and stores nothing", async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const answer = await post("/v2/otp/send/sandbox", { msisdn: numbers.sent });
      expect(answer.status).toBe(201);
      expect(answer.json).toMatchObject({
        message: "OTP sent successfully",
        msisdn: numbers.sent,
        session_id: expect.any(String),
        try_count: 1,
      });
      codes.add((answer.json as { otp: string }).otp);
    }
    expect(codes.size).toBeGreaterThan(1);
    expect(inbox.messages()).toEqual([]);
    expect(mock.peekCode(numbers.sent)).toBeUndefined();
    const code = [...codes][0];
    expect((await verify({ msisdn: numbers.sent, otp: code })).status).toBe(404);
  });

  it("ignores quota, block list and cooldown", async () => {
    mock.setQuota(0);
    mock.block(numbers.sent);
    for (let i = 0; i < 2; i++) {
      expect((await post("/v2/otp/send/sandbox", { msisdn: numbers.sent })).status).toBe(201);
    }
  });

  it.each(["/v2/otp/verify/sandbox", "/v1/whatsapp/otp/verify/sandbox"])(
    "%s answers from the verify table only",
    async (path) => {
      const { verify: table } = VERIHUBS_SANDBOX;
      expect(await post(path, { msisdn: table.verified, otp: "1" })).toMatchObject({
        status: 200,
        json: { message: "OTP has been verified" },
      });
      expect(await post(path, { msisdn: table.notFound, otp: "1" })).toMatchObject({
        status: 404,
        json: { message: " OTP not found" },
      });
      expect(await post(path, { msisdn: table.expired, otp: "1" })).toMatchObject({
        status: 422,
        json: { message: "OTP cannot be verified because Time limit exceeded" },
      });
      expect(await post(path, { msisdn: numbers.sent, otp: "1" })).toMatchObject({
        status: 400,
        json: { message: "Invalid scenario" },
      });
    },
  );
});

describe("callbacks", () => {
  function collect() {
    const reports: { sessionId: string | null; status: string | null; method: string }[] = [];
    server.use(
      http.all(CALLBACK, ({ request }) => {
        const url = new URL(request.url);
        reports.push({
          sessionId: url.searchParams.get("session_id"),
          status: url.searchParams.get("status"),
          method: request.method,
        });
        return new HttpResponse(null, { status: 204 });
      }),
    );
    return reports;
  }

  it("reports 0 then 1 after a send and 2 after a verify, by GET with the session id", async () => {
    const reports = collect();
    const answer = await send({ msisdn: NUMBER, callback_url: `${CALLBACK}?token=secret` });
    const sessionId = (answer.json as { session_id: string }).session_id;
    await mock.callbacksSettled();
    expect(reports).toEqual([
      { sessionId, status: "0", method: "GET" },
      { sessionId, status: "1", method: "GET" },
    ]);
    await verify({ msisdn: NUMBER, otp: mock.peekCode(NUMBER) });
    await mock.callbacksSettled();
    expect(reports.at(-1)).toEqual({ sessionId, status: "2", method: "GET" });
  });

  it("reports 3 when the clock passes the time limit unverified", async () => {
    const reports = collect();
    await send({ msisdn: NUMBER, time_limit: "60", callback_url: CALLBACK });
    mock.advanceTime(60_000);
    await mock.callbacksSettled();
    expect(reports.map((r) => r.status)).toEqual(["0", "1", "3"]);
  });

  it("reports 7 for the undelivered magic number and 9 for the blocked one", async () => {
    const reports = collect();
    await send({ msisdn: VERIHUBS_MAGIC.undelivered, callback_url: CALLBACK });
    await mock.callbacksSettled();
    expect(reports.map((r) => r.status)).toEqual(["0", "7"]);
    expect((await send({ msisdn: VERIHUBS_MAGIC.blocked, callback_url: CALLBACK })).status).toBe(
      409,
    );
    await mock.callbacksSettled();
    expect(reports.map((r) => r.status)).toEqual(["0", "7", "9"]);
  });

  it("emitStatus sends any status for a known session, and nothing for an unknown one", async () => {
    const reports = collect();
    const answer = await send({ msisdn: NUMBER, callback_url: CALLBACK });
    const sessionId = (answer.json as { session_id: string }).session_id;
    await mock.callbacksSettled();
    await mock.emitStatus(sessionId, 8);
    await mock.emitStatus("unknown-session", 8);
    expect(reports.map((r) => r.status)).toEqual(["0", "1", "8"]);
  });
});

describe("knobs, request log and reset", () => {
  it("answers injected faults, then behaves again", async () => {
    mock.knobs.inject("5xx");
    mock.knobs.inject("malformed-json");
    mock.knobs.inject("html");
    expect((await send({ msisdn: NUMBER })).status).toBe(500);
    const malformed = await send({ msisdn: NUMBER });
    expect(malformed.status).toBe(200);
    expect(malformed.json).toBeUndefined();
    const html = await send({ msisdn: NUMBER });
    expect(html.status).toBe(502);
    expect(html.headers.get("content-type")).toContain("text/html");
    expect((await send({ msisdn: NUMBER })).status).toBe(201);
  });

  it("holds the answer forever on an injected timeout", async () => {
    mock.knobs.inject("timeout");
    await expect(
      fetch(`${BASE}/v2/otp/send`, {
        method: "POST",
        headers: AUTH,
        body: JSON.stringify({ msisdn: NUMBER }),
        signal: AbortSignal.timeout(30),
      }),
    ).rejects.toThrow();
  });

  it("records what each request carried", async () => {
    await send({ msisdn: NUMBER, time_limit: "300" });
    expect(mock.requests).toEqual([
      expect.objectContaining({
        method: "POST",
        path: "/v2/otp/send",
        channel: "sms",
        operation: "send",
        sandbox: false,
        body: { msisdn: NUMBER, time_limit: "300" },
        headers: expect.objectContaining({
          "app-id": VERIHUBS_MOCK_CREDENTIALS.appId,
          "api-key": VERIHUBS_MOCK_CREDENTIALS.apiKey,
        }),
      }),
    ]);
  });

  it("reset() forgets codes, quota, blocks, requests and queued faults", async () => {
    await send({ msisdn: NUMBER });
    mock.setQuota(0);
    mock.block("6281234567891");
    mock.knobs.inject("5xx");
    mock.reset();
    expect(mock.peekCode(NUMBER)).toBeUndefined();
    expect(mock.requests).toEqual([]);
    expect((await send({ msisdn: NUMBER })).status).toBe(201);
    expect((await send({ msisdn: "6281234567891" })).status).toBe(201);
  });
});
