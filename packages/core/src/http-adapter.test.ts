import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createHttpAdapter,
  type HttpAdapterOptions,
  OTP_ERROR_KINDS,
  type OtpChallenge,
  OtpError,
  type OtpErrorKind,
  STATUS_BY_KIND,
  type WireChallenge,
} from "./index";

const BASE = "http://otp.test/api/otp";
const T0 = Date.UTC(2026, 0, 1);
const PHONE = "+66812345678";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const wireChallenge = (overrides: Partial<WireChallenge> = {}): WireChallenge => ({
  id: "ch-1",
  phone: "+66 ••• ••• 678",
  codeLength: 6,
  expiresIn: 300,
  resendIn: 30,
  attemptsLeft: 5,
  channel: "sms",
  ...overrides,
});

const challenge = (overrides: Partial<OtpChallenge> = {}): OtpChallenge => ({
  id: "ch-1",
  phone: "+66 ••• ••• 678",
  codeLength: 6,
  expiresAt: T0 + 300_000,
  resendAt: T0 + 30_000,
  attemptsLeft: 5,
  channel: "sms",
  ...overrides,
});

const adapter = (options: Partial<HttpAdapterOptions> = {}) =>
  createHttpAdapter({ baseUrl: BASE, now: () => T0, ...options });

type Route = "send" | "resend" | "verify";

/** Every route answers with this response. */
function answerAll(respond: () => Response | Promise<Response>) {
  server.use(http.post(`${BASE}/:route`, respond));
}

/** Records what reached the server for one route, answering with `respond`. */
function capture(route: Route, respond: () => Response) {
  const seen: { body: unknown; headers: Headers; url: string }[] = [];
  server.use(
    http.post(`${BASE}/${route}`, async ({ request }) => {
      seen.push({ body: await request.json(), headers: request.headers, url: request.url });
      return respond();
    }),
  );
  return seen;
}

const failureBody = (kind: OtpErrorKind, extra: Record<string, unknown> = {}) => ({
  error: { kind, message: `Safe text for ${kind}`, ...extra },
});

/** Runs one call of `route` and returns the OtpError it rejected with (fails otherwise). */
async function failureOf(
  route: Route,
  options: Partial<HttpAdapterOptions> = {},
  signal?: AbortSignal,
): Promise<OtpError> {
  const client = adapter(options);
  const call =
    route === "send"
      ? client.send({ phone: PHONE, signal })
      : route === "resend"
        ? client.resend({ challenge: challenge(), signal })
        : client.verify({ challenge: challenge(), code: "123456", signal });
  const error = await call.then(
    (value) => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
    },
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(OtpError);
  return error as OtpError;
}

