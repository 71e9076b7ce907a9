/** Small helpers of the ANTS mock: request bodies, random codes, Basic auth. */

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Parses a request body; with `lenient`, also the docs' own broken samples
 * (a trailing comma before `}`/`]`, or a missing comma between lines).
 */
export function parseJson(text: string, lenient: boolean): unknown {
  try {
    return JSON.parse(text);
  } catch (thrown) {
    if (!lenient) throw thrown;
    return JSON.parse(
      text
        .replace(/,(\s*[}\]])/g, "$1")
        .replace(/("|\d|true|false|null|[}\]])(\s*\n\s*)(?=")/g, "$1,$2"),
    );
  }
}

/** `count` random whole numbers below `below` (at most 256), each value equally likely. */
export function randomInts(count: number, below: number): number[] {
  // Rejection sampling keeps every value equally likely.
  const limit = 256 - (256 % below);
  const out: number[] = [];
  while (out.length < count) {
    for (const byte of crypto.getRandomValues(new Uint8Array(count * 2))) {
      if (byte < limit && out.length < count) out.push(byte % below);
    }
  }
  return out;
}

/** Base64 of the UTF-8 bytes, as a Basic auth header carries `user:password`. */
export function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
