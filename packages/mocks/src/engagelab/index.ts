/**
 * EngageLab's OTP API as documented (shared/providers/engagelab.md), for MSW: Basic auth
 * with its own 401/403 bodies, templates with code type/length/lifetime, a fresh code per
 * send delivered to the simulated inbox, expiry on the injected clock, single use, and the
 * documented error codes reachable from realistic inputs.
 *
 * Magic recipients (our convention, after the vendor guide's sandbox):
 * - `+10000000001` -> 5011, `+10000000011` -> 5013, `+10000000012` -> 5019, `+10000000099` -> 3004
 * - `+10000000005` always gets the code `123456` (first `codeLength` of "1234567890")
 * - `+1000000CCCC` answers with send code CCCC for every documented send-side code
 *   (1000, 3004, 5001, 5011 to 5020), for example `+10000005012` -> 5012 recipient unreachable
 */
import { HttpResponse, http } from "msw";
import { inbox as sharedInbox } from "../inbox";
import { createKnobs, type MockOptions, type ProviderMock } from "../knobs";

export const ENGAGELAB_MOCK_BASE_URL = "https://otp.api.engagelab.cc";

export interface EngageLabMockCredential {
  devKey: string;
  devSecret: string;
  /** A disabled or expired key: 401 `2002`. */
  disabled?: boolean;
  /** APIs this key may call (default all); others get 403 `2004`. */
  apis?: EngageLabApi[];
  /** Permission to send to China (+86). Default true; without it, 400 `5017`. */
  china?: boolean;
}

export type EngageLabApi = "messages" | "codes" | "verifications";

/** The fixed test credentials the mock accepts unless given others. */
export const ENGAGELAB_MOCK_CREDENTIALS = { devKey: "dev-key", devSecret: "dev-secret" } as const;

export interface EngageLabMockTemplate {
  /** `template_id`. */
  id: string;
  /** `verify_code_type` bitmask: 1 digits, 2 lowercase, 4 uppercase. Default 1. */
  codeType?: number;
  /** `verify_code_len`, 4 to 10. Default: the mock's `codeLength`. */
  codeLength?: number;
  /** `verify_code_ttl` in minutes, 1 to 10. Default: the mock's `ttlMinutes`. */
  ttlMinutes?: number;
  /** `send_channel_strategy`, for example `"whatsapp|sms"`. Default `"sms"`. */
  strategy?: string;
  /** `brand_name`, shown as the SMS sender. Default "EngageLab". */
  brandName?: string;
}

export const ENGAGELAB_MOCK_TEMPLATE_ID = "test-template-1";

export interface EngageLabMockOptions extends MockOptions {
  /** Keys the mock accepts. Default `[ENGAGELAB_MOCK_CREDENTIALS]`. */
  credentials?: EngageLabMockCredential[];
  /** Templates that exist. Default `[{ id: "test-template-1" }]`. */
  templates?: EngageLabMockTemplate[];
  /** Code length for templates that do not set one. Default 6. */
  codeLength?: number;
  /** Code lifetime in minutes for templates that do not set one. Default 5. */
  ttlMinutes?: number;
  /**
   * Wrong codes allowed per message before every later verify gets `3003`. EngageLab does
   * not document a limit, so the default is no limit.
   */
  maxAttempts?: number;
  /**
   * A second send to the same recipient and template within this many seconds gets
   * `3004` (**Assumption**: the real window is not documented). Default 60; 0 turns it off.
   */
  rateLimitSeconds?: number;
}

export interface EngageLabMock extends ProviderMock {
  /** The code a message carries (for letter codes, which `codeFromText` cannot read). */
  peekCode(messageId: string): string | undefined;
  /** Every request body the mock received, oldest first, with its path and headers. */
  readonly requests: EngageLabMockRequest[];
}

export interface EngageLabMockRequest {
  path: string;
  headers: Headers;
  body: unknown;
}

interface Message {
  to: string;
  templateId: string;
  code: string;
  custom: boolean;
  createdAt: number;
  expiresAt: number;
  status: "active" | "verified";
  wrongAttempts: number;
}

const LANGUAGES = ["default", "zh_CN", "zh_HK", "en", "ja", "th", "es"];
const PHONE = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FIRST_MESSAGE_ID = 1725407449772531712n;

/** Send-side codes: HTTP status and message, as the API reference and vendor guide give them. */
const SEND_FAILURES: Readonly<Record<number, { status: number; message: string }>> = {
  1000: { status: 500, message: "internal error" },
  3004: { status: 400, message: "rate limited" },
  5001: { status: 400, message: "send failed" },
  5011: { status: 400, message: "invalid phone number format" },
  5012: { status: 400, message: "recipient unreachable" },
  5013: { status: 400, message: "phone number is blacklisted" },
  5014: { status: 400, message: "content violates policy" },
  5015: { status: 400, message: "message intercepted or rejected" },
  5016: { status: 400, message: "internal send error" },
  5017: { status: 400, message: "no permission to send to the China region" },
  5018: { status: 400, message: "handset powered off or suspended" },
  5019: { status: 400, message: "user unsubscribed" },
  5020: { status: 400, message: "phone number unregistered or empty" },
};

