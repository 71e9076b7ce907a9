#!/usr/bin/env node
/**
 * Benchmark (not a test): send+verify requests per second and p99 latency of
 * @otpkit/server (console adapter, memory store; then Redis store) against a bare node:http
 * server doing the same JSON parse and reply, in one run. Each server runs in its own
 * process and the load (autocannon) in another, on loopback. Prints a markdown table.
 *
 *   pnpm --filter @otpkit/server bench   (BENCH_ROUNDS=5 BENCH_SECONDS=5 BENCH_CONNECTIONS=10)
 *
 * Needs redis-server on the PATH for the Redis row (skipped without it).
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const packageRoot = join(here, "..");
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const warmupSeconds = 2;

/** Spawns `node file args`, resolves with the process and its first stdout JSON line. */
function start(file, args = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${file} exited (${code}) before answering`)));
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const line = output.split("\n").find((candidate) => candidate.startsWith("{"));
      if (line && output.includes("\n")) {
        child.removeAllListeners("exit");
        resolve({ child, info: JSON.parse(line) });
      }
    });
  });
}

const stop = (child) =>
  new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", resolve);
    child.kill("SIGTERM");
  });

/** CPU seconds a process has used (Linux /proc; 100 ticks a second), or undefined. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

let runs = 0;
async function load(url, duration) {
  runs += 1;
  const args = [url, String(duration), String(connections), String(runs)];
  const { child, info } = await start(join(here, "load.mjs"), args);
  await new Promise((resolve) => child.once("exit", resolve));
  return info;
}

async function startRedis() {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const dir = mkdtempSync(join(tmpdir(), "otpkit-bench-redis-"));
  const child = spawn(
    "redis-server",
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--dir",
      dir,
    ],
    { stdio: ["ignore", "pipe", "ignore"] },
  );
  await new Promise((resolve, reject) => {
    let output = "";
    child.once("error", reject);
    child.once("exit", () => reject(new Error("redis-server stopped")));
    child.stdout.on("data", (chunk) => {
      output += chunk;
      if (output.includes("Ready to accept connections")) resolve();
    });
  });
  child.removeAllListeners("exit");
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const cache = join(packageRoot, "node_modules/.cache/otpkit-bench");
mkdirSync(cache, { recursive: true });
const ours = join(cache, "ours.mjs");
await build({
  entryPoints: [join(here, "ours.mjs")],
  outfile: ours,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  conditions: ["@otpkit/source"],
  external: ["ioredis", "rate-limiter-flexible"],
  logLevel: "silent",
});

// Every server runs from the start; the rounds then take turns against each, so a change
// in the machine's load (other work on a shared box) hits every row alike.
const children = [];
const cleanup = () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
};
process.on("SIGINT", () => {
  cleanup();
  process.exit(130);
});

let redis;
try {
  redis = await startRedis();
} catch (error) {
  process.stderr.write(`Redis row skipped: ${error.message}\n`);
}
const targets = [
  { name: "bare node:http", file: join(here, "bare.mjs"), args: [] },
  { name: "@otpkit/server, memory store", file: ours, args: [] },
  ...(redis ? [{ name: "@otpkit/server, Redis store", file: ours, args: [redis.url] }] : []),
];
try {
  for (const target of targets) {
    const { child, info } = await start(target.file, target.args);
    children.push(child);
    target.pid = child.pid;
    target.url = info.url;
    target.results = [];
    await load(target.url, warmupSeconds);
  }
  for (let round = 1; round <= rounds; round++) {
    for (const target of targets) {
      const before = cpuSeconds(target.pid);
      const result = await load(target.url, seconds);
      const after = cpuSeconds(target.pid);
      // The server's own CPU per request: what a busy machine changes least.
      result.cpuMicros =
        before === undefined || after === undefined
          ? Number.NaN
          : ((after - before) * 1e6) / result.total;
      target.results.push(result);
      process.stderr.write(
        `round ${round}, ${target.name}: ${Math.round(result.requestsPerSecond)} req/s, p99 ${result.p99} ms, ${result.cpuMicros.toFixed(1)} µs CPU/request\n`,
      );
    }
  }
} finally {
  await Promise.all(children.map(stop));
  await redis?.stop();
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const sum = (values) => values.reduce((total, value) => total + value, 0);
const bare = targets[0];
const bareCpu = median(bare.results.map((r) => r.cpuMicros));
const table = [
  "| server | send+verify req/s | p99 ms | req/s of bare | server CPU µs/request | CPU of bare's | non-2xx | errors |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...targets.map((target) => {
    const ratios = target.results.map(
      (result, round) => result.requestsPerSecond / bare.results[round].requestsPerSecond,
    );
    const cpu = median(target.results.map((r) => r.cpuMicros));
    return `| ${target.name} | ${Math.round(median(target.results.map((r) => r.requestsPerSecond)))} | ${median(target.results.map((r) => r.p99))} | ${median(ratios).toFixed(2)} | ${cpu.toFixed(1)} | ${(bareCpu / cpu).toFixed(2)} | ${sum(target.results.map((r) => r.non2xx))} | ${sum(target.results.map((r) => r.errors + r.timeouts))} |`;
  }),
];
console.log(table.join("\n"));
console.log(
  `\nMedians over ${rounds} rounds of ${seconds} s per server, taking turns, after a ${warmupSeconds} s warm-up each; ${connections} connections; send and verify alternate on each connection; load from a separate process (autocannon) on loopback; Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), load average ${loadavg()
    .map((value) => value.toFixed(1))
    .join(" ")}.`,
);
