/**
 * End to end over real HTTP: the browser's adapter -> this server on loopback -> a provider
 * adapter -> the provider's API, mocked by MSW at the network boundary. Every error kind
 * reaches the browser with its status and our own message, never the provider's.
 */
import {
  createHttpAdapter,
  OTP_ERROR_KINDS,
  OtpError,
  type OtpErrorKind,
  SAFE_MESSAGES,
  STATUS_BY_KIND,
} from "@otpkit/core";
import { createManualClock } from "@otpkit/core/testing";
import {
  ANTS_MOCK_CREDENTIALS,
  ANTS_MOCK_OTC_ID,
  antsMock,
  codeFromText,
  createInbox,
  ENGAGELAB_MOCK_CREDENTIALS,
  ENGAGELAB_MOCK_TEMPLATE_ID,
  engagelabMock,
  type ProviderMock,
  VERIHUBS_MOCK_CREDENTIALS,
  verihubsMock,
} from "@otpkit/mocks";
import { ants, engagelab, verihubs } from "@otpkit/providers";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createOtpHandler, type ServerAdapter, silentLogger } from "./index";
import { listen, otherCode, type Served, TEST_SECRET } from "./test-support/http";

const network = setupServer();
beforeAll(() =>
  network.listen({
    // Our own server on loopback is real; anything else unmocked is a test bug.
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).hostname !== "127.0.0.1") print.error();
    },
  }),
);
afterEach(async () => {
  network.resetHandlers();
  await served?.close();
  served = undefined;
});
afterAll(() => network.close());

let served: Served | undefined;
const clock = createManualClock(Date.now());

async function start(adapter: ServerAdapter, mock: ProviderMock) {
  network.use(...mock.handlers);
  served = await listen(
    createOtpHandler({ adapter, tokenSecret: TEST_SECRET, logger: silentLogger, now: clock.now }),
  );
  return { served, browser: createHttpAdapter({ baseUrl: served.url, now: clock.now }) };
}

/** What the browser gets, and the raw answer (status, headers, body) behind it. */
async function failure(promise: Promise<unknown>): Promise<OtpError> {
  const thrown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(OtpError);
  return thrown as OtpError;
}

function expectWire(error: OtpError, kind: OtpErrorKind) {
  expect(error.kind).toBe(kind);
  expect(error.status).toBe(STATUS_BY_KIND[kind]);
  expect(error.message).toBe(SAFE_MESSAGES[kind]);
}

const seen = new Set<OtpErrorKind>();

function antsSetup(options: Parameters<typeof antsMock>[0] = {}, password?: string) {
  const inbox = createInbox();
  const mock = antsMock({ inbox, now: clock.now, ...options });
  const adapter = ants({
    ...ANTS_MOCK_CREDENTIALS,
    ...(password ? { password } : {}),
    otcId: ANTS_MOCK_OTC_ID,
    codeLength: 6,
    ttlSeconds: 300,
    now: clock.now,
  });
  return { inbox, mock, adapter };
}

function engagelabSetup(templateId = ENGAGELAB_MOCK_TEMPLATE_ID) {
  const inbox = createInbox();
  const mock = engagelabMock({ inbox, now: clock.now });
  const adapter = engagelab({
    ...ENGAGELAB_MOCK_CREDENTIALS,
    templateId,
    codeLength: 6,
    ttlSeconds: 300,
    now: clock.now,
  });
  return { inbox, mock, adapter };
}

function verihubsSetup(timeoutMs?: number) {
  const inbox = createInbox();
  const mock = verihubsMock({ inbox, now: clock.now });
  const adapter = verihubs({
    ...VERIHUBS_MOCK_CREDENTIALS,
    ttlSeconds: 300,
    now: clock.now,
    ...(timeoutMs ? { timeoutMs } : {}),
  });
  return { inbox, mock, adapter };
}

const codeIn = (text: string | undefined) => codeFromText(text ?? "") ?? "";

