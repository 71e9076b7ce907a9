import { describe, expect, it } from "vitest";
import type { OtpChallenge } from "./contract";
import { OtpError, type OtpErrorInit, type OtpErrorKind } from "./errors";
import {
  attemptsLeft,
  canResend,
  canSend,
  canVerify,
  DEFAULT_RETRY_AFTER_MS,
  type FlowAction,
  type FlowState,
  flowReducer,
  initialFlowState,
  nextDeadline,
  resendAvailableAt,
  secondsUntilExpiry,
  secondsUntilResend,
  secondsUntilRetry,
} from "./machine";

// Builders --------------------------------------------------------------------------------

const T0 = Date.UTC(2026, 0, 1);
const PHONE = "+66812345678";
const OTHER_PHONE = "+6281234567890";
const CODE = "123456";

function challenge(overrides: Partial<OtpChallenge> = {}): OtpChallenge {
  return {
    id: "ch-1",
    phone: "+66 ••• ••• 678",
    codeLength: 6,
    expiresAt: T0 + 300_000,
    resendAt: T0 + 30_000,
    attemptsLeft: 5,
    channel: "sms",
    ...overrides,
  };
}

const otpError = (kind: OtpErrorKind, init: Omit<OtpErrorInit, "kind"> = {}) =>
  new OtpError({ kind, ...init });

const run = (state: FlowState, ...actions: FlowAction[]): FlowState =>
  actions.reduce(flowReducer, state);

/** The number of the request in flight; fails the test when none is. */
function seqOf(state: FlowState): number {
  if (!state.pending) throw new Error("expected a request in flight");
  return state.pending.seq;
}

/** The answer to the request in flight. */
const sentFor = (state: FlowState, ch: OtpChallenge = challenge()): FlowAction => ({
  type: "sent",
  seq: seqOf(state),
  challenge: ch,
});
const verifiedFor = (state: FlowState, token?: string): FlowAction => ({
  type: "verified",
  seq: seqOf(state),
  token,
});
const failedFor = (state: FlowState, error: OtpError, at = T0): FlowAction => ({
  type: "failed",
  seq: seqOf(state),
  error,
  at,
});

/** Phone entered, send in flight. */
const sending = (phone = PHONE, at = T0) =>
  flowReducer(initialFlowState, { type: "send", phone, at });

/** A challenge was sent and is live; nothing typed yet. */
function enterCode(ch: OtpChallenge = challenge(), phone = PHONE): FlowState {
  const state = sending(phone);
  return flowReducer(state, sentFor(state, ch));
}

/** A live challenge with the full code typed. */
const typed = (code = CODE, ch: OtpChallenge = challenge()) =>
  flowReducer(enterCode(ch), { type: "setCode", code });

/** A verify of `code` in flight. */
const verifying = (code = CODE, ch: OtpChallenge = challenge(), at = T0 + 5_000) =>
  flowReducer(typed(code, ch), { type: "verify", at });

/** A resend in flight (from a live challenge whose cooldown has passed). */
const resending = (ch: OtpChallenge = challenge(), at = T0 + 30_000) =>
  flowReducer(enterCode(ch), { type: "resend", at });

/** The verify failed with `error`. */
function verifyFailed(error: OtpError, at = T0 + 5_000, ch: OtpChallenge = challenge()) {
  const state = verifying(CODE, ch, at);
  return flowReducer(state, failedFor(state, error, at));
}

// Transitions -------------------------------------------------------------------------------

describe("initial state", () => {
  it("starts on phone entry with nothing in flight", () => {
    expect(initialFlowState).toMatchObject({
      step: "enterPhone",
      phone: "",
      challenge: null,
      code: "",
      error: null,
      pending: null,
      token: undefined,
    });
    expect(canSend(initialFlowState, T0)).toBe(true);
    expect(canResend(initialFlowState, T0)).toBe(false);
    expect(canVerify(initialFlowState, T0)).toBe(false);
  });
});

describe("send", () => {
  it("starts one request for the phone and moves to sending", () => {
    const state = sending(PHONE);
    expect(state.step).toBe("sending");
    expect(state.phone).toBe(PHONE);
    expect(state.pending).toMatchObject({ op: "send", phone: PHONE, seq: state.seq });
    expect(state.seq).toBe(initialFlowState.seq + 1);
  });

  it("keeps the channel asked for", () => {
    const state = flowReducer(initialFlowState, {
      type: "send",
      phone: PHONE,
      channel: "whatsapp",
      at: T0,
    });
    expect(state.pending?.channel).toBe("whatsapp");
    expect(state.channel).toBe("whatsapp");
  });

  it("uses the phone already in the state when the action names none", () => {
    const start = flowReducer(enterCode(), { type: "changeNumber" });
    const state = flowReducer(start, { type: "send", at: T0 });
    expect(state.pending).toMatchObject({ op: "send", phone: PHONE });
  });

  it("does nothing without a phone", () => {
    expect(flowReducer(initialFlowState, { type: "send", at: T0 })).toBe(initialFlowState);
    expect(flowReducer(initialFlowState, { type: "send", phone: "", at: T0 })).toBe(
      initialFlowState,
    );
  });

  it("ignores a second send while one is in flight (one request, not two)", () => {
    const first = sending(PHONE);
    const second = flowReducer(first, { type: "send", phone: OTHER_PHONE, at: T0 + 10 });
    expect(second).toBe(first);
    expect(second.pending).toEqual(first.pending);
    expect(second.seq).toBe(first.seq);
    expect(second.phone).toBe(PHONE);
  });

  it("clears the previous error", () => {
    const failed = run(sending(), { type: "failed", seq: 1, error: otpError("network"), at: T0 });
    expect(failed.error?.kind).toBe("network");
    expect(flowReducer(failed, { type: "send", at: T0 + 1 }).error).toBeNull();
  });

  it("is ignored once verified", () => {
    const state = verifying();
    const done = flowReducer(state, verifiedFor(state, "tok"));
    expect(flowReducer(done, { type: "send", phone: PHONE, at: T0 + 10_000 })).toBe(done);
  });
});

