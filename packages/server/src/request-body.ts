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

const JSON_TYPE = /^application\/json\s*(;|$)/i;

export const isJsonContentType = (value: string | null): boolean =>
  value !== null && JSON_TYPE.test(value.trim());

export async function readJsonBody(
  request: Request,
  maxBytes: number = MAX_BODY_BYTES,
): Promise<BodyResult> {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    return { ok: false, status: 415, message: "Send the request body as application/json" };
  }
  const tooLarge = {
    ok: false,
    status: 413,
    message: `The request body is larger than ${maxBytes} bytes`,
  } as const;
  const declared = Number(request.headers.get("content-length"));
  if (declared > maxBytes) {
    await request.body?.cancel().catch(() => {});
    return tooLarge;
  }
  const bytes = await readAtMost(request, maxBytes);
  if (!bytes) return tooLarge;
  try {
    return { ok: true, json: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: false, status: 400, message: "The request body is not valid JSON" };
  }
}

/** The body's bytes, or undefined as soon as more than `maxBytes` have arrived. */
async function readAtMost(request: Request, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
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
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
