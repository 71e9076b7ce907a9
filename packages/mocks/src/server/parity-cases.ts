/**
 * The wire protocol's answers as @otpkit/server gives them, as a table: request after
 * request, with the exact status, error body and headers each one gets. `otpServerMock`
 * is held to it by parity.test.ts; the server can run the same table against its own
 * handler (see `describeWireParity` in "@otpkit/mocks/conformance"), so a change on
 * either side shows up as a failing row.
 *
 * Every case starts a fresh server whose adapter delivers 6-digit codes by SMS only (the
 * console provider, or the mock's default adapter) to a dev inbox, with the limits in
 * `setup`. All requests come from one client address. Times are on the server's clock,
 * which `advance` moves.
 *
 * In request bodies, these strings are replaced: "$id" by the newest challenge's id,
 * "$firstId" by the first one's, "$code" by the newest code delivered to the phone,
 * "$wrongCode" by a code of the same length that differs in every digit.
 */
import type { OtpErrorKind, WireChallenge } from "@otpkit/core";

export const PARITY_PHONE = "+66812345678";
const MASKED = "+66 ••• ••• 678";

export interface WireParitySetup {
  /** Code lifetime. Default 300. */
  ttlSeconds?: number;
  /** The server's limits (`OtpLimits` of @otpkit/server); absent ones take its defaults. */
  limits?: {
    sendsPerPhone?: number;
    sendWindowSeconds?: number;
    resendCooldownSeconds?: number[];
    verifyAttempts?: number;
    sendsPerIp?: number;
  };
}

export interface WireParityRequest {
  /** Default POST. */
  method?: string;
  /** After the base, with any query: "send", "dev/inbox?phone=…". */
  path: string;
  /** Sent as JSON, with the placeholders above replaced. */
  json?: unknown;
  /** Sent as it is, instead of `json`. */
  raw?: string;
  /** Default "application/json" when there is a body. */
  contentType?: string;
}

export interface WireParityError {
  kind: OtpErrorKind;
  message: string;
  retryAfter?: number;
  attemptsLeft?: number;
  resendIn?: number;
}

export interface WireParityAnswer {
  status: number;
  /** The whole `error` object, exactly: a field absent here must be absent there. */
  error?: WireParityError;
  /** The whole challenge but its id, exactly. */
  challenge?: Omit<WireChallenge, "id">;
  /** `{ verified: true, token }`, the token a JWT with these claims; `iat` is now. */
  token?: { sub: string; jti: "$id"; ttlSeconds: number };
  /** Dev inbox messages, oldest first (`at` any number). */
  messages?: { to: string; from: string; provider: string; channel: string; text: RegExp }[];
  /** No body at all. */
  empty?: true;
  /** Headers with these exact values; null: the header must be absent. */
  headers?: Record<string, string | null>;
}

export type WireParityStep =
  | { request: WireParityRequest; expect: WireParityAnswer }
  /** Moves the server's clock, in ms. */
  | { advance: number };

export interface WireParityCase {
  name: string;
  setup?: WireParitySetup;
  steps: WireParityStep[];
}

const send = (json: unknown = { phone: PARITY_PHONE }): WireParityRequest => ({
  path: "send",
  json,
});
const resend = (challengeId = "$id"): WireParityRequest => ({
  path: "resend",
  json: { challengeId },
});
const verify = (code: string, challengeId = "$id"): WireParityRequest => ({
  path: "verify",
  json: { challengeId, code },
});

/** A challenge as the console adapter's answers it, with these seconds left. */
const challenge = (
  expiresIn: number,
  resendIn: number,
  attemptsLeft = 5,
): Omit<WireChallenge, "id"> => ({
  phone: MASKED,
  codeLength: 6,
  expiresIn,
  resendIn,
  attemptsLeft,
  channel: "sms",
});

const refused = (status: number, message: string): WireParityAnswer => ({
  status,
  error: { kind: "config_error", message },
});

const fieldsRefused = (fields: string) =>
  refused(400, `The request body does not match the protocol (${fields})`);

/** 429 rate_limited; the number's limits also say resendIn, the per-client one does not. */
const rateLimited = (seconds: number, about: "number" | "client" = "number") => ({
  status: 429,
  error: {
    kind: "rate_limited" as const,
    message: "Too many requests; try again later",
    retryAfter: seconds,
    ...(about === "number" ? { resendIn: seconds } : {}),
  },
  headers: { "retry-after": String(seconds) },
});