describe("sent", () => {
  it("moves to code entry with the challenge live and the code empty", () => {
    const ch = challenge({ channel: "whatsapp" });
    const state = enterCode(ch);
    expect(state).toMatchObject({
      step: "enterCode",
      phone: PHONE,
      challenge: ch,
      challengeStatus: "live",
      channel: "whatsapp",
      code: "",
      error: null,
      pending: null,
    });
  });

  it("ignores an answer for a request that is not in flight", () => {
    const state = sending();
    const stale = flowReducer(state, { type: "sent", seq: state.seq + 1, challenge: challenge() });
    expect(stale).toBe(state);
    const settled = enterCode();
    expect(
      flowReducer(settled, { type: "sent", seq: settled.seq, challenge: challenge({ id: "x" }) }),
    ).toBe(settled);
  });
});

describe("setCode", () => {
  it("stores what was typed", () => {
    expect(flowReducer(enterCode(), { type: "setCode", code: "12" }).code).toBe("12");
  });

  it("returns the same state when nothing changed", () => {
    const state = typed();
    expect(flowReducer(state, { type: "setCode", code: CODE })).toBe(state);
  });

  it("clears a wrong-code message but keeps other errors", () => {
    const wrong = verifyFailed(otpError("wrong_code"));
    expect(flowReducer(wrong, { type: "setCode", code: "1" }).error).toBeNull();

    const limited = verifyFailed(otpError("rate_limited", { retryAfterMs: 10_000 }));
    expect(flowReducer(limited, { type: "setCode", code: "1" }).error?.kind).toBe("rate_limited");
  });

  it("is ignored once verified", () => {
    const state = verifying();
    const done = flowReducer(state, verifiedFor(state));
    expect(flowReducer(done, { type: "setCode", code: "9" })).toBe(done);
  });
});

describe("verify", () => {
  it("starts one verify of the typed code and moves to verifying", () => {
    const state = verifying(CODE);
    expect(state.step).toBe("verifying");
    expect(state.pending).toMatchObject({ op: "verify", code: CODE, phone: PHONE });
  });

  it("takes the code from the action when given", () => {
    const state = flowReducer(enterCode(), { type: "verify", code: "654321", at: T0 + 1 });
    expect(state.pending).toMatchObject({ op: "verify", code: "654321" });
    expect(state.code).toBe("654321");
  });

  it("needs the whole code", () => {
    const partial = flowReducer(enterCode(), { type: "setCode", code: "12345" });
    expect(flowReducer(partial, { type: "verify", at: T0 + 1 })).toBe(partial);
    const tooLong = flowReducer(enterCode(), { type: "verify", code: "1234567", at: T0 + 1 });
    expect(tooLong.pending).toBeNull();
  });

  it("needs a challenge", () => {
    expect(flowReducer(initialFlowState, { type: "verify", code: CODE, at: T0 })).toBe(
      initialFlowState,
    );
  });

  it("ignores a second verify while one is in flight (one request, not two)", () => {
    const first = verifying(CODE);
    const second = flowReducer(first, { type: "verify", code: "999999", at: T0 + 6_000 });
    expect(second).toBe(first);
    expect(second.pending).toEqual(first.pending);
    expect(second.seq).toBe(first.seq);
  });

  it("is refused once the code's lifetime is over, even before a tick", () => {
    const state = typed();
    expect(flowReducer(state, { type: "verify", at: T0 + 300_000 })).toBe(state);
    expect(flowReducer(state, { type: "verify", at: T0 + 299_999 }).pending?.op).toBe("verify");
  });

  it("ignores send and resend while a verify is in flight", () => {
    const state = verifying(CODE, challenge({ resendAt: T0 }));
    expect(flowReducer(state, { type: "send", phone: PHONE, at: T0 + 6_000 })).toBe(state);
    expect(flowReducer(state, { type: "resend", at: T0 + 6_000 })).toBe(state);
  });
});

describe("verified", () => {
  it("finishes the flow with the token", () => {
    const state = verifying();
    const done = flowReducer(state, verifiedFor(state, "signed-token"));
    expect(done).toMatchObject({
      step: "verified",
      token: "signed-token",
      pending: null,
      error: null,
    });
  });

  it("ignores an answer carrying another request's number", () => {
    const state = verifying();
    expect(flowReducer(state, { type: "verified", seq: state.seq - 1, token: "x" })).toBe(state);
  });

  it("is final: resend, verify and tick do nothing", () => {
    const state = verifying(CODE, challenge({ resendAt: T0 }));
    const done = flowReducer(state, verifiedFor(state));
    expect(flowReducer(done, { type: "resend", at: T0 + 60_000 })).toBe(done);
    expect(flowReducer(done, { type: "verify", code: CODE, at: T0 + 60_000 })).toBe(done);
    expect(flowReducer(done, { type: "tick", at: T0 + 999_999 })).toBe(done);
    expect(canSend(done, T0 + 60_000)).toBe(false);
    expect(canResend(done, T0 + 60_000)).toBe(false);
    expect(canVerify(done, T0 + 60_000)).toBe(false);
  });
});

