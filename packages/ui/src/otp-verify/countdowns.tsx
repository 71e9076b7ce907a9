"use client";
/**
 * The countdowns of OtpVerify. Each reads the clock itself (useCountdown), so a second passing
 * re-renders only the countdown, never the form around it.
 */
import { useCountdown } from "@otpkit/react";
import { createContext, memo, useContext, useEffect, useRef } from "react";
import { formatCountdown, formatMessage } from "../i18n";
import { rateLimitedText } from "./flow-text";
import type { OtpVerifyMessages } from "./messages";

/** OtpVerify's clock (its `now` prop), for the countdowns inside it. */
export const FlowClock = createContext<() => number>(Date.now);

/** Whole seconds until `deadline` on OtpVerify's clock, re-rendering only the caller. */
const useSecondsUntil = (deadline: number | null) => useCountdown(deadline, useContext(FlowClock));

export interface CountdownProps {
  /** Epoch ms the countdown runs to, or null when there is none. */
  deadline: number | null;
  messages: OtpVerifyMessages;
  /** BCP 47 tag for Intl formatting. */
  locale: string;
}

/** The resend button's words: "Resend in 0:24" while the cooldown runs, then "Resend code". */
export const ResendCountdown = memo(function ResendCountdown({
  deadline,
  messages,
  locale,
}: CountdownProps) {
  const seconds = useSecondsUntil(deadline);
  if (seconds <= 0) return messages.resend;
  return formatMessage(
    messages.resendIn,
    { time: formatCountdown(seconds * 1000, locale) },
    locale,
  );
});

/** "Code expires in 4:12" until `deadline`; nothing without one (the code is no longer live). */
export const ExpiryCountdown = memo(function ExpiryCountdown({
  deadline,
  messages,
  locale,
}: CountdownProps) {
  const seconds = useSecondsUntil(deadline);
  if (seconds <= 0) return null;
  return (
    <p className="otpkit-verify__expiry">
      {formatMessage(messages.expiresIn, { time: formatCountdown(seconds * 1000, locale) }, locale)}
    </p>
  );
});

/** The rate-limit sentence, its wait counting down: "Too many tries. Wait 0:45, then try again." */
export const RetryCountdown = memo(function RetryCountdown({
  deadline,
  messages,
  locale,
}: CountdownProps) {
  return rateLimitedText(useSecondsUntil(deadline), messages, locale);
});

/**
 * Calls `onReach` once when the clock reaches `moment` (epoch ms), with no render of its own.
 * The clock is looked at each second (without rendering), so a clock that jumps (a machine
 * waking from sleep) is noticed within a second.
 */
export function useMoment(moment: number | null, onReach: () => void, clock: () => number): void {
  const onReachRef = useRef(onReach);
  onReachRef.current = onReach;
  useEffect(() => {
    if (moment === null || moment <= clock()) return;
    let timer: ReturnType<typeof setTimeout>;
    const look = () => {
      const left = moment - clock();
      if (left <= 0) onReachRef.current();
      else timer = setTimeout(look, Math.min(left, 1000));
    };
    look();
    return () => clearTimeout(timer);
  }, [moment, clock]);
}
