/**
 * One Storybook for every package's stories (`pnpm storybook`, `pnpm build-storybook`), also
 * run as tests by the vitest project "storybook" (vitest.storybook.config.ts).
 */
import type { StorybookConfig } from "@storybook/react-vite";
import { defaultClientConditions, mergeConfig, type UserConfig } from "vite";

/** Workspace packages are read from their TypeScript sources, as in the tests and the demo. */
const fromSource: UserConfig = {
  resolve: { conditions: ["@otpkit/source", ...defaultClientConditions] },
  // Dependencies reached only through the workspace sources: bundled up front, so Vite does not
  // discover them mid-run and reload the page under a running story test.
  optimizeDeps: {
    include: [
      "@tanstack/react-query",
      "zod/mini",
      "msw",
      "msw/browser",
      "libphonenumber-js/core",
      "libphonenumber-js/mobile/metadata",
    ],
  },
  build: {
    // Storybook's own manager and preview chunks are big; ours are not the concern here.
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      // React Query's "use client" directives mean nothing in a static Storybook.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
};

const config: StorybookConfig = {
  stories: ["../packages/*/src/**/*.mdx", "../packages/*/src/**/*.stories.tsx"],
  addons: ["@storybook/addon-a11y", "@storybook/addon-vitest", "@storybook/addon-docs"],
  framework: { name: "@storybook/react-vite", options: {} },
  // Serves mockServiceWorker.js (msw 2.15.0): the one copy of MSW's service worker (@otpkit/mocks owns it; the demo and tests serve it too).
  staticDirs: ["../packages/mocks/public"],
  core: { disableTelemetry: true },
  typescript: {
    // Props tables from our interfaces and their JSDoc, without the ~300 inherited DOM props.
    reactDocgen: "react-docgen-typescript",
    reactDocgenTypescriptOptions: {
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      propFilter: (prop) => !prop.parent?.fileName.includes("node_modules"),
    },
  },
  viteFinal: (viteConfig) => mergeConfig(viteConfig, fromSource),
};

export default config;
