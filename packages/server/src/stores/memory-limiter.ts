/**
 * rate-limiter-flexible's RateLimiterMemory with a storage that keeps no timer per key.
 * The library's own storage starts a setTimeout for every key it sets, only to delete the
 * key when it expires: with hour-long per-number counters that is a timer, a closure and a
 * record kept alive per send, which the benchmark showed as much of the server's garbage
 * collection. Here a key that has expired counts as absent when it is read (as the timer
 * would have deleted it by then), and expired keys are swept at most once a minute, on
 * writes. The limiters of one store share one Map (see SharedCounters). Counting, blocking
 * and dump/restore stay the library's.
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

const SWEEP_EVERY_MS = 60_000;

/** Epoch ms a counter lasts until: 0 for none, Infinity for "never expires" (duration 0). */
const NONE = 0;

/** What dump() reads for each key of one limiter. */
interface Slot {
  value: number;
  /** Epoch ms; null: never expires. */
  expiresAt: number | null;
}

/**
 * The counters of every limiter of one store, one Map entry per key: a key's counters (the
 * per-number send count and cooldown share the phone number) sit side by side in one array
 * of plain numbers, [value, expiresAt] per limiter. What a send keeps alive for the hour is
 * then one entry and one small array per number, not an entry, a record and a boxed number
 * per limiter.
 */
export class SharedCounters {
  readonly byKey = new Map<string, number[]>();
  private lanes = 0;
  private blank: number[] = [];
  private nextSweepAt = 0;

  /** A place in every key's array for one more limiter. */
  addLane(): number {
    this.lanes += 1;
    // Doubles from the start: the arrays hold epoch ms, and keep that element kind.
    this.blank = Array.from({ length: this.lanes * 2 }, () => 0.5).fill(NONE);
    return this.lanes - 1;
  }

  /** The key's counters, made (or grown for a newer limiter) if need be. */
  slotsFor(key: string, lane: number): number[] {
    const slots = this.byKey.get(key);
    if (slots !== undefined && slots.length > lane * 2) return slots;
    const made = this.blank.slice();
    if (slots !== undefined) for (let i = 0; i < slots.length; i++) made[i] = slots[i] ?? NONE;
    this.byKey.set(key, made);
    return made;
  }

  /** Drops keys whose every counter has expired, at most once a minute. True if it ran. */
  sweep(at: number): boolean {
    if (at < this.nextSweepAt) return false;
    this.nextSweepAt = at + SWEEP_EVERY_MS;
    for (const [key, slots] of this.byKey) if (!anyLive(slots, at)) this.byKey.delete(key);
    return true;
  }
}

function anyLive(slots: readonly number[], at: number): boolean {
  for (let i = 1; i < slots.length; i += 2) if ((slots[i] ?? NONE) > at) return true;
  return false;
}

/** The interface RateLimiterMemory calls on its `_memoryStorage`: one lane of the counters. */
class LaneStorage {
  private readonly value: number;
  private readonly expiry: number;

  constructor(
    private readonly counters: SharedCounters,
    lane: number,
  ) {
    this.value = lane * 2;
    this.expiry = lane * 2 + 1;
  }

  /** Live slots of this limiter, read by the library's dump(). */
  get _storage(): Map<string, Slot> {
    const at = Date.now();
    const live = new Map<string, Slot>();
    for (const [key, slots] of this.counters.byKey) {
      const expiresAt = slots[this.expiry] ?? NONE;
      if (expiresAt > at) {
        const value = slots[this.value] ?? 0;
        live.set(key, { value, expiresAt: expiresAt === Infinity ? null : expiresAt });
      }
    }
    return live;
  }

  incrby(key: string, value: number, durationSec: number): RateLimiterRes {
    const slots = this.counters.byKey.get(key);
    const at = Date.now();
    const expiresAt = slots?.[this.expiry] ?? NONE;
    if (slots === undefined || expiresAt <= at) return this.start(key, slots, value, durationSec);
    const total = (slots[this.value] ?? 0) + value;
    slots[this.value] = total;
    return new RateLimiterRes(0, expiresAt === Infinity ? -1 : expiresAt - at, total, false);
  }

  set(key: string, value: number, durationSec: number): RateLimiterRes {
    return this.start(key, this.counters.byKey.get(key), value, durationSec);
  }

  /** Starts the key's counter; `found` is what the key's entry was when last looked up. */
  private start(
    key: string,
    found: number[] | undefined,
    value: number,
    durationSec: number,
  ): RateLimiterRes {
    const durationMs = durationSec * 1000;
    const at = Date.now();
    // A sweep may drop the entry found before it: then it is looked up again.
    const swept = this.counters.sweep(at);
    const slots =
      !swept && found !== undefined && found.length > this.expiry
        ? found
        : this.counters.slotsFor(key, this.expiry >> 1);
    const total = Math.trunc(value);
    slots[this.value] = total;
    slots[this.expiry] = durationMs > 0 ? at + durationMs : Infinity;
    return new RateLimiterRes(0, durationMs === 0 ? -1 : durationMs, total, true);
  }

  get(key: string): RateLimiterRes | null {
    const slots = this.counters.byKey.get(key);
    const at = Date.now();
    const expiresAt = slots?.[this.expiry] ?? NONE;
    if (slots === undefined || expiresAt <= at) return null;
    const msLeft = expiresAt === Infinity ? -1 : expiresAt - at;
    return new RateLimiterRes(0, msLeft, slots[this.value] ?? 0, false);
  }

  delete(key: string): boolean {
    const slots = this.counters.byKey.get(key);
    if (slots === undefined || (slots[this.expiry] ?? NONE) === NONE) return false;
    slots[this.value] = 0;
    slots[this.expiry] = NONE;
    if (!anyLive(slots, Date.now())) this.counters.byKey.delete(key);
    return true;
  }

  /** What RateLimiterMemory.restore() calls for each kept entry. */
  _restoreRecord(key: string, value: number, expiresAt: number | null): void {
    if (expiresAt !== null && (!Number.isFinite(expiresAt) || expiresAt <= Date.now())) return;
    const slots = this.counters.slotsFor(key, this.expiry >> 1);
    slots[this.value] = Math.trunc(value);
    slots[this.expiry] = expiresAt ?? Infinity;
  }
}

export type MemoryLimiterOptions = ConstructorParameters<typeof RateLimiterMemory>[0];

/**
 * A RateLimiterMemory on `counters` (shared by the limiters of one store; by default its
 * own), without timers.
 */
export function createMemoryLimiter(
  options: MemoryLimiterOptions,
  counters: SharedCounters = new SharedCounters(),
): RateLimiterMemory {
  const limiter = new RateLimiterMemory(options);
  const internals = limiter as unknown as { _memoryStorage?: unknown };
  // Only where the library keeps its storage as expected; otherwise its own (with timers).
  if (internals._memoryStorage !== undefined) {
    internals._memoryStorage = new LaneStorage(counters, counters.addLane());
    // Each limiter has its own lane: its keys need no prefix, which saves building and
    // hashing a new string on every call. dump() and restore() use the same pair.
    limiter.getKey = (key) => String(key);
    limiter.parseKey = (rlKey) => rlKey;
  }
  return limiter;
}
