/**
 * "Own code" mode: we generate the code, EngageLab only delivers it (`POST /v1/codes`), and
 * this adapter verifies it. Nothing is stored here: the challenge id carries an HMAC of the
 * code bound to the message, so verification needs only the secret. Uses Web Crypto, so it
 * runs on Node 20, Deno, Bun and edge runtimes alike.
 */
const encoder = new TextEncoder();

/** A uniformly random string of `length` decimal digits. */
export function randomDigits(length: number): string {
  const digits: number[] = [];
  const bytes = new Uint8Array(length * 2);
  while (digits.length < length) {
    crypto.getRandomValues(bytes);
    // Rejection sampling: 250 is the largest multiple of 10 below 256, so no digit is favoured.
    for (const byte of bytes) if (byte < 250 && digits.length < length) digits.push(byte % 10);
  }
  return digits.join("");
}

async function hmac(secret: string, message: string): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(message)));
}

const toBase64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

/** The tag stored in the challenge id: HMAC-SHA256(secret, message_id + "\n" + code). */
export async function codeTag(secret: string, messageId: string, code: string): Promise<string> {
  return toBase64Url(await hmac(secret, `${messageId}\n${code}`));
}

/** Constant-time comparison of two tags. */
export function sameTag(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
