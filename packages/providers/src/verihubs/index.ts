/**
 * Verihubs (Indonesia) OTP as an `OtpAdapter`: SMS OTP v2 and WhatsApp OTP.
 * Server-only: it holds the App-ID and API-Key.
 *
 * Verihubs verifies by number and code (plus an optional `challenge` label), not by an ID,
 * so the challenge id this adapter hands out encodes the channel, the msisdn, the label and
 * the `session_id` of the last send.
 */
import {
  E164_PATTERN,
  type OtpAdapter,
  type OtpChallenge,
  type OtpChannel,
  OtpError,
  type OtpVerified,
} from "@otpkit/core";
import { answerError, type Operation, unreadableAnswer } from "./errors";
import { messageAnswerSchema, sendAnswerSchema } from "./schemas";

export const VERIHUBS_BASE_URL = "https://api.verihubs.com";

export type VerihubsChannel = "sms" | "whatsapp";

export const VERIHUBS_CHANNELS: readonly VerihubsChannel[] = ["sms", "whatsapp"];

/** Request paths; with `sandbox: true` each gets `/sandbox` appended. */
export const VERIHUBS_PATHS: Readonly<Record<VerihubsChannel, Record<Operation, string>>> = {
  sms: { send: "/v2/otp/send", verify: "/v2/otp/verify" },
  // Assumption: the v2 WhatsApp send path (the docs recommend v2 but show only v1's path).
  // Only a v1 WhatsApp verify is documented.
  whatsapp: { send: "/v2/whatsapp/otp/send", verify: "/v1/whatsapp/otp/verify" },
};

export interface VerihubsWhatsAppOptions {
  /** Meta-approved template name (`template_name`). */
  templateName: string;
  /** Language variant of that template (`lang_code`), e.g. "id" or "en". */
  langCode: string;
}

export interface VerihubsOptions {
  /** Sent as the `App-ID` header. */
  appId: string;
  /** Sent as the `API-Key` header. */
  apiKey: string;
  /** SMS text with `$OTP` where the code goes. Omitted: the account's default template. */
  template?: string;
  /** Seconds the code stays valid; sent as `time_limit` on every send. */
  ttlSeconds: number;
  /**
   * Digits in a code. With `generateCode` it is the length of the codes this adapter makes;
   * otherwise it must match the account's "Custom OTP Config" and is used only when an answer
   * does not echo the code (whose length wins). Default 6.
   */
  codeLength?: number;
  /** Make the code here (crypto random digits) and send it as `otp`. Default false. */
  generateCode?: boolean;
  /** `challenge` label (e.g. "login"): keeps this flow's OTP apart from others on the number. */
  challenge?: string;
  /** `callback_url` for delivery reports. Put a secret token in it: callbacks are unsigned. */
  callbackUrl?: string;
  /** Template for the WhatsApp channel. Omitted: the account's default. */
  whatsapp?: VerihubsWhatsAppOptions;
  /** Use the sandbox paths (`…/sandbox`): answers depend on documented magic numbers. */
  sandbox?: boolean;
  /** Default `https://api.verihubs.com`. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Give up on a request after this long (`network`). Default 10000. */
  timeoutMs?: number;
  /** Channels to offer. Default ["sms", "whatsapp"]; the first is used when none is asked. */
  channels?: VerihubsChannel[];
  /** Clock for `expiresAt` and `resendAt`. Default `Date.now`. */
  now?: () => number;
  /** Seconds until a resend is allowed (`resendAt`). Default 30. */
  resendSeconds?: number;
  /** Reported as `attemptsLeft`; Verihubs documents no attempt limit, the server counts. Default 5. */
  maxAttempts?: number;
}

export interface VerihubsAdapter extends OtpAdapter {
  readonly channels: OtpChannel[];
}

interface Handle {
  channel: VerihubsChannel;
  msisdn: string;
  label: string | undefined;
  sessionId: string | undefined;
}

const HANDLE_PREFIX = "verihubs";

function encodeHandle({ channel, msisdn, label, sessionId }: Handle): string {
  const parts = [HANDLE_PREFIX, channel, msisdn, label ?? "", sessionId ?? ""];
  return parts.map(encodeURIComponent).join(":");
}

