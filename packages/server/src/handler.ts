/**
 * `createOtpHandler`: the wire protocol over any server-side `OtpAdapter`, as a fetch-API
 * handler `(request) => Promise<Response>` (Node 20+ through `createNodeListener`, Bun, Deno,
 * Next.js route handlers, Hono...).
 *
 *   POST {base}/send    { phone, channel?, locale?, botToken? } -> 200 { challenge }
 *   POST {base}/resend  { challengeId, channel? }               -> 200 { challenge }
 *   POST {base}/verify  { challengeId, code }                   -> 200 { verified: true, token }
 *   GET  {base}/dev/inbox?phone=                                 (only with `devInbox`)
 *
 * The adapter is wrapped in the server's policies, outermost first: the challenge store
 * (opaque ids, unknown/expired/verified), the country allow-list, the per-phone send limits
 * and cooldown, the per-challenge attempt limit. The per-IP limit and the bot check run in
 * the handler, before any of them, because they need the request.
 */
import {
  type WireAnswer as Answer,
  DEFAULT_RETRY_AFTER_MS,
  E164_PATTERN,
  type WireFailure as Failure,
  failureAnswer,
  isOtpError,
  jsonAnswer,
  maskPhone,
  type OtpAdapter,
  type OtpChallenge,
  type OtpChannel,
  OtpError,
  type OtpErrorKind,
  resendRequestSchema,
  secondsUntil,
  sendRequestSchema,
  type VerifyResponse,
  verifyRequestSchema,
  type WireChallenge,
} from "@otpkit/core";
import { toResponse } from "./answers";
import { withAttemptLimit } from "./attempt-limit";
import { type BotCheck, passBotCheck } from "./bot-check";
import { createChallengeService } from "./challenge-service";
import { type ClientIp, clientAddress, proxyHops, socketAddressOf } from "./client-ip";
import { type CorsOptions, createCors } from "./cors";
import { withCountryAllowList } from "./country-allow-list";
import type { DevInbox } from "./dev-inbox";
import { createIpLimit, DEFAULT_SENDS_PER_IP } from "./ip-limit";
import { jsonLogger, type LogLevel, type OtpLogger } from "./logger";
import { type BodySource, MAX_BODY_BYTES, readJsonFrom, requestBody } from "./request-body";
import { DEFAULT_SEND_LIMITS, type SendLimits, withSendLimits } from "./send-limits";
import type { OtpStore } from "./store";
import { createMemoryStore } from "./stores/memory-store";
import type { OtpTokenSecret } from "./token";
import { createOtpTokenSigner } from "./token-signer";

export interface OtpLimits extends SendLimits {
  /** Sends (and resends) per client IP per `sendWindowSeconds`. Default 20. */
  sendsPerIp?: number;
  /** Verify attempts per challenge; the last wrong one locks it. Default 5. */
  verifyAttempts?: number;
}

/** An adapter, optionally saying which channels it delivers on (provider adapters do). */
export type ServerAdapter = OtpAdapter & { readonly channels?: readonly OtpChannel[] };

export interface OtpHandlerOptions {
  adapter: ServerAdapter;
  /** Key of the verification tokens (HMAC-SHA256): at least 32 bytes, from a secret store. */
  tokenSecret: OtpTokenSecret;
  /** Default: in memory (one instance). Use `createRedisStore` for several. */
  store?: OtpStore;
  limits?: OtpLimits;
  /** Off unless given. */
  cors?: CorsOptions;
  /** Where the routes live. Default "/api/otp". */
  basePath?: string;
  /** Runs before every send; a refusal answers `rate_limited`. */
  botCheck?: BotCheck;
  /** Destination countries (ISO codes or calling codes). Empty or absent: all. */
  allowedCountries?: readonly string[];
  logger?: OtpLogger;
  /** The client's IP for the per-IP limit. Default: the socket address (node listener), */
  clientIp?: ClientIp;
  /** ...or X-Forwarded-For behind this many proxies (`true`: one). Default: not trusted. */
  trustProxy?: boolean | number;
  /** How long a verification token holds. Default 600 s. */
  tokenTtlSeconds?: number;
  /** What a code looks like besides its length. Default digits only. */
  codePattern?: RegExp;
  /** Serve `GET {base}/dev/inbox`: development with the console adapter only. */
  devInbox?: DevInbox;
  /** Clock for challenges and tokens. Default `Date.now`. */
  now?: () => number;
}

