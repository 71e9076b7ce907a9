import { createManualClock } from "@otpkit/core/testing";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { codeFromText, createInbox } from "../inbox";
import {
  ENGAGELAB_MOCK_BASE_URL,
  ENGAGELAB_MOCK_CREDENTIALS,
  ENGAGELAB_MOCK_TEMPLATE_ID,
  engagelabMock,
} from ".";

const clock = createManualClock();
const inbox = createInbox(clock.now);
const mock = engagelabMock({
  inbox,
  now: clock.now,
  credentials: [
    ENGAGELAB_MOCK_CREDENTIALS,
    { devKey: "old-key", devSecret: "old-secret", disabled: true },
    { devKey: "verify-only", devSecret: "secret", apis: ["verifications"] },
    { devKey: "no-china", devSecret: "secret", china: false },
  ],
  templates: [
    { id: ENGAGELAB_MOCK_TEMPLATE_ID },
    { id: "letters", codeType: 6, codeLength: 8, ttlMinutes: 1 },
    { id: "chat-first", strategy: "whatsapp|sms", brandName: "Acme" },
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

const basic = (key: string, secret: string) => `Basic ${btoa(`${key}:${secret}`)}`;
const AUTH = basic(ENGAGELAB_MOCK_CREDENTIALS.devKey, ENGAGELAB_MOCK_CREDENTIALS.devSecret);

async function post(path: string, body: unknown, authorization: string | null = AUTH) {
  const response = await fetch(`${ENGAGELAB_MOCK_BASE_URL}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(authorization === null ? {} : { authorization }),
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

const sendTo = (
  to: string,
  template: Record<string, unknown> = { id: ENGAGELAB_MOCK_TEMPLATE_ID },
) => post("/v1/messages", { to, template });

async function sentMessage(to: string, template?: Record<string, unknown>) {
  const answer = await sendTo(to, template);
  expect(answer.status).toBe(200);
  return answer.json as { message_id: string; send_channel: string };
}

describe("POST /v1/messages", () => {
  it("generates a fresh code, delivers it by SMS and answers message_id and send_channel", async () => {
    const first = await sentMessage("+6591234567");
    const second = await sentMessage("+6591234568");
    expect(first.message_id).toMatch(/^\d{19}$/);
    expect(first.send_channel).toBe("sms");
    expect(BigInt(second.message_id)).toBeGreaterThan(BigInt(first.message_id));

    const sms = inbox.latestMessage("+6591234567");
    expect(sms).toMatchObject({ from: "EngageLab", provider: "engagelab", channel: "sms" });
    expect(sms?.text).toMatch(/^Your verification code is \d{6}\. It expires in 5 minutes\.$/);
    expect(codeFromText(sms?.text ?? "")).toBe(mock.peekCode(first.message_id));
    expect(mock.peekCode(first.message_id)).not.toBe(mock.peekCode(second.message_id));
  });

  it("words the SMS in the template language", async () => {
    await sentMessage("+66812345678", { id: ENGAGELAB_MOCK_TEMPLATE_ID, language: "th" });
    await sentMessage("+8618701235678", { id: ENGAGELAB_MOCK_TEMPLATE_ID, language: "zh_CN" });
    expect(inbox.latest("+66812345678")).toMatch(/^รหัสยืนยันของคุณคือ \d{6} หมดอายุใน 5 นาที$/);
    expect(codeFromText(inbox.latest("+8618701235678") ?? "")).toMatch(/^\d{6}$/);
  });

  it("uses the template's strategy, brand and code alphabet", async () => {
    const chat = await sentMessage("+6591234567", { id: "chat-first" });
    expect(chat.send_channel).toBe("whatsapp");
    expect(inbox.latestMessage("+6591234567")).toMatchObject({ from: "Acme", channel: "whatsapp" });

    const letters = await sentMessage("+6591234567", { id: "letters" });
    expect(mock.peekCode(letters.message_id)).toMatch(/^[a-zA-Z]{8}$/);
    expect(inbox.latest("+6591234567")).toContain("It expires in 1 minute.");
  });

  it("always gives the demo recipient 123456", async () => {
    const { message_id } = await sentMessage("+10000000005");
    expect(mock.peekCode(message_id)).toBe("123456");
    expect(codeFromText(inbox.latest("+10000000005") ?? "")).toBe("123456");
  });

  it("rate-limits the same recipient and template for 60 s, without Retry-After", async () => {
    await sentMessage("+6591234567");
    const limited = await sendTo("+6591234567");
    expect(limited).toMatchObject({ status: 400, json: { code: 3004 } });
    expect(inbox.messages("+6591234567")).toHaveLength(1);
    await sentMessage("+6591234567", { id: "chat-first" });
    clock.advance(60_000);
    await sentMessage("+6591234567");
  });

  it.each([
    ["+10000000001", 5011, 400],
    ["+10000000011", 5013, 400],
    ["+10000000012", 5019, 400],
    ["+10000000099", 3004, 400],
    ["+10000001000", 1000, 500],
    ["+10000005001", 5001, 400],
    ["+10000005012", 5012, 400],
    ["+10000005014", 5014, 400],
    ["+10000005015", 5015, 400],
    ["+10000005016", 5016, 400],
    ["+10000005017", 5017, 400],
    ["+10000005018", 5018, 400],
    ["+10000005020", 5020, 400],
  ])("answers the magic recipient %s with %i", async (to, code, status) => {
    const answer = await sendTo(to);
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual({ code, message: expect.any(String) });
    expect(inbox.messages(to)).toHaveLength(0);
  });

  it.each(["0812345678", "+0812345678", "+66 81 234 5678", "66812345678"])(
    "answers an invalid number %s with 5011",
    async (to) => {
      expect(await sendTo(to)).toMatchObject({ status: 400, json: { code: 5011 } });
    },
  );

  it("answers a key without China permission with 5017 for +86", async () => {
    const noChina = basic("no-china", "secret");
    const body = { to: "+8618701235678", template: { id: ENGAGELAB_MOCK_TEMPLATE_ID } };
    expect(await post("/v1/messages", body, noChina)).toMatchObject({
      status: 400,
      json: { code: 5017 },
    });
    expect((await post("/v1/messages", { ...body, to: "+6591234567" }, noChina)).status).toBe(200);
  });

  it.each([
    ["no to", { template: { id: ENGAGELAB_MOCK_TEMPLATE_ID } }],
    ["no template", { to: "+6591234567" }],
    ["no template.id", { to: "+6591234567", template: { language: "en" } }],
    [
      "a language outside the list",
      { to: "+6591234567", template: { id: ENGAGELAB_MOCK_TEMPLATE_ID, language: "id" } },
    ],
    [
      "params that are not strings",
      { to: "+6591234567", template: { id: ENGAGELAB_MOCK_TEMPLATE_ID, params: { n: 1 } } },
    ],
    ["a body that is not an object", [1, 2]],
  ])("answers %s with 400 3002", async (_, body) => {
    expect(await post("/v1/messages", body)).toMatchObject({ status: 400, json: { code: 3002 } });
  });

  it("answers a body that is not JSON with 400 3001", async () => {
    expect(await post("/v1/messages", "{to:")).toMatchObject({ status: 400, json: { code: 3001 } });
  });

  it("answers an unknown template with 400 4001", async () => {
    expect(await sendTo("+6591234567", { id: "nope" })).toMatchObject({
      status: 400,
      json: { code: 4001, message: "template not found" },
    });
  });
});

describe("authentication", () => {
  const body = { to: "+6591234567", template: { id: ENGAGELAB_MOCK_TEMPLATE_ID } };

  it.each([
    ["no Authorization header", null],
    ["a Bearer token", "Bearer abc"],
    ["Basic without a colon", `Basic ${btoa("dev-key")}`],
    ["a wrong secret", basic("dev-key", "nope")],
  ])("answers %s with 401 2001", async (_, authorization) => {
    const answer = await post("/v1/messages", body, authorization);
    expect(answer).toMatchObject({
      status: 401,
      json: { code: 2001, message: "authentication failed" },
    });
    expect(inbox.messages()).toHaveLength(0);
  });

  it("answers a disabled key with 401 2002", async () => {
    const answer = await post("/v1/messages", body, basic("old-key", "old-secret"));
    expect(answer).toMatchObject({ status: 401, json: { code: 2002 } });
  });

  it("answers a key without permission for the API with 403 2004", async () => {
    const verifyOnly = basic("verify-only", "secret");
    expect(await post("/v1/messages", body, verifyOnly)).toMatchObject({
      status: 403,
      json: { code: 2004 },
    });
    expect(
      await post("/v1/verifications", { message_id: "1", verify_code: "1" }, verifyOnly),
    ).toMatchObject({
      status: 400,
      json: { code: 4001 },
    });
  });
});

describe("POST /v1/codes", () => {
  it("delivers the code it is given", async () => {
    const answer = await post("/v1/codes", {
      to: "+8618701235678",
      code: "398210",
      template: { id: ENGAGELAB_MOCK_TEMPLATE_ID },
    });
    expect(answer).toMatchObject({ status: 200, json: { send_channel: "sms" } });
    expect(codeFromText(inbox.latest("+8618701235678") ?? "")).toBe("398210");
  });

  it("answers a missing code with 400 3002", async () => {
    const answer = await post("/v1/codes", {
      to: "+6591234567",
      template: { id: ENGAGELAB_MOCK_TEMPLATE_ID },
    });
    expect(answer).toMatchObject({ status: 400, json: { code: 3002 } });
  });

  it("does not verify our own codes: 4001", async () => {
    const sent = await post("/v1/codes", {
      to: "+6591234567",
      code: "398210",
      template: { id: ENGAGELAB_MOCK_TEMPLATE_ID },
    });
    const { message_id } = sent.json as { message_id: string };
    expect(await post("/v1/verifications", { message_id, verify_code: "398210" })).toMatchObject({
      status: 400,
      json: { code: 4001 },
    });
  });
});

describe("POST /v1/verifications", () => {
  const verify = (message_id: string, verify_code: string) =>
    post("/v1/verifications", { message_id, verify_code });

  it("accepts the right code once, then answers 3003 'has been verified'", async () => {
    const { message_id } = await sentMessage("+6591234567");
    const code = codeFromText(inbox.latest("+6591234567") ?? "") ?? "";
    expect(await verify(message_id, code)).toEqual({
      status: 200,
      json: { message_id, verify_code: code, verified: true },
      text: expect.any(String),
    });
    expect(await verify(message_id, code)).toMatchObject({
      status: 400,
      json: { code: 3003, message: "verify code has been verified" },
    });
  });

  it("answers a wrong code 200 verified:false and stays verifiable", async () => {
    const { message_id } = await sentMessage("+6591234567");
    const code = mock.peekCode(message_id) ?? "";
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 7; i++) {
      expect(await verify(message_id, wrong)).toMatchObject({
        status: 200,
        json: { verified: false },
      });
    }
    expect(await verify(message_id, code)).toMatchObject({ status: 200, json: { verified: true } });
  });

  it("answers 3003 'has expired' once the template's lifetime is over", async () => {
    const { message_id } = await sentMessage("+6591234567");
    clock.advance(5 * 60_000 - 1);
    const code = mock.peekCode(message_id) ?? "";
    expect(await verify(message_id, `${code}x`)).toMatchObject({ json: { verified: false } });
    clock.advance(1);
    expect(await verify(message_id, code)).toMatchObject({
      status: 400,
      json: { code: 3003, message: "verify code has expired" },
    });
  });

  it("compares letter codes case-sensitively", async () => {
    const { message_id } = await sentMessage("+6591234567", { id: "letters" });
    const code = mock.peekCode(message_id) ?? "";
    const flipped = [...code]
      .map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()))
      .join("");
    expect(await verify(message_id, flipped)).toMatchObject({ json: { verified: false } });
    expect(await verify(message_id, code)).toMatchObject({ json: { verified: true } });
  });

  it("keeps the previous message verifiable after a resend gives a new message_id", async () => {
    const first = await sentMessage("+6591234567");
    clock.advance(60_000);
    const second = await sentMessage("+6591234567");
    expect(second.message_id).not.toBe(first.message_id);
    expect(await verify(first.message_id, mock.peekCode(first.message_id) ?? "")).toMatchObject({
      json: { verified: true },
    });
    expect(await verify(second.message_id, mock.peekCode(second.message_id) ?? "")).toMatchObject({
      json: { verified: true },
    });
  });

  it("answers an unknown message_id with 400 4001 'message does not exist'", async () => {
    expect(await verify("1725407449772531711", "123456")).toMatchObject({
      status: 400,
      json: { code: 4001, message: "message does not exist" },
    });
  });

  it("answers missing fields with 400 3002", async () => {
    expect(await post("/v1/verifications", { message_id: "1" })).toMatchObject({
      status: 400,
      json: { code: 3002 },
    });
  });

  it("with maxAttempts, turns attempts after the limit into 3003", async () => {
    const strict = engagelabMock({
      inbox,
      now: clock.now,
      maxAttempts: 2,
      baseUrl: "https://strict.test",
    });
    server.use(...strict.handlers);
    const call = (path: string, body: unknown) =>
      fetch(`https://strict.test${path}`, {
        method: "POST",
        headers: { authorization: AUTH, "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, json: await r.json() }));
    const sent = await call("/v1/messages", {
      to: "+6591234567",
      template: { id: ENGAGELAB_MOCK_TEMPLATE_ID },
    });
    const message_id = sent.json.message_id as string;
    const code = strict.peekCode(message_id) ?? "";
    const wrong = `${code}0`;
    await call("/v1/verifications", { message_id, verify_code: wrong });
    await call("/v1/verifications", { message_id, verify_code: wrong });
    expect(await call("/v1/verifications", { message_id, verify_code: code })).toMatchObject({
      status: 400,
      json: { code: 3003 },
    });
  });
});

describe("knobs and reset", () => {
  it.each([
    ["5xx", 500, /Internal Server Error/],
    ["html", 502, /<html>/],
    ["malformed-json", 200, /^\{"status": "ok", "data": \{$/],
  ] as const)("answers an injected %s fault once, then normally", async (fault, status, body) => {
    mock.knobs.inject(fault);
    const faulty = await sendTo("+6591234567");
    expect(faulty.status).toBe(status);
    expect(faulty.text).toMatch(body);
    expect(inbox.messages()).toHaveLength(0);
    expect((await sendTo("+6591234567")).status).toBe(200);
  });

  it("never answers an injected timeout", async () => {
    mock.knobs.inject("timeout");
    const answer = fetch(`${ENGAGELAB_MOCK_BASE_URL}/v1/messages`, {
      method: "POST",
      headers: { authorization: AUTH, "content-type": "application/json" },
      body: JSON.stringify({ to: "+6591234567", template: { id: ENGAGELAB_MOCK_TEMPLATE_ID } }),
      signal: AbortSignal.timeout(30),
    });
    await expect(answer).rejects.toThrow();
    expect(inbox.messages()).toHaveLength(0);
  });

  it("forgets messages, rate limits and faults on reset", async () => {
    const { message_id } = await sentMessage("+6591234567");
    mock.knobs.inject("5xx");
    mock.reset();
    expect(mock.peekCode(message_id)).toBeUndefined();
    await sentMessage("+6591234567");
    expect(await post("/v1/verifications", { message_id, verify_code: "123456" })).toMatchObject({
      json: { code: 4001 },
    });
  });
});
