import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBase64url, randomId, toBase64url } from "./base64url";

describe("base64url", () => {
  it("encodes as Node's base64url does, and decodes back", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = toBase64url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString("base64url"));
        expect(fromBase64url(text)).toEqual(bytes);
      }),
    );
  });

  it.each(["a+b", "a/b", "abc=", "a"])("refuses %j", (text) => {
    expect(fromBase64url(text)).toBeUndefined();
  });

  it("makes 22-character ids that do not repeat", () => {
    const ids = new Set(Array.from({ length: 2000 }, randomId));
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
