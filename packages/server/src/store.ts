/**
 * Where the server keeps what must outlive one request: challenges (our opaque id -> the
 * provider's challenge and the phone it is bound to) and the counters behind every limit.
 * Counters are rate-limiter-flexible limiters, made by the store so they share its backend.
 */
import type { OtpChallenge } from "@otpkit/core";
import type { RateLimiterAbstract } from "rate-limiter-flexible";

export interface StoredChallenge {
  /** Our opaque id: the only handle the browser ever holds. */
  id: string;
  /** The E.164 number the code went to; resends go there, whatever the browser says. */
  phone: string;
  /** The challenge as the adapter chain returned it (the provider's id inside). */
  inner: OtpChallenge;
  /** Set once, atomically, by the first successful verify. */
  verified: boolean;
}

export interface LimiterSpec {
  /** Names the counter ("phone", "attempts"...); stores prefix it with their own namespace. */
  name: string;
  points: number;
  durationSeconds: number;
}

export interface OtpStore {
  getChallenge(id: string): Promise<StoredChallenge | undefined>;
  /** Keeps the challenge (unverified) for `ttlMs`. */
  putChallenge(challenge: Omit<StoredChallenge, "verified">, ttlMs: number): Promise<void>;
  /** Marks a challenge verified. True for the one caller that did it; false if it already was. */
  markVerified(id: string, ttlMs: number): Promise<boolean>;
  deleteChallenge(id: string): Promise<void>;
  /** A rate limiter on this store's backend. */
  limiter(spec: LimiterSpec): RateLimiterAbstract;
  /** Releases what the store holds (timers, connections it owns). */
  close(): Promise<void>;
}
