/**
 * MSW handlers for the kit's own wire protocol, answering as @otpkit/server does, so
 * Storybook, the demo and tests run the whole flow with no server. Runs in Node
 * (`setupServer`) and in the browser (`setupWorker`).
 *
 *   POST {base}/send    { phone, channel?, locale?, botToken? } -> 200 { challenge }
 *   POST {base}/resend  { challengeId, channel? }              -> 200 { challenge }
 *   POST {base}/verify  { challengeId, code }                  -> 200 { verified: true, token }
 *   GET  {base}/dev/inbox?phone=+66...                         -> 200 { messages }
 *   failure: { error: { kind, message, retryAfter?, attemptsLeft?, resendIn? } }
 *
 * The server's policies are played in its order, as decorators over the adapter: the
 * challenge store, the per-number send limits and cooldown, the attempt limit; the
 * per-client send limit and the request checks run first. parity.test.ts holds the
 * server's exact answers, which this file must keep giving.
 */
import {
  DEFAULT_RETRY_AFTER_MS,
  E164_PATTERN,
  isOtpError,
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
import { type HttpHandler, HttpResponse, http } from "msw";
import { inbox as sharedInbox } from "../inbox";
import { createKnobs, type MockOptions, type ProviderMock } from "../knobs";
import { type Failure, failureResponse, jsonResponse, refused } from "./answers";
import { DEFAULT_MAX_ATTEMPTS, withAttemptLimit } from "./attempt-limit";
import { createChallengeService } from "./challenges";
import { createInboxAdapter } from "./inbox-adapter";
import { normalizePhone } from "./phone";
import { invalidFields, readJsonBody } from "./request-body";
import {
  SCENARIO_PHONES,
  type Scenario,
  type ScenarioOptions,
  type ServerOperation,
  scenarioFor,
  withScenarios,
} from "./scenarios";
import { DEFAULT_SEND_LIMITS, withSendLimits } from "./send-limits";
import { mockToken } from "./token";
import { createWindows } from "./windows";

/** An adapter, optionally saying which channels it delivers on, as @otpkit/server takes it. */
export type ServerMockAdapter = OtpAdapter & { readonly channels?: readonly OtpChannel[] };

export interface OtpServerMockOptions extends MockOptions {
  /** Where the routes live: "/api/otp" (default, same origin) or an absolute URL. */
  baseUrl?: string;
  /**
   * The adapter behind the server. Default: codes generated here and delivered to `inbox`
   * as the console provider does (from "otpkit", provider "console"). Pass
   * `createFakeAdapter({ codes: ["123456"] })` from @otpkit/core/testing for a code
   * everyone knows. Its `channels` property says what the server offers (default SMS only).
   */
  adapter?: ServerMockAdapter;
  /** Digits per code of the default adapter. Default 6. */
  codeLength?: number;
  /** Code lifetime of the default adapter. Default 300. */
  ttlSeconds?: number;
  /** Channels the default adapter offers, the first by default. Default ["sms"]. */
  channels?: readonly OtpChannel[];
  /**
   * Wait after the 1st, 2nd, 3rd… send to a number before the next; after the list, the
   * number is locked until its window ends. Default [30, 60, 120], as the server.
   */
  resendCooldownSeconds?: readonly number[];
  /** Shorthand for `resendCooldownSeconds: [s, 2s, 4s]` (30 gives the default). */
  resendSeconds?: number;
  /** Wrong codes accepted per challenge before it locks. Default 5. */
  maxAttempts?: number;
  /** Sends (and resends) per number in `sendWindowSeconds`. Default 5. */
  sendsPerPhone?: number;
  /** Window of the per-number and per-client send limits. Default 3600. */
  sendWindowSeconds?: number;
  /** Sends (and resends) from this one browser per window, as the server counts per IP. Default 20. */
  sendsPerIp?: number;
  /** How long the token's `exp` says it holds. Default 600. */
  tokenTtlSeconds?: number;
  /** Give every challenge a reference code ("Ref ABCDE"), as ANTS does. Default false. */
  referenceCodes?: boolean;
  /** Sender name in the SMS of the default adapter. Default "otpkit". */
  sender?: string;
  /** Let `SCENARIO_PHONES` answer with their error kinds. Default true. */
  scenarioPhones?: boolean;
}

export interface OtpServerMock extends ProviderMock {
  /** The routes' base, as given. */
  baseUrl: string;
  /**
   * Make `phone` answer with `kind` (on send by default; on verify for code-related kinds),
   * or pass `null` to clear it. See `SCENARIO_PHONES` for numbers preset this way.
   */
  scenario(phone: string, kind: OtpErrorKind | null, options?: ScenarioOptions): void;
}

/** The server's dev inbox keeps this many messages per number. */
const DEV_INBOX_PER_PHONE = 20;
const DEFAULT_SENDS_PER_IP = 20;
const DEFAULT_TOKEN_TTL_SECONDS = 600;
/** All of the mock's requests come from one browser: one client address. */
const CLIENT = "ip:browser";

export function otpServerMock(options: OtpServerMockOptions = {}): OtpServerMock {
  const {
    baseUrl = "/api/otp",
    inbox = sharedInbox,
    now = Date.now,
    codeLength = 6,
    ttlSeconds = 300,
    channels = ["sms"],
    maxAttempts = DEFAULT_MAX_ATTEMPTS,
    sendsPerPhone = DEFAULT_SEND_LIMITS.sendsPerPhone,
    sendWindowSeconds = DEFAULT_SEND_LIMITS.sendWindowSeconds,
    sendsPerIp = DEFAULT_SENDS_PER_IP,
    tokenTtlSeconds = DEFAULT_TOKEN_TTL_SECONDS,
    referenceCodes = false,
    sender = "otpkit",
    scenarioPhones = true,
  } = options;
  const resendCooldownSeconds =
    options.resendCooldownSeconds ??
    (options.resendSeconds === undefined
      ? DEFAULT_SEND_LIMITS.resendCooldownSeconds
      : [1, 2, 4].map((factor) => factor * (options.resendSeconds as number)));
  const base = baseUrl.replace(/\/+$/, "");
  const basePath = new URL(base, "http://localhost").pathname.replace(/\/+$/, "");
  const knobs = createKnobs({ latencyMs: options.latencyMs });
  const builtIn = options.adapter
    ? undefined
    : createInboxAdapter({ inbox, now, codeLength, ttlSeconds, referenceCodes, sender, channels });
  const adapter: ServerMockAdapter = options.adapter ?? (builtIn as ServerMockAdapter);
  const offered: readonly OtpChannel[] = adapter.channels?.length ? [...adapter.channels] : ["sms"];

  let scenarios = new Map<string, Scenario>();
  function presetScenarios() {
    scenarios = new Map();
    if (!scenarioPhones) return;
    for (const [kind, phone] of Object.entries(SCENARIO_PHONES)) {
      scenarios.set(phone, scenarioFor(kind as OtpErrorKind));
    }
  }
  presetScenarios();

  /** The scenario answer for this call of the adapter, if one applies (and counts it down). */
  function scripted(phone: string, operation: ServerOperation): Scenario | undefined {
    const scenario = scenarios.get(normalizePhone(phone));
    if (!scenario || scenario.on !== operation || scenario.remaining <= 0) return undefined;
    scenario.remaining -= 1;
    return scenario;
  }

  const windows = createWindows(now);
  let chain: OtpAdapter = withScenarios(adapter, scripted);
  chain = withAttemptLimit(chain, { windows, now, maxAttempts });
  chain = withSendLimits(chain, {
    windows,
    now,
    sendsPerPhone,
    sendWindowSeconds,
    resendCooldownSeconds,
  });
  const service = createChallengeService({ adapter: chain, now });

  /** The per-IP send limit: every request here comes from the same browser. */
  function takeClientSend() {
    const taken = windows.add(CLIENT, 1, sendWindowSeconds * 1000);
    if (taken.points > sendsPerIp) {
      throw new OtpError({
        kind: "rate_limited",
        message: "Too many codes requested from this address",
        retryAfterMs: taken.endsAt - now(),
      });
    }
  }

  function toWire(challenge: OtpChallenge, masked = maskPhone(challenge.phone)): WireChallenge {
    const at = now();
    return {
      id: challenge.id,
      phone: masked,
      codeLength: challenge.codeLength,
      expiresIn: secondsUntil(challenge.expiresAt, at),
      resendIn: secondsUntil(challenge.resendAt, at),
      ...(challenge.attemptsLeft === undefined ? {} : { attemptsLeft: challenge.attemptsLeft }),
      channel: challenge.channel,
      ...(offered.length > 1 ? { channels: [...offered] } : {}),
      ...(challenge.referenceCode ? { referenceCode: challenge.referenceCode } : {}),
    };
  }

  /** What a thrown error becomes on the wire. Its message stays here. */
  function refusal(thrown: unknown): Failure {
    // Anything but an OtpError is a fault, answered as the server does: "try again later".
    const error = isOtpError(thrown) ? thrown : new OtpError({ kind: "provider_error" });
    return {
      kind: error.kind,
      retryAfterMs:
        error.retryAfterMs ?? (error.kind === "rate_limited" ? DEFAULT_RETRY_AFTER_MS : undefined),
      attemptsLeft: error.attemptsLeft,
      resendAfterMs: error.resendAfterMs,
    };
  }

  function unofferedChannel(channel: string | undefined): Failure | undefined {
    if (channel === undefined || offered.includes(channel)) return undefined;
    return refused(422, `This server delivers codes by ${offered.join(", ")} only`);
  }

  async function send(request: Request): Promise<Failure | Response> {
    const read = await readJsonBody(request);
    if (!read.ok) return read.failure;
    const parsed = sendRequestSchema.safeParse(read.json);
    if (!parsed.success) {
      const phoneOnly = parsed.error.issues.every((issue) => issue.path[0] === "phone");
      const phone = (read.json as { phone?: unknown } | null)?.phone;
      if (phoneOnly && typeof phone === "string") {
        return refused(422, "The phone number must be in E.164 form", "invalid_phone");
      }
      return refused(400, invalidFields(parsed.error.issues));
    }
    const { phone, channel, locale } = parsed.data;
    const refusedChannel = unofferedChannel(channel);
    if (refusedChannel) return refusedChannel;
    try {
      takeClientSend();
      const challenge = await service.send({ phone, channel, locale });
      return jsonResponse({ challenge: toWire(challenge, maskPhone(phone)) });
    } catch (thrown) {
      return refusal(thrown);
    }
  }

  async function resend(request: Request): Promise<Failure | Response> {
    const read = await readJsonBody(request);
    if (!read.ok) return read.failure;
    const parsed = resendRequestSchema.safeParse(read.json);
    if (!parsed.success) return refused(400, invalidFields(parsed.error.issues));
    const { challengeId, channel } = parsed.data;
    const refusedChannel = unofferedChannel(channel);
    if (refusedChannel) return refusedChannel;
    try {
      takeClientSend();
      const challenge = await service.resend({ challengeId, channel });
      return jsonResponse({ challenge: toWire(challenge) });
    } catch (thrown) {
      return refusal(thrown);
    }
  }

  async function verify(request: Request): Promise<Failure | Response> {
    const read = await readJsonBody(request);
    if (!read.ok) return read.failure;
    const parsed = verifyRequestSchema.safeParse(read.json);
    if (!parsed.success) return refused(400, invalidFields(parsed.error.issues));
    const { challengeId, code } = parsed.data;
    try {
      const challenge = await service.verify({ challengeId, code });
      const token = mockToken({
        phone: challenge.phone,
        challengeId: challenge.id,
        at: now(),
        ttlSeconds: tokenTtlSeconds,
      });
      const answer: VerifyResponse = { verified: true, token };
      return jsonResponse(answer);
    } catch (thrown) {
      return refusal(thrown);
    }
  }

  /** The development inbox, as the server serves it with the console provider. */
  function devInbox(query: URLSearchParams): Failure | Response {
    const phone = `+${(query.get("phone") ?? "").replace(/\D/g, "")}`;
    if (!E164_PATTERN.test(phone)) {
      return refused(422, "The phone number must be in E.164 form", "invalid_phone");
    }
    return jsonResponse({ messages: inbox.messages(phone).slice(-DEV_INBOX_PER_PHONE) });
  }

  const operations: Readonly<Record<string, (request: Request) => Promise<Failure | Response>>> = {
    send,
    resend,
    verify,
  };

  const methodNotAllowed = (allow: string) =>
    failureResponse(refused(405, `Use ${allow.split(",")[0]}`), { allow });

  async function route(request: Request): Promise<Failure | Response> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(`${basePath}/`)) return refused(404, "No such route");
    const name = url.pathname.slice(basePath.length + 1);
    const operation = Object.hasOwn(operations, name) ? operations[name] : undefined;
    const known = operation !== undefined || name === "dev/inbox";
    if (request.method === "OPTIONS" && known) return new HttpResponse(null, { status: 204 });
    if (name === "dev/inbox") {
      // The simulated phone polls this; knobs leave it alone so faults hit the flow only.
      return request.method === "GET"
        ? devInbox(url.searchParams)
        : methodNotAllowed("GET, OPTIONS");
    }
    if (!operation) return refused(404, "No such route");
    if (request.method !== "POST") return methodNotAllowed("POST, OPTIONS");
    const fault = await knobs.apply();
    if (fault) return fault;
    return operation(request);
  }

  const handlers: HttpHandler[] = [
    http.all(`${base}/*`, async ({ request }) => {
      let outcome: Failure | Response;
      try {
        outcome = await route(request);
      } catch {
        outcome = {
          kind: "config_error",
          status: 500,
          message: "The server could not handle the request",
        };
      }
      return outcome instanceof Response ? outcome : failureResponse(outcome);
    }),
  ];

  return {
    baseUrl,
    handlers,
    knobs,
    scenario(phone, kind, scenarioOptions) {
      const key = normalizePhone(phone);
      if (kind === null) scenarios.delete(key);
      else scenarios.set(key, scenarioFor(kind, scenarioOptions));
    },
    reset() {
      windows.clear();
      service.reset();
      presetScenarios();
      builtIn?.reset();
      knobs.reset();
    },
  };
}
