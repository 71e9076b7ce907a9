/**
 * The browser <-> server protocol. These schemas are its documentation: the server
 * validates requests with them, the browser validates answers with them.
 * Durations travel as whole seconds relative to the answer; the receiver turns them into
 * absolute times with its own clock.
 */
import * as z from "zod/mini";
import type { OtpChallenge } from "./contract";
import { OTP_ERROR_KINDS } from "./errors";

const seconds = z.number().check(z.nonnegative());
const count = z.int().check(z.nonnegative());

/** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

export const sendRequestSchema = z.object({
  phone: z.string().check(z.regex(E164_PATTERN)),
  channel: z.optional(z.string().check(z.maxLength(32))),
  locale: z.optional(z.string().check(z.maxLength(35))),
  botToken: z.optional(z.string().check(z.maxLength(4096))),
});

export const resendRequestSchema = z.object({
  challengeId: z.string().check(z.minLength(1), z.maxLength(128)),
  channel: z.optional(z.string().check(z.maxLength(32))),
});

export const verifyRequestSchema = z.object({
  challengeId: z.string().check(z.minLength(1), z.maxLength(128)),
  code: z.string().check(z.minLength(1), z.maxLength(32)),
});

export const wireChallengeSchema = z.object({
  id: z.string(),
  phone: z.string(),
  codeLength: count,
  expiresIn: seconds,
  resendIn: seconds,
  attemptsLeft: z.optional(count),
  channel: z.string(),
  channels: z.optional(z.array(z.string())),
  referenceCode: z.optional(z.string()),
});

/** A challenge with absolute times, as the browser keeps (and persists) it. */
export const challengeSchema = z.extend(
  z.omit(wireChallengeSchema, { expiresIn: true, resendIn: true }),
  { expiresAt: z.number(), resendAt: z.number() },
);

export const challengeResponseSchema = z.object({ challenge: wireChallengeSchema });

export const verifyResponseSchema = z.object({
  verified: z.literal(true),
  token: z.optional(z.string()),
});

export const errorResponseSchema = z.object({
  error: z.object({
    kind: z.enum(OTP_ERROR_KINDS),
    message: z.string(),
    retryAfter: z.optional(seconds),
    attemptsLeft: z.optional(count),
    resendIn: z.optional(seconds),
  }),
});

export type SendRequest = z.infer<typeof sendRequestSchema>;
export type ResendRequest = z.infer<typeof resendRequestSchema>;
export type VerifyRequest = z.infer<typeof verifyRequestSchema>;
export type WireChallenge = z.infer<typeof wireChallengeSchema>;
export type ChallengeResponse = z.infer<typeof challengeResponseSchema>;
export type VerifyResponse = z.infer<typeof verifyResponseSchema>;
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

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
