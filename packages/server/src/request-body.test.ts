import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, readJsonBody } from "./request-body";

const post = (
  body: BodyInit | null,
  headers: Record<string, string> = { "content-type": "application/json" },
) =>
  new Request("http://localhost/api/otp/send", {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);

/** A body that streams `chunks` chunks of `size` bytes, counting how many were pulled. */
function streamed(chunks: number, size: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new TextEncoder().encode(" ".repeat(size)));
    },
  });
  return { stream, pulled: () => pulled };
}

describe("readJsonBody", () => {
  it("parses a JSON body", async () => {
    await expect(readJsonBody(post('{"phone":"+66812345678"}'))).resolves.toEqual({
      ok: true,
      json: { phone: "+66812345678" },
    });
  });

  it.each([
    "application/json",
    "application/json; charset=utf-8",
    "Application/JSON;charset=UTF-8",
  ])("takes the content type %j", async (type) => {
    expect((await readJsonBody(post("{}", { "content-type": type }))).ok).toBe(true);
  });

  it.each([
    undefined,
    "text/plain",
    "application/x-www-form-urlencoded",
    "application/jsonp",
    "multipart/form-data",
  ])("answers 415 to the content type %j", async (type) => {
    const headers: Record<string, string> = type ? { "content-type": type } : {};
    expect(await readJsonBody(post("{}", headers))).toMatchObject({ ok: false, status: 415 });
  });

  it("accepts a body of exactly the limit", async () => {
    const json = JSON.stringify({ pad: "x".repeat(MAX_BODY_BYTES - 10) });
    expect(json.length).toBe(MAX_BODY_BYTES);
    expect((await readJsonBody(post(json))).ok).toBe(true);
  });

  it("answers 413 to a declared length over the limit, before reading", async () => {
    const body = streamed(100, 1024);
    const request = post(body.stream, {
      "content-type": "application/json",
      "content-length": String(100 * 1024),
    });
    expect(await readJsonBody(request)).toMatchObject({ ok: false, status: 413 });
    expect(body.pulled()).toBeLessThanOrEqual(1);
  });

  it("answers 413 to a body that grows past the limit with no length given, and stops reading", async () => {
    const body = streamed(1000, 1024);
    expect(await readJsonBody(post(body.stream))).toMatchObject({ ok: false, status: 413 });
    expect(body.pulled()).toBeLessThan(20);
  });

  it("does not trust a Content-Length that understates the body", async () => {
    const body = streamed(64, 1024);
    const request = post(body.stream, {
      "content-type": "application/json",
      "content-length": "10",
    });
    expect(await readJsonBody(request)).toMatchObject({ ok: false, status: 413 });
  });

  it.each(["", "{", "{'phone': 1}", "\u00ff\u00fe"])("answers 400 to the body %j", async (text) => {
    expect(await readJsonBody(post(text))).toMatchObject({ ok: false, status: 400 });
  });

  it("answers 400 to bytes that are not UTF-8", async () => {
    expect(await readJsonBody(post(new Uint8Array([0x22, 0xff, 0x22])))).toMatchObject({
      ok: false,
      status: 400,
    });
  });
});
