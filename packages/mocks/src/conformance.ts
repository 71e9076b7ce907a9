/**
 * A behavioural suite for any OtpAdapter: provider adapters against their mocks, the HTTP
 * adapter against a server, an integrator's own adapter against their backend.
 *
 *   import { describeAdapterConformance, inboxCodeReader } from "@otpkit/mocks/conformance";
 *   describeAdapterConformance("my adapter", () => ({ adapter, phone, readCode, ... }));
 *
 * Each check starts from a fresh `setup()`. Runs under vitest (an optional peer dependency).
 */
import type { OtpAdapter, OtpChallenge, OtpErrorKind } from "@otpkit/core";
import { describe, expect, it } from "vitest";
import { codeFromText, type Inbox } from "./inbox";

export interface ConformanceEnv {
  /** A fresh adapter, wired to a backend that uses the same clock as `now`/`advance`. */
  adapter: OtpAdapter;
  /** The E.164 number to send to. */
  phone: string;
  /** The newest code delivered to `phone`, as the user would read it. */
  readCode(phone: string, codeLength: number): Promise<string>;
  /** The clock shared by adapter and backend. */
  now(): number;
  /** Moves that clock forward. */
  advance(ms: number): void;
  /** How long the backend keeps a code: the suite moves past it to check expiry. */
  ttlSeconds: number;
  /** Runs after each check. */
  cleanup?(): void | Promise<void>;
}

/**
 * The kinds each check accepts. Defaults are the contract; widen one only where the
 * backend cannot tell (Verihubs, for example, answers an unknown challenge as a wrong code).
 */
export interface ConformanceExpectations {
  /** A wrong code. Default `["wrong_code"]`. */
  wrongCode?: OtpErrorKind[];
  /** The right code after the lifetime. Default `["expired"]`. */
  expired?: OtpErrorKind[];
  /** The old code against the challenge a resend returned. Default `["wrong_code"]`. */
  replacedCode?: OtpErrorKind[];
  /** A second verify of a verified challenge. Default `["already_verified"]`. */
  verifiedTwice?: OtpErrorKind[];
  /** A challenge the backend never issued. Default `["not_found"]`. */
  unknownChallenge?: OtpErrorKind[];
}

export interface ConformanceOptions {
  expect?: ConformanceExpectations;
  /** A challenge the backend does not know, made from one it issued. Default: another id. */
  unknownChallenge?(issued: OtpChallenge): OtpChallenge;
}

export type ConformanceSetup = () => ConformanceEnv | Promise<ConformanceEnv>;

type Check = (env: ConformanceEnv, options: ConformanceOptions) => Promise<void>;

const DEFAULTS: Required<ConformanceExpectations> = {
  wrongCode: ["wrong_code"],
  expired: ["expired"],
  replacedCode: ["wrong_code"],
  verifiedTwice: ["already_verified"],
  unknownChallenge: ["not_found"],
};

const expected = (options: ConformanceOptions, key: keyof ConformanceExpectations) =>
  options.expect?.[key] ?? DEFAULTS[key];

/** Runs `promise`, expects it to fail with an OtpError of one of `kinds`, returns it. */
async function failsWith(
  promise: Promise<unknown>,
  kinds: OtpErrorKind[],
): Promise<{ kind: OtpErrorKind; attemptsLeft?: number }> {
  const outcome = await promise.then(
    (value) => ({ resolved: value }),
    (error: unknown) => ({ rejected: error }),
  );
  expect(outcome, `expected a failure of kind ${kinds.join(" or ")}`).toHaveProperty("rejected");
  const error = (outcome as { rejected: { name?: string; kind: OtpErrorKind } }).rejected;
  expect(error).toMatchObject({ name: "OtpError" });
  expect(kinds).toContain(error.kind);
  return error;
}

/** A code of the same length that is certainly different. */
const otherCode = (code: string) =>
  [...code]
    .map((char) => (/\d/.test(char) ? String((Number(char) + 1) % 10) : char === "A" ? "B" : "A"))
    .join("");

