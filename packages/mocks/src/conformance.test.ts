import { createHttpAdapter, type OtpAdapter } from "@otpkit/core";
import {
  createFakeAdapter,
  createManualClock,
  type FakeAdapterOptions,
} from "@otpkit/core/testing";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ConformanceEnv,
  conformanceChecks,
  describeAdapterConformance,
  devInboxCodeReader,
  inboxCodeReader,
} from "./conformance";
import { createInbox } from "./inbox";
import { type OtpServerMockOptions, otpServerMock } from "./server";

const BASE = "http://otp.test/api/otp";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

function wireEnv(options: OtpServerMockOptions, read: "dev-inbox" | "inbox"): ConformanceEnv {
  const clock = createManualClock();
  const inbox = createInbox(clock.now);
  const mock = otpServerMock({ baseUrl: BASE, inbox, now: clock.now, ...options });
  server.use(...mock.handlers);
  return {
    adapter: createHttpAdapter({ baseUrl: BASE, now: clock.now }),
    phone: "+66812345678",
    readCode: read === "dev-inbox" ? devInboxCodeReader(BASE) : inboxCodeReader(inbox),
    now: clock.now,
    advance: clock.advance,
    ttlSeconds: options.ttlSeconds ?? 300,
    cleanup: () => server.resetHandlers(),
  };
}

describeAdapterConformance("createHttpAdapter + otpServerMock", () => wireEnv({}, "dev-inbox"));

describeAdapterConformance("createHttpAdapter + otpServerMock (4 digits, 60 s, references)", () =>
  wireEnv({ codeLength: 4, ttlSeconds: 60, referenceCodes: true }, "inbox"),
);

describe("the conformance checks", () => {
  const PHONE = "+66812345678";

  function fakeEnv(
    options: FakeAdapterOptions & { ttlSeconds?: number } = {},
    flaw: (adapter: OtpAdapter, fake: ReturnType<typeof createFakeAdapter>) => OtpAdapter = (
      adapter,
    ) => adapter,
    reportedTtlSeconds = options.ttlSeconds ?? 300,
  ): ConformanceEnv {
    const clock = createManualClock();
    const fake = createFakeAdapter({ now: clock.now, ...options });
    return {
      adapter: flaw(fake, fake),
      phone: PHONE,
      readCode: async (phone) => fake.codeFor(phone) ?? "",
      now: clock.now,
      advance: clock.advance,
      ttlSeconds: reportedTtlSeconds,
    };
  }

  it.each(Object.keys(conformanceChecks))("pass a correct adapter: %s", async (title) => {
    await conformanceChecks[title]?.(fakeEnv(), {});
  });

  const flawed: [string, string, () => ConformanceEnv][] = [
    [
      "send returns a challenge the UI can use",
      "puts the code in the challenge",
      () =>
        fakeEnv({}, (adapter, fake) => ({
          ...adapter,
          send: async (input) => ({
            ...(await adapter.send(input)),
            referenceCode: fake.codeFor(input.phone) ?? "",
          }),
        })),
    ],
    [
      "send returns a challenge the UI can use",
      "says a resend was possible before the code was sent",
      () =>
        fakeEnv({}, (adapter) => ({
          ...adapter,
          send: async (input) => ({ ...(await adapter.send(input)), resendAt: 0 }),
        })),
    ],
    [
      "a wrong code fails, then the right code verifies",
      "accepts any code",
      () => fakeEnv({}, (adapter) => ({ ...adapter, verify: async () => ({ verified: true }) })),
    ],
    [
      "the code expires after its lifetime",
      "keeps codes longer than it says",
      () => fakeEnv({ ttlSeconds: 3600 }, undefined, 60),
    ],
    [
      "resend replaces the code",
      "resends the same code",
      () => fakeEnv({ codes: Array.from({ length: 5 }, () => "111111") }),
    ],
    [
      "a verified challenge cannot be verified again",
      "verifies a challenge twice",
      () =>
        fakeEnv({}, (adapter) => ({
          ...adapter,
          verify: (input) =>
            adapter.verify(input).catch((error: { kind?: string }) => {
              if (error.kind === "already_verified") return { verified: true as const };
              throw error;
            }),
        })),
    ],
    [
      "an unknown challenge fails",
      "verifies a challenge it never issued",
      () =>
        fakeEnv({}, (adapter, fake) => ({
          ...adapter,
          verify: (input) =>
            input.code === fake.codeFor(input.challenge.phone)
              ? Promise.resolve({ verified: true as const })
              : adapter.verify(input),
        })),
    ],
  ];

  it.each(flawed)("%s: fails an adapter that %s", async (title, _, env) => {
    await expect(conformanceChecks[title]?.(env(), {})).rejects.toThrow();
  });

  it("accept a resend time after the code's expiry, as a server that locked the number gives", async () => {
    const check = conformanceChecks["send returns a challenge the UI can use"];
    await expect(
      check?.(fakeEnv({ ttlSeconds: 20, resendSeconds: 3600 }), {}),
    ).resolves.toBeUndefined();
  });

  it("accept a documented alternative kind when told to", async () => {
    const env = fakeEnv();
    const check = conformanceChecks["an unknown challenge fails"];
    await expect(check?.(env, { expect: { unknownChallenge: ["wrong_code"] } })).rejects.toThrow();
    await expect(
      check?.(fakeEnv(), { expect: { unknownChallenge: ["wrong_code", "not_found"] } }),
    ).resolves.toBeUndefined();
  });
});