describe("resend", () => {
  it("is refused before the cooldown ends and allowed exactly when it ends", () => {
    const state = enterCode(challenge({ resendAt: T0 + 30_000 }));
    expect(flowReducer(state, { type: "resend", at: T0 + 29_999 })).toBe(state);
    const started = flowReducer(state, { type: "resend", at: T0 + 30_000 });
    expect(started.pending).toMatchObject({ op: "resend", phone: PHONE });
    expect(started.seq).toBe(state.seq + 1);
  });

  it("keeps the code step and the current challenge while in flight", () => {
    const state = resending();
    expect(state.step).toBe("enterCode");
    expect(state.challenge?.id).toBe("ch-1");
  });

  it("can ask for another channel", () => {
    const state = flowReducer(enterCode(challenge({ resendAt: T0 })), {
      type: "resend",
      channel: "voice",
      at: T0,
    });
    expect(state.pending).toMatchObject({ op: "resend", channel: "voice" });
  });

  it("replaces the challenge and clears the code", () => {
    const typedState = flowReducer(resending(), { type: "setCode", code: "12" });
    const next = challenge({
      id: "ch-2",
      expiresAt: T0 + 330_000,
      resendAt: T0 + 60_000,
      attemptsLeft: 5,
    });
    const state = flowReducer(typedState, sentFor(typedState, next));
    expect(state).toMatchObject({
      step: "enterCode",
      challenge: next,
      challengeStatus: "live",
      code: "",
      pending: null,
    });
  });

  it("ignores a late answer for the old challenge once a resend replaced it", () => {
    // A verify of the first challenge is lost (network), then the user resends.
    const lost = verifyFailed(otpError("network"), T0 + 30_000);
    const lostVerifySeq = lost.seq;
    const inFlight = flowReducer(lost, { type: "resend", at: T0 + 30_000 });
    const next = challenge({ id: "ch-2", resendAt: T0 + 60_000, expiresAt: T0 + 330_000 });
    const replaced = flowReducer(inFlight, sentFor(inFlight, next));

    // The old verify's and the old send's answers straggle in: nothing changes.
    const lateVerified: FlowAction = { type: "verified", seq: lostVerifySeq, token: "old" };
    const lateFailed: FlowAction = {
      type: "failed",
      seq: lostVerifySeq,
      error: otpError("expired"),
      at: T0 + 31_000,
    };
    const lateSent: FlowAction = { type: "sent", seq: 1, challenge: challenge() };
    for (const late of [lateVerified, lateFailed, lateSent]) {
      expect(flowReducer(replaced, late)).toBe(replaced);
      expect(flowReducer(inFlight, late)).toBe(inFlight);
    }
    expect(replaced.challenge?.id).toBe("ch-2");
  });

  it("ignores a second resend while one is in flight", () => {
    const first = resending();
    const second = flowReducer(first, { type: "resend", at: T0 + 40_000 });
    expect(second).toBe(first);
    expect(second.seq).toBe(first.seq);
  });

  it("ignores verify while a resend is in flight", () => {
    const state = flowReducer(resending(), { type: "setCode", code: CODE });
    expect(flowReducer(state, { type: "verify", at: T0 + 31_000 })).toBe(state);
  });

  it("needs a challenge", () => {
    expect(flowReducer(initialFlowState, { type: "resend", at: T0 })).toBe(initialFlowState);
  });
});

