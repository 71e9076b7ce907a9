import { afterEach, describe, expect, it, vi } from "vitest";
import { consume } from "../limiter";
import { createMemoryLimiter, SharedCounters } from "./memory-limiter";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("memory limiter", () => {
  it("keeps a counter per key without a timer per key", async () => {
    const limiter = createMemoryLimiter({ keyPrefix: "t", points: 2, duration: 3600 });
    const setTimeout = vi.spyOn(globalThis, "setTimeout");
    for (let i = 0; i < 50; i++) await consume(limiter, `+6681234${i}`);
    await limiter.reward("+66812340");
    expect(setTimeout).not.toHaveBeenCalled();
  });

  it("counts to its points within the window, then refuses with the time left", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(1_000_000);
    const limiter = createMemoryLimiter({ keyPrefix: "t", points: 2, duration: 10 });
    expect((await consume(limiter, "a")).res.remainingPoints).toBe(1);
    vi.setSystemTime(1_004_000);
    expect((await consume(limiter, "a")).allowed).toBe(true);
    const third = await consume(limiter, "a");
    expect(third.allowed).toBe(false);
    expect(third.res.msBeforeNext).toBe(6_000);
    expect((await consume(limiter, "b")).allowed).toBe(true);
  });

  it("forgets a key when its window ends, and takes a custom duration per key", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(1_000_000);
    const limiter = createMemoryLimiter({ keyPrefix: "t", points: 1, duration: 10 });
    await consume(limiter, "a");
    await consume(limiter, "c", 1, 30);
    vi.setSystemTime(1_010_000);
    await expect(limiter.get("a")).resolves.toBeNull();
    expect((await consume(limiter, "a")).allowed).toBe(true);
    expect((await limiter.get("c"))?.msBeforeNext).toBe(20_000);
    expect((await consume(limiter, "c")).allowed).toBe(false);
  });

  it("rewards, deletes, and dumps and restores its counters", async () => {
    const limiter = createMemoryLimiter({ keyPrefix: "t", points: 1, duration: 60 });
    await consume(limiter, "a");
    expect((await consume(limiter, "a")).allowed).toBe(false);
    await limiter.reward("a", 2);
    expect((await consume(limiter, "a")).allowed).toBe(true);
    const copy = createMemoryLimiter({ keyPrefix: "t", points: 1, duration: 60 });
    expect(copy.restore(limiter.dump())).toEqual({ invalid: 0, expired: 0, restored: 1 });
    expect((await consume(copy, "a")).allowed).toBe(false);
    await copy.delete("a");
    await expect(copy.get("a")).resolves.toBeNull();
  });

  it("shares one counters map between limiters that still count apart on the same key", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(1_000_000);
    const counters = new SharedCounters();
    const sends = createMemoryLimiter({ keyPrefix: "s", points: 2, duration: 60 }, counters);
    const cooldown = createMemoryLimiter({ keyPrefix: "c", points: 1, duration: 60 }, counters);
    await consume(sends, "+66812345678");
    expect((await consume(cooldown, "+66812345678", 1, 30)).allowed).toBe(true);
    expect((await consume(cooldown, "+66812345678")).allowed).toBe(false);
    expect((await consume(sends, "+66812345678")).res.remainingPoints).toBe(0);
    expect(counters.byKey.size).toBe(1);

    await cooldown.delete("+66812345678");
    expect((await sends.get("+66812345678"))?.consumedPoints).toBe(2);
    expect(sends.dump().storage).toEqual([{ key: "+66812345678", value: 2, expiresAt: 1_060_000 }]);
    expect(cooldown.dump().storage).toEqual([]);

    // A limiter made after keys exist gets its own place in them.
    const later = createMemoryLimiter({ keyPrefix: "l", points: 1, duration: 60 }, counters);
    expect((await consume(later, "+66812345678")).allowed).toBe(true);
    expect((await consume(later, "+66812345678")).allowed).toBe(false);
    expect((await sends.get("+66812345678"))?.consumedPoints).toBe(2);

    // Keys whose every counter has expired are swept on a later write.
    vi.setSystemTime(1_200_000);
    await consume(sends, "+66899999999");
    expect([...counters.byKey.keys()]).toEqual(["+66899999999"]);
  });
});
