/**
 * HMAC-SHA256 of short strings, as base64url, for a key fixed up front. Where node:crypto has
 * the one-shot `hash` (Node 20.12+), HMAC is computed from its definition
 * (H((K ^ opad) || H((K ^ ipad) || m))) with two `hash` calls on reused buffers: no Hmac
 * object per call, which costs twice as much as the hashing itself. Elsewhere: createHmac.
 * (The console adapter in @otpkit/providers keeps its own copy: neither package exports it.)
 */
import * as nodeCrypto from "node:crypto";

const BLOCK_BYTES = 64;

export type HmacSha256 = (message: string) => string;

export function hmacSha256(key: Uint8Array): HmacSha256 {
  const hash = nodeCrypto.hash as typeof nodeCrypto.hash | undefined;
  if (typeof hash !== "function") {
    const keyObject = nodeCrypto.createSecretKey(key);
    return (message) =>
      nodeCrypto.createHmac("sha256", keyObject).update(message).digest("base64url");
  }
  // A key longer than the block is hashed first (RFC 2104).
  const blockKey = key.byteLength > BLOCK_BYTES ? hash("sha256", key, "buffer") : Buffer.from(key);
  let inner = Buffer.alloc(BLOCK_BYTES + 256);
  const outer = Buffer.alloc(BLOCK_BYTES + 32);
  for (let i = 0; i < BLOCK_BYTES; i++) {
    const byte = blockKey[i] ?? 0;
    inner[i] = byte ^ 0x36;
    outer[i] = byte ^ 0x5c;
  }
  blockKey.fill(0);
  return (message) => {
    // At most three UTF-8 bytes per UTF-16 unit: grow so `write` never truncates.
    if (BLOCK_BYTES + message.length * 3 > inner.byteLength) {
      const grown = Buffer.alloc(BLOCK_BYTES + message.length * 3);
      inner.copy(grown, 0, 0, BLOCK_BYTES);
      inner.fill(0);
      inner = grown;
    }
    const length = inner.write(message, BLOCK_BYTES, "utf8");
    const innerDigest = hash("sha256", inner.subarray(0, BLOCK_BYTES + length), "binary");
    // What was signed does not stay in the buffer.
    inner.fill(0, BLOCK_BYTES, BLOCK_BYTES + length);
    outer.write(innerDigest, BLOCK_BYTES, "latin1");
    return hash("sha256", outer, "base64url");
  };
}
