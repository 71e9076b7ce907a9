import type { RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";

export interface Consumed {
  allowed: boolean;
  res: RateLimiterRes;
}

const NO_OPTIONS = Object.freeze({});

/**
 * `limiter.consume` without exceptions for the expected case: rate-limiter-flexible rejects
 * with a `RateLimiterRes` when the limit is reached and with an `Error` when its store
 * fails. Only the second is thrown on.
 */
export async function consume(
  limiter: RateLimiterAbstract,
  key: string,
  points = 1,
  durationSeconds?: number,
): Promise<Consumed> {
  try {
    const options =
      durationSeconds === undefined ? NO_OPTIONS : { customDuration: durationSeconds };
    return { allowed: true, res: await limiter.consume(key, points, options) };
  } catch (thrown) {
    if (thrown instanceof Error) throw thrown;
    return { allowed: false, res: thrown as RateLimiterRes };
  }
}

/** Whole seconds, at least 1: rate-limiter-flexible reads a duration of 0 as "forever". */
export const wholeSeconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));
