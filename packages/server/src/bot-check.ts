/**
 * The hook for a bot check (a captcha token) before any code is sent. A refusal is
 * `rate_limited` with a short wait: the vocabulary has no "bot" kind, and to the UI it
 * means the same thing, "not now, try again" (with a fresh captcha).
 */
import { OtpError } from "@otpkit/core";

export interface BotCheckInput {
  /** `botToken` from the send request, if the browser sent one. */
  token: string | undefined;
  phone: string;
  clientIp: string | undefined;
  request: Request;
}

/** True lets the send go on. Throwing counts as a refusal too (fail closed). */
export type BotCheck = (input: BotCheckInput) => boolean | Promise<boolean>;

export const BOT_CHECK_RETRY_MS = 1000;

export async function passBotCheck(
  check: BotCheck | undefined,
  input: BotCheckInput,
): Promise<void> {
  if (!check) return;
  let passed = false;
  try {
    passed = (await check(input)) === true;
  } catch (cause) {
    throw refused(cause);
  }
  if (!passed) throw refused(undefined);
}

const refused = (cause: unknown) =>
  new OtpError({
    kind: "rate_limited",
    message: "The bot check did not pass",
    retryAfterMs: BOT_CHECK_RETRY_MS,
    ...(cause === undefined ? {} : { cause }),
  });
