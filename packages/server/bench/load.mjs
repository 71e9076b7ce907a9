/**
 * The load, in its own process: autocannon against one server, each connection looping
 * send -> verify with the challenge id the send answered. Prints one JSON line of results.
 *
 *   node load.mjs <base url> <seconds> <connections> <run number>
 */
import autocannon from "autocannon";

const [base, seconds = "10", connections = "10", run = "0"] = process.argv.slice(2);
const json = { "content-type": "application/json" };
let sends = 0;

const result = await autocannon({
  url: base,
  connections: Number(connections),
  duration: Number(seconds),
  requests: [
    {
      method: "POST",
      path: new URL(`${base}/send`).pathname,
      headers: json,
      setupRequest(request) {
        // A new number each time (and each run): the per-number limits never refuse.
        sends += 1;
        const phone = `+668${Number(run) % 10}${String(sends % 10_000_000).padStart(7, "0")}`;
        return { ...request, body: JSON.stringify({ phone }) };
      },
      onResponse(status, body, context) {
        context.challengeId = status === 200 ? JSON.parse(body).challenge.id : "missing";
      },
    },
    {
      method: "POST",
      path: new URL(`${base}/verify`).pathname,
      headers: json,
      setupRequest(request, context) {
        return {
          ...request,
          body: JSON.stringify({ challengeId: context.challengeId, code: "000000" }),
        };
      },
    },
  ],
});

process.stdout.write(
  `${JSON.stringify({
    requestsPerSecond: result.requests.average,
    p99: result.latency.p99,
    p50: result.latency.p50,
    total: result.requests.total,
    ok: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  })}\n`,
);
