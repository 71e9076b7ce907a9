const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const CODES = Array.from(ALPHABET, (char) => char.charCodeAt(0));
/** Character codes per String.fromCharCode call: well below any engine's argument limit. */
const CHUNK = 4096;

/**
 * Base64url without padding, on plain bytes: works wherever WebCrypto does (no Buffer).
 * Built from character codes in one String.fromCharCode call per chunk, so the result is
 * one flat string: appending piece by piece makes a tree of string pieces, which a string
 * that is kept (an id in a store) would carry for its whole life.
 */
export function toBase64url(bytes: Uint8Array): string {
  const codes: number[] = [];
  let text = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    codes.push(code(n >> 18), code((n >> 12) & 63), code((n >> 6) & 63), code(n & 63));
    if (codes.length >= CHUNK) text += flush(codes);
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = ((bytes[i] ?? 0) << 16) | (rest === 2 ? (bytes[i + 1] ?? 0) << 8 : 0);
    codes.push(code(n >> 18), code((n >> 12) & 63));
    if (rest === 2) codes.push(code((n >> 6) & 63));
  }
  return text + flush(codes);
}

const code = (sextet: number): number => CODES[sextet] ?? 0;

function flush(codes: number[]): string {
  const text = String.fromCharCode(...codes);
  codes.length = 0;
  return text;
}

/** The bytes of a base64url string, or undefined when it is not one. */
export function fromBase64url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

// Random bytes drawn 4 KB at a time: one CSPRNG call per 256 ids instead of one per id.
const POOL_BYTES = 4096;
let pool = new Uint8Array(0);
let offset = POOL_BYTES;

/** 128 random bits as 22 base64url characters: our challenge ids. */
export function randomId(): string {
  if (offset + 16 > pool.byteLength) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_BYTES));
    offset = 0;
  }
  const bytes = pool.slice(offset, offset + 16);
  // Each id's bytes are used once and wiped, so none can be read back later.
  pool.fill(0, offset, offset + 16);
  offset += 16;
  return toBase64url(bytes);
}