function decodeHandle(id: string): Handle | undefined {
  const parts = id.split(":").map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return undefined;
    }
  });
  const [prefix, channel, msisdn, label, sessionId] = parts;
  if (parts.length !== 5 || prefix !== HANDLE_PREFIX) return undefined;
  if (!isChannel(channel) || msisdn === undefined || !/^\d{4,16}$/.test(msisdn)) return undefined;
  return { channel, msisdn, label: label || undefined, sessionId: sessionId || undefined };
}

const isChannel = (value: unknown): value is VerihubsChannel =>
  (VERIHUBS_CHANNELS as readonly unknown[]).includes(value);

const configError = (message: string) => new OtpError({ kind: "config_error", message });

function checkOptions(options: VerihubsOptions): void {
  if (!options.appId || !options.apiKey) throw configError("Verihubs needs appId and apiKey");
  if (!Number.isInteger(options.ttlSeconds) || options.ttlSeconds <= 0) {
    throw configError("Verihubs ttlSeconds must be a positive whole number");
  }
  if (options.template !== undefined && !options.template.includes("$OTP")) {
    throw configError("The Verihubs template must contain $OTP where the code goes");
  }
  const { codeLength } = options;
  if (
    codeLength !== undefined &&
    (!Number.isInteger(codeLength) || codeLength < 4 || codeLength > 10)
  ) {
    throw configError("Verihubs codeLength must be a whole number from 4 to 10");
  }
  const channels = options.channels ?? VERIHUBS_CHANNELS;
  if (channels.length === 0 || !channels.every(isChannel)) {
    throw configError('Verihubs channels must be a non-empty list of "sms" and "whatsapp"');
  }
}

/** Uniform random digits (bytes at or above 250 are dropped so every digit is equally likely). */
function randomDigits(length: number): string {
  let digits = "";
  while (digits.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < 250 && digits.length < length) digits += String(byte % 10);
    }
  }
  return digits;
}

