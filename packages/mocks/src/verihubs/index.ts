/**
 * Verihubs OTP (SMS v2 and WhatsApp) as MSW handlers, behaving as documented: a fresh code per
 * send delivered to the simulated inbox, expiry on the injected clock, a new send replacing
 * the previous code, the `App-ID`/`API-Key` check with Verihubs' own 401 body, quota, block
 * lists, a per-number send cooldown, delivery callbacks, and the sandbox paths answering only
 * from the documented magic-number tables.
 */
import { type HttpHandler, HttpResponse, http } from "msw";
import { inbox as sharedInbox } from "../inbox";
import { createKnobs, type MockOptions, type ProviderMock } from "../knobs";

export const VERIHUBS_MOCK_BASE_URL = "https://api.verihubs.com";

/** The App-ID and API-Key the mock accepts unless told otherwise. */
export const VERIHUBS_MOCK_CREDENTIALS = {
  appId: "otpkit-test-app-id",
  apiKey: "otpkit-test-api-key",
} as const;

/** The account's default SMS template (used when a send has no `template`). */
export const VERIHUBS_DEFAULT_TEMPLATE =
  "Kode OTP Anda $OTP. Jangan berikan kode ini kepada siapa pun.";

/** What the WhatsApp authentication template reads like on the phone. */
const WHATSAPP_TEXT = "*$OTP* adalah kode verifikasi Anda. Demi keamanan, jangan bagikan kode ini.";

/** Message texts exactly as Verihubs documents them (including the leading space). */
export const VERIHUBS_MESSAGES = {
  sent: "OTP sent successfully",
  verified: "OTP has been verified",
  msisdnInvalid: "Msisdn invalid: msisdn length should between 4-16 characters",
  validation: "Validation error",
  auth: "Authorization failed",
  sandboxQuota: "OTP testing quota is insufficient",
  quota: "Quota insufficient",
  blocked: "Msisdn invalid: msisdn has been blocked",
  rateLimited: "Too many request in the allowed time frame",
  notFound: "OTP not found",
  sandboxNotFound: " OTP not found",
  expired: "OTP cannot be verified because Time limit exceeded",
  invalidScenario: "Invalid scenario",
} as const;

/** Documented sandbox numbers. */
export const VERIHUBS_SANDBOX = {
  send: {
    sent: "6282123060001",
    invalidMsisdn: "6282123060002",
    badHeaders: "6282123060003",
    quota: "6282123060004",
    blocked: "6282123060005",
    rateLimited: "6282123060006",
  },
  verify: { verified: "6282123060007", notFound: "6282123060008", expired: "6282123060009" },
} as const;

/** Project convention: production-like numbers with a fixed delivery outcome. */
export const VERIHUBS_MAGIC = {
  /** Sent, then reported `7` Undelivered. */
  undelivered: "6289900000007",
  /** Blocked: a send gets 409 and reports `9` Blocked. */
  blocked: "6289900000009",
} as const;

/** SMS callback statuses. */
export const VERIHUBS_STATUS = {
  requested: 0,
  delivered: 1,
  verified: 2,
  notVerified: 3,
  failed: 4,
  requestError: 5,
  rejected: 6,
  undelivered: 7,
  noDeliveryReport: 8,
  blocked: 9,
} as const;

export type VerihubsMockChannel = "sms" | "whatsapp";

export interface VerihubsMockOptions extends MockOptions {
  /** Accepted `App-ID`. Default `VERIHUBS_MOCK_CREDENTIALS.appId`. */
  appId?: string;
  /** Accepted `API-Key`. Default `VERIHUBS_MOCK_CREDENTIALS.apiKey`. */
  apiKey?: string;
  /** Digits in codes the mock makes (the account's "Custom OTP Config"). Default 6. */
  codeLength?: number;
  /** Lifetime when a send has no `time_limit`. Default 300 s. */
  defaultTimeLimitSeconds?: number;
  /** Wrong verifies after which every verify of that OTP gets 404. Default off (undocumented). */
  maxAttempts?: number;
  /** A second send to the same number and label within this time gets 429. Default 60 s. */
  cooldownSeconds?: number;
  /** Sends left before 403. Default 100. */
  quota?: number;
  /** Numbers (msisdn, digits only) on the block list. */
  blocked?: string[];
  /** The account's default SMS template. */
  template?: string;
}

export interface VerihubsReceivedRequest {
  method: string;
  /** Path without the host, e.g. "/v2/otp/send". */
  path: string;
  channel: VerihubsMockChannel;
  operation: "send" | "verify";
  sandbox: boolean;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
}

