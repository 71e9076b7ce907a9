/**
 * Server-side `OtpAdapter` for the ANTS OTP API (Thailand): requestOTP, resendOTP, verifyOTP.
 * Holds the ANTS account's credentials: never import it in browser code.
 */
import {
  E164_PATTERN,
  type OtpAdapter,
  type OtpChallenge,
  type OtpChannel,
  OtpError,
  type OtpErrorKind,
  type OtpVerified,
} from "@otpkit/core";
import {
  type AntsOperation,
  failureOf,
  kindForCode,
  kindForStatus,
  VERIFY_FLAG_CODES,
  verifyOutcome,
} from "./codes";
import { antsOtpSchema, antsOutcomeSchema, antsVerifySchema, trimKeys } from "./schemas";

export const ANTS_BASE_URL = "https://api-service.ants.co.th";

export interface AntsOptions {
  /** ANTS account user name (HTTP Basic). */
  username: string;
  /** ANTS account password (HTTP Basic). */
  password: string;
  /** The OTP configuration's GUID from the ANTS portal. */
  otcId: string;
  /** Digits per code, as set for this `otcId` in the ANTS portal (the API does not say). */
  codeLength: number;
  /** Code lifetime, as set for this `otcId` in the ANTS portal (the API does not say). */
  ttlSeconds: number;
  /** Default `https://api-service.ants.co.th`. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Give up after this long and fail with `network`. Default 10 000. */
  timeoutMs?: number;
  /**
   * What resendOTP receives. `"documented"`: `{ otcId }` only, as ANTS documents it.
   * `"extended"` (default): `{ otcId, otpId, mobile }`, so ANTS knows which OTP is meant.
   */
  resendBody?: "documented" | "extended";
  /** Clock for `expiresAt` and `resendAt`. Default `Date.now`. */
  now?: () => number;
  /** Seconds until a resend is offered. Default 30. */
  resendSeconds?: number;
  /** Verify attempts the portal allows, reported as `attemptsLeft`. Default 5. */
  maxAttempts?: number;
  /** Where ANTS should POST the delivery report (optional `notifyUrl`). */
  notifyUrl?: string;
  /** Format of the delivery report. Default `application/json` when `notifyUrl` is set. */
  notifyContentType?: "application/json" | "application/xml";
  /** Value ANTS echoes in the delivery report, e.g. a token that ties it to the request. */
  callbackData?: string | ((input: { phone: string }) => string);
}

export interface AntsAdapter extends OtpAdapter {
  readonly channels: OtpChannel[];
}

const CHANNELS: readonly OtpChannel[] = ["sms"];

const MESSAGES: Readonly<Record<OtpErrorKind, string>> = {
  invalid_phone: "ANTS did not accept the phone number",
  blocked_phone: "ANTS refuses to send to this number",
  rate_limited: "ANTS reports too many requests",
  insufficient_quota: "The ANTS account has no credit left",
  auth_failed: "ANTS rejected the account credentials",
  config_error: "ANTS rejected the request or the OTP configuration",
  not_found: "ANTS has no such OTP",
  wrong_code: "The code does not match",
  too_many_attempts: "Too many wrong codes for this OTP",
  expired: "The code has expired",
  already_verified: "The OTP was already confirmed",
  network: "ANTS did not answer",
  provider_error: "ANTS answered with an error or an answer that could not be understood",
};

interface Answer {
  status: number;
  text: string;
  headers: Headers;
}

