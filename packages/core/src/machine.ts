/**
 * The verification flow as a pure reducer. No timers, no I/O: every action that depends on
 * time carries `at` (epoch ms), so every transition is testable without a clock.
 *
 *   enterPhone --send--> sending --ok--> enterCode --verify--> verifying --ok--> verified
 *
 * Requests are numbered: an answer is applied only if it carries the number of the request
 * still in flight, so a late answer for a replaced challenge (after resend, change number
 * or reset) is ignored.
 */
import type { OtpChallenge, OtpChannel } from "./contract";
import { OtpError } from "./errors";

export type FlowStep = "enterPhone" | "sending" | "enterCode" | "verifying" | "verified";
export type FlowOperation = "send" | "resend" | "verify";

/** Why the current challenge can no longer be verified (`live` while it can). */
export type ChallengeStatus = "live" | "expired" | "locked" | "gone";

export interface PendingRequest {
  op: FlowOperation;
  /** Request number; answers carrying another number are stale. */
  seq: number;
  phone: string;
  channel?: OtpChannel;
  code?: string;
}

export interface FlowState {
  step: FlowStep;
  /** The number as the user gave it (E.164); kept across errors and "change number". */
  phone: string;
  channel: OtpChannel | undefined;
  challenge: OtpChallenge | null;
  challengeStatus: ChallengeStatus;
  code: string;
  error: OtpError | null;
  pending: PendingRequest | null;
  /** Number of the last request started. */
  seq: number;
  /** Sends and resends are refused until then (rate limit). */
  sendBlockedUntil: number;
  /** Verifies are refused until then (rate limit). */
  verifyBlockedUntil: number;
  /** The last request that failed, for `retry`. */
  failed: PendingRequest | null;
  /** A verify of the current challenge went out and its outcome is unknown. */
  verifyUncertain: boolean;
  token: string | undefined;
}

export type FlowAction =
  | { type: "send"; phone?: string; channel?: OtpChannel; at: number }
  | { type: "resend"; channel?: OtpChannel; at: number }
  | { type: "verify"; code?: string; at: number }
  | { type: "retry"; at: number }
  | { type: "sent"; seq: number; challenge: OtpChallenge }
  | { type: "verified"; seq: number; token?: string }
  | { type: "failed"; seq: number; error: OtpError; at: number }
  | { type: "setCode"; code: string }
  | { type: "tick"; at: number }
  | { type: "changeNumber" }
  | { type: "restore"; phone: string; challenge: OtpChallenge; at: number }
  | { type: "reset" };

/** Default wait after `rate_limited` when the server names none. */
export const DEFAULT_RETRY_AFTER_MS = 60_000;

export const initialFlowState: FlowState = {
  step: "enterPhone",
  phone: "",
  channel: undefined,
  challenge: null,
  challengeStatus: "gone",
  code: "",
  error: null,
  pending: null,
  seq: 0,
  sendBlockedUntil: 0,
  verifyBlockedUntil: 0,
  failed: null,
  verifyUncertain: false,
  token: undefined,
};

