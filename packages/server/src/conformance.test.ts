/**
 * The shared OtpAdapter conformance suite, run against `createHttpAdapter` pointed at this
 * server on loopback (console adapter, dev inbox): the browser's view of the server
 * behaves like any adapter. The suite moves its clock; the server's limiters keep time with
 * Date, so Date is faked and moved with it.
 */
import { createHttpAdapter } from "@otpkit/core";
import { describeAdapterConformance, devInboxCodeReader } from "@otpkit/mocks/conformance";
import { consoleAdapter } from "@otpkit/providers";
import { afterEach, beforeEach, vi } from "vitest";
import { createDevInbox, createOtpHandler, silentLogger } from "./index";
import { listen, TEST_SECRET } from "./test-support/http";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

describeAdapterConformance("createHttpAdapter against @otpkit/server", async () => {
  const devInbox = createDevInbox();
  const adapter = consoleAdapter({
    resendSeconds: 0,
    deliver: (sms) => devInbox.deliver(sms),
  });
  const served = await listen(
    createOtpHandler({ adapter, devInbox, tokenSecret: TEST_SECRET, logger: silentLogger }),
  );
  return {
    adapter: createHttpAdapter({ baseUrl: served.url }),
    phone: "+66812345678",
    readCode: devInboxCodeReader(served.url),
    now: () => Date.now(),
    advance: (ms) => vi.setSystemTime(Date.now() + ms),
    ttlSeconds: 300,
    cleanup: () => served.close(),
  };
});