async function sendAndRead(env: ConformanceEnv) {
  const challenge = await env.adapter.send({ phone: env.phone });
  const code = await env.readCode(env.phone, challenge.codeLength);
  return { challenge, code };
}

/** Moves the clock past the challenge's resend time. */
function passCooldown(env: ConformanceEnv, challenge: OtpChallenge) {
  env.advance(Math.max(0, challenge.resendAt - env.now()) + 1000);
}

function expectSaneChallenge(env: ConformanceEnv, challenge: OtpChallenge, code: string) {
  const at = env.now();
  expect(challenge.id, "challenge.id").toEqual(expect.any(String));
  expect(challenge.id.length).toBeGreaterThan(0);
  expect(challenge.phone, "challenge.phone ends like the number").toMatch(
    new RegExp(`${env.phone.slice(-3)}$`),
  );
  expect(Number.isInteger(challenge.codeLength), "codeLength is an integer").toBe(true);
  expect(challenge.codeLength, "codeLength matches the delivered code").toBe(code.length);
  expect(challenge.channel, "channel").toEqual(expect.any(String));
  expect(challenge.expiresAt, "expiresAt is in the future").toBeGreaterThan(at);
  expect(challenge.expiresAt, "expiresAt within ttlSeconds").toBeLessThanOrEqual(
    at + env.ttlSeconds * 1000 + 1000,
  );
  // resendAt may come after expiresAt: a server that locked the number says so in it.
  expect(challenge.resendAt, "resendAt is not before receipt").toBeGreaterThanOrEqual(at - 1000);
  if (challenge.attemptsLeft !== undefined) {
    expect(Number.isInteger(challenge.attemptsLeft) && challenge.attemptsLeft > 0).toBe(true);
  }
  if (challenge.referenceCode !== undefined) {
    expect(challenge.referenceCode.length, "referenceCode is not empty").toBeGreaterThan(0);
  }
  // The code goes to the phone only. Text fields other than id and phone may not contain
  // it (numbers are compared whole: a timestamp may hold any digit run by chance).
  const { id: _id, phone: _phone, ...rest } = challenge;
  for (const [key, value] of Object.entries(rest)) {
    const carriesCode =
      typeof value === "number"
        ? String(value) === code
        : JSON.stringify(value ?? "").includes(code);
    expect(carriesCode, `challenge.${key} carries the code`).toBe(false);
  }
}

