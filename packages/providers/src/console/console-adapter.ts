/**
 * The development adapter: no provider, no keys. It generates the code itself, keeps only
 * a keyed hash of it, and hands the SMS text to `deliver` (by default: prints it on the
 * server console, which is the whole point of this adapter in a local run).
 */
import * as nodeCrypto from "node:crypto";
import { randomBytes, randomFillSync, randomInt, timingSafeEqual } from "node:crypto";
import {
  E164_PATTERN,
  type OtpAdapter,
  type OtpChallenge,
  OtpError,
  type OtpErrorKind,
  STATUS_BY_KIND,
  webOtpLine,
} from "@otpkit/core";

/** What the console adapter delivers. Shaped so a mocks `Inbox` accepts it as it is. */
export interface ConsoleSms {
  /** E.164 destination. */
  to: string;
  /** Sender name as a phone would show it. */
  from: string;
  /** The full SMS text, code included. */
  text: string;
  /** The code alone, for tests and tools that do not want to parse `text`. */
  code: string;
  provider: "console";
  channel: "sms";
  challengeId: string;
  /** Epoch ms when the code stops being accepted. */
  expiresAt: number;
}

/** The part of an SMS an inbox keeps: sender, destination and text. */
export type InboxSms = Pick<ConsoleSms, "to" | "from" | "text" | "provider" | "channel">;

/** Anything with a `deliver(message)` method, such as the `inbox` from `@otpkit/mocks`. */
export interface SmsSink {
  deliver(message: InboxSms): unknown;
}

export type ConsoleDeliver = ((sms: ConsoleSms) => unknown) | SmsSink;

export interface ConsoleAdapterOptions {
  /** Digits in a code, 4 to 10. Default 6. */
  codeLength?: number;
  /** Code lifetime. Default 300 s. */
  ttlSeconds?: number;
  /** Wait before a resend is accepted. Default 30 s. */
  resendSeconds?: number;
  /** Wrong codes accepted per challenge before it locks. Default 5. */
  maxAttempts?: number;
  /** Where the SMS goes: a function or an inbox. Default: printed on the server console. */
  deliver?: ConsoleDeliver;
  /** Clock for expiry and cooldowns. Default `Date.now`. */
  now?: () => number;
  /** Sender name in the SMS. Default "otpkit". */
  sender?: string;
  /**
   * The site the code is for ("https://example.com"): the SMS then ends with the line that
   * lets WebOTP and Safari fill the code in on that site only (`@example.com #123456`).
   */
  webOtpOrigin?: string;
}

export interface ConsoleAdapter extends OtpAdapter {
  readonly channels: readonly ["sms"];
}

interface Issued {
  phone: string;
  /**
   * Keyed digest of the code, base64url: the code itself is never kept. A string rather than
   * a Buffer: one small object per challenge for the collector.
   */
  digest: string;
  expiresAt: number;
  resendAt: number;
  attemptsLeft: number;
  verified: boolean;
}

