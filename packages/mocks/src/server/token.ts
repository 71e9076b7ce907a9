/**
 * The mocked server's verification token: JWT-shaped, with exactly the claims
 * @otpkit/server signs (iss, sub, jti, iat, exp), but **not signed**. Its header names an
 * algorithm no JOSE library implements and its signature is empty, so every verifier
 * refuses it (`verifyOtpToken` accepts only the server's own HS256 header). Readable in a
 * demo; never a proof of anything.
 */

/** The header's `alg`: "none"-like, and registered nowhere, so no verifier accepts it. */
export const MOCK_TOKEN_ALG = "none-otpkit-mock";

/** The server's issuer (`iss`). */
const TOKEN_ISSUER = "otpkit";

export interface MockTokenClaims {
  /** The verified number, E.164. */
  phone: string;
  /** The wire id of the verified challenge (`jti`). */
  challengeId: string;
  /** Epoch ms of the verification. */
  at: number;
  /** How long the token says it holds. */
  ttlSeconds: number;
}

const encoder = new TextEncoder();

function base64url(json: unknown): string {
  let binary = "";
  for (const byte of encoder.encode(JSON.stringify(json))) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function mockToken({ phone, challengeId, at, ttlSeconds }: MockTokenClaims): string {
  const iat = Math.floor(at / 1000);
  const header = base64url({ alg: MOCK_TOKEN_ALG, typ: "JWT" });
  const claims = base64url({
    iss: TOKEN_ISSUER,
    sub: phone,
    jti: challengeId,
    iat,
    exp: iat + ttlSeconds,
  });
  return `${header}.${claims}.`;
}
