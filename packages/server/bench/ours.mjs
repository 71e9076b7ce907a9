/**
 * @otpkit/server under load: the console adapter delivering to nothing, the memory store
 * (or Redis with a URL argument). Bundled from the sources by bench.mjs; prints its URL.
 *
 * No limit refuses a request: the bench measures the work of every request (validation,
 * store, limiter counters, adapter, token), not refusals. See `limits` below.
 *
 * The load cannot read an SMS, so it sends "000000" and this file's wrapper swaps in the
 * code the console adapter delivered: every verify then takes the success path, token
 * signing included.
 */
import { consoleAdapter } from "@otpkit/providers";
import { Redis } from "ioredis";
import {
  createMemoryStore,
  createOtpHandler,
  createRedisStore,
  serve,
  silentLogger,
} from "../src/index.ts";

const redisUrl = process.argv[2];
const delivered = new Map();
const console_ = consoleAdapter({
  resendSeconds: 0,
  deliver: (sms) => {
    delivered.set(sms.challengeId, sms.code);
  },
});
const adapter = {
  channels: console_.channels,
  send: (input) => console_.send(input),
  resend: (input) => console_.resend(input),
  verify: ({ challenge, code, signal }) => {
    const right = delivered.get(challenge.id);
    delivered.delete(challenge.id);
    return console_.verify({ challenge, code: code === "000000" && right ? right : code, signal });
  },
};

const store = redisUrl
  ? createRedisStore({ client: new Redis(redisUrl), ownsClient: true })
  : createMemoryStore();
const handler = createOtpHandler({
  adapter,
  store,
  tokenSecret: "bench-secret-bench-secret-bench-secret",
  logger: silentLogger,
  // Every request comes from 127.0.0.1: the per-IP limit is the one default the load
  // would hit. The per-number limits keep their defaults (each send goes to a new number).
  limits: { sendsPerIp: 1_000_000_000 },
});
const running = await serve(handler, { port: 0 });
process.stdout.write(`${JSON.stringify({ url: `${running.url}/api/otp` })}\n`);
process.on("SIGTERM", () =>
  running
    .close()
    .then(() => store.close())
    .then(() => process.exit(0)),
);