export function consoleAdapter(options: ConsoleAdapterOptions = {}): ConsoleAdapter {
  const {
    codeLength = 6,
    ttlSeconds = 300,
    resendSeconds = 30,
    maxAttempts = 5,
    now = Date.now,
    sender = "otpkit",
  } = options;
  checkRange("codeLength", codeLength, 4, 10);
  checkRange("ttlSeconds", ttlSeconds, 1, Number.MAX_SAFE_INTEGER);
  checkRange("resendSeconds", resendSeconds, 0, Number.MAX_SAFE_INTEGER);
  checkRange("maxAttempts", maxAttempts, 1, Number.MAX_SAFE_INTEGER);
  const deliver = toDeliver(options.deliver ?? printToConsole);
  const { webOtpOrigin } = options;
  // An origin the browser would not bind is refused now, not at the first send.
  if (webOtpOrigin !== undefined) webOtpLine(webOtpOrigin, "0");

  // A fresh secret per adapter: digests are useless outside this process. They never leave
  // it either (only compared here), so SHA-256 of secret + challenge + code is as good a key
  // as HMAC's two passes, in one one-shot hash (`crypto.hash`, Node 20.12+; else createHash).
  const secret = randomBytes(32).toString("base64url");
  const digestOf = (challengeId: string, code: string) => {
    const text = `${secret}\u0000${challengeId}\u0000${code}`;
    return nodeCrypto.hash
      ? nodeCrypto.hash("sha256", text, "base64url")
      : nodeCrypto.createHash("sha256").update(text).digest("base64url");
  };
  const expiresIn = duration(ttlSeconds);
  const issued = new Map<string, Issued>();

  let nextSweepAt = 0;
  function forgetStale(at: number) {
    // Expired challenges stay one more lifetime so a late verify hears "expired", not
    // "not found". Sweeping once per lifetime keeps sends cheap.
    if (at < nextSweepAt) return;
    nextSweepAt = at + ttlSeconds * 1000;
    for (const [id, record] of issued) {
      if (at >= record.expiresAt + ttlSeconds * 1000) issued.delete(id);
    }
  }

  async function issue(phone: string): Promise<OtpChallenge> {
    const at = now();
    forgetStale(at);
    const id = randomHandle();
    const code = randomDigits(codeLength);
    const challenge: OtpChallenge = {
      id,
      phone,
      codeLength,
      expiresAt: at + ttlSeconds * 1000,
      resendAt: at + resendSeconds * 1000,
      attemptsLeft: maxAttempts,
      channel: "sms",
    };
    issued.set(id, {
      phone,
      digest: digestOf(id, code),
      expiresAt: challenge.expiresAt,
      resendAt: challenge.resendAt,
      attemptsLeft: maxAttempts,
      verified: false,
    });
    const text = `Your ${sender} code is ${code}. It expires in ${expiresIn}.${
      webOtpOrigin === undefined ? "" : `\n\n${webOtpLine(webOtpOrigin, code)}`
    }`;
    try {
      const delivered = deliver({
        to: phone,
        from: sender,
        text,
        code,
        provider: "console",
        channel: "sms",
        challengeId: id,
        expiresAt: challenge.expiresAt,
      });
      // Waited for only when it is a promise: a plain function costs no extra turn.
      if (isThenable(delivered)) await delivered;
    } catch (cause) {
      issued.delete(id);
      if (cause instanceof OtpError) throw cause;
      throw failure("provider_error", "The SMS could not be delivered", { cause });
    }
    return challenge;
  }

  function find(id: string): Issued {
    const record = issued.get(id);
    if (!record) throw failure("not_found", "No such challenge");
    if (record.verified) throw failure("already_verified", "This challenge was already verified");
    return record;
  }

  return {
    channels: ["sms"],

    async send({ phone, channel, signal }) {
      notAborted(signal);
      if (!E164_PATTERN.test(phone)) {
        throw failure("invalid_phone", "The phone number is not in E.164 form");
      }
      if (channel !== undefined && channel !== "sms") {
        throw failure("config_error", `The console adapter cannot deliver by ${channel}`);
      }
      // Awaited: returning the promise itself would cost two more turns of the queue.
      return await issue(phone);
    },

    async resend({ challenge, channel, signal }) {
      notAborted(signal);
      const record = find(challenge.id);
      if (channel !== undefined && channel !== "sms") {
        throw failure("config_error", `The console adapter cannot deliver by ${channel}`);
      }
      const at = now();
      // An expired code may be replaced at once; a live one only after the cooldown.
      if (at < record.resendAt && at < record.expiresAt) {
        throw failure("rate_limited", "Resend requested before the cooldown ended", {
          retryAfterMs: record.resendAt - at,
        });
      }
      const next = await issue(record.phone);
      issued.delete(challenge.id);
      return next;
    },

    async verify({ challenge, code, signal }) {
      notAborted(signal);
      const record = find(challenge.id);
      const at = now();
      if (at >= record.expiresAt) throw failure("expired", "The code expired");
      const resendAfterMs = () => Math.max(0, record.resendAt - at);
      if (record.attemptsLeft <= 0) {
        throw failure("too_many_attempts", "Too many wrong codes", {
          attemptsLeft: 0,
          resendAfterMs: resendAfterMs(),
        });
      }
      if (!timingSafeEqual(Buffer.from(digestOf(challenge.id, code)), Buffer.from(record.digest))) {
        record.attemptsLeft -= 1;
        if (record.attemptsLeft > 0) {
          throw failure("wrong_code", "The code did not match", {
            attemptsLeft: record.attemptsLeft,
          });
        }
        throw failure("too_many_attempts", "Too many wrong codes", {
          attemptsLeft: 0,
          resendAfterMs: resendAfterMs(),
        });
      }
      record.verified = true;
      return { verified: true };
    },
  };
}

// Random bytes drawn 4 KB at a time, each used once and then wiped.
const HANDLE_BYTES = 16;
const handlePool = Buffer.alloc(4096);
let handleOffset = handlePool.byteLength;

/**
 * 128 random bits as 22 base64url characters: the challenge's handle. Made by Buffer in one
 * piece (randomUUID joins its string from 20 pieces, and the handle is kept for the
 * challenge's life, in every map that holds it).
 */
function randomHandle(): string {
  if (handleOffset + HANDLE_BYTES > handlePool.byteLength) {
    randomFillSync(handlePool);
    handleOffset = 0;
  }
  const end = handleOffset + HANDLE_BYTES;
  const handle = handlePool.toString("base64url", handleOffset, end);
  handlePool.fill(0, handleOffset, end);
  handleOffset = end;
  return handle;
}

/**
 * Uniform digits: `randomInt` draws by rejection sampling, so no number below 10^length (and
 * no digit at any position) is favoured. One draw for the whole code (10^10 < 2^48).
 */
function randomDigits(length: number): string {
  return String(randomInt(10 ** length)).padStart(length, "0");
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === "function";

function duration(seconds: number): string {
  if (seconds % 60 !== 0) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = seconds / 60;
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

function failure(
  kind: OtpErrorKind,
  message: string,
  extra: {
    retryAfterMs?: number;
    resendAfterMs?: number;
    attemptsLeft?: number;
    cause?: unknown;
  } = {},
): OtpError {
  return new OtpError({ kind, message, status: STATUS_BY_KIND[kind], ...extra });
}

function notAborted(signal: AbortSignal | undefined) {
  if (signal?.aborted) {
    throw new OtpError({
      kind: "network",
      message: "The request was aborted",
      status: 0,
      cause: signal.reason,
    });
  }
}

function toDeliver(deliver: ConsoleDeliver): (sms: ConsoleSms) => unknown {
  if (typeof deliver === "function") return deliver;
  return ({ to, from, text, provider, channel }) =>
    deliver.deliver({ to, from, text, provider, channel });
}

function printToConsole(sms: ConsoleSms): void {
  // biome-ignore lint/suspicious/noConsole: printing the SMS is this adapter's dev feature.
  console.log(`[otpkit console] SMS to ${sms.to} from ${sms.from}: ${sms.text}`);
}

function checkRange(name: string, value: number, min: number, max: number) {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`consoleAdapter: ${name} must be an integer from ${min} to ${max}`);
  }
}
