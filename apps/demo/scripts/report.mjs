#!/usr/bin/env node
/**
 * `pnpm --filter @otpkit/demo report`: what the demo costs a visitor. Builds the demo
 * (embedded mode, as a static host serves it), lists the production bundle (JS and CSS,
 * raw and gzip, per chunk, and what the first page load needs), then runs Lighthouse in
 * Debian's Chromium against `vite preview`, on its default mobile profile and on the
 * desktop preset. Targets: accessibility 100, performance at least 95. A report, not a test:
 * it exits 0 whatever the figures, unless a step cannot run.
 *
 *   node apps/demo/scripts/report.mjs [--skip-build] [--json report.json]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { build, preview } from "vite";
import { CHROMIUM_PATH as CHROME_PATH, CHROMIUM_ARGS } from "../../../scripts/chromium.mjs";

const demo = new URL("..", import.meta.url).pathname;
const dist = join(demo, "dist");
const configFile = join(demo, "vite.config.ts");
const lighthouseCli = join(demo, "node_modules/lighthouse/cli/index.js");
const CHROME_FLAGS = ["--headless=new", ...CHROMIUM_ARGS];
const TARGETS = { accessibility: 100, performance: 95 };

const { values: args } = parseArgs({
  // `pnpm … report -- --json x` passes the "--" through.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: { "skip-build": { type: "boolean", default: false }, json: { type: "string" } },
});

const say = (line = "") => process.stdout.write(`${line}\n`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const pad = (text, width) => String(text).padEnd(width);
const padStart = (text, width) => String(text).padStart(width);

// 1. The build.
if (!args["skip-build"]) {
  say("▶ vite build (embedded mode)");
  await build({ root: demo, configFile, logLevel: "warn", mode: "production" });
}

// 2. The bundle: every JS and CSS file, and which ones the page loads before it is usable.
const manifest = JSON.parse(readFileSync(join(dist, ".vite/manifest.json"), "utf8"));
const initialFiles = new Set();
function loadWithEntry(key) {
  const chunk = manifest[key];
  if (!chunk || initialFiles.has(chunk.file)) return;
  initialFiles.add(chunk.file);
  for (const css of chunk.css ?? []) initialFiles.add(css);
  for (const imported of chunk.imports ?? []) loadWithEntry(imported);
}
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) loadWithEntry(key);
const lazyOf = new Map();
for (const chunk of Object.values(manifest)) {
  for (const key of chunk.dynamicImports ?? []) {
    const file = manifest[key]?.file;
    if (file) lazyOf.set(file, `import() from ${chunk.file}`);
  }
}

const assets = readdirSync(join(dist, "assets"))
  .filter((name) => [".js", ".css"].includes(extname(name)))
  .map((name) => {
    const file = `assets/${name}`;
    const bytes = readFileSync(join(dist, file));
    return {
      file,
      type: extname(name).slice(1),
      raw: statSync(join(dist, file)).size,
      gzip: gzipSync(bytes, { level: 9 }).length,
      initial: initialFiles.has(file),
    };
  })
  .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);

say();
say("Production bundle (gzip -9)");
say(`${pad("file", 40)} ${pad("type", 4)} ${padStart("raw", 10)} ${padStart("gzip", 10)}  loaded`);
for (const asset of assets) {
  const when = asset.initial ? "initial" : (lazyOf.get(asset.file) ?? "lazy");
  say(
    `${pad(asset.file, 40)} ${pad(asset.type, 4)} ${padStart(kb(asset.raw), 10)} ${padStart(kb(asset.gzip), 10)}  ${when}`,
  );
}
const total = (list, type) => {
  const selected = list.filter((asset) => !type || asset.type === type);
  return {
    raw: selected.reduce((sum, asset) => sum + asset.raw, 0),
    gzip: selected.reduce((sum, asset) => sum + asset.gzip, 0),
  };
};
const initial = assets.filter((asset) => asset.initial);
const bundle = {
  initial: { js: total(initial, "js"), css: total(initial, "css"), all: total(initial) },
  all: { js: total(assets, "js"), css: total(assets, "css"), all: total(assets) },
  assets,
};
say(
  `initial load: JS ${kb(bundle.initial.js.gzip)} + CSS ${kb(bundle.initial.css.gzip)} = ${kb(bundle.initial.all.gzip)} gzip (${kb(bundle.initial.all.raw)} raw)`,
);
say(
  `everything:   JS ${kb(bundle.all.js.gzip)} + CSS ${kb(bundle.all.css.gzip)} = ${kb(bundle.all.all.gzip)} gzip (${kb(bundle.all.all.raw)} raw)`,
);

// 3. Lighthouse against `vite preview`, in Debian's Chromium.
const port = await new Promise((resolve, reject) => {
  const probe = createServer();
  probe.once("error", reject);
  probe.listen(0, "127.0.0.1", () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const server = await preview({
  root: demo,
  configFile,
  logLevel: "warn",
  preview: { host: "127.0.0.1", port, strictPort: true },
});
const url = `http://127.0.0.1:${port}/`;

function lighthouse(preset) {
  const output = join(mkdtempSync(join(tmpdir(), "otpkit-lighthouse-")), "report.json");
  const cliArgs = [
    lighthouseCli,
    url,
    "--output=json",
    `--output-path=${output}`,
    "--only-categories=performance,accessibility,best-practices",
    `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
    "--quiet",
    ...(preset === "desktop" ? ["--preset=desktop"] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cliArgs, {
      env: { ...process.env, CHROME_PATH },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`lighthouse (${preset}) exited with ${code}`));
      resolve(JSON.parse(readFileSync(output, "utf8")));
    });
  });
}

const METRICS = [
  ["first-contentful-paint", "FCP"],
  ["largest-contentful-paint", "LCP"],
  ["total-blocking-time", "TBT"],
  ["cumulative-layout-shift", "CLS"],
  ["speed-index", "SI"],
];

const runs = {};
try {
  for (const preset of ["mobile", "desktop"]) {
    say();
    say(`▶ Lighthouse ${preset} (${url}, ${CHROME_PATH})`);
    const result = await lighthouse(preset);
    const score = (id) => Math.round((result.categories[id]?.score ?? 0) * 100);
    const run = {
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      metrics: Object.fromEntries(
        METRICS.map(([id, name]) => [name, result.audits[id]?.displayValue ?? "?"]),
      ),
      failing: Object.values(result.audits)
        .filter((audit) => audit.score !== null && audit.score < 0.9)
        .filter((audit) => audit.scoreDisplayMode !== "informative")
        .map((audit) => `${audit.id}: ${audit.displayValue ?? audit.title}`),
    };
    runs[preset] = run;
    say(
      `performance ${run.performance}   accessibility ${run.accessibility}   best practices ${run.bestPractices}`,
    );
    say(
      Object.entries(run.metrics)
        .map(([name, value]) => `${name} ${value}`)
        .join("   "),
    );
    if (run.failing.length) say(`below 90: ${run.failing.join("; ")}`);
  }
} finally {
  await server.close();
}

say();
for (const [preset, run] of Object.entries(runs)) {
  const met = run.accessibility >= TARGETS.accessibility && run.performance >= TARGETS.performance;
  say(
    `${pad(preset, 8)} targets (accessibility ${TARGETS.accessibility}, performance ≥ ${TARGETS.performance}): ${met ? "met" : "NOT met"}`,
  );
}
if (args.json)
  writeFileSync(args.json, `${JSON.stringify({ bundle, lighthouse: runs }, null, 2)}\n`);