describe("every error kind, end to end through provider mocks", () => {
  it("invalid_phone: EngageLab refuses the number (5011)", async () => {
    const { mock, adapter } = engagelabSetup();
    const { browser } = await start(adapter, mock);
    expectWire(await failure(browser.send({ phone: "+10000000001" })), "invalid_phone");
    seen.add("invalid_phone");
  });

  it("blocked_phone: Verihubs has the number on its block list (409)", async () => {
    const { mock, adapter } = verihubsSetup();
    const { browser } = await start(adapter, mock);
    expectWire(await failure(browser.send({ phone: "+6289900000009" })), "blocked_phone");
    seen.add("blocked_phone");
  });

  it("rate_limited: EngageLab says too many requests (3004), with Retry-After", async () => {
    const { mock, adapter } = engagelabSetup();
    const { served: server } = await start(adapter, mock);
    const response = await server.post("send", { phone: "+10000000099" });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("60");
    const { browser } = { browser: createHttpAdapter({ baseUrl: server.url }) };
    expectWire(await failure(browser.send({ phone: "+10000000099" })), "rate_limited");
    seen.add("rate_limited");
  });

  it("insufficient_quota: the ANTS account has no credit (9995)", async () => {
    const { mock, adapter } = antsSetup();
    mock.setCredit(0);
    const { browser } = await start(adapter, mock);
    expectWire(await failure(browser.send({ phone: "+66812345678" })), "insufficient_quota");
    seen.add("insufficient_quota");
  });

  it("auth_failed: ANTS rejects our credentials", async () => {
    const { mock, adapter } = antsSetup({}, "not-the-password");
    const { browser } = await start(adapter, mock);
    expectWire(await failure(browser.send({ phone: "+66812345678" })), "auth_failed");
    seen.add("auth_failed");
  });

  it("config_error: EngageLab has no such template (4001)", async () => {
    const { mock, adapter } = engagelabSetup("no-such-template");
    const { browser } = await start(adapter, mock);
    expectWire(await failure(browser.send({ phone: "+66812345678" })), "config_error");
    seen.add("config_error");
  });

  it("not_found: ANTS lost the OTP (0303), and an id the server never issued", async () => {
    const { mock, adapter } = antsSetup();
    const { browser } = await start(adapter, mock);
    const challenge = await browser.send({ phone: "+66812345678" });
    mock.reset();
    expectWire(await failure(browser.verify({ challenge, code: "123456" })), "not_found");
    expectWire(
      await failure(browser.verify({ challenge: { ...challenge, id: "made-up" }, code: "123456" })),
      "not_found",
    );
    seen.add("not_found");
  });

  it("wrong_code: Verihubs does not know the code, the server counts the attempt", async () => {
    const { inbox, mock, adapter } = verihubsSetup();
    const { browser } = await start(adapter, mock);
    const phone = "+6281234567890";
    const challenge = await browser.send({ phone });
    const error = await failure(
      browser.verify({ challenge, code: otherCode(codeIn(inbox.latest(phone))) }),
    );
    expectWire(error, "wrong_code");
    expect(error.attemptsLeft).toBe(4);
    seen.add("wrong_code");
  });

  it("too_many_attempts: ANTS locks the OTP first (isErrorCount), and so does the server", async () => {
    const { inbox, mock, adapter } = antsSetup({ maxAttempts: 2 });
    const { browser } = await start(adapter, mock);
    const phone = "+66812345678";
    const challenge = await browser.send({ phone });
    const code = codeIn(inbox.latest(phone));
    await failure(browser.verify({ challenge, code: otherCode(code) }));
    await failure(browser.verify({ challenge, code: otherCode(code) }));
    const locked = await failure(browser.verify({ challenge, code: otherCode(code) }));
    expectWire(locked, "too_many_attempts");
    expect(locked.attemptsLeft).toBe(0);
    expectWire(await failure(browser.verify({ challenge, code })), "too_many_attempts");
    seen.add("too_many_attempts");
  });

  it("expired: ANTS says the code expired (isExprCode) before the server's own time", async () => {
    const { inbox, mock, adapter } = antsSetup({ ttlSeconds: 60 });
    const { browser } = await start(adapter, mock);
    const phone = "+66812345678";
    const challenge = await browser.send({ phone });
    mock.advanceTime(61_000);
    expectWire(
      await failure(browser.verify({ challenge, code: codeIn(inbox.latest(phone)) })),
      "expired",
    );
    seen.add("expired");
  });

  it("already_verified: a second verify of a verified challenge", async () => {
    const { inbox, mock, adapter } = engagelabSetup();
    const { browser } = await start(adapter, mock);
    const phone = "+66812345678";
    const challenge = await browser.send({ phone });
    const code = codeIn(inbox.latest(phone));
    const verified = await browser.verify({ challenge, code });
    expect(verified.token).toEqual(expect.any(String));
    expectWire(await failure(browser.verify({ challenge, code })), "already_verified");
    seen.add("already_verified");
  });

  it("network: Verihubs does not answer in time", async () => {
    const { mock, adapter } = verihubsSetup(25);
    const { browser } = await start(adapter, mock);
    mock.knobs.inject("timeout");
    expectWire(await failure(browser.send({ phone: "+6281234567890" })), "network");
    seen.add("network");
  });

  it("provider_error: ANTS answers 500, then an HTML error page", async () => {
    const { mock, adapter } = antsSetup();
    const { browser } = await start(adapter, mock);
    mock.knobs.inject("5xx");
    expectWire(await failure(browser.send({ phone: "+66812345678" })), "provider_error");
    mock.knobs.inject("html");
    expectWire(await failure(browser.send({ phone: "+66812345679" })), "provider_error");
    seen.add("provider_error");
  });

  it("covered every kind of the vocabulary", () => {
    expect([...seen].sort()).toEqual([...OTP_ERROR_KINDS].sort());
  });
});

