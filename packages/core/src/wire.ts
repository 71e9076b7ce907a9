/**
 * The browser <-> server protocol. These schemas are its documentation: the server
 * validates requests with them, the browser validates answers with them.
 * Durations travel as whole seconds relative to the answer; the receiver turns them into
 * absolute times with its own clock.
 */
import * as z from "zod/mini";

// Answers are checked in the browser, so they use only the cheapest zod/mini parts.
const challengeFields = {
  id: z.string(),
  phone: z.string(),
  codeLength: z.number(),
  attemptsLeft: z.optional(z.number()),
  channel: z.string(),
  channels: z.optional(z.array(z.string())),
  referenceCode: z.optional(z.string()),
};

export const wireChallengeSchema = z.object({
  ...challengeFields,
  expiresIn: z.number(),
  resendIn: z.number(),
});

/** A challenge with absolute times, as the browser keeps (and persists) it. */
export const challengeSchema = z.object({
  ...challengeFields,
  expiresAt: z.number(),
  resendAt: z.number(),
});

export const challengeResponseSchema = z.object({ challenge: wireChallengeSchema });

export const verifyResponseSchema = z.object({
  verified: z.boolean(),
  token: z.optional(z.string()),
});

export const errorResponseSchema = z.object({
  error: z.object({
    // Any string: a kind this client does not know yet is read as `provider_error`.
    kind: z.string(),
    message: z.string(),
    retryAfter: z.optional(z.number()),
    attemptsLeft: z.optional(z.number()),
    resendIn: z.optional(z.number()),
  }),
});

export type WireChallenge = z.infer<typeof wireChallengeSchema>;
export type ChallengeResponse = z.infer<typeof challengeResponseSchema>;
export type VerifyResponse = z.infer<typeof verifyResponseSchema>;
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