export type OtpHandler = (request: Request) => Promise<Response>;

/**
 * A request as the handler reads it, whichever way it came: a fetch `Request`, or the node
 * listener's socket (which skips building a `Request` and its body stream: see node.ts).
 */
export interface Call {
  method: string;
  /** Path and query, e.g. "/api/otp/dev/inbox?phone=%2B66...". */
  target: string;
  header(name: string): string | null;
  body: BodySource;
  socketAddress: string | undefined;
  /** The fetch Request, made on demand for hooks that take one (without its body). */
  request(): Request;
}

export type CallHandler = (call: Call) => Promise<Answer>;

/** Where createNodeListener finds the handler's transport-neutral entry point. */
export const CALL_HANDLER: unique symbol = Symbol.for("otpkit.server.callHandler");

export function callFromRequest(request: Request): Call {
  const url = new URL(request.url);
  return {
    method: request.method,
    target: `${url.pathname}${url.search}`,
    header: (name) => request.headers.get(name),
    body: requestBody(request),
    socketAddress: socketAddressOf(request),
    request: () => request,
  };
}

type Operation = "send" | "resend" | "verify";

const LOG_LEVEL: Readonly<Record<OtpErrorKind, LogLevel>> = {
  invalid_phone: "info",
  blocked_phone: "info",
  rate_limited: "warn",
  insufficient_quota: "error",
  auth_failed: "error",
  config_error: "error",
  not_found: "info",
  wrong_code: "info",
  too_many_attempts: "warn",
  expired: "info",
  already_verified: "info",
  network: "error",
  provider_error: "error",
};

