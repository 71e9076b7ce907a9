/**
 * The bin, bundled from its TypeScript sources with esbuild (the workspace's own, as the
 * providers' build test uses), so tests can spawn it as a real process without a build
 * step. Written under this package's node_modules, where `ioredis` and
 * `rate-limiter-flexible` resolve.
 */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");

export async function bundleBin(name = "bin"): Promise<string> {
  const dir = join(packageRoot, "node_modules/.cache/otpkit-server-test");
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${name}-${process.pid}.mjs`);
  await build({
    entryPoints: [join(packageRoot, "src/bin.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["@otpkit/source"],
    external: ["ioredis", "rate-limiter-flexible"],
    logLevel: "silent",
  });
  return outfile;
}
