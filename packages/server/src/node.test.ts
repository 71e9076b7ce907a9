import { request as httpRequest, type OutgoingHttpHeaders } from "node:http";
import { createFakeAdapter } from "@otpkit/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { clientIpFrom } from "./client-ip";
import { createOtpHandler } from "./handler";
import { silentLogger } from "./logger";
import { createNodeListener, type RunningServer, serve } from "./node";
import { TEST_SECRET } from "./test-support/http";

let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** A handler that answers when told to, and reports what it saw. */
function heldHandler() {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const seen: { request?: Request; body?: string } = {};
  let arrived: () => void = () => {};
  const arrival = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const handler = async (request: Request) => {
    seen.request = request;
    seen.body = await request.text();
    arrived();
    await held;
    return new Response(JSON.stringify({ ok: true }), {
      headers: { "content-type": "application/json" },
    });
  };
  return { handler, release, arrival, seen };
}

describe("createNodeListener", () => {
  it("hands the handler a fetch Request with method, URL, headers, body and the socket address", async () => {
    const held = heldHandler();
    held.release();
    running = await serve(held.handler, { port: 0 });
    const response = await fetch(`${running.url}/api/otp/send?x=1`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-test": "yes" },
      body: '{"phone":"+66812345678"}',
    });
    expect(await response.json()).toEqual({ ok: true });
    const { request, body } = held.seen;
    expect(request?.method).toBe("POST");
    expect(new URL(request?.url ?? "").pathname).toBe("/api/otp/send");
    expect(request?.headers.get("x-test")).toBe("yes");
    expect(body).toBe('{"phone":"+66812345678"}');
    expect(clientIpFrom()(request as Request)).toBe("127.0.0.1");
  });

  it("stops reading a body one byte past the limit and closes that connection", async () => {
    running = await serve(
      async (request) => new Response(String((await request.arrayBuffer()).byteLength)),
      { port: 0 },
    );
    const { url } = running;
    const answer = await new Promise<{ status: number; body: string; connection?: string }>(
      (resolve, reject) => {
        const request = httpRequest(`${url}/x`, { method: "POST" }, (response) => {
          let body = "";
          response.on("data", (chunk) => {
            body += chunk;
          });
          response.on("end", () =>
            resolve({
              status: response.statusCode ?? 0,
              body,
              connection: response.headers.connection,
            }),
          );
        });
        request.on("error", reject);
        request.end("x".repeat(200 * 1024));
      },
    );
    expect(answer).toEqual({ status: 200, body: String(16 * 1024 + 1), connection: "close" });
  });

  it("reads repeated headers as node:http does: the first of a single-value one, others joined", async () => {
    running = await serve(
      createOtpHandler({
        adapter: createFakeAdapter(),
        tokenSecret: TEST_SECRET,
        logger: silentLogger,
        trustProxy: 2,
        limits: { sendsPerIp: 1 },
      }),
      { port: 0 },
    );
    const { url } = running;
    const send = (phone: string, headers: OutgoingHttpHeaders) =>
      new Promise<number>((resolve, reject) => {
        const request = httpRequest(
          `${url}/api/otp/send`,
          { method: "POST", headers },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        request.on("error", reject);
        request.end(JSON.stringify({ phone }));
      });
    const json = "application/json";
    // Two proxies are trusted: the client is the second address from the right of the
    // joined X-Forwarded-For.
    const forwarded = { "x-forwarded-for": ["203.0.113.9", "198.51.100.7"] };
    expect(await send("+66811111111", { "content-type": [json, "text/plain"], ...forwarded })).toBe(
      200,
    );
    expect(await send("+66822222222", { "content-type": ["text/plain", json] })).toBe(415);
    const from = (chain: string) => ({ "content-type": json, "x-forwarded-for": chain });
    expect(await send("+66833333333", from("203.0.113.9, 10.0.0.1"))).toBe(429);
    expect(await send("+66844444444", from("198.51.100.7, 10.0.0.1"))).toBe(200);
  });

  it("answers 500 instead of hanging when the handler throws", async () => {
    const listener = createNodeListener(() => Promise.reject(new Error("bug")));
    const { createServer } = await import("node:http");
    const server = createServer(listener).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as { port: number };
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(response.status).toBe(500);
    await new Promise((resolve) => server.close(resolve));
  });
});

describe("serve", () => {
  it("lets an in-flight request finish on close, and refuses new connections", async () => {
    const held = heldHandler();
    running = await serve(held.handler, { port: 0 });
    const { url } = running;
    const inFlight = fetch(`${url}/slow`, { method: "POST", body: "{}" });
    await held.arrival;
    const closed = running.close();
    let closedYet = false;
    closed.then(() => {
      closedYet = true;
    });
    await expect(fetch(`${url}/new`)).rejects.toThrow();
    expect(closedYet).toBe(false);
    held.release();
    const response = await inFlight;
    expect(await response.json()).toEqual({ ok: true });
    await closed;
    running = undefined;
  });

  it("cuts requests that outlive the shutdown timeout", async () => {
    const held = heldHandler();
    running = await serve(held.handler, { port: 0, shutdownTimeoutMs: 20 });
    const inFlight = fetch(`${running.url}/slow`, { method: "POST", body: "{}" });
    await held.arrival;
    await running.close();
    running = undefined;
    await expect(inFlight).rejects.toThrow();
    held.release();
  });
});