describe("failures of a verify", () => {
  describe("wrong_code", () => {
    it("keeps the challenge live, clears the code and takes attemptsLeft from the error", () => {
      const state = verifyFailed(otpError("wrong_code", { attemptsLeft: 2 }));
      expect(state).toMatchObject({
        step: "enterCode",
        challengeStatus: "live",
        code: "",
        pending: null,
      });
      expect(state.challenge?.id).toBe("ch-1");
      expect(state.error?.kind).toBe("wrong_code");
      expect(attemptsLeft(state)).toBe(2);
      const retyped = flowReducer(state, { type: "setCode", code: "654321" });
      expect(canVerify(retyped, T0 + 6_000)).toBe(true);
    });

    it("lowers attemptsLeft by one when the error does not say", () => {
      const state = verifyFailed(
        otpError("wrong_code"),
        T0 + 5_000,
        challenge({ attemptsLeft: 3 }),
      );
      expect(attemptsLeft(state)).toBe(2);
      const again = run(
        state,
        { type: "setCode", code: "000000" },
        { type: "verify", at: T0 + 6_000 },
      );
      expect(attemptsLeft(flowReducer(again, failedFor(again, otpError("wrong_code"))))).toBe(1);
    });

    it("never lowers attemptsLeft below zero and leaves an unknown count unknown", () => {
      expect(
        attemptsLeft(
          verifyFailed(otpError("wrong_code"), T0 + 5_000, challenge({ attemptsLeft: 0 })),
        ),
      ).toBe(0);
      expect(
        attemptsLeft(
          verifyFailed(otpError("wrong_code"), T0 + 5_000, challenge({ attemptsLeft: undefined })),
        ),
      ).toBeUndefined();
    });

    it("keeps resend available", () => {
      const state = verifyFailed(otpError("wrong_code"), T0 + 30_000);
      expect(canResend(state, T0 + 30_000)).toBe(true);
    });
  });

  describe("expired", () => {
    it("ends the challenge but keeps the phone, and allows resend at once", () => {
      const at = T0 + 10_000; // well before the original resendAt (T0 + 30 s)
      const state = verifyFailed(otpError("expired", { status: 410 }), at);
      expect(state).toMatchObject({
        step: "enterCode",
        phone: PHONE,
        challengeStatus: "expired",
        code: "",
        pending: null,
      });
      expect(state.error?.kind).toBe("expired");
      expect(canVerify({ ...state, code: CODE }, at)).toBe(false);
      expect(canResend(state, at)).toBe(true);
      expect(secondsUntilResend(state, at)).toBe(0);
      expect(secondsUntilExpiry(state, at)).toBe(0);
    });

    it("refuses a verify afterwards", () => {
      const state = flowReducer(verifyFailed(otpError("expired")), {
        type: "setCode",
        code: CODE,
      });
      expect(flowReducer(state, { type: "verify", at: T0 + 6_000 })).toBe(state);
    });
  });

  describe("too_many_attempts", () => {
    it("locks the challenge but keeps the phone", () => {
      const state = verifyFailed(otpError("too_many_attempts", { status: 429 }));
      expect(state).toMatchObject({
        step: "enterCode",
        phone: PHONE,
        challengeStatus: "locked",
        code: "",
      });
      expect(attemptsLeft(state)).toBe(0);
      expect(canVerify({ ...state, code: CODE }, T0 + 6_000)).toBe(false);
      // A lock is not an expiry: the clock does not turn it into "expired".
      expect(flowReducer(state, { type: "tick", at: T0 + 400_000 })).toBe(state);
    });

    it("allows resend once resendAt passes, not before", () => {
      const state = verifyFailed(otpError("too_many_attempts"), T0 + 5_000);
      expect(canResend(state, T0 + 29_999)).toBe(false);
      expect(flowReducer(state, { type: "resend", at: T0 + 29_999 })).toBe(state);
      expect(canResend(state, T0 + 30_000)).toBe(true);
      expect(flowReducer(state, { type: "resend", at: T0 + 30_000 }).pending?.op).toBe("resend");
    });

    it("moves resendAt to the server's resendIn when it names one", () => {
      const at = T0 + 5_000;
      const state = verifyFailed(otpError("too_many_attempts", { resendAfterMs: 120_000 }), at);
      expect(state.challenge?.resendAt).toBe(at + 120_000);
      expect(canResend(state, at + 119_999)).toBe(false);
      expect(canResend(state, at + 120_000)).toBe(true);
      expect(secondsUntilResend(state, at)).toBe(120);
    });
  });

  describe("already_verified", () => {
    it("counts as success right after our own verify whose answer was lost (network)", () => {
      const lost = verifyFailed(otpError("network", { status: 0 }));
      expect(lost.step).toBe("enterCode");
      expect(lost.verifyUncertain).toBe(true);
      const retried = flowReducer(lost, { type: "retry", at: T0 + 6_000 });
      expect(retried.pending).toMatchObject({ op: "verify", code: CODE });
      const done = flowReducer(retried, failedFor(retried, otpError("already_verified")));
      expect(done).toMatchObject({ step: "verified", error: null, pending: null });
    });

    it("counts as success after a provider_error on our verify", () => {
      const lost = verifyFailed(otpError("provider_error", { status: 502 }));
      const again = flowReducer(lost, { type: "verify", at: T0 + 6_000 });
      const done = flowReducer(again, failedFor(again, otpError("already_verified")));
      expect(done.step).toBe("verified");
    });

    it("is an error when we had no verify with a lost answer", () => {
      const state = verifyFailed(otpError("already_verified", { status: 409 }));
      expect(state.step).toBe("enterCode");
      expect(state.error?.kind).toBe("already_verified");
      expect(state.challengeStatus).toBe("gone");
      expect(canVerify({ ...state, code: CODE }, T0 + 6_000)).toBe(false);
      expect(canSend(state, T0 + 6_000)).toBe(true);
    });

    it("is an error after the lost verify was answered with wrong_code", () => {
      const lost = verifyFailed(otpError("network"));
      const again = flowReducer(lost, { type: "retry", at: T0 + 6_000 });
      const wrong = flowReducer(again, failedFor(again, otpError("wrong_code")));
      const next = run(
        wrong,
        { type: "setCode", code: "654321" },
        { type: "verify", at: T0 + 7_000 },
      );
      const state = flowReducer(next, failedFor(next, otpError("already_verified")));
      expect(state.step).not.toBe("verified");
      expect(state.error?.kind).toBe("already_verified");
    });

    it("is an error after a resend replaced the challenge whose verify was lost", () => {
      const lost = verifyFailed(otpError("network"), T0 + 30_000);
      const inFlight = flowReducer(lost, { type: "resend", at: T0 + 30_000 });
      const replaced = flowReducer(inFlight, sentFor(inFlight, challenge({ id: "ch-2" })));
      const next = run(
        replaced,
        { type: "setCode", code: CODE },
        { type: "verify", at: T0 + 31_000 },
      );
      const state = flowReducer(next, failedFor(next, otpError("already_verified")));
      expect(state.step).not.toBe("verified");
    });
  });

  describe("rate_limited", () => {
    it("blocks verify until retryAfterMs and keeps the code entry usable", () => {
      const at = T0 + 5_000;
      const state = verifyFailed(otpError("rate_limited", { retryAfterMs: 20_000 }), at);
      expect(state).toMatchObject({ step: "enterCode", challengeStatus: "live", code: CODE });
      expect(state.verifyBlockedUntil).toBe(at + 20_000);
      expect(canVerify(state, at + 19_999)).toBe(false);
      expect(flowReducer(state, { type: "verify", at: at + 19_999 })).toBe(state);
      expect(canVerify(state, at + 20_000)).toBe(true);
      expect(flowReducer(state, { type: "verify", at: at + 20_000 }).pending?.op).toBe("verify");
      // Typing still works.
      expect(flowReducer(state, { type: "setCode", code: "1" }).code).toBe("1");
    });

    it("does not block send or resend when it was the verify that was limited", () => {
      const state = verifyFailed(otpError("rate_limited", { retryAfterMs: 60_000 }), T0 + 30_000);
      expect(canResend(state, T0 + 30_000)).toBe(true);
      expect(canSend(state, T0 + 30_000)).toBe(true);
      expect(secondsUntilResend(state, T0 + 30_000)).toBe(0);
    });

    it("uses DEFAULT_RETRY_AFTER_MS when the server names no wait", () => {
      const at = T0 + 5_000;
      const state = verifyFailed(otpError("rate_limited"), at);
      expect(state.verifyBlockedUntil).toBe(at + DEFAULT_RETRY_AFTER_MS);
      expect(secondsUntilRetry(state, at)).toBe(DEFAULT_RETRY_AFTER_MS / 1000);
    });
  });

  describe("not_found", () => {
    it("drops the challenge and offers a new send for the same number", () => {
      const state = verifyFailed(otpError("not_found", { status: 404 }));
      expect(state).toMatchObject({ phone: PHONE, challengeStatus: "gone", code: "" });
      expect(state.error?.kind).toBe("not_found");
      expect(canVerify({ ...state, code: CODE }, T0 + 6_000)).toBe(false);
      expect(canResend(state, T0 + 60_000)).toBe(false);
      expect(canSend(state, T0 + 6_000)).toBe(true);
      expect(flowReducer(state, { type: "send", at: T0 + 6_000 }).pending).toMatchObject({
        op: "send",
        phone: PHONE,
      });
    });
  });

  describe("network", () => {
    it("keeps the state and the typed code; retry repeats the same verify", () => {
      const state = verifyFailed(otpError("network", { status: 0 }));
      expect(state).toMatchObject({
        step: "enterCode",
        challengeStatus: "live",
        code: CODE,
        pending: null,
      });
      expect(state.challenge?.id).toBe("ch-1");
      expect(state.error?.kind).toBe("network");
      const retried = flowReducer(state, { type: "retry", at: T0 + 6_000 });
      expect(retried.pending).toMatchObject({ op: "verify", code: CODE });
      expect(retried.seq).toBe(state.seq + 1);
      expect(retried.error).toBeNull();
    });
  });

  it.each<OtpErrorKind>(["insufficient_quota", "auth_failed", "config_error", "provider_error"])(
    "%s keeps the challenge and the code",
    (kind) => {
      const state = verifyFailed(otpError(kind));
      expect(state).toMatchObject({
        step: "enterCode",
        challengeStatus: "live",
        code: CODE,
        pending: null,
      });
      expect(state.error?.kind).toBe(kind);
    },
  );

  it("ignores a failure carrying another request's number", () => {
    const state = verifying();
    expect(
      flowReducer(state, {
        type: "failed",
        seq: state.seq + 1,
        error: otpError("expired"),
        at: T0,
      }),
    ).toBe(state);
  });
});

