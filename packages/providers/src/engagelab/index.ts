/**
 * EngageLab OTP as an otpkit `OtpAdapter`. Server-only: it holds the dev key and secret.
 *
 *   const adapter = engagelab({ devKey, devSecret, templateId: "login", codeLength: 6, ttlSeconds: 300 });
 *
 * Send is `POST /v1/messages` (EngageLab generates the code) or, with `ownCode`,
 * `POST /v1/codes` (we generate it and verify it here). Verify is `POST /v1/verifications`.
 * Resend is a new send and gives a new `message_id`.
 */
import {
  E164_PATTERN,
  type OtpAdapter,
  type OtpChallenge,
  type OtpChannel,
  OtpError,
  type OtpErrorKind,
  type OtpVerified,
  toOtpError,
} from "@otpkit/core";
import type * as z from "zod";
import { type EngageLabEndpoint, kindForCode, kindForStatus, MESSAGES } from "./codes";
import { codeTag, randomDigits, sameTag } from "./own-code";
import {
  ENGAGELAB_LANGUAGES,
  type EngageLabLanguage,
  errorAnswerSchema,
  sendAnswerSchema,
  verifyAnswerSchema,
} from "./schemas";

export { ENGAGELAB_LANGUAGES, type EngageLabLanguage } from "./schemas";

/** EngageLab's one production host. */
export const ENGAGELAB_BASE_URL = "https://otp.api.engagelab.cc";

export interface EngageLabOptions {
  /** "API Keys" in the OTP console: sent as HTTP Basic `dev_key:dev_secret`. */
  devKey: string;
  devSecret: string;
  /** The OTP template to send (`template.id`). */
  templateId: string;
  /**
   * Always use this `template.language`. Omitted: derived from each send's `locale`
   * (`th`, `en`, `ja`, `es` as they are, `zh` to `zh_CN`, `zh-HK`/`zh-TW`/`zh-Hant` to
   * `zh_HK`, anything else to `default`).
   */
  language?: EngageLabLanguage;
  /** The template's `verify_code_len` (4 to 10). EngageLab does not report it. */
  codeLength: number;
  /** The template's `verify_code_ttl` in seconds (at most 600). EngageLab does not report it. */
  ttlSeconds: number;
  /** Values for the template's own variables (`template.params`), sent with every send. */
  params?: Readonly<Record<string, string>>;
  /**
   * Channels the template's send strategy allows (for example `["whatsapp", "sms"]`).
   * Default `["sms"]`. EngageLab picks the channel itself; a requested channel outside
   * this list is refused before any request.
   */
  channels?: OtpChannel[];
  /** Default `https://otp.api.engagelab.cc`. */
  baseUrl?: string;
  /** Default the global `fetch`. */
  fetch?: typeof fetch;
  /** Give up after this long and fail with `network`. Default 10000. */
  timeoutMs?: number;
  /** Clock for `expiresAt` and `resendAt`. Default `Date.now`. */
  now?: () => number;
  /** Seconds until a resend is offered (`resendAt`). Default 30. */
  resendSeconds?: number;
  /** Reported as `attemptsLeft`; the server counts attempts. Default 5. */
  maxAttempts?: number;
  /**
   * Generate the code here and let EngageLab only deliver it (`POST /v1/codes`); this
   * adapter then verifies it without calling EngageLab. `secret` keys the HMAC that the
   * challenge id carries (at least 16 characters; not the dev secret). `generate` defaults
   * to `codeLength` random digits.
   */
  ownCode?: { secret: string; generate?: (length: number) => string };
}

export interface EngageLabAdapter extends OtpAdapter {
  /** Channels this template can deliver on. */
  readonly channels: OtpChannel[];
}

interface Handle {
  messageId: string;
  language: EngageLabLanguage;
  /** Own-code mode only: HMAC of the code bound to the message. */
  tag?: string;
}