describe("provider flows end to end", () => {
  it("ANTS: the reference code reaches the browser; resend goes through resendOTP", async () => {
    const { inbox, mock, adapter } = antsSetup({ resendCooldownSeconds: 0 });
    const { browser } = await start(adapter, mock);
    const phone = "+66812345678";
    const challenge = await browser.send({ phone });
    expect(challenge.referenceCode).toEqual(expect.any(String));
    expect(inbox.latest(phone)).toContain(challenge.referenceCode);
    clock.advance(30_000);
    await expect(
      browser.verify({ challenge, code: codeIn(inbox.latest(phone)) }),
    ).resolves.toMatchObject({
      verified: true,
    });
  });

  it("Verihubs: WhatsApp is offered and can be asked for", async () => {
    const { inbox, mock, adapter } = verihubsSetup();
    const { browser } = await start(adapter, mock);
    const phone = "+6281234567891";
    const challenge = await browser.send({ phone, channel: "whatsapp" });
    expect(challenge.channel).toBe("whatsapp");
    expect(challenge.channels).toEqual(["sms", "whatsapp"]);
    expect(inbox.latestMessage(phone)?.channel).toBe("whatsapp");
    await expect(
      browser.verify({ challenge, code: codeIn(inbox.latest(phone)) }),
    ).resolves.toMatchObject({
      verified: true,
    });
  });

  it("EngageLab: offers no channel choice for an SMS-only template", async () => {
    const { mock, adapter } = engagelabSetup();
    const { browser } = await start(adapter, mock);
    const challenge = await browser.send({ phone: "+66812345678" });
    expect(challenge.channels).toBeUndefined();
    const error = await failure(browser.send({ phone: "+66812345679", channel: "whatsapp" }));
    expect([error.kind, error.status]).toEqual(["config_error", 422]);
  });
});