export function createOtpHandler(options: OtpHandlerOptions): OtpHandler {
  const {
    adapter,
    store = createMemoryStore({ now: options.now }),
    limits = {},
    basePath = "/api/otp",
    logger = jsonLogger,
    now = Date.now,
    devInbox,
    botCheck,
  } = options;
  const base = `/${basePath.replace(/^\/+|\/+$/g, "")}`.replace(/^\/$/, "");
  const signer = createOtpTokenSigner(options.tokenSecret, {
    ttlSeconds: options.tokenTtlSeconds,
    now,
  });
  const offered: readonly OtpChannel[] = adapter.channels?.length ? [...adapter.channels] : ["sms"];
  const hops = proxyHops(options.trustProxy);
  const clientIp = (call: Call) =>
    options.clientIp
      ? options.clientIp(call.request())
      : clientAddress(call.header("x-forwarded-for"), call.socketAddress, hops);
  const cors = createCors(options.cors);
  const limiter = store.limiter.bind(store);
  const windowSeconds = limits.sendWindowSeconds ?? DEFAULT_SEND_LIMITS.sendWindowSeconds;
  const ipLimit = createIpLimit({
    limiter,
    sendsPerIp: limits.sendsPerIp ?? DEFAULT_SENDS_PER_IP,
    windowSeconds,
  });

  let chain: OtpAdapter = withAttemptLimit(adapter, {
    limiter,
    maxAttempts: limits.verifyAttempts,
    codePattern: options.codePattern,
    now,
  });
  chain = withSendLimits(chain, { ...limits, limiter, now });
  chain = withCountryAllowList(chain, options.allowedCountries ?? []);
  const service = createChallengeService({ adapter: chain, store, now });

  function toWire(challenge: OtpChallenge, masked = maskPhone(challenge.phone)): WireChallenge {
    const at = now();
    // Built field by field (no spread of temporary objects): it runs on every send.
    const wire = {
      id: challenge.id,
      phone: masked,
      codeLength: challenge.codeLength,
      expiresIn: secondsUntil(challenge.expiresAt, at),
      resendIn: secondsUntil(challenge.resendAt, at),
    } as WireChallenge;
    if (challenge.attemptsLeft !== undefined) wire.attemptsLeft = challenge.attemptsLeft;
    wire.channel = challenge.channel;
    if (offered.length > 1) wire.channels = [...offered];
    if (challenge.referenceCode) wire.referenceCode = challenge.referenceCode;
    return wire;
  }

  /** The wire failure for an error, logged with fields that are safe to keep. */
  function refusal(op: Operation, error: OtpError, context: Record<string, string | undefined>) {
    logger({
      level: LOG_LEVEL[error.kind],
      event: "otp.failed",
      op,
      kind: error.kind,
      detail: error.message,
      providerCode: error.providerCode,
      providerStatus: error.status,
      ...context,
    });
    const failure: Failure = {
      kind: error.kind,
      retryAfterMs:
        error.retryAfterMs ?? (error.kind === "rate_limited" ? DEFAULT_RETRY_AFTER_MS : undefined),
      attemptsLeft: error.attemptsLeft,
      resendAfterMs: error.resendAfterMs,
    };
    return failure;
  }

  /** A request the protocol does not allow: a 4xx, logged, never an exception. */
  function refuseRequest(status: number, message: string, kind: OtpErrorKind = "config_error") {
    logger({ level: "info", event: "request.refused", status, kind, detail: message });
    return { kind, status, message } satisfies Failure;
  }

  const body = (call: Call) => readJsonFrom(call.body, MAX_BODY_BYTES);

  async function send(call: Call): Promise<Answer | Failure> {
    const read = await body(call);
    if (!read.ok) return refuseRequest(read.status, read.message);
    const parsed = sendRequestSchema.safeParse(read.json);
    if (!parsed.success) {
      const phoneOnly = parsed.error.issues.every((issue) => issue.path[0] === "phone");
      const phone = (read.json as { phone?: unknown } | null)?.phone;
      if (phoneOnly && typeof phone === "string") {
        return refuseRequest(422, "The phone number must be in E.164 form", "invalid_phone");
      }
      return refuseRequest(400, invalidFields(parsed.error.issues));
    }
    const { phone, channel, locale, botToken } = parsed.data;
    const refusedChannel = unofferedChannel(channel);
    if (refusedChannel) return refusedChannel;
    const ip = clientIp(call);
    const masked = maskPhone(phone);
    const context = { phone: masked, clientIp: ip };
    try {
      if (ip) await ipLimit.take(ip);
      if (botCheck) {
        await passBotCheck(botCheck, {
          token: botToken,
          phone,
          clientIp: ip,
          request: call.request(),
        });
      }
      const challenge = await service.send({ phone, channel, locale });
      logSent("send", challenge, ip, masked);
      return jsonAnswer({ challenge: toWire(challenge, masked) });
    } catch (thrown) {
      return refusal("send", failed(thrown, "send"), context);
    }
  }

  async function resend(call: Call): Promise<Answer | Failure> {
    const read = await body(call);
    if (!read.ok) return refuseRequest(read.status, read.message);
    const parsed = resendRequestSchema.safeParse(read.json);
    if (!parsed.success) return refuseRequest(400, invalidFields(parsed.error.issues));
    const { challengeId, channel } = parsed.data;
    const refusedChannel = unofferedChannel(channel);
    if (refusedChannel) return refusedChannel;
    const ip = clientIp(call);
    try {
      if (ip) await ipLimit.take(ip);
      const challenge = await service.resend({ challengeId, channel });
      const masked = maskPhone(challenge.phone);
      logSent("resend", challenge, ip, masked);
      return jsonAnswer({ challenge: toWire(challenge, masked) });
    } catch (thrown) {
      return refusal("resend", failed(thrown, "resend"), { challengeId, clientIp: ip });
    }
  }

  async function verify(call: Call): Promise<Answer | Failure> {
    const read = await body(call);
    if (!read.ok) return refuseRequest(read.status, read.message);
    const parsed = verifyRequestSchema.safeParse(read.json);
    if (!parsed.success) return refuseRequest(400, invalidFields(parsed.error.issues));
    const { challengeId, code } = parsed.data;
    try {
      const challenge = await service.verify({ challengeId, code });
      const token = signer.sign({ phone: challenge.phone, challengeId: challenge.id });
      logger({
        level: "info",
        event: "otp.verified",
        challengeId,
        phone: maskPhone(challenge.phone),
      });
      const answer: VerifyResponse = { verified: true, token };
      return jsonAnswer(answer);
    } catch (thrown) {
      return refusal("verify", failed(thrown, "verify"), { challengeId });
    }
  }

  function inbox(query: URLSearchParams): Answer | Failure {
    if (!devInbox) return refuseRequest(404, "No such route");
    const phone = `+${(query.get("phone") ?? "").replace(/\D/g, "")}`;
    if (!E164_PATTERN.test(phone)) {
      return refuseRequest(422, "The phone number must be in E.164 form", "invalid_phone");
    }
    return jsonAnswer({ messages: devInbox.messages(phone) });
  }

  function unofferedChannel(channel: string | undefined): Failure | undefined {
    if (channel === undefined || offered.includes(channel)) return undefined;
    return refuseRequest(422, `This server delivers codes by ${offered.join(", ")} only`);
  }

  function logSent(op: Operation, challenge: OtpChallenge, ip: string | undefined, phone: string) {
    logger({
      level: "info",
      event: "otp.sent",
      op,
      challengeId: challenge.id,
      phone,
      channel: challenge.channel,
      clientIp: ip,
    });
  }

  /**
   * Anything thrown becomes an OtpError. Adapters already turn their own network failures
   * into one, so anything else (a store that is down, a bug) is a fault: logged, and
   * answered as provider_error ("try again later"), never as a crash.
   */
  function failed(thrown: unknown, op: Operation): OtpError {
    if (isOtpError(thrown)) return thrown;
    const name = (thrown as { name?: unknown } | null)?.name;
    logger({
      level: "error",
      event: "otp.fault",
      op,
      error: typeof name === "string" ? name : typeof thrown,
      detail: thrown instanceof Error ? thrown.message : undefined,
    });
    return new OtpError({ kind: "provider_error", message: "Unexpected failure", cause: thrown });
  }

  const routes: Readonly<Record<string, (call: Call) => Promise<Answer | Failure>>> = {
    send,
    resend,
    verify,
  };

  const routePrefix = `${base}/`;

  async function route(call: Call): Promise<Answer | Failure> {
    const queryAt = call.target.indexOf("?");
    const pathname = queryAt < 0 ? call.target : call.target.slice(0, queryAt);
    if (!pathname.startsWith(routePrefix)) return refuseRequest(404, "No such route");
    const name = pathname.slice(base.length + 1);
    const operation = Object.hasOwn(routes, name) ? routes[name] : undefined;
    const known = operation !== undefined || (name === "dev/inbox" && devInbox !== undefined);
    if (call.method === "OPTIONS" && known) return cors.preflight(call.header("origin"));
    if (name === "dev/inbox") {
      if (call.method === "GET" || !devInbox) {
        return inbox(new URLSearchParams(queryAt < 0 ? "" : call.target.slice(queryAt)));
      }
      return methodNotAllowed("GET, OPTIONS");
    }
    if (!operation) return refuseRequest(404, "No such route");
    if (call.method !== "POST") return methodNotAllowed("POST, OPTIONS");
    // Awaited: returning the promise itself would cost two more turns of the queue.
    return await operation(call);
  }

  const methodNotAllowed = (allow: string): Answer =>
    failureAnswer(refuseRequest(405, `Use ${allow.split(",")[0]}`), { allow });

  const handleCall: CallHandler = async (call) => {
    let outcome: Answer | Failure;
    try {
      outcome = await route(call);
    } catch (thrown) {
      // Nothing above should throw; if it does, the process stays up and says so.
      logger({
        level: "error",
        event: "handler.fault",
        error: thrown instanceof Error ? thrown.name : typeof thrown,
      });
      outcome = {
        kind: "config_error",
        status: 500,
        message: "The server could not handle the request",
      };
    }
    const headers = cors.headers(call.header("origin"));
    if ("kind" in outcome) return failureAnswer(outcome, headers);
    // Every answer's headers are an object of its own (jsonAnswer, preflight): added in place.
    Object.assign(outcome.headers, headers);
    return outcome;
  };

  const handler: OtpHandler = async (request) =>
    toResponse(await handleCall(callFromRequest(request)));
  return Object.assign(handler, { [CALL_HANDLER]: handleCall });
}

/** Which fields broke the schema, by name only: the values may be anything. */
function invalidFields(issues: readonly { path: readonly PropertyKey[] }[]): string {
  const fields = [...new Set(issues.map((issue) => issue.path.map(String).join(".") || "body"))];
  return `The request body does not match the protocol (${fields.join(", ")})`;
}
