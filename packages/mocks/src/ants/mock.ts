/**
 * MSW handlers that behave like the ANTS OTP API as documented (requestOTP, resendOTP,
 * verifyOTP), quirks included: business errors as HTTP 200 with an `error` object that
 * carries no code, the `" isErrorCount"` key with a leading space, and Basic auth.
 * See shared/providers/ants.md ("Mock behaviour").
 */
import { type HttpHandler, HttpResponse, http } from "msw";
import { inbox as sharedInbox } from "../inbox";
import { createKnobs, type MockOptions, type ProviderMock } from "../knobs";
import {
  type AntsDeliveryReport,
  type AntsDeliveryStatus,
  DELIVERY_STATUS,
  encodeReport,
  formatDate,
} from "./delivery-report";
import { base64, isObject, type Json, parseJson, randomInts } from "./support";

export const ANTS_MOCK_BASE_URL = "https://api-service.ants.co.th";

/** The only credentials the mock accepts unless told otherwise. */
export const ANTS_MOCK_CREDENTIALS = { username: "ants-user", password: "ants-pass" } as const;

/** The `otcId` from ANTS's docs; the mock knows it unless told otherwise. */
export const ANTS_MOCK_OTC_ID = "0DC8E7AD-0168-440C-AF10-BF556B164D83";

/** Project convention, not ANTS's: delivery reports for these numbers fail or never come. */
export const ANTS_UNDELIVERED_MOBILE = "66900000002";
export const ANTS_SILENT_MOBILE = "66900000003";

/** ANTS's status table, code -> English name (the only thing its error body carries). */
export const ANTS_ERRORS = {
  "9999": "Exception",
  "9998": "Authentication failed",
  "9996": "Bad Request",
  "9995": "Credit not enough",
  "0301": "Invalid OTP Config",
  "0302": "Number Prefix Missing",
  "0303": "No Data Available OTP",
  "0304": "Over Limit Usage",
  "0305": "OTP Code Expired",
  "0306": "OTP Code Confirmed",
  "0307": "Invalid Number",
} as const;

export type AntsErrorCode = keyof typeof ANTS_ERRORS;

export interface AntsMockOptions extends MockOptions {
  /** Accepted Basic credentials. Default `ANTS_MOCK_CREDENTIALS`. */
  credentials?: { username: string; password: string };
  /** OTP configurations that exist. Default `[ANTS_MOCK_OTC_ID]`. */
  knownOtcIds?: string[];
  /** Digits per code. Default 6 (ANTS's own sample has 5). */
  codeLength?: number;
  /** Code lifetime. Default 300. */
  ttlSeconds?: number;
  /** Wrong codes before the OTP locks. Default 5. */
  maxAttempts?: number;
  /** Minimum gap between sends to one number (request or resend). Default 60. */
  resendCooldownSeconds?: number;
  /** Resends per OTP. Default 3. */
  maxResends?: number;
  /** Account credit; each SMS costs 1. Default 100. */
  credit?: number;
  /** Accept the docs' own broken samples (trailing comma, missing comma). Default false. */
  lenientJson?: boolean;
  /** HTTP status of business errors. Default 200, as the docs' samples suggest. */
  errorHttpStatus?: 200 | 400;
  /** Add a `"code": "0301"`-style field to answers (ANTS's samples have none). Default false. */
  includeCode?: boolean;
  /** Give a resent OTP a new `otpId`. Default false (the docs' samples repeat it). */
  newOtpIdOnResend?: boolean;
  /** How verify reports an expired code: flag `isExprCode` (default) or error `0305`. */
  expiryMode?: "flag" | "error";
  /** How verify reports a locked OTP: flag `isErrorCount` (default) or error `0304`. */
  lockMode?: "flag" | "error";
  /** Spell the key `" isErrorCount"`, exactly as documented. Default true. */
  leadingSpaceKey?: boolean;
  /** Delay before a delivery report is due (see `flushDeliveryReports`). Default 1000. */
  deliveryReportDelayMs?: number;
  /** Sender name on the SMS. Default "ANTS". */
  sender?: string;
}

export type AntsEndpoint = "requestOTP" | "resendOTP" | "verifyOTP";

/** A request as the mock received it. */
export interface AntsReceivedRequest {
  endpoint: AntsEndpoint;
  authorization: string | null;
  contentType: string | null;
  /** The raw body text. */
  text: string;
  /** The parsed body, when it parsed. */
  body: unknown;
}

export type AntsOtpStatus = "active" | "verified" | "expired" | "locked";

