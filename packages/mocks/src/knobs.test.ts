import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createKnobs, type Knobs } from "./knobs";

const URL_ = "http://knobs.test/thing";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A handler that answers `{ ok: true }` unless the knobs say otherwise. */
function serve(knobs: Knobs) {
  server.use(http.get(URL_, async () => (await knobs.apply()) ?? HttpResponse.json({ ok: true })));
}

describe("createKnobs", () => {
  it("answers normally when no fault is queued", async () => {
    const knobs = createKnobs();
    serve(knobs);
    const response = await fetch(URL_);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("injects a fault for the given number of requests, then answers normally", async () => {
    const knobs = createKnobs();
    serve(knobs);
    knobs.inject("5xx", 2);
    expect((await fetch(URL_)).status).toBe(500);
    expect((await fetch(URL_)).status).toBe(500);
    expect((await fetch(URL_)).status).toBe(200);
  });

  it("answers malformed JSON with 200, so parsers must cope", async () => {
    const knobs = createKnobs();
    serve(knobs);
    knobs.inject("malformed-json");
    const response = await fetch(URL_);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it("answers an HTML error page with 502", async () => {
    const knobs = createKnobs();
    serve(knobs);
    knobs.inject("html");
    const response = await fetch(URL_);
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toContain("502 Bad Gateway");
  });

  it("never answers a timed-out request (the caller's timeout decides)", async () => {
    const knobs = createKnobs();
    serve(knobs);
    knobs.inject("timeout");
    const outcome = await fetch(URL_, { signal: AbortSignal.timeout(30) }).then(
      () => "answered",
      (error: Error) => error.name,
    );
    expect(outcome).toBe("TimeoutError");
    expect((await fetch(URL_)).status).toBe(200);
  });

  it("queues faults in order", async () => {
    const knobs = createKnobs();
    serve(knobs);
    knobs.inject("html");
    knobs.inject("5xx");
    expect((await fetch(URL_)).status).toBe(502);
    expect((await fetch(URL_)).status).toBe(500);
    expect((await fetch(URL_)).status).toBe(200);
  });

  it("waits its latency before answering", async () => {
    const knobs = createKnobs({ latencyMs: 20 });
    serve(knobs);
    const started = performance.now();
    await fetch(URL_);
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
  });

  it("drops queued faults and restores the initial latency on reset", async () => {
    const knobs = createKnobs({ latencyMs: 5 });
    serve(knobs);
    knobs.inject("5xx", 3);
    knobs.latencyMs = 1_000;
    knobs.reset();
    expect(knobs.latencyMs).toBe(5);
    expect((await fetch(URL_)).status).toBe(200);
  });
});