const JSON_HEADERS = {
  "content-type": "application/json; charset=utf-8",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
};

export const WIRE_PARITY_CASES: readonly WireParityCase[] = [
  {
    name: "send answers the challenge with a masked phone, relative seconds and no-store JSON",
    steps: [
      {
        request: send({ phone: PARITY_PHONE, locale: "th" }),
        expect: { status: 200, challenge: challenge(300, 30), headers: JSON_HEADERS },
      },
      {
        request: { method: "GET", path: `dev/inbox?phone=${encodeURIComponent(PARITY_PHONE)}` },
        expect: {
          status: 200,
          headers: JSON_HEADERS,
          messages: [
            {
              to: PARITY_PHONE,
              from: "otpkit",
              provider: "console",
              channel: "sms",
              text: /^Your otpkit code is \d{6}\. It expires in 5 minutes\.$/,
            },
          ],
        },
      },
    ],
  },
  {
    name: "malformed bodies: 415, 413, 400 naming fields only, all config_error; a bad number 422",
    steps: [
      {
        request: { path: "send", raw: "phone=%2B66812345678", contentType: "text/plain" },
        expect: {
          ...refused(415, "Send the request body as application/json"),
          headers: JSON_HEADERS,
        },
      },
      {
        request: {
          path: "send",
          raw: `{"phone":"${PARITY_PHONE}"}`,
          contentType: "application/x-www-form-urlencoded",
        },
        expect: refused(415, "Send the request body as application/json"),
      },
      {
        request: send({ phone: PARITY_PHONE, pad: "x".repeat(17_000) }),
        expect: refused(413, "The request body is larger than 16384 bytes"),
      },
      {
        request: { path: "verify", raw: '{"challengeId": ' },
        expect: refused(400, "The request body is not valid JSON"),
      },
      {
        request: { path: "send", raw: "" },
        expect: refused(400, "The request body is not valid JSON"),
      },
      { request: send({}), expect: fieldsRefused("phone") },
      { request: send({ phone: 66812345678 }), expect: fieldsRefused("phone") },
      { request: send({ phone: PARITY_PHONE, channel: 5 }), expect: fieldsRefused("channel") },
      { request: send(null), expect: fieldsRefused("body") },
      { request: send([PARITY_PHONE]), expect: fieldsRefused("body") },
      {
        request: send({ phone: "0812345678", channel: 5 }),
        expect: fieldsRefused("phone, channel"),
      },
      {
        request: send({ phone: "0812345678" }),
        expect: {
          status: 422,
          error: { kind: "invalid_phone", message: "The phone number must be in E.164 form" },
        },
      },
      {
        request: send({ phone: "+66 81 234 5678" }),
        expect: {
          status: 422,
          error: { kind: "invalid_phone", message: "The phone number must be in E.164 form" },
        },
      },
      { request: { path: "resend", json: { id: "x" } }, expect: fieldsRefused("challengeId") },
      { request: { path: "verify", json: { challengeId: "x" } }, expect: fieldsRefused("code") },
      { request: verify("123456", ""), expect: fieldsRefused("challengeId") },
      // None of these counted against the number.
      { request: send(), expect: { status: 200, challenge: challenge(300, 30) } },
    ],
  },
  {
    name: "wrong methods get 405 with Allow, unknown routes 404, a preflight 204",
    steps: [
      {
        request: { method: "GET", path: "send" },
        expect: { ...refused(405, "Use POST"), headers: { allow: "POST, OPTIONS" } },
      },
      {
        request: { method: "PUT", path: "verify", json: { challengeId: "x", code: "123456" } },
        expect: { ...refused(405, "Use POST"), headers: { allow: "POST, OPTIONS" } },
      },
      {
        request: { method: "POST", path: "dev/inbox", json: {} },
        expect: { ...refused(405, "Use GET"), headers: { allow: "GET, OPTIONS" } },
      },
      {
        request: { path: "sendx", json: { phone: PARITY_PHONE } },
        expect: refused(404, "No such route"),
      },
      { request: { path: "send/again", json: {} }, expect: refused(404, "No such route") },
      { request: { method: "GET", path: "status" }, expect: refused(404, "No such route") },
      { request: { method: "OPTIONS", path: "send" }, expect: { status: 204, empty: true } },
    ],
  },
  {
    name: "cooldown: 30 s, 60 s, 120 s after each send to a number, then locked until its hour ends",
    steps: [
      { request: send(), expect: { status: 200, challenge: challenge(300, 30) } },
      { advance: 10_000 },
      // A new send to the number waits like a resend: it is the same number's cooldown.
      { request: send(), expect: rateLimited(20) },
      { request: resend(), expect: rateLimited(20) },
      { advance: 20_000 },
      { request: resend(), expect: { status: 200, challenge: challenge(300, 60) } },
      { advance: 60_000 },
      { request: resend(), expect: { status: 200, challenge: challenge(300, 120) } },
      { advance: 120_000 },
      // The 4th code (at 210 s): no 4th cooldown, the number waits for its hour (0 s to 3600 s).
      { request: resend(), expect: { status: 200, challenge: challenge(300, 3390) } },
      { advance: 300_000 },
      { request: resend(), expect: rateLimited(3090) },
      { request: send(), expect: rateLimited(3090) },
      { advance: 3_090_000 },
      { request: resend(), expect: { status: 200, challenge: challenge(300, 30) } },
    ],
  },
  {
    name: "the cooldown outlasts a short code, and a resend after expiry still waits for it",
    setup: { ttlSeconds: 20 },
    steps: [
      { request: send(), expect: { status: 200, challenge: challenge(20, 30) } },
      { advance: 20_000 },
      {
        request: verify("$code"),
        expect: {
          status: 410,
          error: { kind: "expired", message: "The code expired", resendIn: 10 },
        },
      },
      { request: resend(), expect: rateLimited(10) },
      { advance: 10_000 },
      { request: resend(), expect: { status: 200, challenge: challenge(20, 60) } },
    ],
  },
  {
    name: "a channel the server does not offer: 422 config_error before anything is sent",
    steps: [
      {
        request: send({ phone: PARITY_PHONE, channel: "whatsapp" }),
        expect: refused(422, "This server delivers codes by sms only"),
      },
      {
        request: send({ phone: PARITY_PHONE, channel: "sms" }),
        expect: { status: 200, challenge: challenge(300, 30) },
      },
      { advance: 30_000 },
      {
        request: { path: "resend", json: { challengeId: "$id", channel: "whatsapp" } },
        expect: refused(422, "This server delivers codes by sms only"),
      },
      { request: resend(), expect: { status: 200, challenge: challenge(300, 60) } },
    ],
  },
  {
    name: "wrong codes count down with resendIn; the last one locks, 429 with Retry-After",
    setup: { limits: { verifyAttempts: 3 } },
    steps: [
      { request: send(), expect: { status: 200, challenge: challenge(300, 30, 3) } },
      {
        request: verify("$wrongCode"),
        expect: {
          status: 422,
          error: {
            kind: "wrong_code",
            message: "The code did not match",
            attemptsLeft: 2,
            resendIn: 30,
          },
          headers: { "retry-after": null },
        },
      },
      { advance: 5_000 },
      {
        request: verify("$wrongCode"),
        expect: {
          status: 422,
          error: {
            kind: "wrong_code",
            message: "The code did not match",
            attemptsLeft: 1,
            resendIn: 25,
          },
        },
      },
      {
        request: verify("$wrongCode"),
        expect: {
          status: 429,
          error: {
            kind: "too_many_attempts",
            message: "Too many wrong codes",
            attemptsLeft: 0,
            resendIn: 25,
          },
          headers: { "retry-after": "25" },
        },
      },
      {
        request: verify("$code"),
        expect: {
          status: 429,
          error: {
            kind: "too_many_attempts",
            message: "Too many wrong codes",
            attemptsLeft: 0,
            resendIn: 25,
          },
        },
      },
      { advance: 25_000 },
      // The lock ends with a new code: a resend brings fresh attempts.
      { request: resend(), expect: { status: 200, challenge: challenge(300, 60, 3) } },
      {
        request: verify("$code"),
        expect: { status: 200, token: { sub: PARITY_PHONE, jti: "$id", ttlSeconds: 600 } },
      },
    ],
  },
  {
    name: "a code of the wrong length or not digits is wrong_code without spending an attempt",
    setup: { limits: { verifyAttempts: 3 } },
    steps: [
      { request: send(), expect: { status: 200, challenge: challenge(300, 30, 3) } },
      ...["12345", "1234567", "12345a", " 12345"].map(
        (code): WireParityStep => ({
          request: verify(code),
          expect: {
            status: 422,
            error: {
              kind: "wrong_code",
              message: "The code did not match",
              attemptsLeft: 3,
              resendIn: 30,
            },
          },
        }),
      ),
      {
        request: verify("$wrongCode"),
        expect: {
          status: 422,
          error: {
            kind: "wrong_code",
            message: "The code did not match",
            attemptsLeft: 2,
            resendIn: 30,
          },
        },
      },
      {
        request: verify("1234"),
        expect: {
          status: 422,
          error: {
            kind: "wrong_code",
            message: "The code did not match",
            attemptsLeft: 2,
            resendIn: 30,
          },
        },
      },
      { request: verify("$code"), expect: { status: 200 } },
    ],
  },
  {
    name: "verify answers a JWT with the server's claims",
    steps: [
      { request: send(), expect: { status: 200, challenge: challenge(300, 30) } },
      { advance: 1_500 },
      {
        request: verify("$code"),
        expect: {
          status: 200,
          token: { sub: PARITY_PHONE, jti: "$id", ttlSeconds: 600 },
          headers: JSON_HEADERS,
        },
      },
    ],
  },
  {
    name: "failures about a known challenge say resendIn; about an unknown one they do not",
    steps: [
      { request: send(), expect: { status: 200, challenge: challenge(300, 30) } },
      { request: verify("$code"), expect: { status: 200 } },
      { advance: 4_000 },
      {
        request: verify("$code"),
        expect: {
          status: 409,
          error: { kind: "already_verified", message: "This code was already used", resendIn: 26 },
        },
      },
      {
        request: resend(),
        expect: {
          status: 409,
          error: { kind: "already_verified", message: "This code was already used", resendIn: 26 },
        },
      },
      {
        request: verify("123456", "no-such-challenge"),
        expect: {
          status: 404,
          error: { kind: "not_found", message: "This code request is no longer valid" },
        },
      },
      {
        request: resend("no-such-challenge"),
        expect: {
          status: 404,
          error: { kind: "not_found", message: "This code request is no longer valid" },
        },
      },
      // Verifying does not end the number's cooldown.
      { request: send(), expect: rateLimited(26) },
    ],
  },
  {
    name: "a resent challenge's old id is unknown; a challenge is forgotten a lifetime after expiry",
    steps: [
      { request: send(), expect: { status: 200, challenge: challenge(300, 30) } },
      { advance: 30_000 },
      { request: resend(), expect: { status: 200, challenge: challenge(300, 60) } },
      {
        request: verify("$code", "$firstId"),
        expect: {
          status: 404,
          error: { kind: "not_found", message: "This code request is no longer valid" },
        },
      },
      { advance: 600_000 },
      {
        request: verify("$code"),
        expect: {
          status: 410,
          error: { kind: "expired", message: "The code expired", resendIn: 0 },
        },
      },
      { advance: 1_000 },
      {
        request: verify("$code"),
        expect: {
          status: 404,
          error: { kind: "not_found", message: "This code request is no longer valid" },
        },
      },
    ],
  },
  {
    name: "sends per number: the last one allowed says when the number is free again",
    setup: { limits: { sendsPerPhone: 3, sendWindowSeconds: 600, resendCooldownSeconds: [0, 0] } },
    steps: [
      { request: send(), expect: { status: 200, challenge: challenge(300, 0) } },
      { advance: 1_000 },
      { request: send(), expect: { status: 200, challenge: challenge(300, 0) } },
      { advance: 1_000 },
      { request: send(), expect: { status: 200, challenge: challenge(300, 598) } },
      { advance: 1_000 },
      { request: send(), expect: rateLimited(597) },
      { advance: 597_000 },
      { request: send(), expect: { status: 200, challenge: challenge(300, 0) } },
    ],
  },
  {
    name: "sends per client: refusals count too, and the limit names no resendIn",
    setup: { limits: { sendsPerIp: 2 } },
    steps: [
      { request: send(), expect: { status: 200, challenge: challenge(300, 30) } },
      { request: send(), expect: rateLimited(30) },
      { request: send({ phone: "+66899999999" }), expect: rateLimited(3600, "client") },
    ],
  },
  {
    name: "the dev inbox wants an E.164 number",
    steps: [
      {
        request: { method: "GET", path: "dev/inbox?phone=12" },
        expect: {
          status: 422,
          error: { kind: "invalid_phone", message: "The phone number must be in E.164 form" },
        },
      },
      {
        request: { method: "GET", path: "dev/inbox" },
        expect: {
          status: 422,
          error: { kind: "invalid_phone", message: "The phone number must be in E.164 form" },
        },
      },
      {
        request: { method: "GET", path: "dev/inbox?phone=66812345678" },
        expect: { status: 200, messages: [] },
      },
    ],
  },
];