/** What the mock holds for one OTP. */
export interface AntsOtpRecord {
  otpId: string;
  otcId: string;
  mobile: string;
  code: string;
  referenceCode: string;
  createdAt: number;
  expiresAt: number;
  attempts: number;
  status: AntsOtpStatus;
  resendCount: number;
  lastSentAt: number;
}

export interface AntsMock extends ProviderMock {
  /** Set the account credit; `setCredit(0)` makes sends fail with `9995 Credit not enough`. */
  setCredit(credit: number): void;
  credit(): number;
  /** The live code of an OTP, as its SMS says. */
  peekCode(otpId: string): string | undefined;
  /** A copy of what the mock holds for an OTP. */
  otp(otpId: string): AntsOtpRecord | undefined;
  /** Move the mock's clock forward (on top of the `now` option). */
  advanceTime(ms: number): void;
  /** Every request received since the last reset, oldest first. */
  requests(): AntsReceivedRequest[];
  /** The next `times` requests (after auth) answer with this ANTS error, e.g. `"9999"`. */
  injectError(code: AntsErrorCode, times?: number): void;
  /** POST a delivery report for this OTP to its `notifyUrl` now. */
  emitDeliveryReport(
    otpId: string,
    status?: AntsDeliveryStatus,
  ): Promise<AntsDeliveryReport | undefined>;
  /**
   * POST every delivery report that is due on the mock's clock: `DELIVERED`, or
   * `UNDELIVERED` for `ANTS_UNDELIVERED_MOBILE`; none for `ANTS_SILENT_MOBILE`.
   */
  flushDeliveryReports(): Promise<AntsDeliveryReport[]>;
}

/** Injected errors answer with the HTTP status ANTS would use for them. */
const FORCED_STATUS: Partial<Record<AntsErrorCode, number>> = { "9998": 401, "9996": 400 };

interface Notify {
  url: string;
  contentType: string;
  callbackData?: string;
}

interface PendingReport {
  otpId: string;
  dueAt: number;
}

