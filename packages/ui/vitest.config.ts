import react from "@vitejs/plugin-react";
import { defineProject } from "vitest/config";
import { sourceResolve } from "../../vitest.shared.ts";

export default defineProject({
  ...sourceResolve,
  plugins: [react()],
  test: {
    name: "ui",
    environment: "jsdom",
    setupFiles: ["../../vitest.setup.dom.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    exclude: ["src/**/*.browser.test.{ts,tsx}"],
  },
});