describe("failures of a send", () => {
  const sendFailed = (error: OtpError, at = T0) => {
    const state = sending(PHONE, at);
    return flowReducer(state, failedFor(state, error, at));
  };

  it.each<OtpErrorKind>(["invalid_phone", "blocked_phone"])(
    "%s goes back to phone entry keeping the phone",
    (kind) => {
      const state = sendFailed(otpError(kind, { status: 422 }));
      expect(state).toMatchObject({
        step: "enterPhone",
        phone: PHONE,
        challenge: null,
        pending: null,
      });
      expect(state.error?.kind).toBe(kind);
    },
  );

  it.each<OtpErrorKind>(["invalid_phone", "blocked_phone"])(
    "%s on a resend also goes back to phone entry and drops the challenge",
    (kind) => {
      const state = resending();
      const failed = flowReducer(state, failedFor(state, otpError(kind), T0 + 30_000));
      expect(failed).toMatchObject({ step: "enterPhone", phone: PHONE, challenge: null });
      expect(canResend(failed, T0 + 60_000)).toBe(false);
    },
  );

  it("rate_limited blocks send until retryAfterMs, then allows it", () => {
    const state = sendFailed(otpError("rate_limited", { retryAfterMs: 45_000 }), T0);
    expect(state).toMatchObject({
      step: "enterPhone",
      phone: PHONE,
      sendBlockedUntil: T0 + 45_000,
    });
    expect(canSend(state, T0 + 44_999)).toBe(false);
    expect(flowReducer(state, { type: "send", at: T0 + 44_999 })).toBe(state);
    expect(secondsUntilRetry(state, T0)).toBe(45);
    expect(secondsUntilResend(state, T0)).toBe(45);
    expect(canSend(state, T0 + 45_000)).toBe(true);
    expect(flowReducer(state, { type: "send", at: T0 + 45_000 }).pending?.op).toBe("send");
  });

  it("rate_limited without a wait blocks send for DEFAULT_RETRY_AFTER_MS", () => {
    const state = sendFailed(otpError("rate_limited"), T0);
    expect(state.sendBlockedUntil).toBe(T0 + DEFAULT_RETRY_AFTER_MS);
    expect(canSend(state, T0 + DEFAULT_RETRY_AFTER_MS - 1)).toBe(false);
    expect(canSend(state, T0 + DEFAULT_RETRY_AFTER_MS)).toBe(true);
  });

  it("network keeps the phone; retry sends again, once", () => {
    const state = sendFailed(otpError("network", { status: 0 }));
    expect(state).toMatchObject({ step: "enterPhone", phone: PHONE, pending: null });
    expect(state.error?.kind).toBe("network");
    const retried = flowReducer(state, { type: "retry", at: T0 + 1_000 });
    expect(retried.pending).toMatchObject({ op: "send", phone: PHONE });
    expect(retried.step).toBe("sending");
    expect(flowReducer(retried, { type: "retry", at: T0 + 1_001 })).toBe(retried);
  });

  it("retry keeps the channel of the failed send", () => {
    const state = flowReducer(initialFlowState, {
      type: "send",
      phone: PHONE,
      channel: "whatsapp",
      at: T0,
    });
    const failed = flowReducer(state, failedFor(state, otpError("network")));
    expect(flowReducer(failed, { type: "retry", at: T0 + 1 }).pending).toMatchObject({
      op: "send",
      channel: "whatsapp",
    });
  });

  it.each<OtpErrorKind>(["insufficient_quota", "auth_failed", "config_error", "provider_error"])(
    "%s stays on phone entry with the phone kept",
    (kind) => {
      const state = sendFailed(otpError(kind));
      expect(state).toMatchObject({ step: "enterPhone", phone: PHONE, pending: null });
      expect(state.error?.kind).toBe(kind);
    },
  );
});

