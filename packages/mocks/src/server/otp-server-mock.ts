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
 */
import {
  DEFAULT_RETRY_AFTER_MS,
  E164_PATTERN,
  maskPhone,
  type OtpAdapter,
  type OtpChallenge,
  type OtpErrorKind,
  resendRequestSchema,
  STATUS_BY_KIND,
  secondsUntil,
  sendRequestSchema,
  toOtpError,
  type VerifyResponse,
  verifyRequestSchema,
  type WireChallenge,
} from "@otpkit/core";
import { type HttpHandler, HttpResponse, http } from "msw";
import { inbox as sharedInbox } from "../inbox";
import { createKnobs, type MockOptions, type ProviderMock } from "../knobs";
import { createInboxAdapter } from "./inbox-adapter";
import { normalizePhone } from "./phone";
import { randomId } from "./random";
import {
  SCENARIO_PHONES,
  type Scenario,
  type ScenarioOptions,
  type ServerOperation,
  scenarioFor,
} from "./scenarios";

export interface OtpServerMockOptions extends MockOptions {
  /** Where the routes live: "/api/otp" (default, same origin) or an absolute URL. */
  baseUrl?: string;
  /**
   * The adapter behind the server. Default: codes generated here and delivered to `inbox`
   * (from "otpkit", provider "server"). Pass `createFakeAdapter({ codes: ["123456"] })`
   * from @otpkit/core/testing for a code everyone knows.
   */
  adapter?: OtpAdapter;
  /** Digits per code of the default adapter. Default 6. */
  codeLength?: number;
  /** Code lifetime of the default adapter. Default 300. */
  ttlSeconds?: number;
  /** First resend cooldown; it doubles with every further send to the number. Default 30. */
  resendSeconds?: number;
  /** Wrong codes accepted per challenge before it locks. Default 5. */
  maxAttempts?: number;
  /** Sends (and resends) per number in `sendWindowSeconds`. Default 5. */
  sendsPerPhone?: number;
  /** Window of the per-number send limit. Default 3600. */
  sendWindowSeconds?: number;
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

interface Live {
  id: string;
  phone: string;
  /** The adapter's own challenge, kept server-side. */
  inner: OtpChallenge;
  expiresAt: number;
  resendAt: number;
  attemptsLeft: number;
  verified: boolean;
}

interface Failure {
  kind: OtpErrorKind;
  retryAfterMs?: number;
  attemptsLeft?: number;
  resendAfterMs?: number;
}

/** Safe English defaults; the UI shows its own text for each kind. */
const MESSAGES: Record<OtpErrorKind, string> = {
  invalid_phone: "The phone number is not valid",
  blocked_phone: "This phone number cannot receive codes",
  rate_limited: "Too many requests; try again later",
  insufficient_quota: "The service is temporarily unavailable",
  auth_failed: "The service is temporarily unavailable",
  config_error: "The request could not be handled",
  not_found: "This code request is no longer valid",
  wrong_code: "The code did not match",
  too_many_attempts: "Too many wrong codes",
  expired: "The code expired",
  already_verified: "This code was already used",
  network: "The SMS provider did not answer",
  provider_error: "The SMS provider failed",
};

export function otpServerMock(options: OtpServerMockOptions = {}): OtpServerMock {
  const {
    baseUrl = "/api/otp",
    inbox = sharedInbox,
    now = Date.now,
    codeLength = 6,
    ttlSeconds = 300,
    resendSeconds = 30,
    maxAttempts = 5,
    sendsPerPhone = 5,
    sendWindowSeconds = 3600,
    referenceCodes = false,
    sender = "otpkit",
    scenarioPhones = true,
  } = options;
  const base = baseUrl.replace(/\/+$/, "");
  const knobs = createKnobs({ latencyMs: options.latencyMs });
  const builtIn = options.adapter
    ? undefined
    : createInboxAdapter({ inbox, now, codeLength, ttlSeconds, referenceCodes, sender });
  const adapter: OtpAdapter = options.adapter ?? (builtIn as OtpAdapter);

  let challenges = new Map<string, Live>();
  /** Times of recent sends per number, oldest first. */
  let sends = new Map<string, number[]>();
  /** The newest challenge per number, for the cooldown between sends. */
  let latest = new Map<string, Live>();
  let scenarios = new Map<string, Scenario>();

  function presetScenarios() {
    scenarios = new Map();
    if (!scenarioPhones) return;
    for (const [kind, phone] of Object.entries(SCENARIO_PHONES)) {
      scenarios.set(phone, scenarioFor(kind as OtpErrorKind));
    }
  }
  presetScenarios();

  /** The scenario answer for this request, if one applies (and counts it down). */
  function scripted(phone: string, operation: ServerOperation): Scenario | undefined {
    const scenario = scenarios.get(normalizePhone(phone));
    if (!scenario || scenario.on !== operation || scenario.remaining <= 0) return undefined;
    scenario.remaining -= 1;
    return scenario;
  }

  function recentSends(phone: string, at: number): number[] {
    const windowStart = at - sendWindowSeconds * 1000;
    const recent = (sends.get(phone) ?? []).filter((time) => time > windowStart);
    sends.set(phone, recent);
    return recent;
  }

  /** Refuses a send to `phone` over the per-number limit. */
  function sendLimit(phone: string, at: number): Failure | undefined {
    const recent = recentSends(phone, at);
    if (recent.length < sendsPerPhone) return undefined;
    const oldest = recent[0] ?? at;
    return { kind: "rate_limited", retryAfterMs: oldest + sendWindowSeconds * 1000 - at };
  }

  /** A new challenge for `phone`; its cooldown doubles with each recent send to the number. */
  function open(phone: string, inner: OtpChallenge, at: number): Live {
    const recent = recentSends(phone, at);
    const cooldownMs = resendSeconds * 1000 * 2 ** recent.length;
    recent.push(at);
    // An expired code may be replaced at once, so the cooldown never outlasts the code.
    const live: Live = {
      id: randomId(),
      phone,
      inner,
      expiresAt: inner.expiresAt,
      resendAt: Math.min(at + cooldownMs, inner.expiresAt),
      attemptsLeft: maxAttempts,
      verified: false,
    };
    challenges.set(live.id, live);
    latest.set(phone, live);
    return live;
  }

  function toWire(live: Live, at: number): WireChallenge {
    const { inner } = live;
    return {
      id: live.id,
      phone: maskPhone(live.phone),
      codeLength: inner.codeLength,
      expiresIn: secondsUntil(live.expiresAt, at),
      resendIn: secondsUntil(live.resendAt, at),
      attemptsLeft: live.attemptsLeft,
      channel: inner.channel,
      ...(inner.channels ? { channels: inner.channels } : {}),
      ...(inner.referenceCode ? { referenceCode: inner.referenceCode } : {}),
    };
  }

  /** The answer for a scripted kind, with the fields the real server would add. */
  function scriptedFailure(kind: OtpErrorKind, live: Live | undefined, at: number): Failure {
    if (kind === "rate_limited") return { kind, retryAfterMs: DEFAULT_RETRY_AFTER_MS };
    if (kind === "too_many_attempts") {
      return { kind, attemptsLeft: 0, resendAfterMs: live ? live.resendAt - at : 0 };
    }
    return { kind };
  }

  /** What a thrown adapter error becomes on the wire. The adapter's message stays here. */
  function fromAdapter(thrown: unknown): Failure {
    const error = toOtpError(thrown);
    return {
      kind: error.kind,
      ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
    };
  }

  /** A wrong code costs an attempt; the last one locks the challenge. */
  function wrongCode(live: Live, at: number): Failure {
    live.attemptsLeft = Math.max(0, live.attemptsLeft - 1);
    if (live.attemptsLeft > 0) return { kind: "wrong_code", attemptsLeft: live.attemptsLeft };
    return locked(live, at);
  }

  const locked = (live: Live, at: number): Failure => ({
    kind: "too_many_attempts",
    attemptsLeft: 0,
    resendAfterMs: Math.max(0, live.resendAt - at),
  });

  async function send(body: unknown, signal: AbortSignal): Promise<Response> {
    const parsed = sendRequestSchema.safeParse(body);
    if (!parsed.success) return fail({ kind: badPhone(body) ? "invalid_phone" : "config_error" });
    const { phone, channel, locale } = parsed.data;
    const scenario = scripted(phone, "send");
    if (scenario) return fail(scriptedFailure(scenario.kind, undefined, now()));

    const at = now();
    const previous = latest.get(phone);
    if (previous && !previous.verified && at < previous.resendAt && at < previous.expiresAt) {
      return fail({ kind: "rate_limited", retryAfterMs: previous.resendAt - at });
    }
    const limited = sendLimit(phone, at);
    if (limited) return fail(limited);

    let inner: OtpChallenge;
    try {
      inner = await adapter.send({ phone, channel, locale, signal });
    } catch (thrown) {
      return fail(fromAdapter(thrown));
    }
    const answeredAt = now();
    return HttpResponse.json({ challenge: toWire(open(phone, inner, answeredAt), answeredAt) });
  }

  async function resend(body: unknown, signal: AbortSignal): Promise<Response> {
    const parsed = resendRequestSchema.safeParse(body);
    if (!parsed.success) return fail({ kind: "config_error" });
    const { challengeId, channel } = parsed.data;
    const live = challenges.get(challengeId);
    if (!live) return fail({ kind: "not_found" });
    const at = now();
    const scenario = scripted(live.phone, "resend");
    if (scenario) return fail(scriptedFailure(scenario.kind, live, at));
    if (live.verified) return fail({ kind: "already_verified" });
    if (at < live.resendAt && at < live.expiresAt) {
      return fail({ kind: "rate_limited", retryAfterMs: live.resendAt - at });
    }
    const limited = sendLimit(live.phone, at);
    if (limited) return fail(limited);

    let inner: OtpChallenge;
    try {
      inner = await adapter.resend({ challenge: live.inner, channel, signal });
    } catch (thrown) {
      return fail(fromAdapter(thrown));
    }
    // The old challenge is gone: its id answers not_found, its code is replaced.
    challenges.delete(live.id);
    const answeredAt = now();
    return HttpResponse.json({
      challenge: toWire(open(live.phone, inner, answeredAt), answeredAt),
    });
  }

  async function verify(body: unknown, signal: AbortSignal): Promise<Response> {
    const parsed = verifyRequestSchema.safeParse(body);
    if (!parsed.success) return fail({ kind: "config_error" });
    const { challengeId, code } = parsed.data;
    const live = challenges.get(challengeId);
    if (!live) return fail({ kind: "not_found" });
    const at = now();
    const scenario = scripted(live.phone, "verify");
    if (scenario?.kind === "wrong_code") return fail(wrongCode(live, at));
    if (scenario) return fail(scriptedFailure(scenario.kind, live, at));
    if (live.verified) return fail({ kind: "already_verified" });
    if (at >= live.expiresAt) return fail({ kind: "expired" });
    if (live.attemptsLeft <= 0) return fail(locked(live, at));

    try {
      await adapter.verify({ challenge: live.inner, code, signal });
    } catch (thrown) {
      const failure = fromAdapter(thrown);
      if (failure.kind === "wrong_code") return fail(wrongCode(live, at));
      if (failure.kind === "too_many_attempts") {
        live.attemptsLeft = 0;
        return fail(locked(live, at));
      }
      return fail(failure);
    }
    live.verified = true;
    const answer: VerifyResponse = { verified: true, token: token(live, at) };
    return HttpResponse.json(answer);
  }

  const protocol = (
    path: string,
    operation: (body: unknown, signal: AbortSignal) => Promise<Response>,
  ): HttpHandler =>
    http.post(`${base}/${path}`, async ({ request }) => {
      const fault = await knobs.apply();
      if (fault) return fault;
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        return fail({ kind: "config_error" });
      }
      return operation(body, request.signal);
    });