/** Recipients from the vendor guide's sandbox, reused as our own convention. */
const MAGIC_RECIPIENTS: Readonly<Record<string, number>> = {
  "+10000000001": 5011,
  "+10000000011": 5013,
  "+10000000012": 5019,
  "+10000000099": 3004,
};
const DEMO_RECIPIENT = "+10000000005";

const fail = (status: number, code: number, message: string) =>
  HttpResponse.json({ code, message }, { status });

const sendFailure = (code: number) => {
  const failure = SEND_FAILURES[code] ?? { status: 400, message: "send failed" };
  return fail(failure.status, code, failure.message);
};

function magicCode(to: string): number | undefined {
  const named = MAGIC_RECIPIENTS[to];
  if (named !== undefined) return named;
  const match = /^\+1000000(\d{4})$/.exec(to);
  const code = match ? Number(match[1]) : undefined;
  return code !== undefined && code in SEND_FAILURES ? code : undefined;
}

const ALPHABETS = [
  [1, "0123456789"],
  [2, "abcdefghijklmnopqrstuvwxyz"],
  [4, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"],
] as const;

function generateCode(codeType: number, length: number): string {
  const alphabet = ALPHABETS.filter(([bit]) => codeType & bit)
    .map(([, letters]) => letters)
    .join("");
  const pool = alphabet || ALPHABETS[0][1];
  const random = new Uint32Array(length);
  crypto.getRandomValues(random);
  return Array.from(random, (n) => pool[n % pool.length]).join("");
}

/** SMS wording per template language, as a brand's authentication template would read. */
function smsText(language: string, code: string, minutes: number): string {
  switch (language) {
    case "zh_CN":
      return `您的验证码是 ${code}，${minutes}分钟内有效。`;
    case "zh_HK":
      return `您的驗證碼是 ${code}，${minutes}分鐘內有效。`;
    case "th":
      return `รหัสยืนยันของคุณคือ ${code} หมดอายุใน ${minutes} นาที`;
    default:
      return `Your verification code is ${code}. It expires in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isStringMap = (value: unknown) =>
  isRecord(value) && Object.values(value).every((entry) => typeof entry === "string");

/** `dev_key:dev_secret` from a Basic header, or undefined when missing or malformed. */
function basicCredentials(
  header: string | null,
): { devKey: string; devSecret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/]+={0,2})$/i.exec(header ?? "");
  if (!match?.[1]) return undefined;
  let decoded: string;
  try {
    decoded = new TextDecoder().decode(Uint8Array.from(atob(match[1]), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(":");
  if (colon <= 0) return undefined;
  return { devKey: decoded.slice(0, colon), devSecret: decoded.slice(colon + 1) };
}

export function engagelabMock(options: EngageLabMockOptions = {}): EngageLabMock {
  const {
    inbox = sharedInbox,
    now = Date.now,
    baseUrl = ENGAGELAB_MOCK_BASE_URL,
    codeLength = 6,
    ttlMinutes = 5,
    maxAttempts,
    rateLimitSeconds = 60,
  } = options;
  const base = baseUrl.replace(/\/+$/, "");
  const knobs = createKnobs({ latencyMs: options.latencyMs ?? 0 });
  const credentials: EngageLabMockCredential[] = options.credentials ?? [
    ENGAGELAB_MOCK_CREDENTIALS,
  ];
  const templates = new Map(
    (options.templates ?? [{ id: ENGAGELAB_MOCK_TEMPLATE_ID }]).map((template) => [
      template.id,
      {
        codeType: 1,
        codeLength,
        ttlMinutes,
        strategy: "sms",
        brandName: "EngageLab",
        ...template,
      },
    ]),
  );
  const messages = new Map<string, Message>();
  const lastSend = new Map<string, number>();
  const requests: EngageLabMockRequest[] = [];
  // Monotonic across reset(), so a message_id from before a reset never names a new message.
  let nextMessageId = FIRST_MESSAGE_ID;

  /** Auth and body checks every endpoint shares: the parsed body, or the failure answer. */
  async function admit(
    request: Request,
    api: EngageLabApi,
  ): Promise<
    { body: Record<string, unknown>; credential: EngageLabMockCredential } | { failure: Response }
  > {
    const text = await request.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    requests.push({ path: new URL(request.url).pathname, headers: request.headers, body });
    const presented = basicCredentials(request.headers.get("authorization"));
    const credential = credentials.find(
      (known) => known.devKey === presented?.devKey && known.devSecret === presented?.devSecret,
    );
    if (!credential) return { failure: fail(401, 2001, "authentication failed") };
    if (credential.disabled) {
      return { failure: fail(401, 2002, "authentication failed, token expired or disabled") };
    }
    if (credential.apis && !credential.apis.includes(api)) {
      return { failure: fail(403, 2004, "no permission to call this api") };
    }
    if (body === undefined) return { failure: fail(400, 3001, "invalid json body") };
    if (!isRecord(body)) return { failure: fail(400, 3002, "invalid parameters") };
    return { body, credential };
  }

  async function send(request: Request, api: "messages" | "codes"): Promise<Response> {
    const admitted = await admit(request, api);
    if ("failure" in admitted) return admitted.failure;
    const { body, credential } = admitted;
    const { to, template, code } = body;
    if (typeof to !== "string" || !to || !isRecord(template) || typeof template.id !== "string") {
      return fail(400, 3002, "invalid parameters");
    }
    if (template.id === "") return fail(400, 3002, "invalid parameters");
    const language = template.language ?? "default";
    if (typeof language !== "string" || !LANGUAGES.includes(language)) {
      return fail(400, 3002, "invalid parameters: language");
    }
    if (template.params !== undefined && !isStringMap(template.params)) {
      return fail(400, 3002, "invalid parameters: params");
    }
    if (api === "codes" && (typeof code !== "string" || code === "")) {
      return fail(400, 3002, "invalid parameters: code");
    }
    const config = templates.get(template.id);
    if (!config) return fail(400, 4001, "template not found");

    const email = EMAIL.test(to);
    if (!email && !PHONE.test(to)) return sendFailure(5011);
    const strategy = config.strategy.split("|").filter(Boolean);
    const channel = strategy.find((name) => (name === "email") === email);
    if (!channel) return sendFailure(5011);
    const magic = magicCode(to);
    if (magic !== undefined) return sendFailure(magic);
    if (to.startsWith("+86") && credential.china === false) return sendFailure(5017);

    const at = now();
    const key = `${to}\n${template.id}`;
    const previous = lastSend.get(key);
    if (rateLimitSeconds > 0 && previous !== undefined && at - previous < rateLimitSeconds * 1000) {
      return sendFailure(3004);
    }
    lastSend.set(key, at);

    const delivered =
      typeof code === "string"
        ? code
        : to === DEMO_RECIPIENT
          ? "1234567890".slice(0, config.codeLength)
          : generateCode(config.codeType, config.codeLength);
    const messageId = String(nextMessageId++);
    messages.set(messageId, {
      to,
      templateId: template.id,
      code: delivered,
      custom: api === "codes",
      createdAt: at,
      expiresAt: at + config.ttlMinutes * 60_000,
      status: "active",
      wrongAttempts: 0,
    });
    if (!email) {
      inbox.deliver({
        to,
        from: config.brandName,
        text: smsText(language, delivered, config.ttlMinutes),
        provider: "engagelab",
        channel,
        at,
      });
    }
    return HttpResponse.json({ message_id: messageId, send_channel: channel });
  }

  async function verify(request: Request): Promise<Response> {
    const admitted = await admit(request, "verifications");
    if ("failure" in admitted) return admitted.failure;
    const { message_id: messageId, verify_code: code } = admitted.body;
    if (typeof messageId !== "string" || !messageId || typeof code !== "string" || !code) {
      return fail(400, 3002, "invalid parameters");
    }
    const message = messages.get(messageId);
    if (!message || message.custom) return fail(400, 4001, "message does not exist");
    if (message.status === "verified") return fail(400, 3003, "verify code has been verified");
    if (now() >= message.expiresAt) return fail(400, 3003, "verify code has expired");
    if (maxAttempts !== undefined && message.wrongAttempts >= maxAttempts) {
      return fail(400, 3003, "verify code is no longer valid, send a new message");
    }
    const verified = code === message.code;
    if (verified) message.status = "verified";
    else message.wrongAttempts += 1;
    return HttpResponse.json({ message_id: messageId, verify_code: code, verified });
  }

  const handlers = [
    http.post(`${base}/v1/messages`, async ({ request }) => {
      const fault = await knobs.apply();
      if (fault) return fault;
      return send(request, "messages");
    }),
    http.post(`${base}/v1/codes`, async ({ request }) => {
      const fault = await knobs.apply();
      if (fault) return fault;
      return send(request, "codes");
    }),
    http.post(`${base}/v1/verifications`, async ({ request }) => {
      const fault = await knobs.apply();
      if (fault) return fault;
      return verify(request);
    }),
  ];

  return {
    handlers,
    knobs,
    requests,
    peekCode: (messageId) => messages.get(messageId)?.code,
    reset() {
      messages.clear();
      lastSend.clear();
      requests.length = 0;
      knobs.reset();
    },
  };
}
