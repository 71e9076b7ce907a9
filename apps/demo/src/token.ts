/**
 * Reads (never checks) a verification token for display. @otpkit/server issues an HS256 JWT;
 * the mocked server of embedded mode issues the same claims with an unsigned header
 * (`alg: "none-otpkit-mock"`), which no verifier accepts.
 * Only the app's backend can check a token: `verifyOtpToken` needs the server's secret.
 */

export interface DecodedToken {
  format: "jwt" | "mock";
  header?: Record<string, unknown>;
  claims: Record<string, unknown>;
}

function fromBase64url(part: string): Record<string, unknown> | undefined {
  try {
    const base64 = part.replace(/-/g, "+").replace(/_/g, "/");
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const json: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return json && typeof json === "object" ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function decodeToken(token: string): DecodedToken | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const header = fromBase64url(parts[0] ?? "");
  const claims = fromBase64url(parts[1] ?? "");
  if (!header || !claims) return undefined;
  return { format: header.alg === "HS256" ? "jwt" : "mock", header, claims };
}

/** Claims that hold times: seconds in a JWT (`iat`, `exp`), ms in the mock (`verifiedAt`). */
export function claimTime(name: string, value: unknown): Date | undefined {
  if (typeof value !== "number") return undefined;
  if (name === "iat" || name === "exp") return new Date(value * 1000);
  if (name === "verifiedAt") return new Date(value);
  return undefined;
}
