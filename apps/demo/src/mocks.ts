import { inbox, otpServerMock } from "@otpkit/mocks";
import { setupWorker } from "msw/browser";

/** Embedded mode: MSW plays @otpkit/server in the browser, delivering to the shared inbox. */
export const server = otpServerMock({ baseUrl: "/api/otp", inbox, referenceCodes: true });

export async function startMocks() {
  await setupWorker(...server.handlers).start({ onUnhandledRequest: "bypass", quiet: true });
}
