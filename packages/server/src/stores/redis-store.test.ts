import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startRedis, type TestRedis } from "../test-support/redis-server";
import { describeStoreContract } from "../test-support/store-contract";
import { createRedisStore } from "./redis-store";

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});
beforeEach(async () => {
  await redis.flush();
});

describeStoreContract("Redis store", () => createRedisStore({ client: redis.client() }));

describe("Redis store keys", () => {
  const inner = {
    id: "p",
    phone: "+66812345678",
    codeLength: 6,
    expiresAt: 0,
    resendAt: 0,
    channel: "sms",
  };

  it("lets Redis expire a challenge and its verified mark after the time given", async () => {
    const client = redis.client();
    const store = createRedisStore({ client, keyPrefix: "app" });
    await store.putChallenge({ id: "a", phone: inner.phone, inner }, 90_000);
    await store.markVerified("a", 90_000);
    for (const key of ["app:challenge:a", "app:verified:a"]) {
      const ttl = await client.pttl(key);
      expect(ttl).toBeGreaterThan(89_000);
      expect(ttl).toBeLessThanOrEqual(90_000);
    }
  });

  it("keeps stores with other prefixes apart", async () => {
    const one = createRedisStore({ client: redis.client(), keyPrefix: "one" });
    const two = createRedisStore({ client: redis.client(), keyPrefix: "two" });
    await one.putChallenge({ id: "a", phone: inner.phone, inner }, 60_000);
    await expect(two.getChallenge("a")).resolves.toBeUndefined();
  });

  it("quits the client on close only when it owns it", async () => {
    const borrowed = redis.client();
    await createRedisStore({ client: borrowed }).close();
    await expect(borrowed.ping()).resolves.toBe("PONG");
    const owned = redis.client();
    await owned.ping();
    await createRedisStore({ client: owned, ownsClient: true }).close();
    await expect(owned.ping()).rejects.toThrow();
  });
});
