/**
 * Zod schemas of what ANTS answers, tolerant of the documented quirks:
 * keys with stray spaces (`" isErrorCount"`), `status` used where the samples use
 * `success`/`error`, and codes that may come as strings or numbers (or not at all).
 */
import * as z from "zod";

/** ANTS's 4-digit codes; a number loses its leading zeros, so pad it back. */
const code = z.union([
  z.string().transform((value) => value.trim()),
  z.int().transform((value) => String(value).padStart(4, "0")),
]);

/** Lenient boolean: the docs show real booleans; accept "true"/"false" too. */
const flag = z.union([
  z.boolean(),
  z.enum(["true", "false"]).transform((value) => value === "true"),
]);

/** `{ message, description }`, the shape of both `success` and `error` (and `status`). */
const messageObject = z.looseObject({
  code: code.optional(),
  message: z.string().optional(),
  description: z.string().nullish(),
});

/** Any answer may say how it went: a top-level `code`, an `error`, a `success` or a `status`. */
export const antsOutcomeSchema = z.looseObject({
  code: code.optional(),
  error: messageObject.optional(),
  success: messageObject.optional(),
  status: z.union([messageObject, code]).optional(),
});

/** requestOTP and resendOTP answer with the same shape. */
export const antsOtpSchema = z.looseObject({
  otcId: z.string().optional(),
  otpId: z.string().trim().min(1),
  referenceCode: z.string().trim().min(1).optional(),
});

export const antsVerifySchema = z.looseObject({
  otpId: z.string().optional(),
  result: flag,
  isErrorCount: flag.optional(),
  isExprCode: flag.optional(),
});

export type AntsOutcome = z.infer<typeof antsOutcomeSchema>;
export type AntsOtpAnswer = z.infer<typeof antsOtpSchema>;
export type AntsVerifyAnswer = z.infer<typeof antsVerifySchema>;

/**
 * Trims every object key, at any depth, so `" isErrorCount"` reads as `isErrorCount`.
 * When a trimmed key collides with an untrimmed one, the untrimmed spelling wins.
 */
export function trimKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(trimKeys);
  if (value === null || typeof value !== "object") return value;
  const trimmed: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const name = key.trim();
    if (name !== key && Object.hasOwn(value, name)) continue;
    trimmed[name] = trimKeys(inner);
  }
  return trimmed;
}
