/**
 * CORS, off unless an allow-list of origins is given. Same-origin deployments (the app and
 * the handler behind one host) need none of it. The JSON-only rule is the CSRF guard: a
 * cross-site form cannot send application/json, and a cross-site fetch that does must pass
 * a preflight that only allowed origins pass.
 */
import type { WireAnswer as Answer } from "@otpkit/core";

export interface CorsOptions {
  /** Origins allowed to call the handler, e.g. ["https://app.example.com"]. */
  origins: readonly string[];
  /** Request headers a browser may send besides Content-Type (a CSRF token, say). */
  allowHeaders?: readonly string[];
  /** Allow cookies (Access-Control-Allow-Credentials). Default false. */
  credentials?: boolean;
  /** How long a browser may cache a preflight. Default 600 s. */
  maxAgeSeconds?: number;
}

export interface Cors {
  /** The answer to a preflight (OPTIONS) from this Origin. */
  preflight(origin: string | null): Answer;
  /** Headers to add to an answer for a request from this Origin (none for others). */
  headers(origin: string | null): Record<string, string>;
}

const METHODS = "GET, POST, OPTIONS";

export function createCors(options: CorsOptions | undefined): Cors {
  const origins = new Set((options?.origins ?? []).map((origin) => origin.replace(/\/+$/, "")));
  const allowHeaders = ["content-type", "accept", ...(options?.allowHeaders ?? [])]
    .map((name) => name.toLowerCase())
    .join(", ");
  const maxAge = String(options?.maxAgeSeconds ?? 600);

  function headers(origin: string | null): Record<string, string> {
    if (!origin || !origins.has(origin)) return origins.size > 0 ? { vary: "Origin" } : {};
    return {
      "access-control-allow-origin": origin,
      vary: "Origin",
      ...(options?.credentials ? { "access-control-allow-credentials": "true" } : {}),
    };
  }

  return {
    headers,
    preflight(origin) {
      const allowed = headers(origin);
      // A browser refuses the real request when these headers are missing: that is the "no".
      if (!allowed["access-control-allow-origin"]) {
        return { status: 204, headers: allowed, body: undefined };
      }
      return {
        status: 204,
        headers: {
          ...allowed,
          "access-control-allow-methods": METHODS,
          "access-control-allow-headers": allowHeaders,
          "access-control-max-age": maxAge,
        },
        body: undefined,
      };
    },
  };
}
