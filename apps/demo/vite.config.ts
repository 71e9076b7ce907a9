import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, loadEnv, type Plugin } from "vite";
// @ts-expect-error: a plain .mjs helper without types (the same list @otpkit/ui's build joins)
import { stylesheetFiles } from "../../packages/ui/styles.mjs";
import { sourceResolve } from "../../vitest.shared.ts";
import { checkTokenMiddleware } from "./demo-backend.ts";

const UI_STYLES = "@otpkit/ui/styles.css";
const UI_STYLES_ID = "\0otpkit-ui-styles.css";

/**
 * `import "@otpkit/ui/styles.css"`, as an app writes it, without building the package first:
 * the same files, in the same order, as the stylesheet the package ships.
 */
function uiStylesFromSource(): Plugin {
  return {
    name: "otpkit-ui-styles-from-source",
    enforce: "pre",
    resolveId: (source) => (source === UI_STYLES ? UI_STYLES_ID : undefined),
    load(id) {
      if (id !== UI_STYLES_ID) return undefined;
      return (stylesheetFiles() as string[]).map((file) => `@import "${file}";`).join("\n");
    },
  };
}

/** Server mode: Vite's dev server plays the app's backend (POST /api/demo/check-token). */
function demoBackend(): Plugin {
  return {
    name: "otpkit-demo-backend",
    configureServer: (server) => void server.middlewares.use(checkTokenMiddleware),
    configurePreviewServer: (server) => void server.middlewares.use(checkTokenMiddleware),
  };
}

/**
 * `pnpm dev`: embedded mode (MSW plays the server in the page). `pnpm dev:server` sets
 * VITE_OTPKIT_MODE=server and OTPKIT_SERVER_URL: /api/otp is proxied to @otpkit/server.
 * The workspace packages are read from their sources: no build step before `pnpm dev`.
 */
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, fileURLToPath(new URL(".", import.meta.url)), "");
  const serverMode = env.VITE_OTPKIT_MODE === "server";
  const proxy = serverMode
    ? { "/api/otp": { target: env.OTPKIT_SERVER_URL || "http://127.0.0.1:3000" } }
    : undefined;
  return {
    ...sourceResolve,
    // Relative asset paths: the build works from any folder of any static host.
    base: "./",
    // MSW's service worker, one copy for the repo (@otpkit/mocks owns it).
    publicDir: fileURLToPath(new URL("../../packages/mocks/public", import.meta.url)),
    plugins: [uiStylesFromSource(), react(), ...(serverMode ? [demoBackend()] : [])],
    server: { port: 5173, ...(proxy ? { proxy } : {}) },
    // Dependencies reached only through the workspace sources, bundled up front so the dev
    // server does not find them mid-session and reload the page.
    optimizeDeps: {
      include: [
        "@tanstack/react-query",
        "zod/mini",
        "msw",
        "msw/browser",
        "@otpkit/react > libphonenumber-js/core",
        "@otpkit/react > libphonenumber-js/mobile/metadata",
      ],
    },
    build: {
      // scripts/report.mjs reads it to tell the initial chunks from the lazy ones.
      manifest: true,
    },
  };
});
