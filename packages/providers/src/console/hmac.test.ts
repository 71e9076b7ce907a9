import { createHmac, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { constantTimeEqualStrings, hmacSha256 } from "./hmac";

const reference = (key: Uint8Array, message: string) =>
  createHmac("sha256", key).update(message).digest("base64url");

describe("hmacSha256", () => {
  it("matches node:crypto's HMAC-SHA256 for short, block-sized and long keys", () => {
    for (const size of [1, 32, 64, 65, 200]) {
      const key = randomBytes(size);
      const hmac = hmacSha256(key);
      for (const message of ["", "a", "challenge\u0000123456", "x".repeat(1000)]) {
        expect(hmac(message), `key ${size} bytes, message ${message.length}`).toBe(
          reference(key, message),
        );
      }
    }
  });

  it("matches for text beyond ASCII, and after a longer message grew its buffer", () => {
    const key = randomBytes(32);
    const hmac = hmacSha256(key);
    const messages = ["กขค 123456", "😀".repeat(300), "a", "é\u0000ü"];
    for (const message of messages) expect(hmac(message)).toBe(reference(key, message));
  });

  it("leaves no trace of one message in the next digest", () => {
    const key = randomBytes(32);
    const hmac = hmacSha256(key);
    hmac("a-much-longer-message-that-fills-the-buffer\u0000987654");
    expect(hmac("short")).toBe(reference(key, "short"));
  });

  it("does not depend on the caller keeping its key bytes", () => {
    const key = randomBytes(32);
    const expected = reference(key, "m");
    const hmac = hmacSha256(key);
    key.fill(0);
    expect(hmac("m")).toBe(expected);
  });
});

describe("constantTimeEqualStrings", () => {
  it("is true for equal strings only", () => {
    expect(constantTimeEqualStrings("abc", "abc")).toBe(true);
    expect(constantTimeEqualStrings("abc", "abd")).toBe(false);
    expect(constantTimeEqualStrings("abc", "ab")).toBe(false);
    expect(constantTimeEqualStrings("", "")).toBe(true);
  });
});
