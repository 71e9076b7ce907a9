import { defineConfig } from "tsdown";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  // One file per module: with "sideEffects" limited to CSS, apps drop what they do not use.
  unbundle: true,
  dts: true,
  sourcemap: true,
  fixedExtension: false,
  tsconfig: "../../tsconfig.build.json",
  // Plain CSS, shipped as is: `import "@otpkit/ui/styles.css"`.
  copy: [{ from: "src/styles.css", to: "dist" }],
});
