/** What signer and checker share: the token's fixed header, issuer and key rules. */
import { toBase64url } from "./base64url";

export type OtpTokenSecret = string | Uint8Array;

/** At least 32 bytes: HMAC-SHA256 keys shorter than its output weaken it. */
export const MIN_SECRET_BYTES = 32;

export const TOKEN_ISSUER = "otpkit";
const encoder = new TextEncoder();
/** The one header our tokens carry, encoded. */
export const TOKEN_HEADER = toBase64url(
  encoder.encode(JSON.stringify({ alg: "HS256", typ: "JWT" })),
);

export function secretBytes(secret: OtpTokenSecret): Uint8Array {
  const bytes = typeof secret === "string" ? encoder.encode(secret) : secret;
  if (bytes.byteLength < MIN_SECRET_BYTES) {
    throw new RangeError(`The token secret must be at least ${MIN_SECRET_BYTES} bytes long`);
  }
  return bytes;
}

/** Compares every byte whatever the first difference: no timing hint at the signature. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  let difference = 0;
  for (let i = 0; i < a.byteLength; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}
