/**
 * The browser's adapter (`createHttpAdapter`, as any app would use it), wrapped so the demo
 * can show what the app sees: which number the simulated phone belongs to, and each answer
 * of the server in one line. Codes are never recorded.
 */
import { createHttpAdapter, type OtpAdapter, type OtpChallenge, toOtpError } from "@otpkit/core";
import type { DemoBackend } from "./backend";

export interface FlowEvent {
  id: number;
  operation: "send" | "resend" | "verify";
  outcome: string;
  ok: boolean;
}

export interface DemoAdapterHooks {
  /** A code was asked for this number (E.164): the simulated phone is that number's. */
  onPhone(phone: string): void;
  /** An answer arrived. */
  onEvent(event: FlowEvent): void;
}

const inSeconds = (at: number) => Math.max(0, Math.round((at - Date.now()) / 1000));

function describe(challenge: OtpChallenge): string {
  return [
    `${challenge.codeLength}-digit code by ${challenge.channel}`,
    `expires in ${inSeconds(challenge.expiresAt)} s`,
    `resend in ${inSeconds(challenge.resendAt)} s`,
    challenge.referenceCode && `Ref ${challenge.referenceCode}`,
    challenge.channels && `channels ${challenge.channels.join(", ")}`,
  ]
    .filter(Boolean)
    .join(", ");
}

function failure(thrown: unknown): string {
  const error = toOtpError(thrown);
  return [
    `${error.kind}${error.status ? ` (HTTP ${error.status})` : ""}`,
    error.attemptsLeft !== undefined && `${error.attemptsLeft} attempts left`,
    error.retryAfterMs !== undefined && `retry in ${Math.ceil(error.retryAfterMs / 1000)} s`,
  ]
    .filter(Boolean)
    .join(", ");
}

export function createDemoAdapter(backend: DemoBackend, hooks: DemoAdapterHooks): OtpAdapter {
  const http = createHttpAdapter({ baseUrl: "/api/otp", fetch: backend.fetch });
  let next = 0;

  async function observe<T>(
    operation: FlowEvent["operation"],
    request: Promise<T>,
    outcome: (answer: T) => string,
  ): Promise<T> {
    try {
      const answer = await request;
      hooks.onEvent({ id: next++, operation, outcome: outcome(answer), ok: true });
      return answer;
    } catch (thrown) {
      hooks.onEvent({ id: next++, operation, outcome: failure(thrown), ok: false });
      throw thrown;
    }
  }

  return {
    send(input) {
      hooks.onPhone(input.phone);
      return observe("send", http.send(input), describe);
    },
    resend(input) {
      return observe("resend", http.resend(input), describe);
    },
    verify(input) {
      return observe("verify", http.verify(input), (answer) =>
        answer.token ? "verified, with a token for your backend" : "verified",
      );
    },
  };
}
