import { describe, expect, it } from "vitest";
import { createIpLimit } from "./ip-limit";
import { createMemoryStore } from "./stores/memory-store";

describe("createIpLimit", () => {
  it("allows sendsPerIp sends per window, then refuses with the time left", async () => {
    const store = createMemoryStore();
    const limit = createIpLimit({
      limiter: (spec) => store.limiter(spec),
      sendsPerIp: 2,
      windowSeconds: 600,
    });
    await limit.take("203.0.113.9");
    await limit.take("203.0.113.9");
    const error = await limit.take("203.0.113.9").catch((thrown) => thrown);
    expect(error).toMatchObject({ kind: "rate_limited" });
    expect(error.retryAfterMs).toBeGreaterThan(590_000);
    await expect(limit.take("198.51.100.7")).resolves.toBeUndefined();
  });

  it("rejects sendsPerIp below 1", () => {
    const store = createMemoryStore();
    expect(() => createIpLimit({ limiter: (spec) => store.limiter(spec), sendsPerIp: 0 })).toThrow(
      RangeError,
    );
  });
});
