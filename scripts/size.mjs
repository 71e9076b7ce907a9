#!/usr/bin/env node
/**
 * Bundle sizes as an app ships them: each entry bundled by esbuild (minified, ESM, browser),
 * with only the listed packages external, then gzip (level 9) and brotli (max quality).
 * Peers are bundled the same way in the same run, so the ratios compare like with like.
 * Stylesheets are minified by the same esbuild and compared the same way.
 *
 *   node scripts/size.mjs            print the table
 *   node scripts/size.mjs --check    also fail (exit 1) when a budget is exceeded
 *   node scripts/size.mjs --json     print JSON instead
 *
 * Our packages are measured from their built `dist/` (run `pnpm build` first).
 * `scripts/bench.mjs` imports `measureSizes` and `sizeTable` from here.
 */
import { realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(`${root}/package.json`);
const REACT = ["react", "react-dom", "react/jsx-runtime"];
const QUERY = ["@tanstack/react-query"];

/**
 * What a team would otherwise pick, bundled the way an app imports it. `css` is the
 * stylesheet the peer asks apps to import, if any.
 */
export const PEERS = {
  "input-otp": { code: `export { OTPInput } from "input-otp";`, external: REACT },
  "react-otp-input": { code: `export { default } from "react-otp-input";`, external: REACT },
  "react-phone-number-input": {
    code: `export { default } from "react-phone-number-input";`,
    external: REACT,
    css: "react-phone-number-input/style.css",
  },
  "react-international-phone": {
    code: `export { PhoneInput } from "react-international-phone";`,
    external: REACT,
    css: "react-international-phone/style.css",
  },
};

/**
 * name, the code an app would write, what stays external, the peer sets it is compared with
 * (each set summed: OtpVerify replaces a code field plus a phone field), and the budget: in
 * gzip bytes (`budget`) or as a ratio of the first peer set's gzip bytes measured in the same
 * run (`budgetRatio`).
 */
export const ENTRIES = [
  {
    id: "core+react",
    name: "@otpkit/core + @otpkit/react (useOtpFlow + createHttpAdapter)",
    code: `export { useOtpFlow, useCountdown } from "@otpkit/react";
           export { createHttpAdapter } from "@otpkit/core";`,
    external: [...REACT, ...QUERY],
    budget: 8 * 1024,
    peers: [["input-otp"], ["react-otp-input"]],
  },
  {
    id: "CodeInput",
    name: "CodeInput (with useCodeInput)",
    code: `export { CodeInput } from "@otpkit/ui";`,
    external: REACT,
    budgetRatio: 1,
    peers: [["input-otp"], ["react-otp-input"]],
  },
  {
    id: "PhoneInput",
    name: "PhoneInput (every country: metadata and flags)",
    code: `export { PhoneInput } from "@otpkit/ui";`,
    external: REACT,
    budgetRatio: 1,
    peers: [["react-phone-number-input"], ["react-international-phone"]],
  },
  {
    id: "OtpVerify",
    name: "OtpVerify as an app ships it (ui, react, core, metadata, TanStack Query)",
    code: `export { OtpVerify } from "@otpkit/ui";
           export { createHttpAdapter } from "@otpkit/core";`,
    external: REACT,
    budgetRatio: 0.75,
    peers: [
      ["input-otp", "react-phone-number-input"],
      ["react-otp-input", "react-international-phone"],
    ],
  },
  // What OtpVerify's two dependencies weigh as it uses them: the floor under its row.
  {
    id: "libphonenumber-js",
    name: "libphonenumber-js as PhoneInput uses it (AsYouType, Metadata; no metadata)",
    code: `export { AsYouType, Metadata } from "libphonenumber-js/core";`,
    external: [],
    // Resolved where @otpkit/react depends on it.
    dir: "packages/react",
  },
  {
    id: "tanstack-query",
    name: "TanStack Query as useOtpFlow uses it (MutationObserver; the QueryClient is the app's)",
    code: `export { MutationObserver, QueryClientContext } from "@tanstack/react-query";`,
    external: REACT,
    dir: "packages/react",
  },
  // Issue 5, emoji vs sprite: the peer's way to ship every flag in the bundle (its default
  // loads them as images from a CDN at runtime). PhoneInput draws flags as emoji.
  {
    id: "flags-svg",
    name: "Flags as SVG (country-flag-icons 3x2, every country, as react-phone-number-input/flags bundles them) — PhoneInput draws emoji: 0 bytes",
    // Resolved where react-phone-number-input depends on country-flag-icons: no dependency of ours.
    code: `export { default } from "react-phone-number-input/flags";`,
    external: REACT,
  },
  {
    id: "machine",
    name: "@otpkit/core flow machine alone",
    code: `export { flowReducer, canVerify, canResend, secondsUntilResend } from "@otpkit/core";`,
    external: [],
  },
  {
    id: "styles",
    name: "@otpkit/ui/styles.css (theme and every component)",
    css: "@otpkit/ui/styles.css",
    peers: [["react-phone-number-input"], ["react-international-phone"]],
  },
];

const compressed = (bytes) => ({
  min: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
  }).length,
});