describe("failures of a resend", () => {
  const resendFailed = (error: OtpError, at = T0 + 30_000) => {
    const state = resending(challenge(), at);
    return flowReducer(state, failedFor(state, error, at));
  };

  it("rate_limited blocks send and resend until retryAfterMs and keeps code entry usable", () => {
    const at = T0 + 30_000;
    const state = resendFailed(otpError("rate_limited", { retryAfterMs: 30_000 }), at);
    expect(state).toMatchObject({ step: "enterCode", challengeStatus: "live" });
    expect(canResend(state, at + 29_999)).toBe(false);
    expect(canSend(state, at + 29_999)).toBe(false);
    expect(flowReducer(state, { type: "resend", at: at + 29_999 })).toBe(state);
    expect(secondsUntilResend(state, at)).toBe(30);
    expect(canResend(state, at + 30_000)).toBe(true);
    const retyped = flowReducer(state, { type: "setCode", code: CODE });
    expect(canVerify(retyped, at)).toBe(true);
    expect(flowReducer(retyped, { type: "verify", at }).pending?.op).toBe("verify");
  });

  it("network keeps the old challenge usable; retry resends", () => {
    const at = T0 + 30_000;
    const state = resendFailed(otpError("network"), at);
    expect(state).toMatchObject({ step: "enterCode", challengeStatus: "live" });
    expect(state.challenge?.id).toBe("ch-1");
    expect(state.verifyUncertain).toBe(false);
    const retried = flowReducer(state, { type: "retry", at: at + 1 });
    expect(retried.pending?.op).toBe("resend");
  });

  it("not_found ends the challenge and offers a new send", () => {
    const state = resendFailed(otpError("not_found"));
    expect(state.challengeStatus).toBe("gone");
    expect(canResend(state, T0 + 60_000)).toBe(false);
    expect(canSend(state, T0 + 30_000)).toBe(true);
  });
});

describe("retry", () => {
  it("does nothing when nothing failed", () => {
    const state = enterCode();
    expect(flowReducer(state, { type: "retry", at: T0 })).toBe(state);
    expect(flowReducer(initialFlowState, { type: "retry", at: T0 })).toBe(initialFlowState);
  });

  it("does nothing while a request is in flight", () => {
    const state = verifyFailed(otpError("network"));
    const again = flowReducer(state, { type: "retry", at: T0 + 6_000 });
    expect(flowReducer(again, { type: "retry", at: T0 + 6_001 })).toBe(again);
  });

  it("respects a rate limit", () => {
    const state = verifyFailed(otpError("rate_limited", { retryAfterMs: 10_000 }), T0 + 5_000);
    expect(flowReducer(state, { type: "retry", at: T0 + 14_999 })).toBe(state);
    expect(flowReducer(state, { type: "retry", at: T0 + 15_000 }).pending?.op).toBe("verify");
  });

  it("is forgotten after a success", () => {
    const failed = verifyFailed(otpError("network"));
    const again = flowReducer(failed, { type: "retry", at: T0 + 6_000 });
    const done = flowReducer(again, verifiedFor(again));
    expect(done.failed).toBeNull();
    const lostResend = flowReducer(resending(), {
      type: "failed",
      seq: resending().seq,
      error: otpError("network"),
      at: T0 + 30_000,
    });
    const resent = flowReducer(lostResend, { type: "retry", at: T0 + 30_001 });
    const replaced = flowReducer(resent, sentFor(resent, challenge({ id: "ch-2" })));
    expect(flowReducer(replaced, { type: "retry", at: T0 + 30_002 })).toBe(replaced);
  });
});

describe("expired answer naming a wait", () => {
  it("allows resend once the server's wait is over", () => {
    const state = verifyFailed(otpError("expired", { resendAfterMs: 20_000 }), T0 + 5_000);
    expect(canResend(state, T0 + 24_999)).toBe(false);
    expect(canResend(state, T0 + 25_000)).toBe(true);
  });
});

describe("retry after a refusal", () => {
  it.each(["wrong_code", "too_many_attempts", "expired", "invalid_phone", "not_found"] as const)(
    "does not resend a request refused with %s",
    (kind) => {
      const state = verifyFailed(otpError(kind));
      expect(state.failed).toBeNull();
      expect(flowReducer(state, { type: "retry", at: T0 + 6_000 })).toBe(state);
    },
  );
});

describe("send while the number's challenge stands", () => {
  it("waits for the resend cooldown, like a resend", () => {
    const state = enterCode();
    expect(canSend(state, T0 + 29_999)).toBe(false);
    expect(flowReducer(state, { type: "send", at: T0 + 29_999 })).toBe(state);
    expect(flowReducer(state, { type: "send", at: T0 + 30_000 }).pending?.op).toBe("send");
  });

  it("is free once the challenge is gone (not_found)", () => {
    const state = verifyFailed(otpError("not_found"));
    expect(canSend(state, T0 + 5_001)).toBe(true);
  });
});

describe("tick (expiry on the clock)", () => {
  it("ends the challenge exactly at expiresAt without a request", () => {
    const state = typed();
    expect(flowReducer(state, { type: "tick", at: T0 + 299_999 })).toBe(state);
    const expired = flowReducer(state, { type: "tick", at: T0 + 300_000 });
    expect(expired).toMatchObject({
      step: "enterCode",
      phone: PHONE,
      challengeStatus: "expired",
      pending: null,
      seq: state.seq,
    });
    expect(expired.error?.kind).toBe("expired");
    expect(canVerify(expired, T0 + 300_000)).toBe(false);
    expect(canResend(expired, T0 + 300_000)).toBe(true);
    expect(secondsUntilExpiry(expired, T0 + 300_000)).toBe(0);
  });

  it("keeps the server's resend time: its cooldown for the number outlives the code", () => {
    const state = enterCode(challenge({ expiresAt: T0 + 60_000, resendAt: T0 + 120_000 }));
    const expired = flowReducer(state, { type: "tick", at: T0 + 60_000 });
    expect(expired.challengeStatus).toBe("expired");
    expect(canResend(expired, T0 + 60_000)).toBe(false);
    expect(secondsUntilResend(expired, T0 + 60_000)).toBe(60);
    expect(canResend(expired, T0 + 120_000)).toBe(true);
  });

  it("leaves a verify in flight to the server", () => {
    const state = verifying(CODE, challenge(), T0 + 299_000);
    expect(flowReducer(state, { type: "tick", at: T0 + 300_000 })).toBe(state);
    const done = flowReducer(state, verifiedFor(state, "tok"));
    expect(done.step).toBe("verified");
  });

  it("does nothing twice, without a challenge, or once verified", () => {
    const expired = flowReducer(enterCode(), { type: "tick", at: T0 + 300_000 });
    expect(flowReducer(expired, { type: "tick", at: T0 + 301_000 })).toBe(expired);
    expect(flowReducer(initialFlowState, { type: "tick", at: T0 })).toBe(initialFlowState);
  });
});

