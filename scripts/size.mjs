#!/usr/bin/env node
/**
 * Bundle sizes as an app ships them: each entry bundled by esbuild (minified, ESM, browser),
 * with only the listed packages external, then gzip (level 9) and brotli (max quality).
 * Peers are bundled the same way in the same run, so the ratios compare like with like.
 *
 *   node scripts/size.mjs            print the table
 *   node scripts/size.mjs --check    also fail (exit 1) when a budget is exceeded
 *   node scripts/size.mjs --json     print JSON instead
 *
 * Our packages are measured from their built `dist/` (run `pnpm build` first).
 */
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = new URL("..", import.meta.url).pathname;
const REACT = ["react", "react-dom", "react/jsx-runtime"];
const QUERY = ["@tanstack/react-query"];

/** name, the code an app would write, what stays external, budget in gzip bytes, peer to compare. */
const entries = [
  {
    name: "@otpkit/core + @otpkit/react (useOtpFlow + createHttpAdapter)",
    code: `export { useOtpFlow, useCountdown } from "@otpkit/react";
           export { createHttpAdapter } from "@otpkit/core";`,
    external: [...REACT, ...QUERY],
    budget: 8 * 1024,
    peer: "input-otp",
  },
  {
    name: "@otpkit/core flow machine alone",
    code: `export { flowReducer, canVerify, canResend, secondsUntilResend } from "@otpkit/core";`,
    external: [],
  },
];

const peers = {
  "input-otp": { code: `export { OTPInput } from "input-otp";`, external: REACT },
};

async function measure(code, external) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    external,
    write: false,
    logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  const bytes = result.outputFiles[0].contents;
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }).length,
  };
}

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
const rows = [];
let failed = false;
for (const entry of entries) {
  const size = await measure(entry.code, entry.external);
  const peer = entry.peer
    ? await measure(peers[entry.peer].code, peers[entry.peer].external)
    : null;
  const over = entry.budget !== undefined && size.gzip > entry.budget;
  failed ||= over;
  rows.push({
    name: entry.name,
    ...size,
    budget: entry.budget,
    over,
    peer: entry.peer,
    peerGzip: peer?.gzip,
    ratio: peer ? size.gzip / peer.gzip : undefined,
  });
}

if (process.argv.includes("--json")) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  console.log("| bundle | min | gzip | brotli | budget (gzip) | peer (gzip) | ratio |");
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const r of rows) {
    const budget = r.budget === undefined ? "" : `${kb(r.budget)} ${r.over ? "OVER" : "ok"}`;
    const peer = r.peer ? `${r.peer} ${kb(r.peerGzip)}` : "";
    const ratio = r.ratio === undefined ? "" : r.ratio.toFixed(2);
    console.log(
      `| ${r.name} | ${kb(r.min)} | ${kb(r.gzip)} | ${kb(r.brotli)} | ${budget} | ${peer} | ${ratio} |`,
    );
  }
}
if (process.argv.includes("--check") && failed) {
  console.error("size: a bundle is over its budget");
  process.exit(1);
}
