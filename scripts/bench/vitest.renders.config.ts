/**
 * The render-count measurement of `pnpm bench` (not part of the test suite): jsdom, workspace
 * packages from their sources, and the stand-in DevTools hook loaded before react-dom.
 */
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { sourceResolve } from "../../vitest.shared.ts";

export default defineConfig({
  ...sourceResolve,
  root: fileURLToPath(new URL("../..", import.meta.url)),
  plugins: [react()],
  test: {
    name: "renders",
    environment: "jsdom",
    setupFiles: ["scripts/bench/react-commits.ts", "vitest.setup.dom.ts"],
    include: ["scripts/bench/renders.measure.tsx"],
  },
});
