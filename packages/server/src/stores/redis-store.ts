/**
 * The store for more than one server instance: challenges and every counter in one Redis,
 * so instances behind a load balancer enforce one limit and one attempt count, a challenge
 * sent through one verifies through another, and a restart loses nothing.
 */
import type { Redis } from "ioredis";
import { RateLimiterRedis } from "rate-limiter-flexible";
import type { OtpStore, StoredChallenge } from "../store";

export interface RedisStoreOptions {
  /** An ioredis client. The store does not close it unless `ownsClient` is true. */
  client: Redis;
  /** Prefix of every key. Default "otpkit". */
  keyPrefix?: string;
  /** `close()` also quits the client. Default false. */
  ownsClient?: boolean;
}

type Stored = Omit<StoredChallenge, "verified">;

export function createRedisStore(options: RedisStoreOptions): OtpStore {
  const { client, keyPrefix = "otpkit", ownsClient = false } = options;
  const challengeKey = (id: string) => `${keyPrefix}:challenge:${id}`;
  // Apart from the challenge, so the first verify wins with one atomic SET NX.
  const verifiedKey = (id: string) => `${keyPrefix}:verified:${id}`;

  return {
    async getChallenge(id) {
      const [json, verified] = await client.mget(challengeKey(id), verifiedKey(id));
      if (!json) return undefined;
      return { ...(JSON.parse(json) as Stored), verified: verified !== null };
    },
    async putChallenge(challenge, ttlMs) {
      const { id, phone, inner } = challenge;
      await client.set(challengeKey(id), JSON.stringify({ id, phone, inner }), "PX", ttlMs);
    },
    async markVerified(id, ttlMs) {
      return (await client.set(verifiedKey(id), "1", "PX", ttlMs, "NX")) === "OK";
    },
    async deleteChallenge(id) {
      await client.del(challengeKey(id), verifiedKey(id));
    },
    limiter: ({ name, points, durationSeconds }) =>
      new RateLimiterRedis({
        storeClient: client,
        keyPrefix: `${keyPrefix}:${name}`,
        points,
        duration: durationSeconds,
      }),
    async close() {
      if (ownsClient) await client.quit();
    },
  };
}