describe("changeNumber", () => {
  it("returns to phone entry keeping the typed number and dropping the challenge", () => {
    const state = flowReducer(typed(), { type: "changeNumber" });
    expect(state).toMatchObject({
      step: "enterPhone",
      phone: PHONE,
      challenge: null,
      code: "",
      error: null,
      pending: null,
    });
    expect(canResend(state, T0 + 60_000)).toBe(false);
    expect(canVerify(state, T0)).toBe(false);
  });

  it("makes the answer of a request in flight stale", () => {
    const inFlight = sending(PHONE);
    const changed = flowReducer(inFlight, { type: "changeNumber" });
    expect(changed.pending).toBeNull();
    expect(flowReducer(changed, sentFor(inFlight))).toBe(changed);

    // A new send to another number, then the first send's answer arrives late.
    const second = flowReducer(changed, { type: "send", phone: OTHER_PHONE, at: T0 + 1_000 });
    expect(second.seq).toBeGreaterThan(inFlight.seq);
    expect(flowReducer(second, sentFor(inFlight))).toBe(second);
    const done = flowReducer(second, sentFor(second, challenge({ id: "ch-other" })));
    expect(done.challenge?.id).toBe("ch-other");
    expect(done.phone).toBe(OTHER_PHONE);
  });

  it("makes a verify in flight stale", () => {
    const state = verifying();
    const changed = flowReducer(state, { type: "changeNumber" });
    expect(flowReducer(changed, verifiedFor(state, "tok"))).toBe(changed);
    expect(changed.step).toBe("enterPhone");
  });

  it("keeps a send rate limit", () => {
    const state = resending();
    const limited = flowReducer(
      state,
      failedFor(state, otpError("rate_limited", { retryAfterMs: 20_000 }), T0 + 30_000),
    );
    const changed = flowReducer(limited, { type: "changeNumber" });
    expect(canSend(changed, T0 + 49_999)).toBe(false);
    expect(canSend(changed, T0 + 50_000)).toBe(true);
  });
});

describe("reset", () => {
  it("clears everything", () => {
    const state = verifyFailed(otpError("rate_limited", { retryAfterMs: 60_000 }));
    const cleared = flowReducer(state, { type: "reset" });
    expect(cleared).toEqual({ ...initialFlowState, seq: cleared.seq });
    expect(canSend(cleared, T0)).toBe(true);
    expect(secondsUntilRetry(cleared, T0)).toBe(0);
  });

  it("makes late answers stale", () => {
    const inFlight = sending();
    const cleared = flowReducer(inFlight, { type: "reset" });
    expect(flowReducer(cleared, sentFor(inFlight))).toBe(cleared);
    const again = flowReducer(cleared, { type: "send", phone: OTHER_PHONE, at: T0 + 1 });
    expect(flowReducer(again, sentFor(inFlight))).toBe(again);
  });

  it("clears a verified flow", () => {
    const state = verifying();
    const done = flowReducer(state, verifiedFor(state, "tok"));
    const cleared = flowReducer(done, { type: "reset" });
    expect(cleared).toMatchObject({ step: "enterPhone", token: undefined, phone: "" });
  });
});

describe("restore", () => {
  const persisted = challenge({ id: "saved", expiresAt: T0 + 120_000, resendAt: T0 + 20_000 });

  it("resumes the code step with a live persisted challenge", () => {
    const state = flowReducer(initialFlowState, {
      type: "restore",
      phone: PHONE,
      challenge: persisted,
      at: T0 + 10_000,
    });
    expect(state).toMatchObject({
      step: "enterCode",
      phone: PHONE,
      challenge: persisted,
      challengeStatus: "live",
    });
    expect(secondsUntilExpiry(state, T0 + 10_000)).toBe(110);
    expect(secondsUntilResend(state, T0 + 10_000)).toBe(10);
    const withCode = flowReducer(state, { type: "setCode", code: CODE });
    expect(canVerify(withCode, T0 + 10_000)).toBe(true);
  });

  it("drops an expired persisted challenge (exactly at expiresAt too)", () => {
    for (const at of [T0 + 120_000, T0 + 500_000]) {
      expect(
        flowReducer(initialFlowState, { type: "restore", phone: PHONE, challenge: persisted, at }),
      ).toBe(initialFlowState);
    }
  });

  it("does not overwrite a flow already under way", () => {
    const state = sending();
    expect(
      flowReducer(state, { type: "restore", phone: PHONE, challenge: persisted, at: T0 }),
    ).toBe(state);
    const codeStep = enterCode();
    expect(
      flowReducer(codeStep, { type: "restore", phone: PHONE, challenge: persisted, at: T0 }),
    ).toBe(codeStep);
  });
});

// Selectors ---------------------------------------------------------------------------------

describe("secondsUntilResend", () => {
  const state = enterCode(challenge({ resendAt: T0 + 30_000 }));

  it("rounds up and reaches zero exactly at resendAt", () => {
    expect(secondsUntilResend(state, T0)).toBe(30);
    expect(secondsUntilResend(state, T0 + 1)).toBe(30);
    expect(secondsUntilResend(state, T0 + 28_999)).toBe(2);
    expect(secondsUntilResend(state, T0 + 29_000)).toBe(1);
    expect(secondsUntilResend(state, T0 + 29_999)).toBe(1);
    expect(secondsUntilResend(state, T0 + 30_000)).toBe(0);
    expect(secondsUntilResend(state, T0 + 90_000)).toBe(0);
  });

  it("is zero without a challenge", () => {
    expect(secondsUntilResend(initialFlowState, T0)).toBe(0);
  });

  it("follows the later of the cooldown and a send rate limit", () => {
    expect(resendAvailableAt({ ...state, sendBlockedUntil: T0 + 50_000 })).toBe(T0 + 50_000);
    expect(resendAvailableAt({ ...state, sendBlockedUntil: T0 + 10_000 })).toBe(T0 + 30_000);
  });
});

