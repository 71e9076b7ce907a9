/**
 * Knobs shared by every mock handler set: latency, and faults injected for a given number
 * of requests, so tests and stories can show what a slow or broken provider does.
 */
import { delay, HttpResponse } from "msw";

export type Fault = "5xx" | "timeout" | "malformed-json" | "html";

export interface KnobOptions {
  /** Delay before every answer, in ms. Default 0. */
  latencyMs?: number;
}

export interface Knobs {
  latencyMs: number;
  /** The next `times` requests (default 1) answer with `fault` instead of their real answer. */
  inject(fault: Fault, times?: number): void;
  /** Drop queued faults and reset latency to its initial value. */
  reset(): void;
  /**
   * Run at the start of every resolver: waits the latency, then returns the fault's
   * response when one is queued (or never resolves, for "timeout").
   */
  apply(): Promise<Response | undefined>;
}

export function createKnobs(options: KnobOptions = {}): Knobs {
  const initialLatency = options.latencyMs ?? 0;
  let queue: Fault[] = [];
  const knobs: Knobs = {
    latencyMs: initialLatency,
    inject(fault, times = 1) {
      for (let i = 0; i < times; i++) queue.push(fault);
    },
    reset() {
      queue = [];
      knobs.latencyMs = initialLatency;
    },
    async apply() {
      if (knobs.latencyMs > 0) await delay(knobs.latencyMs);
      const fault = queue.shift();
      if (!fault) return undefined;
      return faultResponse(fault);
    },
  };
  return knobs;
}

async function faultResponse(fault: Fault): Promise<Response> {
  switch (fault) {
    case "5xx":
      return HttpResponse.json({ message: "Internal Server Error" }, { status: 500 });
    case "timeout":
      await delay("infinite");
      return HttpResponse.error();
    case "malformed-json":
      return new HttpResponse('{"status": "ok", "data": {', {
        status: 200,
        headers: { "content-type": "application/json" },
      });
    case "html":
      return HttpResponse.html(
        "<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>",
        { status: 502 },
      );
  }
}

/** Options every provider mock takes. */
export interface MockOptions {
  /** Where delivered messages land. Default: the shared `inbox`. */
  inbox?: import("./inbox").Inbox;
  /** Clock for code expiry. Default `Date.now`. */
  now?: () => number;
  latencyMs?: number;
  /** Override the provider's production host (must match the adapter's `baseUrl`). */
  baseUrl?: string;
}

/** What every provider mock returns. */
export interface ProviderMock {
  /** Give these to `setupServer(...)` (node) or `setupWorker(...)` (browser). */
  handlers: import("msw").HttpHandler[];
  knobs: Knobs;
  /** Forget every code and challenge, drop queued faults. */
  reset(): void;
}