/**
 * What a module loaded on demand holds, by the source files in it: phone numbering plans (one
 * chunk per group of calling codes), or one component's messages in one locale. For one flow a
 * user downloads at most one plans chunk (their number's) and the messages of one locale (every
 * component's part of it; English is built in). The capture names the unit counted together.
 */
const LAZY_KINDS = {
  "phone numbering plans": /phone-input\/metadata\/generated\/groups\/([^/]+)\./,
  "locale messages": /\/locales\/([a-z]{2})\./,
};

/**
 * Bundles `code` as an app's bundler would (code splitting on: `import()` becomes a chunk
 * fetched when needed). The size is what one user downloads at most: the entry with what it
 * imports statically, plus the largest on-demand chunk of each kind (each chunk compressed on
 * its own, as a server sends it). `initial` and `all` (every chunk) are reported beside it.
 */
async function measureCode(code, external, dir = root) {
  const result = await build({
    stdin: { contents: code, resolveDir: dir, loader: "ts" },
    bundle: true,
    splitting: true,
    outdir: "/tmp/otpkit-size-js",
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    external,
    write: false,
    metafile: true,
    logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  const outputs = result.metafile.outputs;
  // Output files have absolute paths; the metafile's are relative to the working directory.
  const sizeOf = new Map(result.outputFiles.map((file) => [file.path, compressed(file.contents)]));
  const key = (path) => resolve(process.cwd(), path);
  const entry = Object.keys(outputs).find((path) => outputs[path].entryPoint === "<stdin>");
  const initial = new Set();
  const visit = (path) => {
    if (initial.has(path)) return;
    initial.add(path);
    for (const i of outputs[path].imports)
      if (i.kind === "import-statement" && !i.external) visit(i.path);
  };
  visit(entry);
  // Chunks the code can fetch: dynamic imports the kept code still makes (a bundler makes a
  // chunk for every import() it sees, even in code it then drops).
  const reachable = new Set();
  const reach = (path) => {
    for (const i of outputs[path].imports) {
      if (i.external || reachable.has(i.path) || initial.has(i.path)) continue;
      reachable.add(i.path);
      reach(i.path);
    }
  };
  for (const path of initial) reach(path);
  // Per kind, the chunks of each unit (a group of plans, a locale) summed; the largest unit
  // counts. Any other on-demand chunk may be needed by anyone: they all count, as one unit.
  const units = {};
  for (const path of reachable) {
    if (!path.endsWith(".js")) continue;
    const inputs = Object.keys(outputs[path].inputs);
    let kind = "other on-demand code";
    let unit = "all";
    for (const [name, pattern] of Object.entries(LAZY_KINDS)) {
      const match = inputs.map((i) => i.match(pattern)).find(Boolean);
      if (match) [kind, unit] = [name, match[1]];
    }
    units[kind] ??= {};
    units[kind][unit] = sum([units[kind][unit] ?? sum([]), sizeOf.get(key(path))]);
  }
  const lazy = {};
  for (const [kind, sizes] of Object.entries(units)) {
    lazy[kind] = Object.values(sizes).reduce((a, b) => (b.gzip > a.gzip ? b : a));
  }
  const js = (paths) =>
    sum([...paths].filter((p) => p.endsWith(".js")).map((p) => sizeOf.get(key(p))));
  const initialSize = js(initial);
  return {
    ...sum([initialSize, ...Object.values(lazy)]),
    initial: initialSize,
    lazy,
    all: js([...initial, ...reachable]),
    chunks: [...initial, ...reachable].filter((p) => p.endsWith(".js")).length,
  };
}

async function measureCss(specifier) {
  const result = await build({
    entryPoints: [realpathSync(require.resolve(specifier))],
    bundle: true,
    minify: true,
    write: false,
    logLevel: "silent",
    // Flag images and fonts stay URLs, as a CSS bundler would emit them beside the CSS.
    loader: { ".svg": "file", ".png": "file", ".woff2": "file" },
    outdir: "/tmp/otpkit-size-css",
  });
  const css = result.outputFiles.find((file) => file.path.endsWith(".css"));
  return compressed(css.contents);
}

const sum = (sizes) =>
  sizes.reduce(
    (total, size) => ({
      min: total.min + size.min,
      gzip: total.gzip + size.gzip,
      brotli: total.brotli + size.brotli,
    }),
    { min: 0, gzip: 0, brotli: 0 },
  );

/**
 * Measures every entry (or those whose name includes `only`) and its peers in one run.
 * Each row: our sizes, one comparison per peer set (sizes and ratios), and the budget.
 */
export async function measureSizes({ only } = {}) {
  const peerJs = {};
  const peerCss = {};
  const rows = [];
  for (const entry of ENTRIES) {
    if (only && !entry.name.includes(only)) continue;
    const isCss = entry.css !== undefined;
    const size = isCss
      ? await measureCss(entry.css)
      : await measureCode(entry.code, entry.external, entry.dir && `${root}/${entry.dir}`);
    const comparisons = [];
    for (const names of entry.peers ?? []) {
      const sizes = [];
      for (const name of names) {
        if (isCss) {
          if (!PEERS[name].css) continue;
          peerCss[name] ??= await measureCss(PEERS[name].css);
          sizes.push(peerCss[name]);
        } else {
          peerJs[name] ??= await measureCode(PEERS[name].code, PEERS[name].external);
          sizes.push(peerJs[name]);
        }
      }
      const peer = sum(sizes);
      comparisons.push({
        peers: names.join(" + "),
        ...peer,
        ratioGzip: size.gzip / peer.gzip,
        ratioBrotli: size.brotli / peer.brotli,
      });
    }
    const budget =
      entry.budget ??
      (entry.budgetRatio === undefined ? undefined : entry.budgetRatio * comparisons[0].gzip);
    rows.push({
      id: entry.id,
      name: entry.name,
      ...size,
      comparisons,
      budget,
      budgetRatio: entry.budgetRatio,
      budgetPeers: entry.budgetRatio === undefined ? undefined : comparisons[0].peers,
      over: budget !== undefined && size.gzip > budget,
    });
  }
  return rows;
}

export const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

/** The size table in markdown: one line per peer set, our sizes on the entry's first line. */
export function sizeTable(rows) {
  const lines = [
    "| bundle | min | gzip | brotli | peer, same run: gzip / brotli | ratio gzip / brotli | budget (gzip) |",
    "| --- | ---: | ---: | ---: | --- | ---: | --- |",
  ];
  for (const r of rows) {
    const rule = r.budgetRatio === undefined ? "" : ` (${r.budgetRatio} × ${r.budgetPeers})`;
    const verdict = r.over ? "OVER" : "ok";
    const budget = r.budget === undefined ? "" : `${kb(r.budget)}${rule} ${verdict}`;
    const comparisons = r.comparisons.length ? r.comparisons : [undefined];
    comparisons.forEach((c, index) => {
      const ours =
        index === 0 ? `${r.name} | ${kb(r.min)} | ${kb(r.gzip)} | ${kb(r.brotli)}` : " | | |";
      const peer = c ? `${c.peers}: ${kb(c.gzip)} / ${kb(c.brotli)}` : "";
      const ratio = c ? `${c.ratioGzip.toFixed(2)} / ${c.ratioBrotli.toFixed(2)}` : "";
      lines.push(`| ${ours} | ${peer} | ${ratio} | ${index === 0 ? budget : ""} |`);
    });
    if (r.chunks > 1) {
      const lazy = Object.entries(r.lazy)
        .map(([kind, size]) => ` + ${kind} (largest) ${kb(size.gzip)}`)
        .join("");
      lines.push(
        `| ↳ loaded on demand: initial ${kb(r.initial.gzip)}${lazy}; all ${r.chunks} chunks ${kb(r.all.gzip)} | | | | | | |`,
      );
    }
  }
  return lines.join("\n");
}

const invokedDirectly =
  process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice(7);
  const rows = await measureSizes({ only });
  if (process.argv.includes("--json")) console.log(JSON.stringify(rows, null, 2));
  else console.log(sizeTable(rows));
  if (process.argv.includes("--check") && rows.some((r) => r.over)) {
    console.error("size: a bundle is over its budget");
    process.exit(1);
  }
}
