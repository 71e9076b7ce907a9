/**
 * Several server instances behind a load balancer: two handlers on one real redis-server,
 * each with its own provider adapter (as two processes would have), talking to one
 * provider (the ANTS mock). They must behave as one server.
 */
import { createHttpAdapter, OtpError } from "@otpkit/core";
import {
  ANTS_MOCK_CREDENTIALS,
  ANTS_MOCK_OTC_ID,
  antsMock,
  codeFromText,
  createInbox,
} from "@otpkit/mocks";
import { ants } from "@otpkit/providers";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createOtpHandler,
  createRedisStore,
  type OtpLimits,
  silentLogger,
  verifyOtpToken,
} from "./index";
import { listen, otherCode, type Served, TEST_SECRET } from "./test-support/http";
import { startRedis, type TestRedis } from "./test-support/redis-server";

const network = setupServer();
let redis: TestRedis;
const inbox = createInbox();
const provider = antsMock({ inbox, resendCooldownSeconds: 0 });
const running: Served[] = [];

beforeAll(async () => {
  network.listen({
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).hostname !== "127.0.0.1") print.error();
    },
  });
  network.use(...provider.handlers);
  redis = await startRedis();
});
beforeEach(async () => {
  await redis.flush();
  provider.reset();
  inbox.clear();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((instance) => instance.close()));
});
afterAll(async () => {
  network.close();
  await redis?.stop();
});

/** One server instance: its own adapter, store client and port; the shared Redis. */
async function instance(limits: OtpLimits = {}) {
  const adapter = ants({
    ...ANTS_MOCK_CREDENTIALS,
    otcId: ANTS_MOCK_OTC_ID,
    codeLength: 6,
    ttlSeconds: 300,
  });
  const store = createRedisStore({ client: redis.client() });
  const served = await listen(
    createOtpHandler({ adapter, store, limits, tokenSecret: TEST_SECRET, logger: silentLogger }),
  );
  running.push(served);
  return { served, browser: createHttpAdapter({ baseUrl: served.url }) };
}

const phone = "+66812345678";
const latestCode = () => codeFromText(inbox.latest(phone) ?? "") ?? "";

async function failure(promise: Promise<unknown>): Promise<OtpError> {
  const thrown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(OtpError);
  return thrown as OtpError;
}

describe("two instances on one Redis", () => {
  it("verify through one a challenge sent through the other", async () => {
    const [one, two] = [await instance(), await instance()];
    const challenge = await one.browser.send({ phone });
    const verified = await two.browser.verify({ challenge, code: latestCode() });
    await expect(verifyOtpToken(verified.token, TEST_SECRET)).resolves.toMatchObject({
      phone,
      challengeId: challenge.id,
    });
    expect((await failure(one.browser.verify({ challenge, code: latestCode() }))).kind).toBe(
      "already_verified",
    );
  });

  it("keep one attempt count", async () => {
    const [one, two] = [
      await instance({ verifyAttempts: 3 }),
      await instance({ verifyAttempts: 3 }),
    ];
    const challenge = await one.browser.send({ phone });
    const wrong = otherCode(latestCode());
    expect((await failure(one.browser.verify({ challenge, code: wrong }))).attemptsLeft).toBe(2);
    expect((await failure(two.browser.verify({ challenge, code: wrong }))).attemptsLeft).toBe(1);
    const locked = await failure(one.browser.verify({ challenge, code: wrong }));
    expect([locked.kind, locked.attemptsLeft]).toEqual(["too_many_attempts", 0]);
    expect((await failure(two.browser.verify({ challenge, code: latestCode() }))).kind).toBe(
      "too_many_attempts",
    );
  });

  it("keep one cooldown and one send limit per number", async () => {
    const limits = { sendsPerPhone: 2, resendCooldownSeconds: [0, 0] };
    const [one, two] = [await instance(limits), await instance(limits)];
    const first = await one.browser.send({ phone });
    await two.browser.resend({ challenge: first });
    const third = await failure(one.browser.send({ phone }));
    expect(third.kind).toBe("rate_limited");
    expect(third.retryAfterMs).toBeGreaterThan(3_590_000);
  });

  it("refuse a send through one while the number's cooldown runs on the other", async () => {
    const [one, two] = [await instance(), await instance()];
    await one.browser.send({ phone });
    const error = await failure(two.browser.send({ phone }));
    expect(error.kind).toBe("rate_limited");
    // 30 s from the first send, less however long this test took to get here.
    expect(error.retryAfterMs).toBeGreaterThan(25_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it("lose nothing when an instance restarts: new handler, new client, same Redis", async () => {
    const before = await instance({ verifyAttempts: 2 });
    const challenge = await before.browser.send({ phone });
    await failure(before.browser.verify({ challenge, code: otherCode(latestCode()) }));
    await running.splice(0)[0]?.close();

    const after = await instance({ verifyAttempts: 2 });
    // The attempt spent before the restart still counts.
    const retry = await failure(after.browser.verify({ challenge, code: otherCode(latestCode()) }));
    expect(retry.kind).toBe("too_many_attempts");

    const next = await instance();
    const fresh = await failure(next.browser.send({ phone }));
    expect(fresh.kind).toBe("rate_limited");
  });

  it("verify after a restart a challenge sent before it", async () => {
    const before = await instance();
    const challenge = await before.browser.send({ phone });
    await running.splice(0)[0]?.close();
    const after = await instance();
    await expect(after.browser.verify({ challenge, code: latestCode() })).resolves.toMatchObject({
      verified: true,
    });
  });
});
