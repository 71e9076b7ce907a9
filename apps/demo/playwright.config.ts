import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../scripts/chromium.mjs";

const port = 4173;

/**
 * End-to-end tests of the demo in Debian's Chromium: the production build in embedded mode
 * (served by `vite preview`), and server mode (e2e/server-mode.spec.ts starts its own
 * @otpkit/server and Vite on free ports). One worker: the suite shares two cores in CI.
 */
export default defineConfig({
  testDir: "e2e",
  workers: 1,
  timeout: 30_000,
  forbidOnly: true,
  fullyParallel: false,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    },
  },
  webServer: {
    command: `vite build && vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    // Always the build of this checkout, never a preview left running from another one.
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