/** Resolves or rejects with `work`, or rejects with the signal's reason as soon as it aborts. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) {
      onAbort();
    } else {
      signal.addEventListener("abort", onAbort, { once: true });
      work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
    }
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function verihubs(options: VerihubsOptions): VerihubsAdapter {
  checkOptions(options);
  const {
    appId,
    apiKey,
    ttlSeconds,
    codeLength = 6,
    timeoutMs = 10_000,
    now = Date.now,
    resendSeconds = 60,
    maxAttempts = 5,
  } = options;
  const channels: VerihubsChannel[] = [...(options.channels ?? VERIHUBS_CHANNELS)];
  const base = (options.baseUrl ?? VERIHUBS_BASE_URL).replace(/\/+$/, "");

  const url = (channel: VerihubsChannel, operation: Operation) =>
    `${base}${VERIHUBS_PATHS[channel][operation]}${options.sandbox ? "/sandbox" : ""}`;

  async function post(
    target: string,
    body: Record<string, string>,
    signal: AbortSignal | undefined,
  ): Promise<{ response: Response; text: string }> {
    if (signal?.aborted) throw cancelled(signal);
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    const timer = setTimeout(
      () => controller.abort(new DOMException("Verihubs did not answer in time", "TimeoutError")),
      timeoutMs,
    );
    try {
      const response = await untilAborted(
        (options.fetch ?? fetch)(target, {
          method: "POST",
          headers: {
            "App-ID": appId,
            "API-Key": apiKey,
            "Content-Type": "application/json",
            Accept: "application/json",
          },
          body: JSON.stringify(body),
          signal: controller.signal,
        }),
        controller.signal,
      );
      const text = await untilAborted(response.text(), controller.signal);
      return { response, text };
    } catch (thrown) {
      if (signal?.aborted) throw cancelled(signal);
      throw new OtpError({
        kind: "network",
        status: 0,
        message: controller.signal.aborted
          ? `Verihubs did not answer within ${timeoutMs} ms`
          : "Verihubs could not be reached",
        cause: controller.signal.aborted ? controller.signal.reason : thrown,
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  function failure(operation: Operation, response: Response, text: string): OtpError {
    const answer = messageAnswerSchema.safeParse(parseJson(text));
    return answer.success
      ? answerError(operation, response, answer.data, text)
      : unreadableAnswer(response, text);
  }

  async function deliver(
    msisdn: string,
    channel: VerihubsChannel,
    label: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<OtpChallenge> {
    if (!channels.includes(channel)) {
      throw configError(`This Verihubs adapter does not offer the "${channel}" channel`);
    }
    const ownCode = options.generateCode ? randomDigits(codeLength) : undefined;
    const body: Record<string, string> = { msisdn, time_limit: String(ttlSeconds) };
    if (ownCode !== undefined) body.otp = ownCode;
    if (label !== undefined) body.challenge = label;
    if (options.callbackUrl !== undefined) body.callback_url = options.callbackUrl;
    if (channel === "sms" && options.template !== undefined) body.template = options.template;
    if (channel === "whatsapp" && options.whatsapp) {
      body.template_name = options.whatsapp.templateName;
      body.lang_code = options.whatsapp.langCode;
    }

    // The code lives from when Verihubs gets the request, so expiry counts from before it.
    const sentAt = now();
    const { response, text } = await post(url(channel, "send"), body, signal);
    if (!response.ok) throw failure("send", response, text);
    const parsed = sendAnswerSchema.safeParse(parseJson(text));
    if (!parsed.success) throw unreadableAnswer(response, text);

    // The echoed code is read for its length only; it goes nowhere else.
    const echoed = parsed.data.otp;
    const length =
      ownCode === undefined && typeof echoed === "string" && /^\d{4,10}$/.test(echoed)
        ? echoed.length
        : codeLength;
    return {
      id: encodeHandle({ channel, msisdn, label, sessionId: parsed.data.session_id }),
      phone: `+${msisdn}`,
      codeLength: length,
      expiresAt: sentAt + ttlSeconds * 1000,
      resendAt: now() + resendSeconds * 1000,
      attemptsLeft: maxAttempts,
      channel,
      channels: [...channels],
    };
  }

  function handleOf(challenge: OtpChallenge): Handle {
    const handle = decodeHandle(challenge.id);
    if (!handle) {
      throw new OtpError({
        kind: "not_found",
        message: "The challenge id was not issued by the Verihubs adapter",
      });
    }
    return handle;
  }

  return {
    channels: [...channels],

    send({ phone, channel, signal }) {
      if (!E164_PATTERN.test(phone)) {
        return Promise.reject(
          new OtpError({ kind: "invalid_phone", message: "The phone number is not in E.164 form" }),
        );
      }
      const wanted = channel ?? channels[0] ?? "sms";
      if (!isChannel(wanted)) {
        return Promise.reject(configError(`Verihubs does not deliver on "${wanted}"`));
      }
      return deliver(phone.slice(1), wanted, options.challenge, signal);
    },

    async resend({ challenge, channel, signal }) {
      const handle = handleOf(challenge);
      const wanted = channel ?? handle.channel;
      if (!isChannel(wanted)) throw configError(`Verihubs does not deliver on "${wanted}"`);
      // A new send for the same number and label replaces the previous code (Assumption).
      return deliver(handle.msisdn, wanted, handle.label, signal);
    },

    async verify({ challenge, code, signal }): Promise<OtpVerified> {
      const handle = handleOf(challenge);
      const body: Record<string, string> = { msisdn: handle.msisdn, otp: code };
      if (handle.label !== undefined) body.challenge = handle.label;
      const { response, text } = await post(url(handle.channel, "verify"), body, signal);
      if (!response.ok) throw failure("verify", response, text);
      if (!messageAnswerSchema.safeParse(parseJson(text)).success) {
        throw unreadableAnswer(response, text);
      }
      return { verified: true };
    },
  };
}

function cancelled(signal: AbortSignal): OtpError {
  return new OtpError({
    kind: "network",
    status: 0,
    message: "The request to Verihubs was cancelled",
    cause: signal.reason,
  });
}