export interface VerihubsMock extends ProviderMock {
  /** Every request the handlers received, oldest first (cleared by `reset`). */
  readonly requests: readonly VerihubsReceivedRequest[];
  /** The live code for a number (with or without "+") and label, as the phone shows it. */
  peekCode(msisdn: string, challenge?: string, channel?: VerihubsMockChannel): string | undefined;
  /** Moves the mock's clock forward (on top of `now`) and reports expired OTPs to callbacks. */
  advanceTime(ms: number): void;
  setQuota(quota: number): void;
  block(msisdn: string): void;
  /** Requests `callback_url?session_id=…&status=N` (GET) for a session that had a callback_url. */
  emitStatus(sessionId: string, status: number): Promise<void>;
  /** Resolves once every callback request started so far has finished. */
  callbacksSettled(): Promise<void>;
}

interface OtpRecord {
  code: string;
  sessionId: string;
  createdAt: number;
  expiresAt: number;
  status: "active" | "verified";
  sendCount: number;
  lastSentAt: number;
  wrongAttempts: number;
  callbackUrl: string | undefined;
  expiryReported: boolean;
}

type Body = Record<string, unknown>;

const MSISDN = /^\d{4,16}$/;
const DIGITS = /^\d+$/;

const answer = (status: number, message: string, extra: Body = {}) =>
  HttpResponse.json({ message, ...extra }, { status });

const randomCode = (length: number) =>
  Array.from({ length }, () => Math.floor(Math.random() * 10)).join("");

const optionalString = (value: unknown) => value === undefined || typeof value === "string";

