import {
  type ChallengeStatus,
  canResend,
  canSend,
  canVerify,
  type FlowState,
  type FlowStep,
  nextDeadline,
  type OtpAdapter,
  type OtpChallenge,
  type OtpChannel,
  type OtpError,
  type OtpVerified,
  type PendingRequest,
  resendAvailableAt,
  secondsUntilExpiry,
  secondsUntilResend,
  secondsUntilRetry,
  toOtpError,
} from "@otpkit/core";
import { MutationObserver, type QueryClient, QueryClientContext } from "@tanstack/react-query";
import { useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { createFlowStore } from "./flow-store";
import { type FlowPersistence, storagePersistence } from "./persistence";

export interface UseOtpFlowOptions {
  adapter: OtpAdapter;
  /** Code length before the server names one. Default 6. */
  codeLength?: number;
  /** Verify as soon as the code has `codeLength` characters. Default true. */
  autoVerify?: boolean;
  onVerified?: (result: { phone: string; token: string | undefined }) => void;
  onError?: (error: OtpError) => void;
  /** BCP 47 tag passed to the adapter on send, for the SMS wording. */
  locale?: string;
  /** Clock, epoch ms. Default `Date.now`. */
  now?: () => number;
  /**
   * Keep a live challenge across reloads. Default: sessionStorage. `false` turns it off;
   * pass a `FlowPersistence` to keep it elsewhere.
   */
  persist?: boolean | FlowPersistence;
  /**
   * Query client for the requests, which then are TanStack Query mutations (devtools, your
   * mutation defaults, `useIsMutating`). Default: the app's, from `QueryClientProvider`. With
   * none, the hook runs its requests itself, with the same retry policy.
   */
  queryClient?: QueryClient;
  /**
   * When the hook re-renders its caller as time passes. `"seconds"` (default): every second
   * while a countdown runs, so `secondsUntil*` are live. `"deadlines"`: only when a deadline
   * passes (resend opens, the code expires, a rate limit ends), so `secondsUntil*` hold as of
   * the last render; show ticking seconds in a small component of their own with
   * `useCountdown(flow.resendAvailableAt)` (or `expiresAt`, `retryAvailableAt`).
   */
  ticks?: "seconds" | "deadlines";
}

export interface OtpFlow {
  step: FlowStep;
  /** The number (E.164) being verified, as entered. */
  phone: string;
  channel: OtpChannel | undefined;
  challenge: OtpChallenge | null;
  challengeStatus: ChallengeStatus;
  codeLength: number;
  code: string;
  setCode(code: string): void;
  send(phone?: string, options?: { channel?: OtpChannel }): void;
  resend(options?: { channel?: OtpChannel }): void;
  verify(code?: string): void;
  /** Repeat the request that failed (after `network` or `provider_error`). */
  retry(): void;
  changeNumber(): void;
  reset(): void;
  secondsUntilResend: number;
  secondsUntilExpiry: number;
  /** Seconds left of a rate limit (0 when none). */
  secondsUntilRetry: number;
  /**
   * When a resend (or a new send) becomes possible, epoch ms (in the past once it has); null
   * when no cooldown or rate limit was ever set. For `useCountdown`.
   */
  resendAvailableAt: number | null;
  /** When the live code expires, epoch ms; null when no code is live. */
  expiresAt: number | null;
  /** When the last rate limit ends, epoch ms (in the past once it has); null when none was set. */
  retryAvailableAt: number | null;
  canSend: boolean;
  canResend: boolean;
  canVerify: boolean;
  attemptsLeft: number | undefined;
  error: OtpError | null;
  isSending: boolean;
  isResending: boolean;
  isVerifying: boolean;
  isVerified: boolean;
  token: string | undefined;
  /** The raw reducer state, for custom selectors. */
  state: FlowState;
}

/** Pause before a request is repeated by itself. */
const RETRY_DELAY_MS = 1000;

/** What runs a request: a TanStack Query MutationObserver, or `directRunner`. */
interface Runner {
  mutate(request: Request): Promise<OtpChallenge | OtpVerified>;
  reset(): void;
}

type Request =
  | { op: "send"; phone: string; channel?: OtpChannel; locale?: string; signal: AbortSignal }
  | { op: "resend"; challenge: OtpChallenge; channel?: OtpChannel; signal: AbortSignal }
  | { op: "verify"; challenge: OtpChallenge; code: string; signal: AbortSignal };

/**
 * The whole verification flow, headless: send, resend with cooldown, countdowns, verify,
 * attempts and one clear error. Renders once per second at most while a countdown runs (with
 * `ticks: "deadlines"`, only as each deadline passes), never when none does, and once per
 * keystroke.
 */
export function useOtpFlow(options: UseOtpFlowOptions): OtpFlow {
  const optionsRef = useRef(options);
  optionsRef.current = options;
  // One stable clock that always reads the latest `now` option.
  const [now] = useState(() => () => (optionsRef.current.now ?? Date.now)());
  const contextClient = useContext(QueryClientContext);
  const client = options.queryClient ?? contextClient;
  const [store] = useState(() => createFlowStore(now));
  const [controllers] = useState(() => new Set<AbortController>());

  const runners = useMemo(() => {
    const runner = (key: "send" | "verify", retries: boolean): Runner => {
      const adapter = () => optionsRef.current.adapter;
      // One automatic retry, after a pause, when the provider failed on its side.
      const retry = (failures: number, error: OtpError) =>
        retries && failures < 1 && error.kind === "provider_error";
      return client
        ? new MutationObserver<OtpChallenge | OtpVerified, OtpError, Request>(client, {
            mutationKey: ["otpkit", key],
            mutationFn: (request) => run(adapter(), request),
            networkMode: "always",
            gcTime: 0,
            retry,
            retryDelay: RETRY_DELAY_MS,
          })
        : directRunner(adapter, retry);
    };
    return {
      // A send is never repeated on its own: the server counts it against the number's
      // cooldown, so a second try would only meet "rate_limited".
      send: runner("send", false),
      verify: runner("verify", true),
    };
  }, [client]);

  const actions = useMemo(() => {
    const start = (before: FlowState, after: FlowState) => {
      const pending = after.pending;
      if (!pending || pending === before.pending) return;
      const controller = new AbortController();
      controllers.add(controller);
      runners[pending.op === "verify" ? "verify" : "send"]
        .mutate(toRequest(pending, after, controller.signal, optionsRef.current.locale))
        .then(
          (result) => settle(pending, result),
          (thrown: unknown) => fail(pending, toOtpError(thrown)),
        )
        .finally(() => controllers.delete(controller));
    };
    const settle = (pending: PendingRequest, result: OtpChallenge | OtpVerified) => {
      if ("verified" in result) {
        const state = store.dispatch({ type: "verified", seq: pending.seq, token: result.token });
        if (state.step === "verified" && state.pending === null) {
          optionsRef.current.onVerified?.({ phone: state.phone, token: result.token });
        }
      } else {
        store.dispatch({ type: "sent", seq: pending.seq, challenge: result });
      }
    };
    const fail = (pending: PendingRequest, error: OtpError) => {
      const before = store.get().state;
      const state = store.dispatch({ type: "failed", seq: pending.seq, error, at: now() });
      if (state === before) return; // stale answer, already superseded
      if (state.step === "verified") {
        optionsRef.current.onVerified?.({ phone: state.phone, token: undefined });
      } else {
        optionsRef.current.onError?.(error);
      }
    };
    const act = (action: Parameters<typeof store.dispatch>[0]) => {
      const before = store.get().state;
      start(before, store.dispatch(action));
    };
    return {
      send: (phone?: string, sendOptions?: { channel?: OtpChannel }) =>
        act({ type: "send", phone, channel: sendOptions?.channel, at: now() }),
      resend: (resendOptions?: { channel?: OtpChannel }) =>
        act({ type: "resend", channel: resendOptions?.channel, at: now() }),
      verify: (code?: string) => act({ type: "verify", code, at: now() }),
      retry: () => act({ type: "retry", at: now() }),
      setCode(code: string) {
        const state = store.dispatch({ type: "setCode", code });
        const length = state.challenge?.codeLength ?? optionsRef.current.codeLength ?? 6;
        if (optionsRef.current.autoVerify !== false && code.length === length) {
          act({ type: "verify", code, at: now() });
        }
      },
      changeNumber: () => store.dispatch({ type: "changeNumber" }),
      reset: () => store.dispatch({ type: "reset" }),
    };
  }, [store, runners, controllers, now]);

  const { state, now: at } = useSyncExternalStore(store.subscribe, store.get, store.get);

  // One timer for every countdown: on the second boundaries of the nearest deadline, or
  // (`ticks: "deadlines"`) a silent look at the clock each second that renders only once the
  // deadline has passed; a look, not one long timer, so a clock that jumps (a machine waking
  // from sleep) is noticed within a second.
  const everySecond = options.ticks !== "deadlines";
  useEffect(() => {
    const deadline = nextDeadline(state, at);
    if (deadline === null) return;
    let timer: ReturnType<typeof setTimeout>;
    const look = () => {
      const time = now();
      if (time >= deadline) store.tick(time);
      else timer = setTimeout(look, Math.min(deadline - time, 1000));
    };
    timer = everySecond
      ? setTimeout(() => store.tick(now()), (deadline - at) % 1000 || 1000)
      : setTimeout(look, Math.min(Math.max(0, deadline - now()), 1000));
    return () => clearTimeout(timer);
  }, [state, at, store, now, everySecond]);

  // Persistence: resume a live challenge after a reload; keep it while it lives.
  const persistence = usePersistence(options.persist);
  const saved = useRef(false);
  useEffect(() => {
    const stored = persistence?.load();
    if (!stored) return;
    const state = store.dispatch({ type: "restore", ...stored, at: now() });
    // Not resumed (expired, or a flow already under way): forget it.
    if (state.challenge?.id !== stored.challenge.id) persistence?.clear();
  }, [persistence, store, now]);
  useEffect(() => {
    if (!persistence) return;
    if (state.challenge && state.challengeStatus === "live" && state.step !== "verified") {
      persistence.save({ phone: state.phone, challenge: state.challenge });
      saved.current = true;
    } else if (saved.current && state.step !== "sending") {
      persistence.clear();
      saved.current = false;
    }
  }, [persistence, state.challenge, state.challengeStatus, state.step, state.phone]);

  // Unmount: abort what is in flight; late answers then find nobody listening.
  useEffect(
    () => () => {
      for (const controller of controllers) controller.abort();
      runners.send.reset();
      runners.verify.reset();
    },
    [controllers, runners],
  );

  const codeLength = state.challenge?.codeLength ?? options.codeLength ?? 6;
  const retryAvailableAt = Math.max(state.sendBlockedUntil, state.verifyBlockedUntil);
  return {
    ...actions,
    step: state.step,
    phone: state.phone,
    channel: state.channel,
    challenge: state.challenge,
    challengeStatus: state.challengeStatus,
    codeLength,
    code: state.code,
    secondsUntilResend: secondsUntilResend(state, at),
    secondsUntilExpiry: secondsUntilExpiry(state, at),
    secondsUntilRetry: secondsUntilRetry(state, at),
    resendAvailableAt: resendAvailableAt(state) || null,
    expiresAt:
      state.challenge && state.challengeStatus === "live" ? state.challenge.expiresAt : null,
    retryAvailableAt: retryAvailableAt || null,
    canSend: canSend(state, at),
    canResend: canResend(state, at),
    canVerify: canVerify(state, at),
    attemptsLeft: state.challenge?.attemptsLeft,
    error: state.error,
    isSending: state.pending?.op === "send" || state.pending?.op === "resend",
    isResending: state.pending?.op === "resend",
    isVerifying: state.pending?.op === "verify",
    isVerified: state.step === "verified",
    token: state.token,
    state,
  };
}

function usePersistence(persist: UseOtpFlowOptions["persist"]): FlowPersistence | null {
  const [fallback] = useState(() => storagePersistence());
  if (persist === false) return null;
  if (persist === undefined || persist === true) return fallback;
  return persist;
}

function toRequest(
  pending: PendingRequest,
  state: FlowState,
  signal: AbortSignal,
  locale: string | undefined,
): Request {
  if (pending.op === "send") {
    return { op: "send", phone: pending.phone, channel: pending.channel, locale, signal };
  }
  const challenge = state.challenge as OtpChallenge;
  return pending.op === "resend"
    ? { op: "resend", challenge, channel: pending.channel, signal }
    : { op: "verify", challenge, code: pending.code ?? "", signal };
}

/**
 * Runs requests without a QueryClient, with the policy the observer gets: repeated after
 * `RETRY_DELAY_MS` while `retry` says so. An abort ends the pause at once. (A private
 * QueryClient here would ship all of TanStack Query's query machinery, ~6 KB gzip, to run
 * two mutations nobody else can see.)
 */
function directRunner(
  adapter: () => OtpAdapter,
  retry: (failures: number, error: OtpError) => boolean,
): Runner {
  const attempt = async (
    request: Request,
    failures: number,
  ): Promise<OtpChallenge | OtpVerified> => {
    try {
      return await run(adapter(), request);
    } catch (thrown) {
      const error = thrown as OtpError;
      if (request.signal.aborted || !retry(failures, error)) throw error;
      await new Promise<void>((done) => {
        const stop = () => {
          clearTimeout(timer);
          request.signal.removeEventListener("abort", stop);
          done();
        };
        const timer = setTimeout(stop, RETRY_DELAY_MS);
        request.signal.addEventListener("abort", stop);
      });
      return attempt(request, failures + 1);
    }
  };
  return { mutate: (request) => attempt(request, 0), reset() {} };
}

async function run(adapter: OtpAdapter, request: Request): Promise<OtpChallenge | OtpVerified> {
  if (request.signal.aborted) throw request.signal.reason;
  try {
    if (request.op === "send") return await adapter.send(request);
    if (request.op === "resend") return await adapter.resend(request);
    return await adapter.verify(request);
  } catch (thrown) {
    throw toOtpError(thrown);
  }
}