  const handlers: HttpHandler[] = [
    protocol("send", send),
    protocol("resend", resend),
    protocol("verify", verify),
    // The simulated phone polls this; knobs leave it alone so faults hit the flow only.
    http.get(`${base}/dev/inbox`, ({ request }) => {
      const phone = normalizePhone(new URL(request.url).searchParams.get("phone") ?? "");
      if (!E164_PATTERN.test(phone)) return fail({ kind: "invalid_phone" });
      return HttpResponse.json({ messages: inbox.messages(phone) });
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
      challenges = new Map();
      sends = new Map();
      latest = new Map();
      presetScenarios();
      builtIn?.reset();
      knobs.reset();
    },
  };
}

/** The wire's failure body, with the kind's status and Retry-After on 429. */
function fail(failure: Failure): Response {
  const { kind } = failure;
  const status = STATUS_BY_KIND[kind];
  const retryAfter = seconds(failure.retryAfterMs);
  const resendIn = seconds(failure.resendAfterMs);
  const wait = retryAfter ?? resendIn ?? (status === 429 ? DEFAULT_RETRY_AFTER_MS / 1000 : 0);
  return HttpResponse.json(
    {
      error: {
        kind,
        message: MESSAGES[kind],
        ...(retryAfter === undefined ? {} : { retryAfter }),
        ...(failure.attemptsLeft === undefined ? {} : { attemptsLeft: failure.attemptsLeft }),
        ...(resendIn === undefined ? {} : { resendIn }),
      },
    },
    { status, headers: status === 429 ? { "retry-after": String(wait) } : {} },
  );
}

const seconds = (ms: number | undefined) =>
  ms === undefined ? undefined : Math.max(0, Math.ceil(ms / 1000));

/** A phone that is present but not E.164 is the user's mistake, not a malformed request. */
const badPhone = (body: unknown) =>
  typeof (body as { phone?: unknown } | null)?.phone === "string" &&
  !E164_PATTERN.test((body as { phone: string }).phone);

/** Stands in for the server's signed token: readable, not signed. Never trust it. */
function token(live: Live, at: number): string {
  const claims = JSON.stringify({ sub: live.phone, challengeId: live.id, verifiedAt: at });
  const base64url = btoa(claims).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  return `mock.${base64url}`;
}
