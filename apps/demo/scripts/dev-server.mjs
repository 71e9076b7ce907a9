#!/usr/bin/env node
/**
 * `pnpm dev:server`: the demo against the real @otpkit/server over HTTP.
 *
 * Starts the server (packages/server/dist/bin.js; built first when missing or older than the
 * sources) and Vite in server mode, which proxies /api/otp to it. The server picks its
 * provider from the environment: the console adapter by default, whose development inbox
 * feeds the simulated phone; ANTS, EngageLab or Verihubs when OTPKIT_PROVIDER and that
 * provider's credentials are set (see packages/server/README.md). Both share one
 * OTPKIT_TOKEN_SECRET (random unless set), so the demo's backend can check the tokens the
 * server signs. Ctrl-C stops both.
 *
 *   node apps/demo/scripts/dev-server.mjs [--port 5173] [--server-port 3000] [--no-build]
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { createConnection, createServer } from "node:net";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";

const demo = new URL("..", import.meta.url).pathname;
const root = join(demo, "../..");
const SERVER_PACKAGES = ["core", "providers", "server"];
const bin = join(root, "packages/server/dist/bin.js");

const { values: args } = parseArgs({
  // `pnpm … report -- --json x` passes the "--" through.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    port: { type: "string" },
    "server-port": { type: "string" },
    "no-build": { type: "boolean", default: false },
  },
});

function newestSource(directory) {
  let newest = 0;
  for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || /\.(test|stories)\.tsx?$/.test(entry.name)) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** The server and what it imports (core, providers) need a build older than none of their sources. */
function serverIsStale() {
  return SERVER_PACKAGES.some((name) => {
    const built = join(root, "packages", name, "dist/index.js");
    if (!existsSync(built)) return true;
    return newestSource(join(root, "packages", name, "src")) > statSync(built).mtimeMs;
  });
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

const portIsFree = (port) =>
  new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });

/** Resolves once something accepts connections on the port. */
async function listening(port, child, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("otpkit-server stopped during start-up");
    const open = await new Promise((resolve) => {
      const socket = createConnection({ port, host: "127.0.0.1" });
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`otpkit-server did not listen on port ${port}`);
}

if (!args["no-build"] && serverIsStale()) {
  process.stdout.write("▶ building @otpkit/server and the packages it imports…\n");
  const build = spawnSync("pnpm", ["--filter", "@otpkit/server...", "build"], {
    cwd: root,
    stdio: "inherit",
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (!existsSync(bin)) {
  console.error("dev:server: packages/server/dist/bin.js is missing; run `pnpm build` first");
  process.exit(1);
}

const serverPort = args["server-port"]
  ? Number(args["server-port"])
  : (await portIsFree(3000))
    ? 3000
    : await freePort();
const provider = process.env.OTPKIT_PROVIDER?.trim() || "console";
const tokenSecret = process.env.OTPKIT_TOKEN_SECRET || randomBytes(32).toString("base64url");

const say = (line) => process.stdout.write(`${line}\n`);
const children = new Set();
let stopping = false;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
}

function start(name, command, commandArgs, options) {
  const child = spawn(command, commandArgs, { stdio: "inherit", ...options });
  children.add(child);
  child.on("exit", (code, signal) => {
    children.delete(child);
    // One stopped on its own: stop the other too.
    if (!stopping) {
      console.error(`dev:server: ${name} stopped (${signal ?? `exit ${code}`})`);
      stopAll(code || 1);
    }
  });
  return child;
}

process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

const server = start("otpkit-server", process.execPath, [bin], {
  cwd: root,
  env: {
    ...process.env,
    OTPKIT_PROVIDER: provider,
    OTPKIT_TOKEN_SECRET: tokenSecret,
    PORT: String(serverPort),
    HOST: "127.0.0.1",
  },
});
try {
  await listening(serverPort, server);
} catch (error) {
  console.error(`dev:server: ${error.message}`);
  stopAll(1);
}

if (!stopping) {
  const vite = join(
    dirname(createRequire(join(demo, "package.json")).resolve("vite/package.json")),
    "bin/vite.js",
  );
  const viteArgs = args.port ? ["--port", args.port, "--strictPort"] : [];
  start("vite", process.execPath, [vite, ...viteArgs], {
    cwd: demo,
    env: {
      ...process.env,
      VITE_OTPKIT_MODE: "server",
      VITE_OTPKIT_SERVER_PROVIDER: provider,
      OTPKIT_SERVER_URL: `http://127.0.0.1:${serverPort}`,
      OTPKIT_TOKEN_SECRET: tokenSecret,
    },
  });
  say(
    `▶ otpkit-server (${provider}) on http://127.0.0.1:${serverPort}/api/otp; the demo proxies /api/otp to it`,
  );
}
