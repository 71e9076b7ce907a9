/**
 * A real `redis-server` for tests: a free loopback port, no persistence, a temp dir, and
 * stopped afterwards. Debian's package (scripts/system-deps.sh installs it in CI).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";

export interface TestRedis {
  url: string;
  port: number;
  /** A new client (closed by `stop`). */
  client(): Redis;
  /** Empties the database between tests. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function launch(port: number, dir: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
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
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    const timer = setTimeout(() => fail(new Error(`redis-server did not start:\n${output}`)), 5000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(error);
    };
    const exited = (code: number | null) =>
      fail(new Error(`redis-server exited (${code}):\n${output}`));
    child.once("error", fail);
    child.once("exit", exited);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) {
        clearTimeout(timer);
        child.off("exit", exited);
        resolve(child);
      }
    });
  });
}

export async function startRedis(): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), "otpkit-redis-"));
  let child: ChildProcess | undefined;
  let port = 0;
  // Another process may take the free port between probe and launch: try again.
  for (let tries = 0; !child; tries++) {
    port = await freePort();
    try {
      child = await launch(port, dir);
    } catch (error) {
      if (tries >= 3) throw error;
    }
  }
  const running = child;
  const clients: Redis[] = [];
  const url = `redis://127.0.0.1:${port}`;
  const client = () => {
    const redis = new Redis(url, { maxRetriesPerRequest: 1 });
    clients.push(redis);
    return redis;
  };
  const admin = client();
  return {
    url,
    port,
    client,
    async flush() {
      await admin.flushall();
    },
    async stop() {
      for (const redis of clients) redis.disconnect();
      if (running.exitCode === null && running.signalCode === null) {
        await new Promise<void>((resolve) => {
          running.once("exit", () => resolve());
          running.kill("SIGTERM");
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
