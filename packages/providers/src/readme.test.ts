/** The README's examples run, against the providers' MSW mocks, and do what they say. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { OtpAdapter } from "@otpkit/core";
import {
  ANTS_MOCK_CREDENTIALS,
  ANTS_MOCK_OTC_ID,
  antsMock,
  codeFromText,
  createInbox,
  ENGAGELAB_MOCK_CREDENTIALS,
  ENGAGELAB_MOCK_TEMPLATE_ID,
  engagelabMock,
  VERIHUBS_MOCK_CREDENTIALS,
  verihubsMock,
} from "@otpkit/mocks";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

const packageDir = join(import.meta.dirname, "..");
const readme = readFileSync(join(packageDir, "README.md"), "utf8");

/** The first ```js block under the heading that starts with `heading`, saved to run. */
function example(heading: string, fileName: string): string {
  const escaped = heading.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const code = readme.match(
    new RegExp(`## ${escaped}[^\\n]*\\n+\`\`\`js\\n([\\s\\S]*?)\`\`\``),
  )?.[1];
  if (!code) throw new Error(`README.md has no \`\`\`js block under "## ${heading}"`);
  const dir = join(packageDir, ".readme");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, fileName);
  writeFileSync(file, code);
  return file;
}

const inbox = createInbox();
const mocks = [antsMock({ inbox }), engagelabMock({ inbox }), verihubsMock({ inbox })];
const network = setupServer(...mocks.flatMap((mock) => mock.handlers));
beforeAll(() => network.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  vi.restoreAllMocks();
  inbox.clear();
  for (const mock of mocks) mock.reset();
});
afterAll(() => network.close());

it("the console example runs and prints what its comments say", async () => {
  const file = example("Example: a code end to end", "console-demo.mjs");
  const source = readFileSync(file, "utf8");
  // Every `console.log(...); // <values>` line states what it prints, as JSON values.
  const expected = [...source.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map(([, comment]) =>
    JSON.parse(`[${(comment ?? "").replace(/ (?=[^"]*(?:"[^"]*"[^"]*)*$)/g, ",")}]`),
  );
  expect(expected).toHaveLength(3);
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  await import(/* @vite-ignore */ file);
  expect(log.mock.calls).toEqual(expected);
}, 20_000); // imports and transforms the example: slow on a loaded machine

describe("the environment example", () => {
  async function load() {
    const file = example("Example: the provider from environment variables", "otp-adapter.mjs");
    return (await import(/* @vite-ignore */ file)) as {
      adapterFromEnv(env: Record<string, string | undefined>): OtpAdapter;
    };
  }

  const providers: [string, string, Record<string, string>][] = [
    [
      "ants",
      "+66812345678",
      {
        ANTS_USERNAME: ANTS_MOCK_CREDENTIALS.username,
        ANTS_PASSWORD: ANTS_MOCK_CREDENTIALS.password,
        ANTS_OTC_ID: ANTS_MOCK_OTC_ID,
      },
    ],
    [
      "engagelab",
      "+66812345678",
      {
        ENGAGELAB_DEV_KEY: ENGAGELAB_MOCK_CREDENTIALS.devKey,
        ENGAGELAB_DEV_SECRET: ENGAGELAB_MOCK_CREDENTIALS.devSecret,
        ENGAGELAB_TEMPLATE_ID: ENGAGELAB_MOCK_TEMPLATE_ID,
      },
    ],
    [
      "verihubs",
      "+6281234567890",
      {
        VERIHUBS_APP_ID: VERIHUBS_MOCK_CREDENTIALS.appId,
        VERIHUBS_API_KEY: VERIHUBS_MOCK_CREDENTIALS.apiKey,
      },
    ],
  ];

  it.each(providers)("builds a working %s adapter from its variables", async (name, phone, env) => {
    const { adapterFromEnv } = await load();
    const adapter = adapterFromEnv({ OTP_PROVIDER: name, ...env });
    const challenge = await adapter.send({ phone });
    const code = codeFromText(inbox.latest(phone) ?? "", challenge.codeLength) ?? "";
    await expect(adapter.verify({ challenge, code })).resolves.toMatchObject({ verified: true });
  });

  it.each(providers)("refuses to build %s when a variable is missing", async (name, _, env) => {
    const { adapterFromEnv } = await load();
    const [missing] = Object.keys(env);
    expect(() => adapterFromEnv({ OTP_PROVIDER: name, ...env, [missing ?? ""]: "" })).toThrow(
      `${missing} is not set`,
    );
  });

  it("uses the console adapter by default, which prints the SMS", async () => {
    const { adapterFromEnv } = await load();
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await adapterFromEnv({}).send({ phone: "+66812345678" });
    expect(String(log.mock.calls[0]?.[0])).toMatch(/Your otpkit code is \d{6}\./);
  });

  it("refuses the console adapter in production and an unknown provider", async () => {
    const { adapterFromEnv } = await load();
    expect(() => adapterFromEnv({ NODE_ENV: "production" })).toThrow(/production/);
    expect(() => adapterFromEnv({ OTP_PROVIDER: "twilio" })).toThrow(/Unknown OTP_PROVIDER/);
  });
});
