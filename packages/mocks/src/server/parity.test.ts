/**
 * otpServerMock against the table of @otpkit/server's answers (parity-cases.ts): each row
 * is a behaviour the server was read and run for (status, kind, message, timing fields,
 * headers). A change to the mock that drifts from the server fails a row here; a change to
 * the server shows up when it runs the same table (`describeWireParity`).
 */
import { createManualClock } from "@otpkit/core/testing";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInbox } from "../inbox";
import { otpServerMock } from "./otp-server-mock";
import { describeWireParity, runWireParityCase } from "./parity";
import { WIRE_PARITY_CASES, type WireParitySetup } from "./parity-cases";

const BASE = "http://otp.test/api/otp";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

function mockDriver(setup: WireParitySetup) {
  const clock = createManualClock();
  const { limits = {} } = setup;
  const mock = otpServerMock({
    baseUrl: BASE,
    inbox: createInbox(clock.now),
    now: clock.now,
    ttlSeconds: setup.ttlSeconds,
    maxAttempts: limits.verifyAttempts,
    sendsPerPhone: limits.sendsPerPhone,
    sendWindowSeconds: limits.sendWindowSeconds,
    resendCooldownSeconds: limits.resendCooldownSeconds,
    sendsPerIp: limits.sendsPerIp,
  });
  server.use(...mock.handlers);
  return {
    baseUrl: BASE,
    fetch: (request: Request) => fetch(request),
    now: clock.now,
    advance: (ms: number) => {
      clock.advance(ms);
    },
    cleanup: () => server.resetHandlers(),
  };
}

describeWireParity("otpServerMock", mockDriver);

describe("the parity table", () => {
  it("fails a server that drifts: the old mock's 500 for a malformed body", async () => {
    const driver = mockDriver({});
    const drifted = {
      ...driver,
      fetch: async (request: Request) => {
        const answer = await driver.fetch(request);
        if (answer.status !== 400) return answer;
        return new Response(await answer.text(), { status: 500, headers: answer.headers });
      },
    };
    const malformed = WIRE_PARITY_CASES.find((c) => c.name.startsWith("malformed bodies"));
    try {
      await expect(
        runWireParityCase(malformed ?? { name: "", steps: [] }, drifted),
      ).rejects.toThrow(/status/);
    } finally {
      driver.cleanup();
    }
  });

  it("fails a server that drops resendIn from a wrong_code answer", async () => {
    const driver = mockDriver({ limits: { verifyAttempts: 3 } });
    const drifted = {
      ...driver,
      fetch: async (request: Request) => {
        const answer = await driver.fetch(request);
        const body = (await answer.json().catch(() => undefined)) as
          | { error?: { resendIn?: number } }
          | undefined;
        delete body?.error?.resendIn;
        return new Response(JSON.stringify(body), {
          status: answer.status,
          headers: answer.headers,
        });
      },
    };
    const wrongCodes = WIRE_PARITY_CASES.find((c) => c.name.startsWith("wrong codes"));
    try {
      await expect(
        runWireParityCase(wrongCodes ?? { name: "", steps: [] }, drifted),
      ).rejects.toThrow();
    } finally {
      driver.cleanup();
    }
  });
});