export function ants(options: AntsOptions): AntsAdapter {
  const {
    username,
    password,
    otcId,
    codeLength,
    ttlSeconds,
    timeoutMs = 10_000,
    resendBody = "extended",
    now = Date.now,
    resendSeconds = 60,
    maxAttempts = 5,
  } = options;
  for (const [name, value] of Object.entries({ username, password, otcId })) {
    if (typeof value !== "string" || value === "") {
      throw new TypeError(`ants(): \`${name}\` is required`);
    }
  }
  for (const [name, value] of Object.entries({ codeLength, ttlSeconds })) {
    if (!Number.isInteger(value) || value <= 0) {
      throw new TypeError(`ants(): \`${name}\` must be a positive whole number`);
    }
  }
  const base = (options.baseUrl ?? ANTS_BASE_URL).replace(/\/+$/, "");
  const authorization = `Basic ${base64(`${username}:${password}`)}`;

  function fail(
    kind: OtpErrorKind,
    init: { status: number; providerCode?: string; cause?: unknown; retryAfterMs?: number },
  ): OtpError {
    return new OtpError({
      kind,
      message: MESSAGES[kind],
      ...init,
      ...(kind === "too_many_attempts" ? { attemptsLeft: 0 } : {}),
    });
  }

  async function post(path: string, body: unknown, signal?: AbortSignal): Promise<Answer> {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException("ANTS did not answer in time", "TimeoutError")),
      timeoutMs,
    );
    const abort = () => controller.abort(signal?.reason);
    if (signal?.aborted) abort();
    signal?.addEventListener("abort", abort);
    // Settles as soon as the request is aborted, even if a custom fetch ignores its signal.
    const aborted = new Promise<never>((_, reject) => {
      const onAbort = () => reject(controller.signal.reason);
      if (controller.signal.aborted) onAbort();
      else controller.signal.addEventListener("abort", onAbort, { once: true });
    });
    aborted.catch(() => {});
    try {
      const exchange = async (): Promise<Answer> => {
        const response = await (options.fetch ?? fetch)(`${base}${path}`, {
          method: "POST",
          headers: {
            authorization,
            "content-type": "application/json",
            accept: "application/json",
          },
          body: JSON.stringify(body),
          signal: controller.signal,
        });
        return { status: response.status, text: await response.text(), headers: response.headers };
      };
      return await Promise.race([exchange(), aborted]);
    } catch (thrown) {
      throw fail("network", {
        status: 0,
        cause: controller.signal.aborted ? controller.signal.reason : thrown,
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", abort);
    }
  }

  /** Throws the `OtpError` an answer stands for; returns its JSON when it reports no failure. */
  function inspect(answer: Answer, operation: AntsOperation): unknown {
    const { status, text } = answer;
    let json: unknown;
    try {
      json = trimKeys(JSON.parse(text));
    } catch {
      json = undefined;
    }
    const outcome = antsOutcomeSchema.safeParse(json);
    const failure = outcome.success ? failureOf(outcome.data) : undefined;
    const ok = status >= 200 && status < 300;
    if (!failure && ok && json !== undefined) return json;
    const code = failure?.code;
    const kind =
      (code === undefined ? undefined : kindForCode(code, operation)) ??
      (ok ? "provider_error" : kindForStatus(status));
    const retryAfterMs = kind === "rate_limited" ? retryAfter(answer.headers) : undefined;
    throw fail(kind, {
      status,
      providerCode: code ?? String(status),
      cause: text,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }

  async function issue(
    path: string,
    body: Record<string, string>,
    phone: string,
    operation: AntsOperation,
    signal?: AbortSignal,
  ): Promise<OtpChallenge> {
    const answer = await post(path, body, signal);
    const parsed = antsOtpSchema.safeParse(inspect(answer, operation));
    if (!parsed.success) {
      throw fail("provider_error", {
        status: answer.status,
        providerCode: String(answer.status),
        cause: answer.text,
      });
    }
    const at = now();
    const { otpId, referenceCode } = parsed.data;
    return {
      id: otpId,
      phone,
      codeLength,
      expiresAt: at + ttlSeconds * 1000,
      resendAt: at + resendSeconds * 1000,
      attemptsLeft: maxAttempts,
      channel: "sms",
      ...(referenceCode === undefined ? {} : { referenceCode }),
    };
  }

  function checkChannel(channel: OtpChannel | undefined) {
    if (channel !== undefined && !CHANNELS.includes(channel)) {
      throw fail("config_error", {
        status: 0,
        cause: new Error(`ANTS cannot deliver on "${channel}"`),
      });
    }
  }

  function notifyFields(phone: string): Record<string, string> {
    const { notifyUrl, notifyContentType, callbackData } = options;
    const fields: Record<string, string> = {};
    if (notifyUrl !== undefined) {
      fields.notifyUrl = notifyUrl;
      fields.notifyContentType = notifyContentType ?? "application/json";
    }
    if (callbackData !== undefined) {
      fields.callbackData =
        typeof callbackData === "function" ? callbackData({ phone }) : callbackData;
    }
    return fields;
  }

  return {
    channels: [...CHANNELS],

    async send({ phone, channel, signal }): Promise<OtpChallenge> {
      const mobile = toMobile(phone);
      if (mobile === undefined) {
        throw fail("invalid_phone", { status: 0, cause: new Error("Not an E.164 number") });
      }
      checkChannel(channel);
      return issue(
        "/otp/requestOTP",
        { otcId, mobile, ...notifyFields(phone) },
        phone,
        "request",
        signal,
      );
    },

    async resend({ challenge, channel, signal }): Promise<OtpChallenge> {
      checkChannel(channel);
      const mobile = toMobile(challenge.phone);
      // Assumption (notes): ANTS ignores extra fields, and needs them to know which OTP.
      const body: Record<string, string> =
        resendBody === "documented"
          ? { otcId }
          : { otcId, otpId: challenge.id, ...(mobile === undefined ? {} : { mobile }) };
      // The answer's otpId and referenceCode may differ from the old ones: adopt them.
      return issue("/otp/resendOTP", body, challenge.phone, "resend", signal);
    },

    async verify({ challenge, code, signal }): Promise<OtpVerified> {
      const answer = await post("/otp/verifyOTP", { otpId: challenge.id, otpCode: code }, signal);
      const parsed = antsVerifySchema.safeParse(inspect(answer, "verify"));
      if (!parsed.success) {
        throw fail("provider_error", {
          status: answer.status,
          providerCode: String(answer.status),
          cause: answer.text,
        });
      }
      const outcome = verifyOutcome(parsed.data);
      if (outcome === "verified") return { verified: true };
      throw fail(outcome, {
        status: answer.status,
        providerCode: VERIFY_FLAG_CODES[outcome],
        cause: answer.text,
      });
    },
  };
}

/** E.164 `+66812345678` -> ANTS's `66812345678`; `undefined` for anything else. */
export function toMobile(phone: string): string | undefined {
  return E164_PATTERN.test(phone) ? phone.slice(1) : undefined;
}

/** Base64 of the UTF-8 bytes, so non-ASCII passwords survive (btoa alone takes Latin-1). */
function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** `Retry-After` is not documented for ANTS; honour it (seconds or HTTP date) when present. */
function retryAfter(headers: Headers): number | undefined {
  const header = headers.get("retry-after");
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isNaN(seconds) ? Date.parse(header) - Date.now() : seconds * 1000;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}
