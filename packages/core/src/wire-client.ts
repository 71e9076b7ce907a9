/**
 * What the browser needs of the wire protocol: checks of the server's answers and the
 * conversion of relative durations to absolute times, without zod.
 *
 * Why not the zod/mini schemas of wire.ts here: measured by scripts/size.mjs, zod/mini alone
 * costs about 5 KB gzip in the browser bundle, more than half the 8 KB budget for core +
 * react. These checks accept exactly what those schemas accept (a property test holds them
 * together: wire-client.test.ts) and, like zod objects, drop unknown keys.
 */
import type { OtpChallenge } from "./contract";
import type { ErrorResponse, VerifyResponse, WireChallenge } from "./wire";

type Check = (value: unknown) => boolean;

const string: Check = (value) => typeof value === "string";
const number: Check = (value) => typeof value === "number" && Number.isFinite(value);
const boolean: Check = (value) => typeof value === "boolean";
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value);
const strings: Check = (value) => Array.isArray(value) && value.every(string);

type Shape = Record<string, Check>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The value's known keys, when every one passes its check; otherwise undefined. */
function read<T>(shape: Shape, value: unknown): T | undefined {
  if (!isRecord(value)) return undefined;
  const out: Record<string, unknown> = {};
  for (const key in shape) {
    if (!shape[key]?.(value[key])) return undefined;
    if (value[key] !== undefined) out[key] = value[key];
  }
  return out as T;
}

const challengeFields: Shape = {
  id: string,
  phone: string,
  codeLength: number,
  attemptsLeft: optional(number),
  channel: string,
  channels: optional(strings),
  referenceCode: optional(string),
};
const wireChallenge: Shape = { ...challengeFields, expiresIn: number, resendIn: number };
const storedChallenge: Shape = { ...challengeFields, expiresAt: number, resendAt: number };

export const readChallengeResponse = (value: unknown): { challenge: WireChallenge } | undefined => {
  const challenge = isRecord(value)
    ? read<WireChallenge>(wireChallenge, value.challenge)
    : undefined;
  return challenge && { challenge };
};

export const readVerifyResponse = (value: unknown) =>
  read<VerifyResponse>({ verified: boolean, token: optional(string) }, value);

export const readErrorResponse = (value: unknown): ErrorResponse | undefined => {
  const error = isRecord(value)
    ? read<ErrorResponse["error"]>(
        {
          kind: string,
          message: string,
          retryAfter: optional(number),
          attemptsLeft: optional(number),
          resendIn: optional(number),
        },
        value.error,
      )
    : undefined;
  return error && { error };
};

/** A challenge with absolute times, as the browser keeps (and persists) it. */
export const readChallenge = (value: unknown) => read<OtpChallenge>(storedChallenge, value);

/** Relative seconds (as received) -> absolute times on the receiver's clock. */
export function challengeFromWire(wire: WireChallenge, receivedAt: number): OtpChallenge {
  const { expiresIn, resendIn, ...rest } = wire;
  return {
    ...rest,
    expiresAt: receivedAt + expiresIn * 1000,
    resendAt: receivedAt + resendIn * 1000,
  };
}

/** Absolute times -> whole seconds left at `now` (rounded up, never negative). */
export function challengeToWire(challenge: OtpChallenge, now: number): WireChallenge {
  const { expiresAt, resendAt, ...rest } = challenge;
  return {
    ...rest,
    expiresIn: secondsUntil(expiresAt, now),
    resendIn: secondsUntil(resendAt, now),
  };
}

/** Whole seconds from `now` until `deadline`, rounded up, never negative. */
export const secondsUntil = (deadline: number, now: number): number =>
  Math.max(0, Math.ceil((deadline - now) / 1000));
