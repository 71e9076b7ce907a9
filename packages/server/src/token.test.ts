import { createHmac } from "node:crypto";
import { createManualClock } from "@otpkit/core/testing";
import { describe, expect, it } from "vitest";
import { OtpTokenError, verifyOtpToken } from "./token";
import { constantTimeEqual } from "./token-format";
import { createOtpTokenSigner } from "./token-signer";

const secret = "a-secret-of-at-least-thirty-two-bytes!";
const claims = { phone: "+66812345678", challengeId: "Q2hhbGxlbmdlSWQxMjM0" };

const part = (token: string, index: number) => token.split(".")[index] ?? "";
const decode = (segment: string) =>
  JSON.parse(Buffer.from(segment, "base64url").toString("utf8")) as Record<string, unknown>;
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

async function failure(promise: Promise<unknown>): Promise<OtpTokenError> {
  const thrown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(OtpTokenError);
  return thrown as OtpTokenError;
}

describe("verification tokens", () => {
  it("carry phone, challenge id, issue and expiry times, and verify with the same secret", async () => {
    const clock = createManualClock(Date.UTC(2026, 0, 1, 12));
    const token = createOtpTokenSigner(secret, { now: clock.now }).sign(claims);
    await expect(verifyOtpToken(token, secret, { now: clock.now })).resolves.toEqual({
      ...claims,
      issuedAt: clock.now(),
      expiresAt: clock.now() + 600_000,
    });
  });

  it("are standard HS256 JWTs: HMAC-SHA256 over header.payload, checked here with node:crypto", async () => {
    const token = createOtpTokenSigner(secret).sign(claims);
    expect(decode(part(token, 0))).toEqual({ alg: "HS256", typ: "JWT" });
    expect(decode(part(token, 1))).toMatchObject({
      iss: "otpkit",
      sub: claims.phone,
      jti: claims.challengeId,
    });
    const expected = createHmac("sha256", secret)
      .update(`${part(token, 0)}.${part(token, 1)}`)
      .digest("base64url");
    expect(part(token, 2)).toBe(expected);
  });

  it("cannot be forged with another secret", async () => {
    const forged = createOtpTokenSigner(`${secret}-other`).sign(claims);
    expect((await failure(verifyOtpToken(forged, secret))).reason).toBe("signature");
  });

  it("cannot be altered: another phone in the payload breaks the signature", async () => {
    const token = createOtpTokenSigner(secret).sign(claims);
    const payload = { ...decode(part(token, 1)), sub: "+66800000000" };
    const altered = `${part(token, 0)}.${encode(payload)}.${part(token, 2)}`;
    expect((await failure(verifyOtpToken(altered, secret))).reason).toBe("signature");
  });

  it("cannot be replayed past its expiry", async () => {
    const clock = createManualClock();
    const token = createOtpTokenSigner(secret, { ttlSeconds: 60, now: clock.now }).sign(claims);
    clock.advance(59_999);
    await expect(verifyOtpToken(token, secret, { now: clock.now })).resolves.toBeDefined();
    clock.advance(1);
    expect((await failure(verifyOtpToken(token, secret, { now: clock.now }))).reason).toBe(
      "expired",
    );
  });

  it("refuses a token that picks its own algorithm", async () => {
    const token = createOtpTokenSigner(secret).sign(claims);
    const none = `${encode({ alg: "none", typ: "JWT" })}.${part(token, 1)}.`;
    expect((await failure(verifyOtpToken(none, secret))).reason).toBe("malformed");
  });

  it.each([undefined, null, "", "a.b", "a.b.c.d", "not a token at all", "x.y.%%%"])(
    "refuses %j without throwing anything but OtpTokenError",
    async (token) => {
      const error = await failure(verifyOtpToken(token, secret));
      expect(["malformed", "signature"]).toContain(error.reason);
    },
  );

  it("refuses a well-signed token whose claims are not ours", async () => {
    const header = encode({ alg: "HS256", typ: "JWT" });
    const payload = encode({ iss: "someone-else", sub: claims.phone, jti: "x", iat: 1, exp: 9e9 });
    const signature = createHmac("sha256", secret)
      .update(`${header}.${payload}`)
      .digest("base64url");
    expect(
      (await failure(verifyOtpToken(`${header}.${payload}.${signature}`, secret))).reason,
    ).toBe("malformed");
  });

  it("never repeats the token in its error message", async () => {
    const token = createOtpTokenSigner(`${secret}-other`).sign(claims);
    const error = await failure(verifyOtpToken(token, secret));
    expect(error.message).not.toContain(part(token, 2));
    expect(error.message).not.toContain(claims.phone);
  });

  it("needs a secret of at least 32 bytes", async () => {
    expect(() => createOtpTokenSigner("short")).toThrow(RangeError);
    await expect(verifyOtpToken("a.b.c", "short")).rejects.toThrow(RangeError);
    expect(() => createOtpTokenSigner(new Uint8Array(32))).not.toThrow();
  });
});

describe("constantTimeEqual", () => {
  it("compares bytes", () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).toBe(false);
  });
});
