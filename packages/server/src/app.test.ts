import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "./app";
import { ConfigError, readConfig } from "./config";
import type { LogEntry } from "./logger";
import { startRedis, type TestRedis } from "./test-support/redis-server";

const phone = "+66812345678";
const SECRET = "s".repeat(32);
const ANTS = {
  OTPKIT_PROVIDER: "ants",
  ANTS_USERNAME: "u",
  ANTS_PASSWORD: "p",
  ANTS_OTC_ID: "otc",
  OTPKIT_TOKEN_SECRET: SECRET,
};

async function make(env: Record<string, string>, overrides: { production?: boolean } = {}) {
  const logs: LogEntry[] = [];
  const printed: string[] = [];
  const app = await createApp(
    { ...readConfig(env), ...overrides },
    { logger: (entry) => logs.push(entry), print: (line) => printed.push(line) },
  );
  const call = (path: string, body?: unknown) =>
    app.handler(
      new Request(`http://localhost/api/otp/${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  return { app, logs, printed, call };
}

const inbox = (call: (path: string) => Promise<Response>) =>
  call(`dev/inbox?phone=${encodeURIComponent(phone)}`);

describe("createApp", () => {
  it("in development with the console provider: prints the SMS and serves the dev inbox", async () => {
    const { call, printed, logs } = await make({});
    expect((await call("send", { phone })).status).toBe(200);
    expect(printed).toEqual([
      expect.stringMatching(
        /^\[otpkit console\] SMS to \+66812345678 from otpkit: Your otpkit code is \d{6}\./,
      ),
    ]);
    const answer = await inbox(call);
    expect(answer.status).toBe(200);
    const { messages } = (await answer.json()) as { messages: { text: string }[] };
    expect(messages).toHaveLength(1);
    expect(printed[0]).toContain(messages[0]?.text);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: "warn", event: "config.random_token_secret" }),
    );
  });

  it("ends the console SMS with the WebOTP line of OTPKIT_WEBOTP_ORIGIN", async () => {
    const { call } = await make({ OTPKIT_WEBOTP_ORIGIN: "https://app.example.com" });
    await call("send", { phone });
    const { messages } = (await (await inbox(call)).json()) as { messages: { text: string }[] };
    const text = messages[0]?.text ?? "";
    const code = /code is (\d{6})/.exec(text)?.[1];
    expect(text.split("\n").at(-1)).toBe(`@app.example.com #${code}`);
  });

  it("uses the code length and lifetime from the environment", async () => {
    const { call } = await make({ OTPKIT_CODE_LENGTH: "8", OTPKIT_CODE_TTL_SECONDS: "90" });
    const { challenge } = (await (await call("send", { phone })).json()) as {
      challenge: { codeLength: number; expiresIn: number };
    };
    expect(challenge).toMatchObject({ codeLength: 8, expiresIn: 90 });
  });

  it("lets the server's attempt count rule the console adapter's", async () => {
    const { call, printed } = await make({ OTPKIT_VERIFY_ATTEMPTS: "7" });
    const { challenge } = (await (await call("send", { phone })).json()) as {
      challenge: { id: string };
    };
    const code = /code is (\d{6})/.exec(printed[0] ?? "")?.[1] ?? "";
    const wrong = code === "000000" ? "111111" : "000000";
    let last: { error: { kind: string; attemptsLeft?: number } } | undefined;
    for (let i = 0; i < 6; i++) {
      last = await (await call("verify", { challengeId: challenge.id, code: wrong })).json();
    }
    expect(last?.error).toMatchObject({ kind: "wrong_code", attemptsLeft: 1 });
    expect((await call("verify", { challengeId: challenge.id, code })).status).toBe(200);
  });

  it("has no dev inbox with another provider", async () => {
    const { call, app } = await make(ANTS);
    expect(app.devInbox).toBeUndefined();
    expect((await inbox(call)).status).toBe(404);
  });

  it("has no dev inbox in production", async () => {
    expect((await inbox((await make({ ...ANTS, NODE_ENV: "production" })).call)).status).toBe(404);
    // Even if a console config reached production, the inbox would stay closed.
    const forced = await make({}, { production: true });
    expect((await forced.call("send", { phone })).status).toBe(200);
    expect((await inbox(forced.call)).status).toBe(404);
  });

  it("uses the secret it is given and warns about nothing", async () => {
    const { logs } = await make({ OTPKIT_TOKEN_SECRET: SECRET });
    expect(logs.filter((entry) => entry.level !== "info")).toEqual([]);
  });
});

describe("createApp with REDIS_URL", () => {
  let redis: TestRedis;
  let app: App | undefined;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await app?.close();
    await redis?.stop();
  });

  it("keeps challenges in Redis", async () => {
    const made = await make({ REDIS_URL: redis.url });
    app = made.app;
    expect((await made.call("send", { phone })).status).toBe(200);
    expect(await redis.client().keys("otpkit:challenge:*")).toHaveLength(1);
  });

  it("stops with one line when Redis cannot be reached, without repeating the URL", async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const url = `redis://:hunter2@127.0.0.1:${port}`;
    const error = await make({ REDIS_URL: url }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe("REDIS_URL: cannot connect to Redis");
  });
});
