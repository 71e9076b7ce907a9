/**
 * EngageLab's answers as documented, with the quirks we tolerate. Server-only code, so the
 * full zod build is fine here.
 */
import * as z from "zod";

/**
 * `message_id` is documented as a string of digits too big for a JS number. A number is
 * accepted only while it is still exact.
 */
const messageId = z.union([
  z.string().min(1),
  z
    .number()
    .int()
    .refine((value) => Number.isSafeInteger(value) && value > 0)
    .transform(String),
]);

/** Error codes are integers; a digit string is tolerated. */
const providerCode = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);

/** `200` from `POST /v1/messages` and `POST /v1/codes`. */
export const sendAnswerSchema = z.object({
  message_id: messageId,
  /** `whatsapp`, `sms`, `email` or `voice`; kept open because strategies may grow. */
  send_channel: z.string().min(1).optional(),
});
export type SendAnswer = z.output<typeof sendAnswerSchema>;

/** `200` from `POST /v1/verifications`: `verified: false` means the code did not match. */
export const verifyAnswerSchema = z.object({
  message_id: messageId.optional(),
  verify_code: z.string().optional(),
  verified: z.boolean(),
});
export type VerifyAnswer = z.output<typeof verifyAnswerSchema>;

/** Every failure: HTTP 4xx/5xx with `{ code, message }`. */
export const errorAnswerSchema = z.object({
  code: providerCode,
  message: z.string().optional(),
});
export type ErrorAnswer = z.output<typeof errorAnswerSchema>;

/** `template.language` values EngageLab accepts. */
export const ENGAGELAB_LANGUAGES = ["default", "zh_CN", "zh_HK", "en", "ja", "th", "es"] as const;
export type EngageLabLanguage = (typeof ENGAGELAB_LANGUAGES)[number];
export const languageSchema = z.enum(ENGAGELAB_LANGUAGES);
