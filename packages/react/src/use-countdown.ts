import { useEffect, useReducer } from "react";

const secondsLeft = (deadline: number | null | undefined, now: number) =>
  deadline ? Math.max(0, Math.ceil((deadline - now) / 1000)) : 0;

/**
 * Whole seconds left until `deadline` (epoch ms). Re-renders only the component that calls
 * it, once per second on the deadline's own second boundaries, and never after zero.
 * Computed from absolute time, so it is right at once when a sleeping tab wakes.
 */
export function useCountdown(
  deadline: number | null | undefined,
  now: () => number = Date.now,
): number {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!deadline) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      const remaining = deadline - now();
      if (remaining <= 0) return;
      timer = setTimeout(
        () => {
          rerender();
          schedule();
        },
        remaining % 1000 || 1000,
      );
    };
    // Timers are throttled in background tabs: catch up as soon as the page is seen again.
    const wake = () => {
      if (document.visibilityState !== "visible") return;
      clearTimeout(timer);
      rerender();
      schedule();
    };
    schedule();
    document.addEventListener("visibilitychange", wake);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", wake);
    };
  }, [deadline, now]);
  return secondsLeft(deadline, now());
}
