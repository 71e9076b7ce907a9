/**
 * The proof of verification for the app's own backend: a JWT (HS256) whose claims say
 * which phone was verified, by which challenge, when, and until when the proof holds.
 *
 *   const { phone } = await verifyOtpToken(request.headers.get("x-otp-token"), secret);
 *
 * Checked with WebCrypto (`crypto.subtle`) only, so `verifyOtpToken` runs wherever the app's
 * backend does: Node 20+, Bun, Deno, Cloudflare Workers, Vercel and Next.js edge middleware.
 * Import it from "@otpkit/server/token" there: that entry point pulls in nothing else.
 * (Tokens are signed by the server with node:crypto: see token-signer.ts.)
 */
import { fromBase64url } from "./base64url";
import {
  constantTimeEqual,
  MIN_SECRET_BYTES,
  type OtpTokenSecret,
  secretBytes,
  TOKEN_HEADER,
  TOKEN_ISSUER,
} from "./token-format";

export { MIN_SECRET_BYTES, type OtpTokenSecret };

export interface OtpTokenClaims {
  /** The verified number, E.164. */
  phone: string;
  /** The server's id of the challenge that was verified (`jti`): use it to accept a token once. */
  challengeId: string;
  /** Epoch ms, whole seconds (`iat`). */
  issuedAt: number;
  /** Epoch ms, whole seconds (`exp`): the token is refused from then on. */
  expiresAt: number;
}

export type OtpTokenFailure = "malformed" | "signature" | "expired";

/** Why a token was refused. The message never repeats the token. */
export class OtpTokenError extends Error {
  override readonly name = "OtpTokenError";
  constructor(readonly reason: OtpTokenFailure) {
    super(
      {
        malformed: "The verification token is malformed",
        signature: "The verification token's signature does not match",
        expired: "The verification token has expired",
      }[reason],
    );
  }
}

async function hmacKey(secret: OtpTokenSecret): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    "raw",
    secretBytes(secret) as Uint8Array<ArrayBuffer>,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
}

const encoder = new TextEncoder();

async function sign(key: CryptoKey, input: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(input)));
}

export interface VerifyOtpTokenOptions {
  now?: () => number;
}

/**
 * Checks a token from `@otpkit/server` and returns its claims; throws `OtpTokenError` when
 * it is malformed, forged or altered (`signature`), or past its expiry.
 */
export async function verifyOtpToken(
  token: string | null | undefined,
  secret: OtpTokenSecret,
  options: VerifyOtpTokenOptions = {},
): Promise<OtpTokenClaims> {
  const { now = Date.now } = options;
  const key = await hmacKey(secret);
  const parts = typeof token === "string" ? token.split(".") : [];
  const [header, payload, signature] = parts;
  // Only our own header: no "alg: none", no algorithm chosen by the token.
  if (
    parts.length !== 3 ||
    header !== TOKEN_HEADER ||
    payload === undefined ||
    signature === undefined
  ) {
    throw new OtpTokenError("malformed");
  }
  const given = fromBase64url(signature);
  const expected = await sign(key, `${header}.${payload}`);
  if (!given || !constantTimeEqual(given, expected)) throw new OtpTokenError("signature");

  const claims = readClaims(payload);
  if (!claims) throw new OtpTokenError("malformed");
  if (now() >= claims.expiresAt) throw new OtpTokenError("expired");
  return claims;
}

function readClaims(payload: string): OtpTokenClaims | undefined {
  const bytes = fromBase64url(payload);
  if (!bytes) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
  const { iss, sub, jti, iat, exp } = (json ?? {}) as Record<string, unknown>;
  if (iss !== TOKEN_ISSUER || typeof sub !== "string" || typeof jti !== "string") return undefined;
  if (!Number.isInteger(iat) || !Number.isInteger(exp)) return undefined;
  return {
    phone: sub,
    challengeId: jti,
    issuedAt: (iat as number) * 1000,
    expiresAt: (exp as number) * 1000,
  };
}
