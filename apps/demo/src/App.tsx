import { createHttpAdapter } from "@otpkit/core";
import { useOtpFlow } from "@otpkit/react";
import { type FormEvent, useId, useState } from "react";
import { SimulatedPhone } from "./SimulatedPhone";

const adapter = createHttpAdapter({ baseUrl: "/api/otp" });

const MESSAGES: Record<string, string> = {
  invalid_phone: "This number doesn't look right. Check it and try again.",
  blocked_phone: "We can't send a code to this number. Try another number.",
  rate_limited: "Too many tries. Wait a moment, then try again.",
  insufficient_quota: "The service is unavailable right now. Try again later.",
  auth_failed: "The service is unavailable right now. Try again later.",
  config_error: "The service is unavailable right now. Try again later.",
  not_found: "This code request is no longer valid. Send a new code.",
  wrong_code: "That code isn't right. Check the message and try again.",
  too_many_attempts: "Too many wrong codes. Ask for a new code.",
  expired: "This code has expired. Ask for a new code.",
  already_verified: "This code was already used. Ask for a new code.",
  network: "We couldn't reach the server. Check your connection and try again.",
  provider_error: "Something went wrong on our side. Try again later.",
};

const clock = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;

export function App() {
  const [phone, setPhone] = useState("+66812345678");
  const flow = useOtpFlow({ adapter });
  const phoneId = useId();
  const codeId = useId();
  const errorId = useId();
  const error = flow.error && (
    <p id={errorId} className="error" role="alert">
      {MESSAGES[flow.error.kind]}
      {flow.error.kind === "wrong_code" && flow.attemptsLeft !== undefined
        ? ` ${flow.attemptsLeft} attempts left.`
        : ""}
    </p>
  );

  const submitPhone = (event: FormEvent) => {
    event.preventDefault();
    flow.send(phone.replace(/[^\d+]/g, ""));
  };
  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    flow.verify();
  };

  return (
    <div className="page">
      <main className="card">
        <p className="brand">Acme</p>
        {flow.step === "verified" ? (
          <section aria-labelledby="done">
            <h1 id="done">Phone number verified</h1>
            <p>{flow.phone} is verified.</p>
            <p className="muted">Verification token for your backend:</p>
            <code className="token">{flow.token ?? "(none)"}</code>
            <button type="button" className="link" onClick={flow.reset}>
              Start again
            </button>
          </section>
        ) : flow.step === "enterPhone" || flow.step === "sending" ? (
          <form onSubmit={submitPhone} aria-labelledby="phone-title">
            <h1 id="phone-title">Enter your phone number</h1>
            <p className="muted">We'll send you a code by SMS.</p>
            <label htmlFor={phoneId}>Phone number</label>
            <input
              id={phoneId}
              type="tel"
              autoComplete="tel"
              value={phone}
              onChange={(event) => setPhone(event.target.value)}
              aria-invalid={flow.error?.kind === "invalid_phone" || undefined}
              aria-describedby={flow.error ? errorId : undefined}
            />
            {error}
            <button type="submit" disabled={!flow.canSend} aria-busy={flow.isSending}>
              {flow.isSending
                ? "Sending…"
                : flow.secondsUntilRetry > 0
                  ? `Try again in ${clock(flow.secondsUntilRetry)}`
                  : "Send code"}
            </button>
          </form>
        ) : (
          <form onSubmit={submitCode} aria-labelledby="code-title">
            <h1 id="code-title">Enter the code</h1>
            <p className="muted">
              Sent by SMS to {flow.challenge?.phone}.{" "}
              <button type="button" className="link" onClick={flow.changeNumber}>
                Change number
              </button>
            </p>
            {flow.challenge?.referenceCode && (
              <p className="muted">Ref {flow.challenge.referenceCode}</p>
            )}
            <label htmlFor={codeId}>Code</label>
            <input
              id={codeId}
              className="code"
              autoComplete="one-time-code"
              inputMode="numeric"
              pattern="[0-9]*"
              maxLength={flow.codeLength}
              value={flow.code}
              onChange={(event) => flow.setCode(event.target.value.replace(/\D/g, ""))}
              aria-invalid={flow.error?.kind === "wrong_code" || undefined}
              aria-describedby={flow.error ? errorId : undefined}
              disabled={flow.challengeStatus !== "live"}
            />
            {error}
            {flow.challengeStatus === "live" && (
              <p className="muted">Code expires in {clock(flow.secondsUntilExpiry)}</p>
            )}
            <button type="submit" disabled={!flow.canVerify} aria-busy={flow.isVerifying}>
              {flow.isVerifying ? "Checking…" : "Verify"}
            </button>
            <button
              type="button"
              className="link"
              disabled={!flow.canResend}
              onClick={() => flow.resend()}
            >
              {flow.isResending
                ? "Sending…"
                : flow.canResend
                  ? "Resend code"
                  : `Resend in ${clock(flow.secondsUntilResend)}`}
            </button>
          </form>
        )}
      </main>
      <SimulatedPhone />
    </div>
  );
}
