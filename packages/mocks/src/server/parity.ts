/**
 * Runs `WIRE_PARITY_CASES` against anything that answers the wire protocol: the mock
 * through MSW, or @otpkit/server's handler called directly. Under vitest (exported from
 * "@otpkit/mocks/conformance", never from the main entry).
 *
 *   describeWireParity("@otpkit/server", (setup) => ({
 *     baseUrl: "http://localhost/api/otp",
 *     fetch: createOtpHandler({ ...console adapter and dev inbox, limits: setup.limits }),
 *     advance: (ms) => vi.setSystemTime(Date.now() + ms),
 *     now: Date.now,
 *   }));
 */
import { describe, expect, it } from "vitest";
import { codeFromText } from "../inbox";
import {
  PARITY_PHONE,
  WIRE_PARITY_CASES,
  type WireParityAnswer,
  type WireParityCase,
  type WireParityRequest,
  type WireParitySetup,
} from "./parity-cases";

export interface WireDriver {
  /** Where the routes live, absolute: "http://localhost/api/otp". */
  baseUrl: string;
  /** Answers one request: global `fetch` behind MSW, or the server's handler itself. */
  fetch(request: Request): Promise<Response>;
  /** The server's clock. */
  now(): number;
  /** Moves the server's clock forward. */
  advance(ms: number): void;
  /** Runs after the case. */
  cleanup?(): void | Promise<void>;
}

export type WireDriverSetup = (setup: WireParitySetup) => WireDriver | Promise<WireDriver>;

interface Context {
  ids: string[];
}

/** A code of the same length that differs in every digit. */
const otherCode = (code: string) =>
  [...code].map((digit) => String((Number(digit) + 1) % 10)).join("");

async function newestCode(driver: WireDriver): Promise<string> {
  const url = `${driver.baseUrl}/dev/inbox?phone=${encodeURIComponent(PARITY_PHONE)}`;
  const response = await driver.fetch(new Request(url));
  const { messages } = (await response.json()) as { messages: { text: string }[] };
  const code = codeFromText(messages.at(-1)?.text ?? "");
  if (code === undefined) throw new Error(`No code was delivered to ${PARITY_PHONE}`);
  return code;
}

async function resolve(value: unknown, driver: WireDriver, context: Context): Promise<unknown> {
  if (value === "$id") return context.ids.at(-1) ?? "";
  if (value === "$firstId") return context.ids[0] ?? "";
  if (value === "$code") return newestCode(driver);
  if (value === "$wrongCode") return otherCode(await newestCode(driver));
  if (Array.isArray(value)) return Promise.all(value.map((v) => resolve(v, driver, context)));
  if (value && typeof value === "object") {
    const entries = await Promise.all(
      Object.entries(value).map(async ([key, v]) => [key, await resolve(v, driver, context)]),
    );
    return Object.fromEntries(entries);
  }
  return value;
}

async function toRequest(step: WireParityRequest, driver: WireDriver, context: Context) {
  const { method = "POST", path, raw, json, contentType = "application/json" } = step;
  const body =
    raw !== undefined
      ? raw
      : json !== undefined
        ? JSON.stringify(await resolve(json, driver, context))
        : undefined;
  return new Request(`${driver.baseUrl}/${path}`, {
    method,
    ...(body === undefined ? {} : { body, headers: { "content-type": contentType } }),
  });
}

function decodeSegment(segment: string | undefined): unknown {
  const base64 = (segment ?? "").replace(/-/g, "+").replace(/_/g, "/");
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

async function check(
  response: Response,
  expected: WireParityAnswer,
  driver: WireDriver,
  context: Context,
  label: string,
) {
  const text = await response.text();
  expect(response.status, `${label}: status (body ${text.slice(0, 300)})`).toBe(expected.status);
  for (const [name, value] of Object.entries(expected.headers ?? {})) {
    expect(response.headers.get(name), `${label}: header ${name}`).toBe(value);
  }
  if (expected.empty) {
    expect(text, `${label}: no body`).toBe("");
    return;
  }
  const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  if (expected.error) expect(body, label).toEqual({ error: expected.error });
  if (expected.status === 200 && body && "challenge" in body) {
    const { id, ...rest } = body.challenge as { id: string };
    expect(id, `${label}: challenge id`).toEqual(expect.any(String));
    context.ids.push(id);
    if (expected.challenge) expect(rest, label).toEqual(expected.challenge);
  } else if (expected.challenge) {
    expect(body, label).toHaveProperty("challenge");
  }
  if (expected.token) {
    expect(body, label).toEqual({ verified: true, token: expect.any(String) });
    const parts = String(body?.token).split(".");
    expect(parts, `${label}: token segments`).toHaveLength(3);
    const iat = Math.floor(driver.now() / 1000);
    expect(decodeSegment(parts[1]), `${label}: token claims`).toEqual({
      iss: "otpkit",
      sub: expected.token.sub,
      jti: context.ids.at(-1),
      iat,
      exp: iat + expected.token.ttlSeconds,
    });
  }
  if (expected.messages) {
    expect(body, label).toEqual({
      messages: expected.messages.map((message) => ({
        ...message,
        text: expect.stringMatching(message.text),
        at: expect.any(Number),
      })),
    });
  }
}

export async function runWireParityCase(
  parityCase: WireParityCase,
  driver: WireDriver,
): Promise<void> {
  const context: Context = { ids: [] };
  for (const [index, step] of parityCase.steps.entries()) {
    if ("advance" in step) {
      driver.advance(step.advance);
      continue;
    }
    const request = await toRequest(step.request, driver, context);
    const label = `step ${index + 1}: ${request.method} ${step.request.path}`;
    await check(await driver.fetch(request), step.expect, driver, context, label);
  }
}

/** One vitest `it` per case, each against a fresh driver. */
export function describeWireParity(
  name: string,
  driverFor: WireDriverSetup,
  cases: readonly WireParityCase[] = WIRE_PARITY_CASES,
): void {
  describe(`${name} answers the wire protocol as @otpkit/server does`, () => {
    for (const parityCase of cases) {
      it(parityCase.name, async () => {
        const driver = await driverFor(parityCase.setup ?? {});
        try {
          await runWireParityCase(parityCase, driver);
        } finally {
          await driver.cleanup?.();
        }
      });
    }
  });
}
