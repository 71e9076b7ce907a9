/**
 * The default store: everything in this process's memory. Right for one server instance;
 * behind a load balancer use the Redis store, or every instance counts on its own.
 */
import type { OtpChallenge } from "@otpkit/core";
import type { RateLimiterMemory } from "rate-limiter-flexible";
import type { OtpStore, StoredChallenge } from "../store";
import { createMemoryLimiter, SharedCounters } from "./memory-limiter";

export interface MemoryStoreOptions {
  /** Clock for challenge expiry. Default `Date.now`. */
  now?: () => number;
}

/** What is kept per challenge: the stored challenge and its expiry, in one object. */
interface Entry extends StoredChallenge {
  expiresAt: number;
}

const SWEEP_EVERY_MS = 60_000;

/** Copies in and out, so no caller can change what is stored (one level deeper: `inner`). */
function copyInner(inner: OtpChallenge): OtpChallenge {
  const copied = { ...inner };
  if (inner.channels) copied.channels = [...inner.channels];
  return copied;
}

export function createMemoryStore(options: MemoryStoreOptions = {}): OtpStore {
  const { now = Date.now } = options;
  const entries = new Map<string, Entry>();
  const limiters = new Map<string, RateLimiterMemory>();
  const counters = new SharedCounters();
  let nextSweepAt = 0;

  // No timers: stale entries go on reads, and in a sweep at most once a minute on writes.
  function sweep(at: number) {
    if (at < nextSweepAt) return;
    nextSweepAt = at + SWEEP_EVERY_MS;
    for (const [id, entry] of entries) if (at >= entry.expiresAt) entries.delete(id);
  }

  function entry(id: string): Entry | undefined {
    const found = entries.get(id);
    if (found && now() >= found.expiresAt) {
      entries.delete(id);
      return undefined;
    }
    return found;
  }

  return {
    async getChallenge(id) {
      const found = entry(id);
      if (!found) return undefined;
      const { phone, inner, verified } = found;
      return { id, phone, inner: copyInner(inner), verified };
    },
    async putChallenge(challenge, ttlMs) {
      const at = now();
      sweep(at);
      const { id, phone, inner } = challenge;
      entries.set(id, {
        id,
        phone,
        inner: copyInner(inner),
        verified: false,
        expiresAt: at + ttlMs,
      });
    },
    async markVerified(id) {
      const found = entry(id);
      if (!found || found.verified) return false;
      found.verified = true;
      return true;
    },
    async deleteChallenge(id) {
      entries.delete(id);
    },
    // One limiter per spec: every handler on this store counts in the same place.
    limiter({ name, points, durationSeconds }) {
      const key = `${name}:${points}:${durationSeconds}`;
      let limiter = limiters.get(key);
      if (!limiter) {
        limiter = createMemoryLimiter(
          { keyPrefix: name, points, duration: durationSeconds },
          counters,
        );
        limiters.set(key, limiter);
      }
      return limiter;
    },
    async close() {
      entries.clear();
      limiters.clear();
      counters.byKey.clear();
    },
  };
}