/** The checks, exported so a test can prove each one catches a broken adapter. */
export const conformanceChecks: Readonly<Record<string, Check>> = {
  "send returns a challenge the UI can use": async (env) => {
    const { challenge, code } = await sendAndRead(env);
    expectSaneChallenge(env, challenge, code);
  },

  "verify accepts the delivered code": async (env) => {
    const { challenge, code } = await sendAndRead(env);
    const verified = await env.adapter.verify({ challenge, code });
    expect(verified.verified).toBe(true);
    if (verified.token !== undefined) expect(verified.token).toEqual(expect.any(String));
  },

  "a wrong code fails, then the right code verifies": async (env, options) => {
    const { challenge, code } = await sendAndRead(env);
    const error = await failsWith(
      env.adapter.verify({ challenge, code: otherCode(code) }),
      expected(options, "wrongCode"),
    );
    if (error.attemptsLeft !== undefined) {
      expect(error.attemptsLeft).toBeGreaterThanOrEqual(0);
      if (challenge.attemptsLeft !== undefined) {
        expect(error.attemptsLeft).toBeLessThan(challenge.attemptsLeft);
      }
    }
    await expect(env.adapter.verify({ challenge, code })).resolves.toMatchObject({
      verified: true,
    });
  },

  "the code expires after its lifetime": async (env, options) => {
    const { challenge, code } = await sendAndRead(env);
    env.advance(env.ttlSeconds * 1000 + 1000);
    await failsWith(env.adapter.verify({ challenge, code }), expected(options, "expired"));
  },

  "resend replaces the code": async (env, options) => {
    const sent = await sendAndRead(env);
    let challenge = sent.challenge;
    let code = sent.code;
    // A new code may equal the old one by chance (1 in 10^length): resend until it differs.
    for (let tries = 0; tries < 3 && code === sent.code; tries++) {
      passCooldown(env, challenge);
      challenge = await env.adapter.resend({ challenge });
      code = await env.readCode(env.phone, challenge.codeLength);
      expectSaneChallenge(env, challenge, code);
    }
    expect(code, "three resends delivered the same code").not.toBe(sent.code);
    await failsWith(
      env.adapter.verify({ challenge, code: sent.code }),
      expected(options, "replacedCode"),
    );
    await expect(env.adapter.verify({ challenge, code })).resolves.toMatchObject({
      verified: true,
    });
  },

  "a verified challenge cannot be verified again": async (env, options) => {
    const { challenge, code } = await sendAndRead(env);
    await env.adapter.verify({ challenge, code });
    await failsWith(env.adapter.verify({ challenge, code }), expected(options, "verifiedTwice"));
  },

  "an unknown challenge fails": async (env, options) => {
    const { challenge, code } = await sendAndRead(env);
    const unknown = options.unknownChallenge?.(challenge) ?? {
      ...challenge,
      id: "otpkit-conformance-unknown",
    };
    await failsWith(
      env.adapter.verify({ challenge: unknown, code }),
      expected(options, "unknownChallenge"),
    );
  },
};

/** Declares one vitest `describe` with an `it` per contract check. */
export function describeAdapterConformance(
  name: string,
  setup: ConformanceSetup,
  options: ConformanceOptions = {},
): void {
  describe(`${name} conforms to OtpAdapter`, () => {
    for (const [title, check] of Object.entries(conformanceChecks)) {
      it(title, async () => {
        const env = await setup();
        try {
          await check(env, options);
        } finally {
          await env.cleanup?.();
        }
      });
    }
  });
}

/** `readCode` for backends that deliver into a mocks `Inbox`. */
export function inboxCodeReader(inbox: Inbox): ConformanceEnv["readCode"] {
  return async (phone, codeLength) => codeIn(inbox.latest(phone), phone, codeLength);
}

/**
 * `readCode` for a server that exposes the development inbox (`GET {base}/dev/inbox`),
 * such as @otpkit/server with the console provider, or `otpServerMock`.
 */
export function devInboxCodeReader(
  baseUrl: string,
  fetchImpl: typeof fetch = fetch,
): ConformanceEnv["readCode"] {
  const base = baseUrl.replace(/\/+$/, "");
  return async (phone, codeLength) => {
    const response = await fetchImpl(`${base}/dev/inbox?phone=${encodeURIComponent(phone)}`);
    if (!response.ok) throw new Error(`dev inbox answered ${response.status}`);
    const { messages } = (await response.json()) as { messages: { text: string }[] };
    return codeIn(messages.at(-1)?.text, phone, codeLength);
  };
}

function codeIn(text: string | undefined, phone: string, codeLength: number): string {
  if (text === undefined) throw new Error(`No message was delivered to ${phone}`);
  const code = codeFromText(text, codeLength);
  if (code === undefined) throw new Error(`No ${codeLength}-digit code in the message to ${phone}`);
  return code;
}

/**
 * The wire protocol's answers as @otpkit/server gives them, as a table, and a runner for
 * it: the mock is held to it (server/parity.test.ts), and the server can run it too.
 */
export {
  describeWireParity,
  runWireParityCase,
  type WireDriver,
  type WireDriverSetup,
} from "./server/parity";
export {
  PARITY_PHONE,
  WIRE_PARITY_CASES,
  type WireParityAnswer,
  type WireParityCase,
  type WireParityError,
  type WireParityRequest,
  type WireParitySetup,
  type WireParityStep,
} from "./server/parity-cases";
