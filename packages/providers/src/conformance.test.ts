/**
 * The OtpAdapter conformance suite from @otpkit/mocks, run against every adapter this
 * package ships: the console adapter on its own, the provider adapters against their MSW
 * mocks. Adapter and mock share one manual clock, so expiry is checked without waiting.
 */
import { createManualClock } from "@otpkit/core/testing";
import {
  ANTS_MOCK_CREDENTIALS,
  ANTS_MOCK_OTC_ID,
  antsMock,
  createInbox,
  ENGAGELAB_MOCK_CREDENTIALS,
  ENGAGELAB_MOCK_TEMPLATE_ID,
  engagelabMock,
  type Inbox,
  type ProviderMock,
  VERIHUBS_MOCK_CREDENTIALS,
  verihubsMock,
} from "@otpkit/mocks";
import {
  type ConformanceEnv,
  describeAdapterConformance,
  inboxCodeReader,
} from "@otpkit/mocks/conformance";
import { setupServer } from "msw/node";
import { afterAll, beforeAll } from "vitest";
import { ants, consoleAdapter, engagelab, verihubs } from "./index";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

const TTL_SECONDS = 300;

/** A fresh clock, inbox and (when given) mock for one check. */
function environment(
  phone: string,
  build: (shared: { now: () => number; inbox: Inbox }) => {
    adapter: ConformanceEnv["adapter"];
    mock?: ProviderMock;
  },
): ConformanceEnv {
  const clock = createManualClock();
  const inbox = createInbox(clock.now);
  const { adapter, mock } = build({ now: clock.now, inbox });
  if (mock) server.use(...mock.handlers);
  return {
    adapter,
    phone,
    readCode: inboxCodeReader(inbox),
    now: clock.now,
    advance: clock.advance,
    ttlSeconds: TTL_SECONDS,
    cleanup: () => server.resetHandlers(),
  };
}

describeAdapterConformance("consoleAdapter", () =>
  environment("+66812345678", ({ now, inbox }) => ({
    adapter: consoleAdapter({ now, deliver: inbox, ttlSeconds: TTL_SECONDS }),
  })),
);

describeAdapterConformance("ants against antsMock", () =>
  environment("+66812345678", ({ now, inbox }) => ({
    mock: antsMock({ now, inbox, ttlSeconds: TTL_SECONDS, resendCooldownSeconds: 60 }),
    adapter: ants({
      ...ANTS_MOCK_CREDENTIALS,
      otcId: ANTS_MOCK_OTC_ID,
      codeLength: 6,
      ttlSeconds: TTL_SECONDS,
      resendSeconds: 60,
      now,
    }),
  })),
);

describeAdapterConformance(
  "engagelab against engagelabMock",
  () =>
    environment("+66812345678", ({ now, inbox }) => ({
      mock: engagelabMock({ now, inbox, ttlMinutes: TTL_SECONDS / 60, rateLimitSeconds: 60 }),
      adapter: engagelab({
        ...ENGAGELAB_MOCK_CREDENTIALS,
        templateId: ENGAGELAB_MOCK_TEMPLATE_ID,
        codeLength: 6,
        ttlSeconds: TTL_SECONDS,
        resendSeconds: 60,
        now,
      }),
    })),
  // EngageLab answers 3003 "code expired or already verified" for a used code; the adapter
  // maps it to expired (shared/providers/README.md), and only the server knows it succeeded.
  { expect: { verifiedTwice: ["already_verified", "expired"] } },
);

describeAdapterConformance(
  "verihubs against verihubsMock",
  () =>
    environment("+6281234567890", ({ now, inbox }) => ({
      mock: verihubsMock({ now, inbox, cooldownSeconds: 60 }),
      adapter: verihubs({
        ...VERIHUBS_MOCK_CREDENTIALS,
        ttlSeconds: TTL_SECONDS,
        resendSeconds: 60,
        now,
      }),
    })),
  // Verihubs answers "OTP not found" (404) for a wrong code and for a used one alike, so a
  // second verify is indistinguishable from a wrong code (shared/providers/README.md).
  { expect: { verifiedTwice: ["already_verified", "wrong_code"] } },
);
