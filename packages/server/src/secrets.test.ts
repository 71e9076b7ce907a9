/**
 * Provider credentials, codes and tokens never appear in logs, and credentials and codes
 * never in answers: a full flow per provider, failures included, with every log line and
 * every answer captured (the default logger, writing to the console, is the one in use).
 */
import { createHttpAdapter, type OtpChallenge } from "@otpkit/core";
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
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createOtpHandler, type ServerAdapter } from "./index";
import { listen, otherCode, type Served, TEST_SECRET } from "./test-support/http";

const network = setupServer();
beforeAll(() =>
  network.listen({
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).hostname !== "127.0.0.1") print.error();
    },
  }),
);
afterAll(() => network.close());

let served: Served | undefined;
const logged: string[] = [];
const answered: string[] = [];

beforeEach(() => {
  logged.length = 0;
  answered.length = 0;
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(" "));
    });
  }
});
afterEach(async () => {
  vi.restoreAllMocks();
  network.resetHandlers();
  await served?.close();
});

/** A fetch that keeps a copy of every answer body. */
const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  answered.push(
    `${response.status} ${JSON.stringify(Object.fromEntries(response.headers))} ${await response.clone().text()}`,
  );
  return response;
};

const base64 = (text: string) => Buffer.from(text).toString("base64");

async function fullFlow(
  adapter: ServerAdapter,
  mock: ProviderMock,
  inbox: ReturnType<typeof createInbox>,
  phone: string,
) {
  network.use(...mock.handlers);
  // The default logger: whatever it would print is captured from the console.
  served = await listen(createOtpHandler({ adapter, tokenSecret: TEST_SECRET }));
  const browser = createHttpAdapter({ baseUrl: served.url, fetch: recordingFetch });
  const quiet = <T>(promise: Promise<T>) => promise.catch(() => undefined);
  const codes: string[] = [];
  const tokens: string[] = [];
  const read = () => {
    const code = codeFromText(inbox.latest(phone) ?? "") ?? "";
    codes.push(code);
    return code;
  };

  const first = (await browser.send({ phone })) as OtpChallenge;
  const code = read();
  await quiet(browser.verify({ challenge: first, code: otherCode(code) }));
  // The right code in a request the server refuses, and for a challenge it does not know.
  await served.post("verify", { challengeId: 12, code });
  await served.post("verify", `{"challengeId":"${first.id}","code":"${code}"`);
  await quiet(browser.verify({ challenge: { ...first, id: "not-a-challenge" }, code }));
  mock.knobs.inject("5xx");
  await quiet(browser.verify({ challenge: first, code }));
  const verified = await browser.verify({ challenge: first, code });
  if (verified.token) tokens.push(verified.token);
  await quiet(browser.verify({ challenge: first, code }));
  await quiet(browser.send({ phone }));
  return { codes, tokens };
}

function expectNothingLeaked(secrets: string[], tokens: string[]) {
  expect(logged.length).toBeGreaterThan(5);
  const logs = logged.join("\n");
  for (const secret of [...secrets, ...tokens]) {
    expect(secret.length).toBeGreaterThan(3);
    expect(logs).not.toContain(secret);
  }
  // The token is in exactly one answer, the verify that earned it.
  for (const token of tokens)
    expect(answered.filter((answer) => answer.includes(token))).toHaveLength(1);
  const answers = answered.join("\n");
  for (const secret of secrets) expect(answers).not.toContain(secret);
}

describe("no secrets in logs or answers", () => {
  it("ANTS: user, password, Basic header and codes", async () => {
    const inbox = createInbox();
    const mock = antsMock({ inbox });
    const adapter = ants({
      ...ANTS_MOCK_CREDENTIALS,
      otcId: ANTS_MOCK_OTC_ID,
      codeLength: 6,
      ttlSeconds: 300,
    });
    const { codes, tokens } = await fullFlow(adapter, mock, inbox, "+66812345678");
    const { username, password } = ANTS_MOCK_CREDENTIALS;
    expectNothingLeaked([username, password, base64(`${username}:${password}`), ...codes], tokens);
  });

  it("EngageLab: dev key, dev secret and codes", async () => {
    const inbox = createInbox();
    const mock = engagelabMock({ inbox, rateLimitSeconds: 0 });
    const adapter = engagelab({
      ...ENGAGELAB_MOCK_CREDENTIALS,
      templateId: ENGAGELAB_MOCK_TEMPLATE_ID,
      codeLength: 6,
      ttlSeconds: 300,
    });
    const { codes, tokens } = await fullFlow(adapter, mock, inbox, "+66812345678");
    const { devKey, devSecret } = ENGAGELAB_MOCK_CREDENTIALS;
    expectNothingLeaked([devKey, devSecret, base64(`${devKey}:${devSecret}`), ...codes], tokens);
  });

  it("Verihubs: App-ID, API-Key and codes (which Verihubs echoes back)", async () => {
    const inbox = createInbox();
    const mock = verihubsMock({ inbox });
    const adapter = verihubs({ ...VERIHUBS_MOCK_CREDENTIALS, ttlSeconds: 300 });
    const { codes, tokens } = await fullFlow(adapter, mock, inbox, "+6281234567890");
    const { appId, apiKey } = VERIHUBS_MOCK_CREDENTIALS;
    expectNothingLeaked([appId, apiKey, ...codes], tokens);
  });

  it("wrong credentials are not logged either", async () => {
    const inbox = createInbox();
    const mock = antsMock({ inbox });
    const wrong = "wrong-password-do-not-log";
    const adapter = ants({
      ...ANTS_MOCK_CREDENTIALS,
      password: wrong,
      otcId: ANTS_MOCK_OTC_ID,
      codeLength: 6,
      ttlSeconds: 300,
    });
    network.use(...mock.handlers);
    served = await listen(createOtpHandler({ adapter, tokenSecret: TEST_SECRET }));
    const response = await served.post("send", { phone: "+66812345678" });
    expect(response.status).toBe(503);
    expect(logged.join("\n")).toContain("auth_failed");
    expect(logged.join("\n")).not.toContain(wrong);
    expect(await response.text()).not.toContain(wrong);
  });
});