export function flowReducer(state: FlowState, action: FlowAction): FlowState {
  switch (action.type) {
    case "send": {
      const phone = action.phone ?? state.phone;
      if (state.pending || !phone || state.step === "verified") return state;
      if (!canSend({ ...state, phone }, action.at)) return state;
      return start(
        { ...state, step: "sending", phone, channel: action.channel ?? state.channel },
        { op: "send", phone, channel: action.channel ?? state.channel },
      );
    }
    case "resend": {
      if (!canResend(state, action.at)) return state;
      const channel = action.channel ?? state.channel;
      return start({ ...state, channel }, { op: "resend", phone: state.phone, channel });
    }
    case "verify": {
      const code = action.code ?? state.code;
      if (!canVerify({ ...state, code }, action.at)) return state;
      return start(
        { ...state, step: "verifying", code },
        { op: "verify", phone: state.phone, code },
      );
    }
    case "retry": {
      const failed = state.failed;
      if (!failed || state.pending) return state;
      if (failed.op === "send") return flowReducer(state, { type: "send", at: action.at });
      if (failed.op === "resend") return flowReducer(state, { type: "resend", at: action.at });
      return flowReducer(state, { type: "verify", code: failed.code, at: action.at });
    }
    case "sent": {
      if (state.pending?.seq !== action.seq) return state;
      return {
        ...state,
        step: "enterCode",
        challenge: action.challenge,
        challengeStatus: "live",
        channel: action.challenge.channel,
        code: "",
        error: null,
        pending: null,
        failed: null,
        verifyUncertain: false,
      };
    }
    case "verified": {
      if (state.pending?.seq !== action.seq) return state;
      return verified(state, action.token);
    }
    case "failed": {
      if (state.pending?.seq !== action.seq) return state;
      return failed(state, state.pending, action.error, action.at);
    }
    case "setCode": {
      if (action.code === state.code || state.step === "verified") return state;
      // Typing again clears a "wrong code" message; other errors stay until acted on.
      const error = state.error?.kind === "wrong_code" ? null : state.error;
      return { ...state, code: action.code, error };
    }
    case "tick": {
      if (!state.challenge || state.challengeStatus !== "live" || state.step === "verified") {
        return state;
      }
      // A verify in flight is the server's to judge; its answer decides.
      if (action.at < state.challenge.expiresAt || state.pending?.op === "verify") return state;
      return {
        ...state,
        // resendAt stays the server's: its cooldown for the number may outlive the code.
        challengeStatus: "expired",
        error: new OtpError({ kind: "expired", message: "The code expired" }),
      };
    }
    case "changeNumber": {
      return {
        ...initialFlowState,
        phone: state.phone,
        channel: state.channel,
        seq: state.seq,
        sendBlockedUntil: state.sendBlockedUntil,
      };
    }
    case "restore": {
      if (state.step !== "enterPhone" || state.pending) return state;
      if (action.at >= action.challenge.expiresAt) return state;
      return {
        ...state,
        step: "enterCode",
        phone: action.phone,
        channel: action.challenge.channel,
        challenge: action.challenge,
        challengeStatus: "live",
      };
    }
    case "reset":
      return { ...initialFlowState, seq: state.seq };
  }
}

function start(state: FlowState, request: Omit<PendingRequest, "seq">): FlowState {
  const seq = state.seq + 1;
  return { ...state, seq, pending: { ...request, seq }, error: null };
}

function verified(state: FlowState, token: string | undefined): FlowState {
  return {
    ...state,
    step: "verified",
    pending: null,
    error: null,
    failed: null,
    token,
    verifyUncertain: false,
  };
}

function failed(state: FlowState, request: PendingRequest, error: OtpError, at: number): FlowState {
  const { kind } = error;
  const base: FlowState = {
    ...state,
    pending: null,
    error,
    // Only a request that may succeed as it is can be retried; a refused code must not
    // be sent again (it would burn an attempt).
    failed: RETRYABLE.includes(kind) ? request : null,
    step: state.challenge && state.challengeStatus !== "gone" ? "enterCode" : "enterPhone",
  };

  switch (kind) {
    case "invalid_phone":
    case "blocked_phone":
      return { ...base, step: "enterPhone", challenge: null, challengeStatus: "gone", code: "" };
    case "rate_limited": {
      const until = at + (error.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS);
      return request.op === "verify"
        ? { ...base, verifyBlockedUntil: until }
        : { ...base, sendBlockedUntil: until };
    }
    case "wrong_code": {
      const challenge = state.challenge && {
        ...state.challenge,
        attemptsLeft: error.attemptsLeft ?? decrement(state.challenge.attemptsLeft),
      };
      return { ...base, challenge, code: "", verifyUncertain: false };
    }
    case "too_many_attempts": {
      const challenge = state.challenge && {
        ...state.challenge,
        attemptsLeft: 0,
        resendAt:
          error.resendAfterMs === undefined ? state.challenge.resendAt : at + error.resendAfterMs,
      };
      return { ...base, challenge, challengeStatus: "locked", code: "" };
    }
    case "expired": {
      // Resend is allowed at once for an expired code, unless the server names a wait.
      const challenge = state.challenge && {
        ...state.challenge,
        resendAt: error.resendAfterMs === undefined ? at : at + error.resendAfterMs,
      };
      return { ...base, challenge, challengeStatus: "expired", code: "" };
    }
    case "not_found":
      return { ...base, challengeStatus: "gone", code: "" };
    case "already_verified":
      // Our own earlier verify went through but its answer was lost: that is success.
      if (request.op === "verify" && state.verifyUncertain) return verified(state, undefined);
      return { ...base, challengeStatus: "gone", code: "" };
    case "network":
    case "provider_error":
      return { ...base, verifyUncertain: state.verifyUncertain || request.op === "verify" };
    default:
      return base;
  }
}

