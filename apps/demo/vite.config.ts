import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { sourceResolve } from "../../vitest.shared.ts";

// The demo runs the workspace packages from their sources: no build step before `pnpm dev`.
export default defineConfig({
  ...sourceResolve,
  plugins: [react()],
  server: { port: 5173 },
});
