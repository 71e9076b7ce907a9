/**
 * Randomness for the browser and Node alike: the global Web Crypto, never node:crypto,
 * so the wire mock runs under `setupWorker` too.
 */

/** `length` uniform digits. Bytes of 250 and above are redrawn, so no digit is favoured. */
export function randomDigits(length: number): string {
  let digits = "";
  while (digits.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length))) {
      if (byte < 250 && digits.length < length) digits += byte % 10;
    }
  }
  return digits;
}

/** An opaque id: 16 random bytes as hex. */
export function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, "0"),
  ).join("");
}

const REFERENCE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

/** A short reference shown beside the code, like ANTS's "Ref AbC12" (letters only here). */
export function randomReference(length = 5): string {
  let reference = "";
  while (reference.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length))) {
      // 240 = 10 * 24: redraw above it to keep every letter equally likely.
      if (byte < 240 && reference.length < length) {
        reference += REFERENCE_LETTERS[byte % REFERENCE_LETTERS.length];
      }
    }
  }
  return reference;
}

/** An opaque id as @otpkit/server makes them: 16 random bytes, base64url (22 characters). */
export function randomToken(): string {
  let binary = "";
  for (const byte of crypto.getRandomValues(new Uint8Array(16))) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
