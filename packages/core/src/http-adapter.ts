/**
 * The browser side of the wire protocol: an `OtpAdapter` that talks JSON to
 * `@otpkit/server` (or any backend speaking the same protocol).
 */
import type { OtpAdapter, OtpChallenge, OtpChannel, OtpVerified } from "./contract";
import { isOtpErrorKind, OtpError, toOtpError } from "./errors";
import {
  challengeFromWire,
  readChallengeResponse,
  readErrorResponse,
  readVerifyResponse,
} from "./wire-client";

export interface HttpAdapterOptions {
  /** Where the server's routes live, e.g. "/api/otp" or "https://auth.example.com/otp". */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Extra headers on every request (a CSRF token, for example). */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** Give up after this long and fail with `network`. Default 15 s. */
  timeoutMs?: number;
  /** Clock used to turn relative durations into absolute times. */
  now?: () => number;
  /**
   * The channels your server offers for a send (`["sms", "whatsapp"]`), when more than SMS:
   * the adapter's `channels`, which OtpVerify offers as a choice.
   */
  channels?: readonly OtpChannel[];
}

export function createHttpAdapter(options: HttpAdapterOptions): OtpAdapter {
  const { timeoutMs = 15_000, now = Date.now } = options;
  const base = options.baseUrl.replace(/\/+$/, "");

  async function post(path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
    const controller = new AbortController();
    const abort = () => controller.abort(signal?.reason);
    const timer = setTimeout(
      () => controller.abort(new DOMException("Timed out", "TimeoutError")),
      timeoutMs,
    );
    if (signal?.aborted) abort();
    signal?.addEventListener("abort", abort);
    try {
      const headers = typeof options.headers === "function" ? options.headers() : options.headers;
      const response = await (options.fetch ?? fetch)(`${base}/${path}`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      const text = await response.text();
      if (response.ok) return parseJson(text, response.status);
      throw failure(response, text, now());
    } catch (thrown) {
      // An abort surfaces as whatever reason the signal carried; name it for what it was.
      if (thrown instanceof OtpError) throw thrown;
      if (controller.signal.aborted) {
        throw new OtpError({
          kind: "network",
          status: 0,
          message: "The request did not get an answer",
          cause: controller.signal.reason,
        });
      }
      throw toOtpError(thrown);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", abort);
    }
  }

  const challenge = async (path: string, body: unknown, signal?: AbortSignal) => {
    const json = await post(path, body, signal);
    const parsed = readChallengeResponse(json);
    if (!parsed) throw malformed(json, 200);
    return challengeFromWire(parsed.challenge, now());
  };

  return {
    ...(options.channels ? { channels: [...options.channels] } : {}),
    send: ({ signal, ...input }): Promise<OtpChallenge> => challenge("send", input, signal),
    resend: ({ challenge: { id }, channel, signal }): Promise<OtpChallenge> =>
      challenge("resend", { challengeId: id, channel }, signal),
    async verify({ challenge: { id }, code, signal }): Promise<OtpVerified> {
      const json = await post("verify", { challengeId: id, code }, signal);
      const parsed = readVerifyResponse(json);
      if (!parsed?.verified) throw malformed(json, 200);
      return { verified: true, token: parsed.token };
    },
  };
}

const malformed = (cause: unknown, status: number) =>
  new OtpError({
    kind: "provider_error",
    message: "Unexpected answer from the server",
    status,
    cause,
  });

function parseJson(text: string, status: number): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw malformed(cause, status);
  }
}

function failure(response: Response, text: string, receivedAt: number): OtpError {
  const { status } = response;
  const retryAfterMs = retryAfter(response.headers.get("retry-after"), receivedAt);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {}
  const parsed = readErrorResponse(json);
  if (!parsed) {
    return new OtpError({
      kind: status === 429 ? "rate_limited" : "provider_error",
      message: `Unexpected ${status} answer from the server`,
      status,
      retryAfterMs,
      cause: text.slice(0, 500),
    });
  }
  const { kind, message, retryAfter: after, attemptsLeft, resendIn } = parsed.error;
  return new OtpError({
    kind: isOtpErrorKind(kind) ? kind : "provider_error",
    message,
    status,
    retryAfterMs: retryAfterMs ?? (after === undefined ? undefined : after * 1000),
    resendAfterMs: resendIn === undefined ? undefined : resendIn * 1000,
    attemptsLeft,
  });
}

/** `Retry-After` is either whole seconds or an HTTP date. */
function retryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isNaN(seconds) ? Date.parse(header) - now : seconds * 1000;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}
