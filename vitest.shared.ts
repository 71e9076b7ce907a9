import { playwright } from "@vitest/browser-playwright";
import { defaultClientConditions, defaultServerConditions } from "vite";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./scripts/chromium.mjs";

/**
 * Workspace packages resolve to their TypeScript sources (the "@otpkit/source" export
 * condition) in tests, so nothing needs building first.
 */
export const sourceResolve = {
  resolve: { conditions: ["@otpkit/source", ...defaultClientConditions] },
  ssr: { resolve: { conditions: ["@otpkit/source", ...defaultServerConditions] } },
};

/** Debian's Chromium, never a downloaded browser; one fresh object per project. */
export const chromium = () => ({
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    },
  }),
  instances: [{ browser: "chromium" as const }],
});
