/**
 * Reads a request's JSON body under the server's input rules: JSON only, at most
 * `maxBytes`, counted while the body streams in (a missing or lying Content-Length changes
 * nothing), and parsed. Each refusal names the HTTP status it gets.
 */

export const MAX_BODY_BYTES = 16 * 1024;

export type BodyProblem =
  | { status: 415; message: string }
  | { status: 413; message: string }
  | { status: 400; message: string };

export type BodyResult = { ok: true; json: unknown } | ({ ok: false } & BodyProblem);

/** A body's bytes, read until the end or one byte past the limit, whichever comes first. */
export interface BoundedBody {
  bytes: Uint8Array;
  /** More than the limit arrived: the rest was not read. */
  tooLarge: boolean;
}

/** Where a body comes from: a fetch Request, or the node listener's socket. */
export interface BodySource {
  contentType: string | null;
  contentLength: string | null;
  /** Reads at most `maxBytes + 1` bytes. */
  read(maxBytes: number): Promise<BoundedBody>;
  /** Stops the body from arriving (when refused before reading). */
  discard(): void;
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;

export const isJsonContentType = (value: string | null): boolean =>
  value !== null && JSON_TYPE.test(value.trim());

export async function readJsonFrom(source: BodySource, maxBytes: number): Promise<BodyResult> {
  if (!isJsonContentType(source.contentType)) {
    source.discard();
    return { ok: false, status: 415, message: "Send the request body as application/json" };
  }
  const tooLarge = () =>
    ({
      ok: false,
      status: 413,
      message: `The request body is larger than ${maxBytes} bytes`,
    }) as const;
  if (Number(source.contentLength) > maxBytes) {
    source.discard();
    return tooLarge();
  }
  let body: BoundedBody;
  try {
    body = await source.read(maxBytes);
  } catch {
    return { ok: false, status: 400, message: "The request body could not be read" };
  }
  if (body.tooLarge) return tooLarge();
  try {
    return { ok: true, json: JSON.parse(decoder.decode(body.bytes)) };
  } catch {
    return { ok: false, status: 400, message: "The request body is not valid JSON" };
  }
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** A fetch Request as a body source: its stream is read chunk by chunk, never past the limit. */
export function requestBody(request: Request): BodySource {
  return {
    contentType: request.headers.get("content-type"),
    contentLength: request.headers.get("content-length"),
    read: (maxBytes) => readStream(request.body, maxBytes),
    discard: () => {
      request.body?.cancel().catch(() => {});
    },
  };
}

export const readJsonBody = (request: Request, maxBytes: number = MAX_BODY_BYTES) =>
  readJsonFrom(requestBody(request), maxBytes);

async function readStream(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<BoundedBody> {
  if (!stream) return { bytes: new Uint8Array(), tooLarge: false };
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
        return { bytes: new Uint8Array(), tooLarge: true };
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return { bytes: concat(chunks, length), tooLarge: false };
}

export function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]?.byteLength === length) return chunks[0];
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk.subarray(0, length - offset), offset);
    offset += chunk.byteLength;
    if (offset >= length) break;
  }
  return bytes;
}
