/**
 * Counters in fixed windows, kept the way @otpkit/server's rate limiters keep them
 * (rate-limiter-flexible in memory): a window opens with its first point, lasts the
 * duration it was opened with whatever is added later, and is over at its end exactly.
 */

export interface Window {
  points: number;
  /** Epoch ms when the window is over. */
  endsAt: number;
}

export interface Windows {
  /** The running window of `key`, if any. */
  get(key: string): Window | undefined;
  /** Adds points to the running window, or opens one of `durationMs` (negative points give back). */
  add(key: string, points: number, durationMs: number): Window;
  delete(key: string): void;
  clear(): void;
}

export function createWindows(now: () => number): Windows {
  const windows = new Map<string, Window>();

  function get(key: string): Window | undefined {
    const window = windows.get(key);
    if (window && window.endsAt - now() > 0) return window;
    windows.delete(key);
    return undefined;
  }

  return {
    get,
    add(key, points, durationMs) {
      const running = get(key);
      if (running) {
        running.points += points;
        return running;
      }
      const opened = { points, endsAt: now() + durationMs };
      windows.set(key, opened);
      return opened;
    },
    delete: (key) => windows.delete(key),
    clear: () => windows.clear(),
  };
}

/** Whole seconds, at least 1, as the server hands durations to its limiters. */
export const wholeSeconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));
