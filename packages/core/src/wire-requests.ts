/**
 * Request bodies of the wire protocol, as the server validates them. Kept apart from the
 * answer schemas so browser bundles, which only check answers, leave them out.
 */
import * as z from "zod/mini";

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

export type SendRequest = z.infer<typeof sendRequestSchema>;
export type ResendRequest = z.infer<typeof resendRequestSchema>;
export type VerifyRequest = z.infer<typeof verifyRequestSchema>;
