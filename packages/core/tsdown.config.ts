import { defineConfig } from "tsdown";

export default defineConfig({
  entry: ["src/index.ts", "src/testing.ts"],
  format: ["esm"],
  // One file per module: with "sideEffects": false, apps drop the modules they do not use
  // (the zod schemas, for a browser that only needs the HTTP adapter).
  unbundle: true,
  dts: true,
  sourcemap: true,
  fixedExtension: false,
  tsconfig: "../../tsconfig.build.json",
});
