import { mkdirSync, writeFileSync } from "node:fs";
import { defineConfig } from "tsdown";
// @ts-expect-error: a plain .mjs helper without types
import { stylesheet } from "./styles.mjs";

export default defineConfig({
  // The whole-locale modules are entries of their own: `@otpkit/ui/locales/th` (with types) for
  // apps that register one. Each component's part (`code-input/locales/th.js`...) is a module
  // of its own too (unbundled), which the component loads on demand through its catalogue.
  entry: [
    "src/index.ts",
    "src/i18n/locales/th.ts",
    "src/i18n/locales/id.ts",
    "src/i18n/locales/zh.ts",
  ],
  format: ["esm"],
  // One file per module: with "sideEffects" limited to CSS, apps drop what they do not use.
  unbundle: true,
  dts: true,
  sourcemap: true,
  fixedExtension: false,
  tsconfig: "../../tsconfig.build.json",
  // Plain CSS, no runtime: `import "@otpkit/ui/styles.css"`.
  onSuccess() {
    mkdirSync("dist", { recursive: true });
    writeFileSync("dist/styles.css", stylesheet());
  },
});
