/**
 * rate-limiter-flexible's RateLimiterMemory with a storage that keeps no timer per key.
 * The library's own storage starts a setTimeout for every key it sets, only to delete the
 * key when it expires: with hour-long per-number counters that is a timer, a closure and a
 * record kept alive per send, which the benchmark showed as much of the server's garbage
 * collection. Here a key that has expired counts as absent when it is read (as the timer
 * would have deleted it by then), and expired keys are swept at most once a minute, on
 * writes. Counting, blocking and dump/restore stay the library's.
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

const SWEEP_EVERY_MS = 60_000;

interface Slot {
  value: number;
  /** Epoch ms; null: never expires (a duration of 0). */
  expiresAt: number | null;
}

const live = (slot: Slot | undefined, at: number): slot is Slot =>
  slot !== undefined && (slot.expiresAt === null || slot.expiresAt > at);

/** The interface RateLimiterMemory calls on its `_memoryStorage`, without timers. */
class SweptStorage {
  /** Named as the library's: its dump() reads it. */
  readonly _storage = new Map<string, Slot>();
  private nextSweepAt = 0;

  incrby(key: string, value: number, durationSec: number): RateLimiterRes {
    const slot = this._storage.get(key);
    const at = Date.now();
    if (!live(slot, at)) return this.set(key, value, durationSec);
    slot.value += value;
    const msLeft = slot.expiresAt === null ? -1 : slot.expiresAt - at;
    return new RateLimiterRes(0, msLeft, slot.value, false);
  }

  set(key: string, value: number, durationSec: number): RateLimiterRes {
    const durationMs = durationSec * 1000;
    const at = Date.now();
    this.sweep(at);
    const slot: Slot = {
      value: Math.trunc(value),
      expiresAt: durationMs > 0 ? at + durationMs : null,
    };
    this._storage.set(key, slot);
    return new RateLimiterRes(0, durationMs === 0 ? -1 : durationMs, slot.value, true);
  }

  get(key: string): RateLimiterRes | null {
    const slot = this._storage.get(key);
    const at = Date.now();
    if (!live(slot, at)) return null;
    const msLeft = slot.expiresAt === null ? -1 : slot.expiresAt - at;
    return new RateLimiterRes(0, msLeft, slot.value, false);
  }

  delete(key: string): boolean {
    return this._storage.delete(key);
  }

  /** What RateLimiterMemory.restore() calls for each kept entry. */
  _restoreRecord(key: string, value: number, expiresAt: number | null): void {
    if (expiresAt !== null && (!Number.isFinite(expiresAt) || expiresAt <= Date.now())) return;
    this._storage.set(key, { value: Math.trunc(value), expiresAt });
  }

  private sweep(at: number) {
    if (at < this.nextSweepAt) return;
    this.nextSweepAt = at + SWEEP_EVERY_MS;
    for (const [key, slot] of this._storage) if (!live(slot, at)) this._storage.delete(key);
  }
}

export type MemoryLimiterOptions = ConstructorParameters<typeof RateLimiterMemory>[0];

export function createMemoryLimiter(options: MemoryLimiterOptions): RateLimiterMemory {
  const limiter = new RateLimiterMemory(options);
  const internals = limiter as unknown as { _memoryStorage?: unknown };
  // Only where the library keeps its storage as expected; otherwise its own (with timers).
  if (internals._memoryStorage !== undefined) {
    internals._memoryStorage = new SweptStorage();
    // The storage is this limiter's alone: its keys need no prefix, which saves building
    // and hashing a new string on every call. dump() and restore() use the same pair.
    limiter.getKey = (key) => String(key);
    limiter.parseKey = (rlKey) => rlKey;
  }
  return limiter;
}
