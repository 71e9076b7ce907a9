/** Sends (and resends) per client IP: one caller cannot spray codes over many numbers. */
import { OtpError } from "@otpkit/core";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { consume } from "./limiter";
import type { LimiterSpec } from "./store";

export interface IpLimitOptions {
  limiter: (spec: LimiterSpec) => RateLimiterAbstract;
  /** Sends per IP per window. Default 20. */
  sendsPerIp?: number;
  /** Default 3600 s. */
  windowSeconds?: number;
}

export const DEFAULT_SENDS_PER_IP = 20;

export interface IpLimit {
  /** Counts one send from `ip`; throws `rate_limited` over the limit. */
  take(ip: string): Promise<void>;
}

export function createIpLimit(options: IpLimitOptions): IpLimit {
  const { sendsPerIp = DEFAULT_SENDS_PER_IP, windowSeconds = 3600 } = options;
  if (!Number.isInteger(sendsPerIp) || sendsPerIp < 1) {
    throw new RangeError("limits.sendsPerIp must be a whole number of at least 1");
  }
  const perIp = options.limiter({
    name: "sends-per-ip",
    points: sendsPerIp,
    durationSeconds: windowSeconds,
  });
  return {
    async take(ip) {
      const { allowed, res } = await consume(perIp, ip);
      if (!allowed) {
        throw new OtpError({
          kind: "rate_limited",
          message: "Too many codes requested from this address",
          retryAfterMs: res.msBeforeNext,
        });
      }
    },
  };
}
