/**
 * The whole server over real HTTP on loopback, with the console adapter: what a browser
 * (createHttpAdapter) or any client sees.
 */
import { request as httpRequest } from "node:http";
import { createHttpAdapter, type OtpChallenge, OtpError } from "@otpkit/core";
import { createManualClock } from "@otpkit/core/testing";
import { type ConsoleSms, consoleAdapter } from "@otpkit/providers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createOtpHandler, type OtpHandlerOptions, silentLogger, verifyOtpToken } from "./index";
import { listen, otherCode, type Served, TEST_SECRET } from "./test-support/http";

const phone = "+66812345678";
let served: Served | undefined;

afterEach(async () => {
  await served?.close();
  served = undefined;
  vi.useRealTimers();
});

async function start(options: Partial<OtpHandlerOptions> = {}, now = Date.now) {
  const delivered: ConsoleSms[] = [];
  const adapter = consoleAdapter({
    deliver: (sms) => {
      delivered.push(sms);
    },
    resendSeconds: 0,
    now,
  });
  served = await listen(
    createOtpHandler({ adapter, tokenSecret: TEST_SECRET, logger: silentLogger, now, ...options }),
  );
  const browser = createHttpAdapter({ baseUrl: served.url, now });
  const lastCode = () => delivered.at(-1)?.code ?? "";
  return { served, browser, delivered, lastCode };
}

async function refusal(promise: Promise<unknown>): Promise<OtpError> {
  const thrown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(OtpError);
  return thrown as OtpError;
}

describe("over HTTP with the console adapter", () => {
  it("sends, verifies and proves it: the browser's adapter gets a token the backend accepts", async () => {
    const { browser, lastCode } = await start();
    const challenge = await browser.send({ phone });
    expect(challenge.phone).toBe("+66 ••• ••• 678");
    const verified = await browser.verify({ challenge, code: lastCode() });
    expect(verified.verified).toBe(true);
    const claims = await verifyOtpToken(verified.token, TEST_SECRET);
    expect(claims).toMatchObject({ phone, challengeId: challenge.id });
  });

  it("counts wrong codes, locks, and the right code no longer works", async () => {
    const { browser, lastCode } = await start();
    const challenge = await browser.send({ phone });
    const wrong = otherCode(lastCode());
    for (const left of [4, 3, 2, 1]) {
      const error = await refusal(browser.verify({ challenge, code: wrong }));
      expect([error.kind, error.attemptsLeft, error.status]).toEqual(["wrong_code", left, 422]);
    }
    const locked = await refusal(browser.verify({ challenge, code: wrong }));
    expect([locked.kind, locked.attemptsLeft, locked.status]).toEqual([
      "too_many_attempts",
      0,
      429,
    ]);
    expect(locked.resendAfterMs).toBe(30_000);
    expect((await refusal(browser.verify({ challenge, code: lastCode() }))).kind).toBe(
      "too_many_attempts",
    );
  });

  it("expires codes on the server's clock", async () => {
    const clock = createManualClock();
    const { browser, lastCode } = await start({}, clock.now);
    const challenge = await browser.send({ phone });
    clock.advance(300_000);
    const error = await refusal(browser.verify({ challenge, code: lastCode() }));
    expect([error.kind, error.status]).toEqual(["expired", 410]);
  });

  it("grows the resend cooldown 30 s, 60 s, 120 s, then locks the number for the hour", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { browser, lastCode } = await start();
    let challenge: OtpChallenge = await browser.send({ phone });
    const cooldowns = [(challenge.resendAt - Date.now()) / 1000];
    for (let i = 0; i < 3; i++) {
      vi.setSystemTime(challenge.resendAt);
      challenge = await browser.resend({ challenge });
      cooldowns.push(Math.round((challenge.resendAt - Date.now()) / 1000));
    }
    expect(cooldowns).toEqual([30, 60, 120, 3600 - 210]);
    const early = await refusal(browser.resend({ challenge }));
    expect([early.kind, early.status]).toEqual(["rate_limited", 429]);
    expect(Math.round((early.retryAfterMs ?? 0) / 1000)).toBe(3390);
    // The newest code still verifies while the number is locked.
    await expect(browser.verify({ challenge, code: lastCode() })).resolves.toMatchObject({
      verified: true,
    });
  });

  it("answers an oversized body streamed without Content-Length with 413, and keeps serving", async () => {
    await start();
    const { url } = served as Served;
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        `${url}/send`,
        { method: "POST", headers: { "content-type": "application/json" } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on("error", reject);
      // Chunked: no Content-Length to trust; the server must count.
      request.write(`{"phone":"${phone}","pad":"`);
      for (let i = 0; i < 40; i++) request.write("x".repeat(1024));
      request.end('"}');
    });
    expect(status).toBe(413);
    const after = await (served as Served).post("send", { phone });
    expect(after.status).toBe(200);
  });

  it("answers wrong content types and malformed JSON with 4xx and an error body", async () => {
    await start();
    const server = served as Served;
    const form = await server.post("send", `phone=${phone}`, {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(form.status).toBe(415);
    expect((await form.json()).error.kind).toBe("config_error");
    const broken = await server.post("send", '{"phone": "+668');
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.kind).toBe("config_error");
  });

  it("limits sends per client by the socket address, without trusting X-Forwarded-For", async () => {
    const { served: server } = await start({ limits: { sendsPerIp: 1 } });
    expect((await server.post("send", { phone: "+66800000001" })).status).toBe(200);
    const spoofed = await server.post(
      "send",
      { phone: "+66800000002" },
      { "x-forwarded-for": "203.0.113.77" },
    );
    expect(spoofed.status).toBe(429);
  });
});
