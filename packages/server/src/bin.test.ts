/**
 * `otpkit-server` as a real process: start-up refusals, the dev inbox, and a graceful
 * SIGTERM that lets a request in flight (held at a fake provider) finish.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { bundleBin } from "./test-support/bundle-bin";

let bin: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  bin = await bundleBin();
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});
afterAll(() => {
  rmSync(bin, { force: true });
});

interface Run {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stderr log line of this event. */
  event(name: string): Promise<Record<string, unknown>>;
  exit: Promise<number | null>;
}

function run(env: Record<string, string>): Run {
  const child = spawn(process.execPath, [bin], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  const waiters: { name: string; resolve: (entry: Record<string, unknown>) => void }[] = [];
  const check = () => {
    for (const line of stderr.split("\n")) {
      if (!line.startsWith("{")) continue;
      const entry = JSON.parse(line) as Record<string, unknown>;
      for (const waiter of waiters.filter((w) => w.name === entry.event)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(entry);
      }
    }
  };
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
    check();
  });
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    event: (name) =>
      new Promise((resolve) => {
        waiters.push({ name, resolve });
        check();
      }),
    exit,
  };
}

describe("otpkit-server start-up", () => {
  it.each([
    [
      { OTPKIT_PROVIDER: "ants" },
      "otpkit-server: OTPKIT_TOKEN_SECRET is required (at least 32 characters) outside development with the console provider",
    ],
    [
      { OTPKIT_PROVIDER: "ants", OTPKIT_TOKEN_SECRET: "s".repeat(32) },
      "otpkit-server: ANTS_USERNAME is required",
    ],
    [{ PORT: "eighty" }, "otpkit-server: PORT must be a whole number from 0 to 65535"],
    [
      { OTPKIT_PROVIDER: "sms-r-us" },
      "otpkit-server: OTPKIT_PROVIDER must be one of console, ants, engagelab, verihubs",
    ],
  ])("stops with exactly one line for %o", async (env, line) => {
    const started = run(env);
    expect(await started.exit).toBe(1);
    expect(started.stderr()).toBe(`${line}\n`);
    expect(started.stdout()).toBe("");
  });

  it("runs the console provider in development: prints the SMS, serves the dev inbox", async () => {
    const started = run({ PORT: "0" });
    const { url } = (await started.event("server.listening")) as { url: string };
    const phone = "+66812345678";
    const sent = await fetch(`${url}/api/otp/send`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone }),
    });
    expect(sent.status).toBe(200);
    const inbox = await fetch(`${url}/api/otp/dev/inbox?phone=${encodeURIComponent(phone)}`);
    const { messages } = (await inbox.json()) as { messages: { text: string }[] };
    expect(messages[0]?.text).toMatch(/^Your otpkit code is \d{6}\./);
    expect(started.stdout()).toContain(`SMS to ${phone} from otpkit: ${messages[0]?.text}`);
    expect(started.stderr()).toContain('"event":"config.random_token_secret"');
    started.child.kill("SIGTERM");
    expect(await started.exit).toBe(0);
  });
});

describe("otpkit-server shutdown", () => {
  it("on SIGTERM, finishes the request in flight, refuses new ones, then exits 0", async () => {
    // A fake Verihubs that holds the send until the test lets it answer.
    let release: () => void = () => {};
    let reached: () => void = () => {};
    const atProvider = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const provider = createServer((request: IncomingMessage, response: ServerResponse) => {
      request.resume();
      release = () =>
        response
          .writeHead(201, { "content-type": "application/json" })
          .end(JSON.stringify({ message: "OTP sent successfully", session_id: "s-1" }));
      reached();
    }).listen(0, "127.0.0.1");
    await new Promise((resolve) => provider.once("listening", resolve));
    const { port } = provider.address() as { port: number };

    const started = run({
      PORT: "0",
      OTPKIT_PROVIDER: "verihubs",
      VERIHUBS_APP_ID: "app",
      VERIHUBS_API_KEY: "key",
      VERIHUBS_BASE_URL: `http://127.0.0.1:${port}`,
      OTPKIT_TOKEN_SECRET: "s".repeat(32),
    });
    const { url } = (await started.event("server.listening")) as { url: string };
    const inFlight = fetch(`${url}/api/otp/send`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone: "+6281234567890" }),
    });
    await atProvider;
    started.child.kill("SIGTERM");
    await started.event("server.stopping");
    await expect(fetch(`${url}/api/otp/send`, { method: "POST" })).rejects.toThrow();
    expect(started.child.exitCode).toBeNull();

    release();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { challenge: { channel: string } }).challenge.channel).toBe(
      "sms",
    );
    expect(await started.exit).toBe(0);
    expect(started.stderr()).toContain('"event":"server.stopped"');
    await new Promise((resolve) => provider.close(resolve));
  });
});