const RETRYABLE: readonly OtpError["kind"][] = ["network", "provider_error", "rate_limited"];

const decrement = (n: number | undefined) => (n === undefined ? undefined : Math.max(0, n - 1));

// Selectors ----------------------------------------------------------------------------

const secondsLeft = (deadline: number, now: number) =>
  Math.max(0, Math.ceil((deadline - now) / 1000));

/** When a resend (or a new send) becomes possible, or 0 when nothing waits. */
export function resendAvailableAt(state: FlowState): number {
  const cooldown =
    state.challenge && state.challengeStatus !== "gone" ? state.challenge.resendAt : 0;
  return Math.max(cooldown, state.sendBlockedUntil);
}

export const secondsUntilResend = (state: FlowState, now: number): number =>
  secondsLeft(resendAvailableAt(state), now);

export const secondsUntilExpiry = (state: FlowState, now: number): number =>
  state.challenge && state.challengeStatus === "live"
    ? secondsLeft(state.challenge.expiresAt, now)
    : 0;

/** Seconds until sending or verifying is allowed again after `rate_limited`. */
export const secondsUntilRetry = (state: FlowState, now: number): number =>
  secondsLeft(Math.max(state.sendBlockedUntil, state.verifyBlockedUntil), now);

/**
 * A send is a resend in disguise while the number's challenge still stands (live, expired
 * or locked): it waits for the same cooldown.
 */
export const canSend = (state: FlowState, now: number): boolean =>
  !state.pending &&
  state.step !== "verified" &&
  now >=
    (state.challenge && state.challengeStatus !== "gone"
      ? resendAvailableAt(state)
      : state.sendBlockedUntil);

export const canResend = (state: FlowState, now: number): boolean =>
  !state.pending &&
  state.step === "enterCode" &&
  state.challenge !== null &&
  state.challengeStatus !== "gone" &&
  now >= resendAvailableAt(state);

export const canVerify = (state: FlowState, now: number): boolean =>
  !state.pending &&
  state.step === "enterCode" &&
  state.challenge !== null &&
  state.challengeStatus === "live" &&
  now < state.challenge.expiresAt &&
  now >= state.verifyBlockedUntil &&
  state.code.length === state.challenge.codeLength;

export const attemptsLeft = (state: FlowState): number | undefined => state.challenge?.attemptsLeft;

/** The next moment any countdown shown by the flow changes, or null when none runs. */
export function nextDeadline(state: FlowState, now: number): number | null {
  let next: number | null = null;
  const consider = (deadline: number) => {
    if (deadline > now && (next === null || deadline < next)) next = deadline;
  };
  consider(resendAvailableAt(state));
  consider(state.verifyBlockedUntil);
  if (state.challenge && state.challengeStatus === "live") consider(state.challenge.expiresAt);
  return next;
}
