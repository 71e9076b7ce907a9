#!/usr/bin/env node
/**
 * `pnpm bench`: every figure otpkit promises, re-measured in one run beside what it is
 * compared with, as one markdown table on stdout and in BENCHMARKS.md (with the details).
 *
 *   - bundle sizes (min, gzip, brotli) of CodeInput, PhoneInput, OtpVerify, core+react and the
 *     stylesheet, next to input-otp, react-otp-input, react-phone-number-input and
 *     react-international-phone, bundled by the same esbuild in the same run (scripts/size.mjs);
 *   - React render counts per keystroke and per countdown second (React Profiler in jsdom:
 *     scripts/bench/renders.measure.tsx);
 *   - @otpkit/server requests per second and p99 against a bare node:http server
 *     (packages/server/bench, shortened: BENCH_ROUNDS=5 BENCH_SECONDS=4 BENCH_CONNECTIONS=50
 *     unless set).
 *
 * Sizes and render counts are deterministic; timings depend on the machine and its load, so
 * they are reported, never asserted (the size budgets are checked by `pnpm test`).
 *
 *   node scripts/bench.mjs [--no-build]    progress on stderr, the table on stdout
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { kb, measureSizes, sizeTable } from "./size.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const started = Date.now();
const loadBefore = loadavg();
const failures = [];
const progress = (line) => process.stderr.write(`bench: ${line}\n`);

function build() {
  if (process.argv.includes("--no-build")) return;
  progress("building the packages (pnpm build) so sizes measure the current code");
  const { status } = spawnSync("pnpm", ["build"], { cwd: root, stdio: ["ignore", 2, 2] });
  if (status !== 0) throw new Error("pnpm build failed");
}

/** Runs a command, its stdout collected and its stderr passed through as progress. */
function run(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${command} ${args[0]} exited ${code}`)),
    );
  });
}

async function measureRenders() {
  progress("render counts (vitest, jsdom, React Profiler)");
  const dir = mkdtempSync(join(tmpdir(), "otpkit-bench-"));
  const out = join(dir, "renders.json");
  try {
    await run(
      process.execPath,
      [
        join(root, "node_modules/vitest/vitest.mjs"),
        "run",
        "--config",
        "scripts/bench/vitest.renders.config.ts",
        "--reporter=dot",
      ],
      { OTPKIT_RENDERS_OUT: out },
    );
    return JSON.parse(readFileSync(out, "utf8"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The server bench's markdown table, read back by its column names. */
function parseServerTable(text) {
  const lines = text.split("\n").filter((line) => line.startsWith("|"));
  const cells = (line) =>
    line
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim());
  const header = cells(lines[0] ?? "");
  const column = (name) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`server bench: no "${name}" column in its table`);
    return index;
  };
  const at = {
    name: column("server"),
    rps: column("send+verify req/s"),
    p99: column("p99 ms"),
    rpsRatio: column("req/s of bare"),
    cpu: column("server CPU µs/request"),
  };
  const rows = lines.slice(2).map((line) => {
    const row = cells(line);
    return {
      name: row[at.name],
      rps: Number(row[at.rps]),
      p99: Number(row[at.p99]),
      rpsRatio: Number(row[at.rpsRatio]),
      cpu: Number(row[at.cpu]),
    };
  });
  const note = text
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("|"))
    .join(" ");
  return { table: lines.join("\n"), note, rows };
}

async function measureServer() {
  const rounds = process.env.BENCH_ROUNDS ?? "5";
  const seconds = process.env.BENCH_SECONDS ?? "4";
  // 50 connections (the server bench alone uses 10): enough queueing that p99 lands above
  // autocannon's 1 ms resolution for bare node:http too, so the p99 ratio means something.
  const connections = process.env.BENCH_CONNECTIONS ?? "50";
  progress(
    `server: ${rounds} rounds of ${seconds} s per server, ${connections} connections (packages/server/bench)`,
  );
  const stdout = await run(process.execPath, ["packages/server/bench/bench.mjs"], {
    BENCH_ROUNDS: rounds,
    BENCH_SECONDS: seconds,
    BENCH_CONNECTIONS: connections,
  });
  return parseServerTable(stdout);
}

async function attempt(name, measure) {
  try {
    return await measure();
  } catch (error) {
    failures.push(name);
    progress(`${name} not measured: ${error.message}`);
    return undefined;
  }
}

const ratio = (a, b) => (b ? (a / b).toFixed(2) : "");

function sizeRows(sizes) {
  const figures = {
    CodeInput: "CodeInput, min+gzip / brotli",
    PhoneInput: "PhoneInput, min+gzip / brotli",
    OtpVerify: "OtpVerify (with core, react, TanStack Query), min+gzip / brotli",
    "core+react": "core + react (useOtpFlow, createHttpAdapter), min+gzip / brotli",
    styles: "@otpkit/ui/styles.css, min+gzip / brotli",
  };
  const rows = [];
  for (const [id, figure] of Object.entries(figures)) {
    const size = sizes.find((row) => row.id === id);
    if (!size) continue;
    size.comparisons.forEach((peer, index) => {
      rows.push([
        index === 0 ? figure : "",
        index === 0 ? `${kb(size.gzip)} / ${kb(size.brotli)}` : "",
        `${peer.peers}: ${kb(peer.gzip)} / ${kb(peer.brotli)}`,
        `${peer.ratioGzip.toFixed(2)} / ${peer.ratioBrotli.toFixed(2)}`,
      ]);
    });
  }
  return rows;
}

const plural = (n, word) => `${n} ${n === 1 ? word : `${word}s`}`;
const renderCell = (counts) =>
  `${plural(counts.commits, "commit")} (${plural(counts.components, "component")})`;

function renderRows(renders) {
  const rows = [];
  const compare = (figure, ours, peers) => {
    const mine = renders[ours]?.perKeystroke;
    if (!mine) return;
    peers.forEach((name, index) => {
      const theirs = renders[name]?.perKeystroke;
      if (!theirs) return;
      rows.push([
        index === 0 ? figure : "",
        index === 0 ? renderCell(mine) : "",
        `${name}: ${renderCell(theirs)}`,
        `${ratio(mine.commits, theirs.commits)} / ${ratio(mine.components, theirs.components)}`,
      ]);
    });
  };
  compare("renders per keystroke, code field alone", "CodeInput", ["input-otp", "react-otp-input"]);
  compare("renders per keystroke, phone field alone", "PhoneInput", [
    "react-phone-number-input",
    "react-international-phone",
  ]);
  const alone = (figure, key, per) => {
    const counts = renders[key]?.[per];
    if (counts) rows.push([figure, renderCell(counts), "—", ""]);
  };
  alone("renders per keystroke, OtpVerify code step", "OtpVerify", "perKeystroke");
  alone("renders per keystroke, OtpVerify phone step", "OtpVerifyPhone", "perKeystroke");
  alone("renders per countdown second, OtpVerify", "OtpVerify", "perCountdownSecond");
  alone("renders per keystroke, useOtpFlow (headless)", "useOtpFlow", "perKeystroke");
  alone("renders per countdown second, useOtpFlow", "useOtpFlow", "perCountdownSecond");
  return rows;
}

function serverRows(server) {
  const bare = server.rows.find((row) => row.name.startsWith("bare"));
  if (!bare) return [];
  return server.rows
    .filter((row) => row !== bare)
    .flatMap((row) => [
      [
        `${row.name}: send+verify req/s (higher is better)`,
        String(Math.round(row.rps)),
        `bare node:http: ${Math.round(bare.rps)}`,
        row.rpsRatio.toFixed(2),
      ],
      [
        `${row.name}: p99 latency`,
        `${row.p99} ms`,
        `bare node:http: ${bare.p99} ms`,
        bare.p99 > 0 ? ratio(row.p99, bare.p99) : "n/a (bare under 1 ms)",
      ],
      [
        `${row.name}: server CPU per request`,
        `${row.cpu.toFixed(1)} µs`,
        `bare node:http: ${bare.cpu.toFixed(1)} µs`,
        ratio(row.cpu, bare.cpu),
      ],
    ]);
}

/** A markdown table; `rightAligned` columns (by index) hold figures to compare down. */
const markdownTable = (header, rows, rightAligned = []) =>
  [
    `| ${header.join(" | ")} |`,
    `| ${header.map((_, index) => (rightAligned.includes(index) ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");

function renderDetails(renders) {
  const rows = Object.values(renders).flatMap((result) =>
    [
      ["per keystroke", result.perKeystroke],
      ["per countdown second", result.perCountdownSecond],
    ]
      .filter(([, counts]) => counts)
      .map(([per, counts]) => [
        result.subject,
        per,
        String(counts.commits),
        String(counts.components),
        Object.entries(counts.which)
          .map(([name, times]) => (times === 1 ? name : `${name} ×${times}`))
          .join(", "),
      ]),
  );
  return markdownTable(
    ["subject", "event", "commits", "components rendered", "which components (times per event)"],
    rows,
    [2, 3],
  );
}

// --- measure -------------------------------------------------------------------------------

await attempt("build", async () => build());
progress("bundle sizes (esbuild, same run for ours and the peers)");
const sizes = await attempt("sizes", () => measureSizes());
const renders = await attempt("renders", () => measureRenders());
const server = await attempt("server", () => measureServer());

// --- report --------------------------------------------------------------------------------

const rows = [
  ...(sizes ? sizeRows(sizes) : [["bundle sizes", "not measured", "", ""]]),
  ...(renders ? renderRows(renders) : [["render counts", "not measured", "", ""]]),
  ...(server ? serverRows(server) : [["server throughput and p99", "not measured", "", ""]]),
];
const table = markdownTable(["figure", "otpkit", "peer or baseline, same run", "ratio"], rows, [3]);
const cpu = cpus();
const caveat = [
  `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on Node ${process.version}, ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? "unknown"}), load average ${loadBefore.map((n) => n.toFixed(1)).join(" ")} at the start and ${loadavg()
    .map((n) => n.toFixed(1))
    .join(" ")} at the end; ${Math.round((Date.now() - started) / 1000)} s in all.`,
  "Ratios are otpkit ÷ peer: below 1 is smaller, fewer or quicker, except req/s, where above 1 is faster. Render ratios are commits / components.",
  "Sizes and render counts are deterministic. Requests per second and p99 (whole milliseconds: autocannon's resolution) depend on this machine and on whatever else it was doing: compare the ratios within one run, not the numbers across machines.",
].join("\n");

const details = [
  "# Benchmarks",
  "",
  "Written by `pnpm bench` (scripts/bench.mjs); do not edit by hand, run it again. Every figure",
  "is measured in one run beside what it is compared with.",
  "",
  table,
  "",
  caveat,
  "",
  "## Bundle sizes",
  "",
  'Each row is the code an app would write (`export { CodeInput } from "@otpkit/ui"`), bundled',
  "by esbuild (minified, ESM, browser, `NODE_ENV=production`) with React external, then gzip",
  "(level 9) and brotli (maximum quality); ours from the packages' built `dist/`. The peers are",
  "bundled the same way in the same run; OtpVerify is compared with a code field plus a phone",
  "field, which is what it replaces (the peers then still need the flow, countdowns, errors and",
  "messages that OtpVerify brings). Budgets are checked by `pnpm test` (`scripts/size.mjs --check`).",
  "",
  "Code splitting is on, as in an app's bundler: what loads on demand (a group of phone",
  "numbering plans, a locale's messages) is its own chunk. A row's size is the most one user",
  "downloads: the initial chunks plus the largest group of plans and the largest locale (every",
  "component's part of it), each chunk compressed on its own; the ↳ line splits it up.",
  "",
  sizes ? sizeTable(sizes) : "Not measured in this run.",
  "",
  "What the phone fields include, which explains most of the difference:",
  "",
  "- `PhoneInput` (ours): libphonenumber-js `mobile` metadata for every country (formatting as",
  "  you type, validation, mobile or not), loaded a group of calling codes at a time; a",
  "  searchable country list; flags drawn as emoji (no images).",
  "- `react-phone-number-input`: libphonenumber-js `min` metadata, a native `<select>` of",
  "  countries; flag images load at runtime from purecatamphetamine.github.io (not counted).",
  "- `react-international-phone`: formatting masks per country, no libphonenumber metadata",
  "  (no validation of a number's ranges); flag images load at runtime from cdnjs (not counted).",
  "- Stylesheets are minified by the same esbuild; input-otp and react-otp-input ship none.",
  "",
  "## Render counts",
  "",
  "React commits (Profiler `onRender` calls) and the components rendered in them, in jsdom with",
  "React's development build and fake timers, so the counts are the same on every run. Each",
  "field sits in a parent that holds its value, as its README shows; each keystroke (typed with",
  "user-event) is followed by 100 ms of timers so work a field defers is counted against it.",
  "The code step is measured while its countdowns run (resend and expiry). A fraction means",
  "some keystrokes rendered a component and some did not: the parent (`Host`) re-renders only",
  "when the field hands it a new value (our PhoneInput hands over E.164 once it is a number).",
  'input-otp runs with `pushPasswordManagerStrategy="none"`: jsdom has no layout for its',
  "password-manager probe (in a browser the probe adds renders in the first seconds after focus).",
  "",
  renders ? renderDetails(renders) : "Not measured in this run.",
  "",
  "## Server",
  "",
  "@otpkit/server (console adapter: the provider call costs nothing, so this is the server's own",
  "work: validation, store, limit counters, token) against a bare node:http server doing the same",
  "JSON parse and reply; each in its own process, the load (autocannon) in another, on loopback.",
  "The server's own bench, `pnpm --filter @otpkit/server bench`, runs longer rounds at 10",
  "connections; here 50 connections put bare node:http's p99 above autocannon's 1 ms resolution.",
  "",
  server ? `${server.table}\n\n${server.note}` : "Not measured in this run.",
  "",
].join("\n");
const file = join(root, "BENCHMARKS.md");
writeFileSync(file, details);
// Biome formats Markdown (aligned tables); format it here so `pnpm lint` passes as written.
const formatted = spawnSync(join(root, "node_modules/.bin/biome"), ["format", "--write", file], {
  cwd: root,
  encoding: "utf8",
});
if (formatted.status !== 0) progress(`biome could not format BENCHMARKS.md: ${formatted.stderr}`);
// The same table on stdout, as formatted in the file.
const written = readFileSync(file, "utf8").split("\n");
const first = written.findIndex((line) => line.startsWith("|"));
const end = written.findIndex((line, index) => index > first && !line.startsWith("|"));
console.log(written.slice(first, end).join("\n"));
console.log(`\n${caveat}`);
progress(`written to BENCHMARKS.md in ${Math.round((Date.now() - started) / 1000)} s`);

if (failures.length) {
  progress(`failed: ${failures.join(", ")}`);
  process.exit(1);
}
