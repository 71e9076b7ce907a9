import { defineConfig } from "tsdown";

export default defineConfig({
  // index: the library; token: verifyOtpToken alone (WebCrypto only, for edge runtimes);
  // bin: the runnable server (`otpkit-server`), its shebang kept from the source.
  entry: ["src/index.ts", "src/token.ts", "src/bin.ts"],
  format: ["esm"],
  dts: true,
  sourcemap: true,
  fixedExtension: false,
  tsconfig: "../../tsconfig.build.json",
});
