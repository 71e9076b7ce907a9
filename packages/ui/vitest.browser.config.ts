import react from "@vitejs/plugin-react";
import { defineProject } from "vitest/config";
import { chromium, sourceResolve } from "../../vitest.shared.ts";

/** What jsdom cannot show (paste, selection, focus, composition, autofill): real Chromium. */
export default defineProject({
  ...sourceResolve,
  plugins: [react()],
  // MSW's service worker, one copy for the repo.
  publicDir: "../mocks/public",
  test: {
    name: "ui-browser",
    include: ["src/**/*.browser.test.{ts,tsx}"],
    browser: chromium(),
  },
});