const HANDLE_PATTERN = /^(?<messageId>[^#]+)#(?<language>[A-Za-z_]+)(?:#(?<tag>[\w-]+))?$/;

/** Challenge id: `message_id#language[#tag]`. The language keeps a resend in the same wording. */
const encodeHandle = ({ messageId, language, tag }: Handle) =>
  tag === undefined ? `${messageId}#${language}` : `${messageId}#${language}#${tag}`;

function decodeHandle(id: string): Handle | undefined {
  const groups = HANDLE_PATTERN.exec(id)?.groups;
  const language = groups?.language as EngageLabLanguage | undefined;
  if (!groups?.messageId || !language || !ENGAGELAB_LANGUAGES.includes(language)) return undefined;
  return { messageId: groups.messageId, language, ...(groups.tag ? { tag: groups.tag } : {}) };
}

/** The kit's BCP 47 locale to EngageLab's `template.language`. */
export function languageForLocale(locale: string | undefined): EngageLabLanguage {
  const subtags = (locale ?? "").toLowerCase().split(/[-_]/);
  switch (subtags[0]) {
    case "th":
    case "en":
    case "ja":
    case "es":
      return subtags[0];
    case "zh":
      return subtags.some((tag) => ["hk", "mo", "tw", "hant"].includes(tag)) ? "zh_HK" : "zh_CN";
    default:
      return "default";
  }
}

const localError = (kind: OtpErrorKind, message: string, cause?: unknown) =>
  new OtpError({ kind, status: 0, message, ...(cause === undefined ? {} : { cause }) });

function checkOptions(options: EngageLabOptions, channels: OtpChannel[]) {
  const problems: string[] = [];
  if (!options.devKey || !options.devSecret) problems.push("devKey and devSecret are required");
  if (!options.templateId) problems.push("templateId is required");
  if (!Number.isInteger(options.codeLength) || options.codeLength < 4 || options.codeLength > 10)
    problems.push("codeLength must be an integer from 4 to 10 (the template's verify_code_len)");
  if (!Number.isInteger(options.ttlSeconds) || options.ttlSeconds < 1 || options.ttlSeconds > 600)
    problems.push("ttlSeconds must be an integer from 1 to 600 (verify_code_ttl is 1-10 minutes)");
  if (options.language !== undefined && !ENGAGELAB_LANGUAGES.includes(options.language))
    problems.push(`language must be one of ${ENGAGELAB_LANGUAGES.join(", ")}`);
  if (channels.length === 0) problems.push("channels must not be empty");
  if (options.ownCode && options.ownCode.secret.length < 16)
    problems.push("ownCode.secret must be at least 16 characters");
  if (problems.length > 0) throw localError("config_error", `engagelab: ${problems.join("; ")}`);
}

/** `Retry-After` is not documented for EngageLab; honour it if it ever comes. */
function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isNaN(seconds) ? Date.parse(header) - now : seconds * 1000;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

/** Base64 of UTF-8 text (`btoa` alone only takes Latin-1). */
const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

interface Exchange {
  status: number;
  text: string;
  retryAfter: string | null;
}

export function engagelab(options: EngageLabOptions): EngageLabAdapter {
  const {
    templateId,
    codeLength,
    ttlSeconds,
    timeoutMs = 10_000,
    now = Date.now,
    resendSeconds = 60,
    maxAttempts = 5,
    ownCode,
  } = options;
  const channels = [...(options.channels ?? ["sms"])];
  checkOptions(options, channels);
  const base = (options.baseUrl ?? ENGAGELAB_BASE_URL).replace(/\/+$/, "");
  const authorization = `Basic ${base64(`${options.devKey}:${options.devSecret}`)}`;

  async function exchange(path: string, body: unknown, signal?: AbortSignal): Promise<Exchange> {
    if (signal?.aborted) throw localError("network", "Aborted before sending", signal.reason);
    const controller = new AbortController();
    const abort = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", abort, { once: true });
    const timer = setTimeout(
      () =>
        controller.abort(
          new DOMException(`EngageLab did not answer within ${timeoutMs} ms`, "TimeoutError"),
        ),
      timeoutMs,
    );
    // Reject the moment the signal fires, even if a custom fetch ignores it.
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener("abort", () => reject(controller.signal.reason), {
        once: true,
      });
    });
    aborted.catch(() => {});
    try {
      const response = await Promise.race([
        (options.fetch ?? fetch)(`${base}${path}`, {
          method: "POST",
          headers: {
            authorization,
            "content-type": "application/json",
            accept: "application/json",
          },
          body: JSON.stringify(body),
          signal: controller.signal,
        }),
        aborted,
      ]);
      const text = await Promise.race([response.text(), aborted]);
      return { status: response.status, text, retryAfter: response.headers.get("retry-after") };
    } catch (thrown) {
      if (controller.signal.aborted) {
        throw localError("network", MESSAGES.network, controller.signal.reason);
      }
      throw toOtpError(thrown);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", abort);
    }
  }

  /** One request: the parsed success answer, or the documented failure as an `OtpError`. */
  async function call<T>(
    endpoint: EngageLabEndpoint,
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    const { status, text, retryAfter } = await exchange(path, body, signal);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (status >= 200 && status < 300) {
      const answer = schema.safeParse(json);
      if (answer.success) return answer.data;
    }
    const failure = errorAnswerSchema.safeParse(json);
    const code = failure.success ? failure.data.code : undefined;
    const kind =
      (code === undefined ? undefined : kindForCode(endpoint, code)) ??
      (status >= 400 ? kindForStatus(status) : "provider_error");
    const understood = failure.success || status >= 400;
    throw new OtpError({
      kind,
      status,
      message: understood ? MESSAGES[kind] : "EngageLab's answer could not be understood",
      ...(code === undefined ? {} : { providerCode: String(code) }),
      ...(kind === "rate_limited" ? { retryAfterMs: retryAfterMs(retryAfter, now()) } : {}),
      cause: text,
    });
  }

  async function deliver(
    phone: string,
    language: EngageLabLanguage,
    channel: OtpChannel | undefined,
    signal?: AbortSignal,
  ): Promise<OtpChallenge> {
    if (!E164_PATTERN.test(phone)) {
      throw localError("invalid_phone", "The phone number is not in E.164 form (+66812345678)");
    }
    if (channel !== undefined && !channels.includes(channel)) {
      throw localError(
        "config_error",
        `This EngageLab template cannot deliver on "${channel}" (allowed: ${channels.join(", ")})`,
      );
    }
    const template = {
      id: templateId,
      language,
      ...(options.params ? { params: { ...options.params } } : {}),
    };
    const at = now();
    let messageId: string;
    let sendChannel: string | undefined;
    let tag: string | undefined;
    if (ownCode) {
      const code = (ownCode.generate ?? randomDigits)(codeLength);
      const answer = await call(
        "send",
        "/v1/codes",
        { to: phone, code, template },
        sendAnswerSchema,
        signal,
      );
      ({ message_id: messageId, send_channel: sendChannel } = answer);
      tag = await codeTag(ownCode.secret, messageId, code);
    } else {
      const answer = await call(
        "send",
        "/v1/messages",
        { to: phone, template },
        sendAnswerSchema,
        signal,
      );
      ({ message_id: messageId, send_channel: sendChannel } = answer);
    }
    return {
      id: encodeHandle({ messageId, language, ...(tag === undefined ? {} : { tag }) }),
      phone,
      codeLength,
      expiresAt: at + ttlSeconds * 1000,
      resendAt: at + resendSeconds * 1000,
      attemptsLeft: maxAttempts,
      channel: sendChannel ?? channels[0] ?? "sms",
    };
  }

  async function verifyOwnCode(handle: Handle, challenge: OtpChallenge, code: string) {
    if (!ownCode || handle.tag === undefined) {
      throw localError("not_found", "This challenge was not sent with our own code");
    }
    if (now() >= challenge.expiresAt) throw localError("expired", MESSAGES.expired);
    if (!sameTag(await codeTag(ownCode.secret, handle.messageId, code), handle.tag)) {
      throw localError("wrong_code", MESSAGES.wrong_code);
    }
  }

  return {
    channels: [...channels],
    send: ({ phone, channel, locale, signal }) =>
      deliver(phone, options.language ?? languageForLocale(locale), channel, signal),
    resend({ challenge, channel, signal }) {
      const handle = decodeHandle(challenge.id);
      return deliver(
        challenge.phone,
        options.language ?? handle?.language ?? "default",
        channel,
        signal,
      );
    },
    async verify({ challenge, code, signal }): Promise<OtpVerified> {
      const handle = decodeHandle(challenge.id);
      if (!handle) throw localError("not_found", "Not an EngageLab challenge id");
      if (signal?.aborted) throw localError("network", "Aborted before verifying", signal.reason);
      if (ownCode) {
        await verifyOwnCode(handle, challenge, code);
        return { verified: true };
      }
      const answer = await call(
        "verify",
        "/v1/verifications",
        { message_id: handle.messageId, verify_code: code },
        verifyAnswerSchema,
        signal,
      );
      if (!answer.verified) {
        throw new OtpError({ kind: "wrong_code", status: 200, message: MESSAGES.wrong_code });
      }
      return { verified: true };
    },
  };
}
