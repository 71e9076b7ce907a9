/**
 * The demo's own "app backend", served by Vite's dev server in server mode: it checks the
 * verification token the way an app's backend would, with `verifyOtpToken` from
 * @otpkit/server and the secret the server signs with (`pnpm dev:server` hands the same
 * OTPKIT_TOKEN_SECRET to both).
 *
 *   POST /api/demo/check-token { token } -> 200 { valid: true, claims } | { valid: false, reason }
 *
 * The module is read from packages/server/dist: the demo's browser code never depends on
 * @otpkit/server, and server mode runs the built server anyway.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Connect } from "vite";

export const CHECK_TOKEN_PATH = "/api/demo/check-token";

const TOKEN_MODULE = fileURLToPath(new URL("../../packages/server/dist/token.js", import.meta.url));
const MAX_BODY_BYTES = 16 * 1024;

interface TokenModule {
  verifyOtpToken(
    token: string,
    secret: string,
  ): Promise<{ phone: string; challengeId: string; issuedAt: number; expiresAt: number }>;
}

function reply(response: ServerResponse, status: number, body: unknown) {
  response.statusCode = status;
  response.setHeader("content-type", "application/json");
  response.setHeader("cache-control", "no-store");
  response.end(JSON.stringify(body));
}

async function readToken(request: IncomingMessage): Promise<string | undefined> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    const { token } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { token?: unknown };
    return typeof token === "string" ? token : undefined;
  } catch {
    return undefined;
  }
}

export const checkTokenMiddleware: Connect.NextHandleFunction = (request, response, next) => {
  if (request.url?.split("?")[0] !== CHECK_TOKEN_PATH) return next();
  if (request.method !== "POST") return reply(response, 405, { error: "POST only" });
  const secret = process.env.OTPKIT_TOKEN_SECRET;
  if (!secret) return reply(response, 503, { error: "OTPKIT_TOKEN_SECRET is not set" });
  void (async () => {
    const token = await readToken(request);
    if (token === undefined) return reply(response, 400, { error: "expected { token }" });
    let tokens: TokenModule;
    try {
      tokens = (await import(pathToFileURL(TOKEN_MODULE).href)) as TokenModule;
    } catch {
      return reply(response, 503, { error: "build @otpkit/server first (pnpm build)" });
    }
    try {
      const claims = await tokens.verifyOtpToken(token, secret);
      reply(response, 200, { valid: true, claims });
    } catch (error) {
      const reason = (error as { reason?: unknown }).reason;
      if (typeof reason !== "string") return reply(response, 500, { error: "check failed" });
      reply(response, 200, { valid: false, reason });
    }
  })();
};
