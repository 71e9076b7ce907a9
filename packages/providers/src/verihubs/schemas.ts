/**
 * Verihubs answers, as far as the docs and public client code show them. Every field beyond
 * `message` is optional: the v2 shapes are only partly visible in the reference, and some
 * answers carry a `code` that is sometimes a number and sometimes a string.
 */
import * as z from "zod";

/** `code` appears in some answers (observed), as a number or a string. */
const providerCode = z.union([z.number(), z.string()]).optional();

/**
 * `message` carries the meaning. The docs show one text with a leading space
 * (`" OTP not found"`), so texts are trimmed before anything compares them.
 */
const message = z.string().transform((text) => text.trim());

/** Send (201). `otp` is the code itself: it is read only to learn the code's length. */
export const sendAnswerSchema = z.looseObject({
  message,
  otp: z.union([z.string(), z.number()]).optional(),
  msisdn: z.string().optional(),
  session_id: z.string().optional(),
  try_count: z.number().int().optional(),
  segment_count: z.number().int().optional(),
  code: providerCode,
});

/** Verify (200) and every failure: `{ "message": "…" }`, sometimes with `code`. */
export const messageAnswerSchema = z.looseObject({
  message,
  code: providerCode,
});

export type SendAnswer = z.infer<typeof sendAnswerSchema>;
export type MessageAnswer = z.infer<typeof messageAnswerSchema>;