export function verihubsMock(options: VerihubsMockOptions = {}): VerihubsMock {
  const {
    appId = VERIHUBS_MOCK_CREDENTIALS.appId,
    apiKey = VERIHUBS_MOCK_CREDENTIALS.apiKey,
    codeLength = 6,
    defaultTimeLimitSeconds = 300,
    maxAttempts,
    cooldownSeconds = 60,
    template: defaultTemplate = VERIHUBS_DEFAULT_TEMPLATE,
  } = options;
  const base = (options.baseUrl ?? VERIHUBS_MOCK_BASE_URL).replace(/\/+$/, "");
  const inbox = options.inbox ?? sharedInbox;
  const knobs = createKnobs({ latencyMs: options.latencyMs ?? 0 });

  let offsetMs = 0;
  const clock = () => (options.now ?? Date.now)() + offsetMs;

  const otps = new Map<string, OtpRecord>();
  const callbackUrls = new Map<string, string>();
  const blocked = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  const requests: VerihubsReceivedRequest[] = [];
  let quota = 0;

  function clearState() {
    otps.clear();
    callbackUrls.clear();
    blocked.clear();
    for (const msisdn of options.blocked ?? []) blocked.add(msisdn.replace(/\D/g, ""));
    blocked.add(VERIHUBS_MAGIC.blocked);
    requests.length = 0;
    quota = options.quota ?? 100;
    offsetMs = 0;
  }
  clearState();

  const keyOf = (channel: VerihubsMockChannel, msisdn: string, challenge: unknown) =>
    `${channel === "sms" ? "" : `${channel}:`}${msisdn}|${typeof challenge === "string" ? challenge : ""}`;

  function emitStatus(sessionId: string, status: number): Promise<void> {
    const callbackUrl = callbackUrls.get(sessionId);
    if (!callbackUrl) return Promise.resolve();
    const target = new URL(callbackUrl);
    target.searchParams.set("session_id", sessionId);
    target.searchParams.set("status", String(status));
    const request = fetch(target, { method: "GET" }).then(
      async (response) => {
        await response.body?.cancel();
      },
      () => {},
    );
    inFlight.add(request);
    return request.finally(() => inFlight.delete(request));
  }

  /** Each session's reports, in order: a later report waits for the earlier ones. */
  const reportTails = new Map<string, Promise<void>>();

  /** Reports statuses one after the other, without holding up the answer. */
  function report(sessionId: string, statuses: number[]) {
    const sequence = statuses.reduce<Promise<void>>(
      (previous, status) => previous.then(() => emitStatus(sessionId, status)),
      reportTails.get(sessionId) ?? Promise.resolve(),
    );
    reportTails.set(sessionId, sequence);
    inFlight.add(sequence);
    void sequence.finally(() => {
      inFlight.delete(sequence);
      if (reportTails.get(sessionId) === sequence) reportTails.delete(sessionId);
    });
  }

  function reportExpired() {
    const at = clock();
    for (const record of otps.values()) {
      if (record.status === "active" && !record.expiryReported && at >= record.expiresAt) {
        record.expiryReported = true;
        if (record.callbackUrl) report(record.sessionId, [VERIHUBS_STATUS.notVerified]);
      }
    }
  }

  const authorized = (request: Request) =>
    request.headers.get("app-id") === appId && request.headers.get("api-key") === apiKey;

  async function receive(
    request: Request,
    route: Pick<VerihubsReceivedRequest, "channel" | "operation" | "sandbox">,
  ): Promise<Body | undefined> {
    const text = await request.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {}
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    requests.push({
      method: request.method,
      path: new URL(request.url).pathname,
      headers,
      body,
      ...route,
    });
    return body !== null && typeof body === "object" && !Array.isArray(body)
      ? (body as Body)
      : undefined;
  }

  function sendAnswer(msisdn: string, code: string, sessionId: string, tryCount: number) {
    return answer(201, VERIHUBS_MESSAGES.sent, {
      otp: code,
      msisdn,
      session_id: sessionId,
      try_count: tryCount,
      segment_count: 1,
    });
  }

  function sandboxSend(channel: VerihubsMockChannel, msisdn: unknown): Response {
    const numbers = VERIHUBS_SANDBOX.send;
    switch (msisdn) {
      case numbers.sent:
        return sendAnswer(numbers.sent, randomCode(codeLength), crypto.randomUUID(), 1);
      case numbers.invalidMsisdn:
        return answer(
          400,
          channel === "sms" ? VERIHUBS_MESSAGES.msisdnInvalid : VERIHUBS_MESSAGES.validation,
        );
      case numbers.badHeaders:
        return answer(401, VERIHUBS_MESSAGES.auth);
      case numbers.quota:
        return answer(
          403,
          channel === "sms" ? VERIHUBS_MESSAGES.sandboxQuota : VERIHUBS_MESSAGES.quota,
        );
      case numbers.blocked:
        return answer(409, VERIHUBS_MESSAGES.blocked);
      case numbers.rateLimited:
        return answer(429, VERIHUBS_MESSAGES.rateLimited);
      default:
        return answer(400, VERIHUBS_MESSAGES.invalidScenario);
    }
  }

  function sandboxVerify(msisdn: unknown): Response {
    const numbers = VERIHUBS_SANDBOX.verify;
    switch (msisdn) {
      case numbers.verified:
        return answer(200, VERIHUBS_MESSAGES.verified);
      case numbers.notFound:
        return answer(404, VERIHUBS_MESSAGES.sandboxNotFound);
      case numbers.expired:
        return answer(422, VERIHUBS_MESSAGES.expired);
      default:
        return answer(400, VERIHUBS_MESSAGES.invalidScenario);
    }
  }

  function send(channel: VerihubsMockChannel, body: Body | undefined): Response {
    if (!body) return answer(400, VERIHUBS_MESSAGES.validation);
    const { msisdn, otp, time_limit, template, challenge, callback_url } = body;
    if (typeof msisdn !== "string" || !MSISDN.test(msisdn)) {
      return answer(400, VERIHUBS_MESSAGES.msisdnInvalid);
    }
    const valid =
      (otp === undefined || (typeof otp === "string" && /^\d{4,10}$/.test(otp))) &&
      (time_limit === undefined ||
        (typeof time_limit === "string" && DIGITS.test(time_limit) && Number(time_limit) > 0)) &&
      (template === undefined || (typeof template === "string" && template.includes("$OTP"))) &&
      optionalString(challenge) &&
      optionalString(callback_url) &&
      (channel === "sms" ||
        (optionalString(body.template_name) &&
          optionalString(body.lang_code) &&
          // lang_code picks the language of template_name, so one needs the other.
          (body.template_name === undefined) === (body.lang_code === undefined)));
    if (!valid) return answer(400, VERIHUBS_MESSAGES.validation);
    const callbackUrl = typeof callback_url === "string" ? callback_url : undefined;

    if (blocked.has(msisdn)) {
      if (callbackUrl) {
        const sessionId = crypto.randomUUID();
        callbackUrls.set(sessionId, callbackUrl);
        report(sessionId, [VERIHUBS_STATUS.blocked]);
      }
      return answer(409, VERIHUBS_MESSAGES.blocked);
    }
    if (quota <= 0) return answer(403, VERIHUBS_MESSAGES.quota);

    const at = clock();
    const key = keyOf(channel, msisdn, challenge);
    const previous = otps.get(key);
    if (previous && at - previous.lastSentAt < cooldownSeconds * 1000) {
      return answer(429, VERIHUBS_MESSAGES.rateLimited);
    }

    const code = typeof otp === "string" ? otp : randomCode(codeLength);
    const record: OtpRecord = {
      code,
      sessionId: crypto.randomUUID(),
      createdAt: at,
      expiresAt:
        at + (typeof time_limit === "string" ? Number(time_limit) : defaultTimeLimitSeconds) * 1000,
      status: "active",
      sendCount: (previous?.sendCount ?? 0) + 1,
      lastSentAt: at,
      wrongAttempts: 0,
      callbackUrl,
      expiryReported: false,
    };
    // A new send replaces the previous OTP for the same number and label (Assumption).
    otps.set(key, record);
    quota -= 1;

    const text = (
      channel === "sms"
        ? typeof template === "string"
          ? template
          : defaultTemplate
        : WHATSAPP_TEXT
    ).replaceAll("$OTP", code);
    inbox.deliver({ to: `+${msisdn}`, from: "Verihubs", text, provider: "verihubs", channel, at });

    if (callbackUrl) {
      callbackUrls.set(record.sessionId, callbackUrl);
      const outcome =
        msisdn === VERIHUBS_MAGIC.undelivered
          ? VERIHUBS_STATUS.undelivered
          : VERIHUBS_STATUS.delivered;
      report(record.sessionId, [VERIHUBS_STATUS.requested, outcome]);
    }
    return sendAnswer(msisdn, code, record.sessionId, record.sendCount);
  }

  function verify(channel: VerihubsMockChannel, body: Body | undefined): Response {
    if (!body) return answer(400, VERIHUBS_MESSAGES.validation);
    const { msisdn, otp, challenge } = body;
    if (typeof msisdn !== "string" || typeof otp !== "string" || !optionalString(challenge)) {
      return answer(400, VERIHUBS_MESSAGES.validation);
    }
    const record = otps.get(keyOf(channel, msisdn, challenge));
    if (record?.status !== "active") return answer(404, VERIHUBS_MESSAGES.notFound);
    if (maxAttempts !== undefined && record.wrongAttempts >= maxAttempts) {
      return answer(404, VERIHUBS_MESSAGES.notFound);
    }
    if (clock() >= record.expiresAt) {
      reportExpired();
      return answer(422, VERIHUBS_MESSAGES.expired);
    }
    if (otp !== record.code) {
      record.wrongAttempts += 1;
      return answer(404, VERIHUBS_MESSAGES.notFound);
    }
    record.status = "verified";
    if (record.callbackUrl) report(record.sessionId, [VERIHUBS_STATUS.verified]);
    return answer(200, VERIHUBS_MESSAGES.verified);
  }

  const routes: { channel: VerihubsMockChannel; operation: "send" | "verify"; path: string }[] = [
    { channel: "sms", operation: "send", path: "/v2/otp/send" },
    { channel: "sms", operation: "verify", path: "/v2/otp/verify" },
    { channel: "whatsapp", operation: "send", path: "/v1/whatsapp/otp/send" },
    { channel: "whatsapp", operation: "send", path: "/v2/whatsapp/otp/send" },
    { channel: "whatsapp", operation: "verify", path: "/v1/whatsapp/otp/verify" },
  ];

  const handlers: HttpHandler[] = routes.flatMap(({ channel, operation, path }) =>
    [false, true].map((sandbox) =>
      http.post(`${base}${path}${sandbox ? "/sandbox" : ""}`, async ({ request }) => {
        const fault = await knobs.apply();
        if (fault) return fault;
        const body = await receive(request, { channel, operation, sandbox });
        if (!authorized(request)) return answer(401, VERIHUBS_MESSAGES.auth);
        if (sandbox) {
          return operation === "send"
            ? sandboxSend(channel, body?.msisdn)
            : sandboxVerify(body?.msisdn);
        }
        return operation === "send" ? send(channel, body) : verify(channel, body);
      }),
    ),
  );

  return {
    handlers,
    knobs,
    requests,
    peekCode(msisdn, challenge, channel = "sms") {
      const record = otps.get(keyOf(channel, msisdn.replace(/\D/g, ""), challenge));
      return record?.status === "active" && clock() < record.expiresAt ? record.code : undefined;
    },
    advanceTime(ms) {
      offsetMs += ms;
      reportExpired();
    },
    setQuota(value) {
      quota = value;
    },
    block(msisdn) {
      blocked.add(msisdn.replace(/\D/g, ""));
    },
    emitStatus,
    async callbacksSettled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    reset() {
      clearState();
      knobs.reset();
    },
  };
}