describe("secondsUntilExpiry", () => {
  const state = enterCode(challenge({ expiresAt: T0 + 300_000 }));

  it("rounds up and reaches zero exactly at expiresAt", () => {
    expect(secondsUntilExpiry(state, T0)).toBe(300);
    expect(secondsUntilExpiry(state, T0 + 299_001)).toBe(1);
    expect(secondsUntilExpiry(state, T0 + 299_999)).toBe(1);
    expect(secondsUntilExpiry(state, T0 + 300_000)).toBe(0);
    expect(secondsUntilExpiry(state, T0 + 400_000)).toBe(0);
  });

  it("is zero without a live challenge", () => {
    expect(secondsUntilExpiry(initialFlowState, T0)).toBe(0);
    expect(secondsUntilExpiry(verifyFailed(otpError("too_many_attempts")), T0 + 6_000)).toBe(0);
    expect(secondsUntilExpiry(verifyFailed(otpError("not_found")), T0 + 6_000)).toBe(0);
  });
});

describe("secondsUntilRetry", () => {
  it("counts down the longer of the send and verify blocks", () => {
    const state = {
      ...enterCode(),
      sendBlockedUntil: T0 + 10_000,
      verifyBlockedUntil: T0 + 25_500,
    };
    expect(secondsUntilRetry(state, T0)).toBe(26);
    expect(secondsUntilRetry(state, T0 + 25_499)).toBe(1);
    expect(secondsUntilRetry(state, T0 + 25_500)).toBe(0);
  });

  it("is zero when nothing is limited", () => {
    expect(secondsUntilRetry(enterCode(), T0)).toBe(0);
  });
});

describe("canSend", () => {
  it("is false while a request is in flight", () => {
    expect(canSend(sending(), T0)).toBe(false);
    expect(canSend(verifying(), T0 + 5_000)).toBe(false);
  });

  it("turns true exactly when the send block ends", () => {
    const state = { ...initialFlowState, phone: PHONE, sendBlockedUntil: T0 + 1_000 };
    expect(canSend(state, T0 + 999)).toBe(false);
    expect(canSend(state, T0 + 1_000)).toBe(true);
  });
});

describe("canResend", () => {
  it("is false on phone entry, while sending and while verifying", () => {
    expect(canResend(initialFlowState, T0 + 60_000)).toBe(false);
    expect(canResend(sending(), T0 + 60_000)).toBe(false);
    expect(canResend(verifying(), T0 + 60_000)).toBe(false);
    expect(canResend(resending(), T0 + 60_000)).toBe(false);
  });

  it("turns true exactly at resendAt", () => {
    const state = enterCode(challenge({ resendAt: T0 + 30_000 }));
    expect(canResend(state, T0 + 29_999)).toBe(false);
    expect(canResend(state, T0 + 30_000)).toBe(true);
  });
});

describe("canVerify", () => {
  it("needs a live challenge, the whole code, nothing in flight and time left", () => {
    const state = typed(CODE, challenge({ expiresAt: T0 + 300_000 }));
    expect(canVerify(state, T0)).toBe(true);
    expect(canVerify(state, T0 + 299_999)).toBe(true);
    expect(canVerify(state, T0 + 300_000)).toBe(false);
    expect(canVerify({ ...state, code: "12345" }, T0)).toBe(false);
    expect(canVerify(enterCode(), T0)).toBe(false);
    expect(canVerify(verifying(), T0 + 5_000)).toBe(false);
  });

  it("follows the challenge's codeLength", () => {
    const state = typed("1234", challenge({ codeLength: 4 }));
    expect(canVerify(state, T0)).toBe(true);
  });

  it("turns true exactly when a verify block ends", () => {
    const state = { ...typed(), verifyBlockedUntil: T0 + 10_000 };
    expect(canVerify(state, T0 + 9_999)).toBe(false);
    expect(canVerify(state, T0 + 10_000)).toBe(true);
  });
});

describe("attemptsLeft", () => {
  it("reads the challenge's count, undefined without one", () => {
    expect(attemptsLeft(enterCode(challenge({ attemptsLeft: 3 })))).toBe(3);
    expect(attemptsLeft(initialFlowState)).toBeUndefined();
  });
});

describe("nextDeadline", () => {
  const state = enterCode(challenge({ resendAt: T0 + 30_000, expiresAt: T0 + 300_000 }));

  it("is the earliest countdown still running", () => {
    expect(nextDeadline(state, T0)).toBe(T0 + 30_000);
    expect(nextDeadline(state, T0 + 29_999)).toBe(T0 + 30_000);
  });

  it("moves on once a deadline is reached (exactly at it)", () => {
    expect(nextDeadline(state, T0 + 30_000)).toBe(T0 + 300_000);
    expect(nextDeadline(state, T0 + 299_999)).toBe(T0 + 300_000);
  });

  it("is null when every countdown is over or none runs", () => {
    expect(nextDeadline(state, T0 + 300_000)).toBeNull();
    expect(nextDeadline(initialFlowState, T0)).toBeNull();
  });

  it("includes rate limits", () => {
    const limited = { ...state, verifyBlockedUntil: T0 + 10_000 };
    expect(nextDeadline(limited, T0)).toBe(T0 + 10_000);
    const sendLimited = { ...initialFlowState, sendBlockedUntil: T0 + 5_000 };
    expect(nextDeadline(sendLimited, T0)).toBe(T0 + 5_000);
  });

  it("ignores the expiry of a challenge that is no longer live", () => {
    const locked = verifyFailed(otpError("too_many_attempts"), T0 + 40_000);
    expect(nextDeadline(locked, T0 + 40_000)).toBeNull();
  });
});
