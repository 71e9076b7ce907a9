/**
 * Embedded mode, loaded as a chunk of its own after the page's first render: MSW's service
 * worker hands `/api/otp/*` to `otpServerMock`, which answers as @otpkit/server would for
 * the chosen provider and delivers the SMS to the shared simulated inbox.
 */
import { inbox, type OtpServerMock } from "@otpkit/mocks";
import { setupWorker } from "msw/browser";
import type { EmbeddedOptions } from "../backend";
import { createProviderServer } from "./providers";

export async function startEmbedded() {
  const worker = setupWorker();
  await worker.start({
    onUnhandledRequest: "bypass",
    quiet: true,
    // Relative, so the static build works from any folder of any host.
    serviceWorker: { url: "./mockServiceWorker.js" },
  });
  let server: OtpServerMock | undefined;
  return {
    inbox,
    /** A fresh server for these options: challenges and limits start over, the inbox stays. */
    configure(options: EmbeddedOptions) {
      server?.reset();
      server = createProviderServer(options);
      worker.resetHandlers(...server.handlers);
    },
  };
}
