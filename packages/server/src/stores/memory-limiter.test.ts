import { afterEach, describe, expect, it, vi } from "vitest";
import { consume } from "../limiter";
import { createMemoryLimiter } from "./memory-limiter";

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
});