export function antsMock(options: AntsMockOptions = {}): AntsMock {
  const {
    credentials = ANTS_MOCK_CREDENTIALS,
    knownOtcIds = [ANTS_MOCK_OTC_ID],
    codeLength = 6,
    ttlSeconds = 300,
    maxAttempts = 5,
    resendCooldownSeconds = 60,
    maxResends = 3,
    lenientJson = false,
    errorHttpStatus = 200,
    includeCode = false,
    newOtpIdOnResend = false,
    expiryMode = "flag",
    lockMode = "flag",
    leadingSpaceKey = true,
    deliveryReportDelayMs = 1000,
    sender = "ANTS",
  } = options;
  const initialCredit = options.credit ?? 100;
  const inbox = options.inbox ?? sharedInbox;
  const base = (options.baseUrl ?? ANTS_MOCK_BASE_URL).replace(/\/+$/, "");
  const knobs = createKnobs({ latencyMs: options.latencyMs ?? 0 });
  const expectedAuthorization = `Basic ${base64(`${credentials.username}:${credentials.password}`)}`;

  let offset = 0;
  let credit = initialCredit;
  let records = new Map<string, AntsOtpRecord>();
  let notifies = new Map<string, Notify>();
  let lastSendByMobile = new Map<string, number>();
  let pendingReports: PendingReport[] = [];
  let received: AntsReceivedRequest[] = [];
  let injected: AntsErrorCode[] = [];

  const now = () => (options.now ?? Date.now)() + offset;

  const error = (code: AntsErrorCode, status: number = errorHttpStatus) =>
    HttpResponse.json(
      {
        ...(includeCode ? { code } : {}),
        error: { message: ANTS_ERRORS[code], description: "" },
      },
      { status },
    );

  const badRequest = () => error("9996", 400);

  async function receive(
    endpoint: AntsEndpoint,
    request: Request,
    answer: (body: Json) => Response | Promise<Response>,
  ): Promise<Response> {
    const text = await request.text();
    let body: unknown;
    let parsed = false;
    try {
      body = parseJson(text, lenientJson);
      parsed = true;
    } catch {}
    const authorization = request.headers.get("authorization");
    const contentType = request.headers.get("content-type");
    received = [...received, { endpoint, authorization, contentType, text, body }];

    if (authorization !== expectedAuthorization) return error("9998", 401);
    if (!parsed || !isObject(body) || !contentType?.startsWith("application/json")) {
      return badRequest();
    }
    const forced = injected.shift();
    if (forced) return error(forced, FORCED_STATUS[forced] ?? errorHttpStatus);
    return answer(body);
  }

  function newCode(): string {
    return Array.from(randomInts(codeLength, 10), String).join("");
  }

  function newReferenceCode(): string {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    return Array.from(randomInts(5, alphabet.length), (i) => alphabet[i]).join("");
  }

  /** Sends the SMS for `record`, charges it, and arms its delivery report. */
  function deliver(record: AntsOtpRecord) {
    credit -= 1;
    lastSendByMobile.set(record.mobile, record.lastSentAt);
    inbox.deliver({
      to: `+${record.mobile}`,
      from: sender,
      text: smsText(record),
      provider: "ants",
      at: record.lastSentAt,
    });
    if (notifies.has(record.otpId)) {
      pendingReports = [
        ...pendingReports.filter((p) => p.otpId !== record.otpId),
        { otpId: record.otpId, dueAt: record.lastSentAt + deliveryReportDelayMs },
      ];
    }
  }

  const smsText = (record: AntsOtpRecord) =>
    `Your OTP is ${record.code} (Ref: ${record.referenceCode})`;

  const success = (record: AntsOtpRecord) =>
    HttpResponse.json({
      ...(includeCode ? { code: "0000" } : {}),
      otcId: record.otcId,
      otpId: record.otpId,
      referenceCode: record.referenceCode,
      success: { message: "success", description: "" },
    });

  function inCooldown(mobile: string): boolean {
    const last = lastSendByMobile.get(mobile);
    return last !== undefined && now() - last < resendCooldownSeconds * 1000;
  }

  function requestOtp(body: Json): Response {
    const { otcId, mobile, notifyUrl, notifyContentType, callbackData } = body;
    if (typeof otcId !== "string" || typeof mobile !== "string") return badRequest();
    if (!knownOtcIds.includes(otcId)) return error("0301");
    if (mobile.startsWith("0") || mobile.startsWith("+")) return error("0302");
    if (!/^66\d{8,9}$/.test(mobile)) return error("0307");
    if (credit <= 0) return error("9995");
    if (inCooldown(mobile)) return error("0304");
    const at = now();
    const record: AntsOtpRecord = {
      otpId: crypto.randomUUID(),
      otcId,
      mobile,
      code: newCode(),
      referenceCode: newReferenceCode(),
      createdAt: at,
      expiresAt: at + ttlSeconds * 1000,
      attempts: 0,
      status: "active",
      resendCount: 0,
      lastSentAt: at,
    };
    records.set(record.otpId, record);
    if (typeof notifyUrl === "string" && notifyUrl !== "") {
      notifies.set(record.otpId, {
        url: notifyUrl,
        contentType: typeof notifyContentType === "string" ? notifyContentType : "application/json",
        ...(typeof callbackData === "string" ? { callbackData } : {}),
      });
    }
    deliver(record);
    return success(record);
  }

  /** The OTP a resend means: by `otpId`, else the newest unverified one for the number/config. */
  function resendTarget(body: Json): AntsOtpRecord | undefined {
    const { otcId, otpId, mobile } = body;
    if (typeof otpId === "string") {
      const record = records.get(otpId);
      if (!record || record.otcId !== otcId || record.status === "verified") return undefined;
      return typeof mobile !== "string" || record.mobile === mobile ? record : undefined;
    }
    return [...records.values()]
      .filter(
        (r) =>
          r.otcId === otcId &&
          r.status !== "verified" &&
          (typeof mobile !== "string" || r.mobile === mobile),
      )
      .at(-1);
  }

  function resendOtp(body: Json): Response {
    if (typeof body.otcId !== "string") return badRequest();
    if (!knownOtcIds.includes(body.otcId)) return error("0301");
    const record = resendTarget(body);
    if (!record) return error("0303");
    if (record.resendCount >= maxResends || inCooldown(record.mobile)) return error("0304");
    if (credit <= 0) return error("9995");
    if (newOtpIdOnResend) {
      records.delete(record.otpId);
      const notify = notifies.get(record.otpId);
      notifies.delete(record.otpId);
      pendingReports = pendingReports.filter((p) => p.otpId !== record.otpId);
      record.otpId = crypto.randomUUID();
      if (notify) notifies.set(record.otpId, notify);
    }
    // Re-inserting keeps "most recent" (Map order) true for a resend by otcId only.
    records.delete(record.otpId);
    const at = now();
    Object.assign(record, {
      code: newCode(),
      referenceCode: newReferenceCode(),
      expiresAt: at + ttlSeconds * 1000,
      attempts: 0,
      status: "active",
      resendCount: record.resendCount + 1,
      lastSentAt: at,
    } satisfies Partial<AntsOtpRecord>);
    records.set(record.otpId, record);
    deliver(record);
    return success(record);
  }

  function verifyAnswer(
    otpId: string,
    flags: { result: boolean; locked: boolean; expired: boolean },
  ) {
    return HttpResponse.json({
      otpId,
      result: flags.result,
      [leadingSpaceKey ? " isErrorCount" : "isErrorCount"]: flags.locked,
      isExprCode: flags.expired,
    });
  }

  function verifyOtp(body: Json): Response {
    const { otpId, otpCode } = body;
    const code = typeof otpCode === "number" ? String(otpCode) : otpCode;
    if (typeof otpId !== "string" || typeof code !== "string") return badRequest();
    const record = records.get(otpId);
    if (!record) return error("0303");
    if (record.status === "verified") return error("0306");
    const locked = () =>
      lockMode === "error"
        ? error("0304")
        : verifyAnswer(otpId, { result: false, locked: true, expired: false });
    if (record.status === "locked") return locked();
    if (record.status === "expired" || now() >= record.expiresAt) {
      record.status = "expired";
      return expiryMode === "error"
        ? error("0305")
        : verifyAnswer(otpId, { result: false, locked: false, expired: true });
    }
    if (code.trim() !== record.code) {
      record.attempts += 1;
      if (record.attempts < maxAttempts) {
        return verifyAnswer(otpId, { result: false, locked: false, expired: false });
      }
      record.status = "locked";
      return locked();
    }
    record.status = "verified";
    return verifyAnswer(otpId, { result: true, locked: false, expired: false });
  }

  function report(record: AntsOtpRecord, status: AntsDeliveryStatus): AntsDeliveryReport {
    const notify = notifies.get(record.otpId);
    return {
      details: [
        {
          messageId: record.otpId,
          to: record.mobile,
          from: sender,
          text: smsText(record),
          credit: 1,
          sendDate: formatDate(record.lastSentAt),
          doneDate: formatDate(now()),
          status: { name: status, ...DELIVERY_STATUS[status] },
        },
      ],
      ...(notify?.callbackData === undefined ? {} : { callbackData: notify.callbackData }),
    };
  }

  async function emitDeliveryReport(
    otpId: string,
    status: AntsDeliveryStatus = "DELIVERED",
  ): Promise<AntsDeliveryReport | undefined> {
    const record = records.get(otpId);
    const notify = notifies.get(otpId);
    if (!record || !notify) return undefined;
    pendingReports = pendingReports.filter((p) => p.otpId !== otpId);
    const body = report(record, status);
    const encoded = encodeReport(body, notify.contentType);
    await fetch(notify.url, {
      method: "POST",
      headers: { "content-type": encoded.contentType },
      body: encoded.body,
    });
    return body;
  }

  const url = (endpoint: AntsEndpoint) => `${base}/otp/${endpoint}`;

  const handlers: HttpHandler[] = [
    http.post(url("requestOTP"), async ({ request }) => {
      const fault = await knobs.apply();
      if (fault) return fault;
      return receive("requestOTP", request, requestOtp);
    }),
    http.post(url("resendOTP"), async ({ request }) => {
      const fault = await knobs.apply();
      if (fault) return fault;
      return receive("resendOTP", request, resendOtp);
    }),
    http.post(url("verifyOTP"), async ({ request }) => {
      const fault = await knobs.apply();
      if (fault) return fault;
      return receive("verifyOTP", request, verifyOtp);
    }),
  ];

  return {
    handlers,
    knobs,
    reset() {
      knobs.reset();
      offset = 0;
      credit = initialCredit;
      records = new Map();
      notifies = new Map();
      lastSendByMobile = new Map();
      pendingReports = [];
      received = [];
      injected = [];
    },
    setCredit(value) {
      credit = value;
    },
    credit: () => credit,
    peekCode(otpId) {
      const record = records.get(otpId);
      return record && record.status !== "verified" ? record.code : undefined;
    },
    otp(otpId) {
      const record = records.get(otpId);
      return record && { ...record };
    },
    advanceTime(ms) {
      offset += ms;
    },
    requests: () => [...received],
    injectError(code, times = 1) {
      for (let i = 0; i < times; i++) injected.push(code);
    },
    emitDeliveryReport,
    async flushDeliveryReports() {
      const due = pendingReports.filter((p) => p.dueAt <= now());
      const sent: AntsDeliveryReport[] = [];
      for (const { otpId } of due) {
        const record = records.get(otpId);
        pendingReports = pendingReports.filter((p) => p.otpId !== otpId);
        if (!record || record.mobile === ANTS_SILENT_MOBILE) continue;
        const status = record.mobile === ANTS_UNDELIVERED_MOBILE ? "UNDELIVERED" : "DELIVERED";
        const body = await emitDeliveryReport(otpId, status);
        if (body) sent.push(body);
      }
      return sent;
    },
  };
}