describe("success", () => {
  it("send posts the phone and turns durations into absolute times at receipt", async () => {
    let clock = T0;
    const seen = capture("send", () => {
      clock = T0 + 2_000; // the answer arrives two seconds after the request left
      return HttpResponse.json({ challenge: wireChallenge({ expiresIn: 300, resendIn: 30 }) });
    });
    const result = await adapter({ now: () => clock }).send({
      phone: PHONE,
      channel: "sms",
      locale: "th-TH",
      botToken: "captcha-token",
    });
    expect(result).toEqual(
      challenge({ expiresAt: T0 + 2_000 + 300_000, resendAt: T0 + 2_000 + 30_000 }),
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe(`${BASE}/send`);
    expect(seen[0]?.body).toEqual({
      phone: PHONE,
      channel: "sms",
      locale: "th-TH",
      botToken: "captcha-token",
    });
    expect(seen[0]?.headers.get("content-type")).toBe("application/json");
    expect(seen[0]?.headers.get("accept")).toBe("application/json");
  });

  it("says which channels the server offers when told, and nothing otherwise", () => {
    expect(adapter({ channels: ["sms", "whatsapp"] }).channels).toEqual(["sms", "whatsapp"]);
    expect(adapter()).not.toHaveProperty("channels");
  });

  it("send leaves out what was not given, and never sends the signal", async () => {
    const seen = capture("send", () => HttpResponse.json({ challenge: wireChallenge() }));
    await adapter().send({ phone: PHONE, signal: new AbortController().signal });
    expect(seen[0]?.body).toEqual({ phone: PHONE });
  });

  it("keeps optional challenge fields (channels, referenceCode) and drops unknown ones", async () => {
    capture("send", () =>
      HttpResponse.json({
        challenge: {
          ...wireChallenge({ channels: ["sms", "voice"], referenceCode: "IpA6k" }),
          code: "123456",
        },
      }),
    );
    const result = await adapter().send({ phone: PHONE });
    expect(result).toMatchObject({ channels: ["sms", "voice"], referenceCode: "IpA6k" });
    expect(result).not.toHaveProperty("code");
  });

  it("resend posts the challenge id (and channel) and returns the new challenge", async () => {
    const seen = capture("resend", () =>
      HttpResponse.json({
        challenge: wireChallenge({ id: "ch-2", expiresIn: 600, resendIn: 60, channel: "voice" }),
      }),
    );
    const result = await adapter().resend({ challenge: challenge(), channel: "voice" });
    expect(seen[0]?.body).toEqual({ challengeId: "ch-1", channel: "voice" });
    expect(result).toEqual(
      challenge({ id: "ch-2", expiresAt: T0 + 600_000, resendAt: T0 + 60_000, channel: "voice" }),
    );
  });

  it("resend without a channel sends only the challenge id", async () => {
    const seen = capture("resend", () => HttpResponse.json({ challenge: wireChallenge() }));
    await adapter().resend({ challenge: challenge() });
    expect(seen[0]?.body).toEqual({ challengeId: "ch-1" });
  });

  it("verify posts challengeId and code and returns the token", async () => {
    const seen = capture("verify", () => HttpResponse.json({ verified: true, token: "signed" }));
    const result = await adapter().verify({ challenge: challenge(), code: "123456" });
    expect(result).toEqual({ verified: true, token: "signed" });
    expect(seen[0]?.body).toEqual({ challengeId: "ch-1", code: "123456" });
    expect(seen[0]?.url).toBe(`${BASE}/verify`);
  });

  it("verify without a token is still a success", async () => {
    capture("verify", () => HttpResponse.json({ verified: true }));
    await expect(adapter().verify({ challenge: challenge(), code: "1" })).resolves.toEqual({
      verified: true,
    });
  });
});

describe("requests", () => {
  it("adds custom headers to every request", async () => {
    const seen = capture("send", () => HttpResponse.json({ challenge: wireChallenge() }));
    await adapter({ headers: { "x-csrf-token": "abc" } }).send({ phone: PHONE });
    expect(seen[0]?.headers.get("x-csrf-token")).toBe("abc");
  });

  it("asks a header function again for each request", async () => {
    const seen = capture("verify", () => HttpResponse.json({ verified: true }));
    let n = 0;
    const client = adapter({ headers: () => ({ "x-csrf-token": `t${++n}` }) });
    await client.verify({ challenge: challenge(), code: "1" });
    await client.verify({ challenge: challenge(), code: "2" });
    expect(seen.map((s) => s.headers.get("x-csrf-token"))).toEqual(["t1", "t2"]);
  });

  it("keeps the JSON content type even when custom headers name another", async () => {
    const seen = capture("send", () => HttpResponse.json({ challenge: wireChallenge() }));
    await adapter({ headers: { "content-type": "text/plain" } }).send({ phone: PHONE });
    expect(seen[0]?.headers.get("content-type")).toBe("application/json");
  });

  it.each([`${BASE}/`, `${BASE}//`])(
    "handles a trailing slash in baseUrl (%s)",
    async (baseUrl) => {
      const seen = capture("send", () => HttpResponse.json({ challenge: wireChallenge() }));
      await adapter({ baseUrl }).send({ phone: PHONE });
      expect(seen[0]?.url).toBe(`${BASE}/send`);
    },
  );

  it("uses the fetch it was given", async () => {
    capture("send", () => HttpResponse.json({ challenge: wireChallenge() }));
    const urls: string[] = [];
    const tracingFetch: typeof fetch = (input, init) => {
      urls.push(String(input));
      return fetch(input, init);
    };
    await adapter({ fetch: tracingFetch }).send({ phone: PHONE });
    expect(urls).toEqual([`${BASE}/send`]);
  });
});

describe("failures answered by the server", () => {
  const routes: Route[] = ["send", "resend", "verify"];
  const cases = OTP_ERROR_KINDS.flatMap((kind) => routes.map((route) => [kind, route] as const));

  it.each(cases)("%s on %s becomes an OtpError of that kind and status", async (kind, route) => {
    const status = STATUS_BY_KIND[kind];
    answerAll(() => HttpResponse.json(failureBody(kind), { status }));
    const error = await failureOf(route);
    expect(error).toMatchObject({ kind, status });
    expect(error.message).toBe(`Safe text for ${kind}`);
  });

  it("wrong_code carries attemptsLeft", async () => {
    answerAll(() =>
      HttpResponse.json(failureBody("wrong_code", { attemptsLeft: 2 }), { status: 422 }),
    );
    expect(await failureOf("verify")).toMatchObject({ kind: "wrong_code", attemptsLeft: 2 });
  });

  it("too_many_attempts carries resendIn as resendAfterMs", async () => {
    answerAll(() =>
      HttpResponse.json(failureBody("too_many_attempts", { attemptsLeft: 0, resendIn: 45 }), {
        status: 429,
      }),
    );
    expect(await failureOf("verify")).toMatchObject({
      kind: "too_many_attempts",
      attemptsLeft: 0,
      resendAfterMs: 45_000,
    });
  });

  it("rate_limited takes retryAfterMs from Retry-After in seconds", async () => {
    answerAll(() =>
      HttpResponse.json(failureBody("rate_limited"), {
        status: 429,
        headers: { "Retry-After": "120" },
      }),
    );
    expect(await failureOf("send")).toMatchObject({ kind: "rate_limited", retryAfterMs: 120_000 });
  });

  it("rate_limited takes retryAfterMs from Retry-After as an HTTP date", async () => {
    // HTTP dates carry whole seconds.
    const until = Math.floor(Date.now() / 1000) * 1000 + 90_000;
    answerAll(() =>
      HttpResponse.json(failureBody("rate_limited"), {
        status: 429,
        headers: { "Retry-After": new Date(until).toUTCString() },
      }),
    );
    const error = await failureOf("resend", { now: Date.now });
    expect(error.kind).toBe("rate_limited");
    expect(error.retryAfterMs).toBeGreaterThan(85_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(90_000);
  });

  it("rate_limited takes retryAfterMs from Retry-After as an HTTP date, on the adapter's clock", async () => {
    answerAll(() =>
      HttpResponse.json(failureBody("rate_limited"), {
        status: 429,
        headers: { "Retry-After": new Date(T0 + 90_000).toUTCString() },
      }),
    );
    expect(await failureOf("resend", { now: () => T0 })).toMatchObject({
      kind: "rate_limited",
      retryAfterMs: 90_000,
    });
  });

  it("an HTTP date already past means no wait", async () => {
    answerAll(() =>
      HttpResponse.json(failureBody("rate_limited"), {
        status: 429,
        headers: { "Retry-After": new Date(T0 - 5_000).toUTCString() },
      }),
    );
    expect((await failureOf("send", { now: () => T0 })).retryAfterMs).toBe(0);
  });

  it("rate_limited takes retryAfterMs from the body's retryAfter without the header", async () => {
    answerAll(() =>
      HttpResponse.json(failureBody("rate_limited", { retryAfter: 30 }), { status: 429 }),
    );
    expect(await failureOf("verify")).toMatchObject({ kind: "rate_limited", retryAfterMs: 30_000 });
  });

  it("prefers the Retry-After header over the body", async () => {
    answerAll(() =>
      HttpResponse.json(failureBody("rate_limited", { retryAfter: 30 }), {
        status: 429,
        headers: { "Retry-After": "10" },
      }),
    );
    expect((await failureOf("send")).retryAfterMs).toBe(10_000);
  });

  it("ignores a Retry-After it cannot read", async () => {
    answerAll(() =>
      HttpResponse.json(failureBody("rate_limited", { retryAfter: 30 }), {
        status: 429,
        headers: { "Retry-After": "soon" },
      }),
    );
    expect((await failureOf("send")).retryAfterMs).toBe(30_000);
  });

  it("rate_limited without any wait leaves retryAfterMs to the flow's default", async () => {
    answerAll(() => HttpResponse.json(failureBody("rate_limited"), { status: 429 }));
    expect((await failureOf("send")).retryAfterMs).toBeUndefined();
  });
});

describe("answers that are not the protocol", () => {
  it("a 502 HTML page becomes provider_error with its status", async () => {
    answerAll(
      () =>
        new HttpResponse("<html><body><h1>502 Bad Gateway</h1></body></html>", {
          status: 502,
          headers: { "content-type": "text/html" },
        }),
    );
    expect(await failureOf("send")).toMatchObject({ kind: "provider_error", status: 502 });
  });

  it("a 429 without a JSON body becomes rate_limited, keeping Retry-After", async () => {
    answerAll(
      () =>
        new HttpResponse("Too Many Requests", {
          status: 429,
          headers: { "Retry-After": "7", "content-type": "text/plain" },
        }),
    );
    expect(await failureOf("send")).toMatchObject({
      kind: "rate_limited",
      status: 429,
      retryAfterMs: 7_000,
    });
  });

  it("a 429 with an empty body becomes rate_limited", async () => {
    answerAll(() => new HttpResponse(null, { status: 429 }));
    expect(await failureOf("resend")).toMatchObject({ kind: "rate_limited", status: 429 });
  });

  it("an error status with JSON that is not a protocol failure becomes provider_error", async () => {
    answerAll(() => HttpResponse.json({ error: "Not Found" }, { status: 404 }));
    expect(await failureOf("verify")).toMatchObject({ kind: "provider_error", status: 404 });
  });

  it("a failure naming a kind outside the vocabulary becomes provider_error", async () => {
    answerAll(() =>
      HttpResponse.json({ error: { kind: "teapot", message: "m" } }, { status: 422 }),
    );
    expect(await failureOf("verify")).toMatchObject({ kind: "provider_error", status: 422 });
  });

  it("malformed JSON with 200 becomes provider_error", async () => {
    answerAll(
      () =>
        new HttpResponse('{"challenge": {"id": ', {
          status: 200,
          headers: { "content-type": "application/json" },
        }),
    );
    for (const route of ["send", "resend", "verify"] as const) {
      // An answer came (200), it just could not be read: not "no answer" (0).
      expect(await failureOf(route)).toMatchObject({ kind: "provider_error", status: 200 });
    }
  });

  it("an empty 200 becomes provider_error", async () => {
    answerAll(() => new HttpResponse(null, { status: 200 }));
    expect((await failureOf("send")).kind).toBe("provider_error");
  });

  it("a 200 challenge that fails the schema becomes provider_error", async () => {
    answerAll(() =>
      HttpResponse.json({ challenge: { ...wireChallenge(), expiresIn: "five minutes" } }),
    );
    expect(await failureOf("send")).toMatchObject({ kind: "provider_error", status: 200 });
    expect((await failureOf("resend")).kind).toBe("provider_error");
  });

  it("a 200 with absolute times instead of durations becomes provider_error", async () => {
    const { expiresIn: _e, resendIn: _r, ...rest } = wireChallenge();
    answerAll(() =>
      HttpResponse.json({ challenge: { ...rest, expiresAt: T0 + 1, resendAt: T0 + 1 } }),
    );
    expect((await failureOf("send")).kind).toBe("provider_error");
  });

  it("a 200 verify that is not verified: true becomes provider_error", async () => {
    answerAll(() => HttpResponse.json({ verified: false }));
    expect((await failureOf("verify")).kind).toBe("provider_error");
  });

  it("a 200 HTML page (a proxy's login page, say) becomes provider_error", async () => {
    answerAll(() => HttpResponse.html("<html>Sign in</html>"));
    expect((await failureOf("verify")).kind).toBe("provider_error");
  });
});

describe("no usable answer", () => {
  it("a network error becomes network", async () => {
    answerAll(() => HttpResponse.error());
    for (const route of ["send", "resend", "verify"] as const) {
      expect(await failureOf(route)).toMatchObject({ kind: "network", status: 0 });
    }
  });

  it("a server that never answers becomes network after timeoutMs", async () => {
    answerAll(async () => {
      await delay("infinite");
      return HttpResponse.json({ verified: true });
    });
    const started = performance.now();
    const error = await failureOf("verify", { timeoutMs: 50 });
    expect(error).toMatchObject({ kind: "network", status: 0 });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("an abort by the caller becomes network, promptly", async () => {
    answerAll(async () => {
      await delay("infinite");
      return HttpResponse.json({ challenge: wireChallenge() });
    });
    const controller = new AbortController();
    const started = performance.now();
    const pending = failureOf("send", {}, controller.signal);
    setTimeout(() => controller.abort(), 10);
    const error = await pending;
    expect(error).toMatchObject({ kind: "network", status: 0 });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("an abort with the caller's own reason is still network, keeping the reason", async () => {
    answerAll(async () => {
      await delay("infinite");
      return HttpResponse.json({ verified: true });
    });
    const controller = new AbortController();
    const reason = new Error("the user left the page");
    const pending = failureOf("verify", {}, controller.signal);
    setTimeout(() => controller.abort(reason), 10);
    const error = await pending;
    expect(error.kind).toBe("network");
    expect(error.cause).toBe(reason);
  });

  it("a signal already aborted fails at once with network", async () => {
    answerAll(() => HttpResponse.json({ challenge: wireChallenge() }));
    const controller = new AbortController();
    controller.abort();
    expect((await failureOf("resend", {}, controller.signal)).kind).toBe("network");
  });

  it("a fetch that throws synchronously becomes network, not an exception", async () => {
    const broken: typeof fetch = () => {
      throw new TypeError("fetch is not available");
    };
    expect((await failureOf("send", { fetch: broken })).kind).toBe("network");
  });

  it("a header function that throws becomes a rejected OtpError, not an exception", async () => {
    const cause = new Error("no csrf cookie");
    const error = await failureOf("send", {
      headers: () => {
        throw cause;
      },
    });
    expect(error.cause).toBe(cause);
  });
});
