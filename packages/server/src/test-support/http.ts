/** Test helpers: the handler on a real loopback port, and JSON requests to it. */
import { type OtpHandler, serve } from "../index";

export interface Served {
  url: string;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function listen(handler: OtpHandler, basePath = "/api/otp"): Promise<Served> {
  const running = await serve(handler, { port: 0, host: "127.0.0.1" });
  const url = `${running.url}${basePath}`;
  return {
    url,
    post: (path, body, headers = {}) =>
      fetch(`${url}/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    close: () => running.close(),
  };
}

/** At least 32 bytes, as the handler requires. */
export const TEST_SECRET = "test-secret-test-secret-test-secret!";

/** A code of the same length that is certainly different. */
export const otherCode = (code: string): string =>
  [...code].map((digit) => String((Number(digit) + 1) % 10)).join("");
