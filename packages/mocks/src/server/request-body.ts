/**
 * A request's JSON body under @otpkit/server's input rules (its request-body.ts): JSON
 * content type only (415), at most 16 KB counted while the body streams in (413), UTF-8
 * JSON that parses (400). Each refusal names its status and the server's message.
 */
import type { Failure } from "./answers";
import { refused } from "./answers";

export const MAX_BODY_BYTES = 16 * 1024;

export type BodyResult = { ok: true; json: unknown } | { ok: false; failure: Failure };

const JSON_TYPE = /^application\/json\s*(;|$)/i;

const decoder = new TextDecoder("utf-8", { fatal: true });

export async function readJsonBody(
  request: Request,
  maxBytes: number = MAX_BODY_BYTES,
): Promise<BodyResult> {
  const type = request.headers.get("content-type");
  if (type === null || !JSON_TYPE.test(type.trim())) {
    return { ok: false, failure: refused(415, "Send the request body as application/json") };
  }
  const tooLarge = {
    ok: false,
    failure: refused(413, `The request body is larger than ${maxBytes} bytes`),
  } as const;
  if (Number(request.headers.get("content-length")) > maxBytes) return tooLarge;
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readBounded(request.body, maxBytes);
  } catch {
    return { ok: false, failure: refused(400, "The request body could not be read") };
  }
  if (!bytes) return tooLarge;
  try {
    return { ok: true, json: JSON.parse(decoder.decode(bytes)) };
  } catch {
    return { ok: false, failure: refused(400, "The request body is not valid JSON") };
  }
}

/** The body's bytes, or undefined as soon as more than `maxBytes` arrived. */
async function readBounded(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  if (!stream) return new Uint8Array();
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.byteLength;
      if (length > maxBytes) {
        await reader.cancel().catch(() => {});
        return undefined;
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Which fields broke the schema, by name only (the server's wording): values may be anything. */
export function invalidFields(issues: readonly { path: readonly PropertyKey[] }[]): string {
  const fields = [...new Set(issues.map((issue) => issue.path.map(String).join(".") || "body"))];
  return `The request body does not match the protocol (${fields.join(", ")})`;
}
