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
  const clock = useContext(FlowClock);
  const seconds = useCountdown(deadline, clock);
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
  const clock = useContext(FlowClock);
  const seconds = useCountdown(deadline, clock);
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
  const clock = useContext(FlowClock);
  return rateLimitedText(useCountdown(deadline, clock), messages, locale);
});

/**
 * Calls `onReach` once when the clock reaches `moment` (epoch ms), with no render of its own;
 * late (never early) when timers slept with the tab, and at once when the page is seen again.
 */
export function useMoment(moment: number | null, onReach: () => void, clock: () => number): void {
  const onReachRef = useRef(onReach);
  onReachRef.current = onReach;
  useEffect(() => {
    if (moment === null || moment <= clock()) return;
    const at = moment;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reach = () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", wake);
      onReachRef.current();
    };
    const schedule = () => {
      const left = at - clock();
      if (left <= 0) reach();
      // setTimeout's longest delay; a later moment is reached in more than one step.
      else timer = setTimeout(schedule, Math.min(left, 2 ** 31 - 1));
    };
    function wake() {
      if (document.visibilityState === "visible" && clock() >= at) reach();
    }
    schedule();
    document.addEventListener("visibilitychange", wake);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", wake);
    };
  }, [moment, clock]);
}
