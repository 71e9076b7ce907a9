/** What every OtpStore must do, run against each store by its own test file. */
import type { OtpChallenge } from "@otpkit/core";
import { describe, expect, it } from "vitest";
import { consume } from "../limiter";
import type { OtpStore } from "../store";

const inner: OtpChallenge = {
  id: "provider-handle-1",
  phone: "+66812345678",
  codeLength: 6,
  expiresAt: Date.UTC(2030, 0, 1),
  resendAt: Date.UTC(2029, 11, 31),
  attemptsLeft: 5,
  channel: "sms",
  referenceCode: "AbC12",
};

export function describeStoreContract(name: string, makeStore: () => Promise<OtpStore> | OtpStore) {
  describe(`${name} keeps the OtpStore contract`, () => {
    it("gives back what it was given, unverified", async () => {
      const store = await makeStore();
      await store.putChallenge({ id: "a", phone: inner.phone, inner }, 60_000);
      await expect(store.getChallenge("a")).resolves.toEqual({
        id: "a",
        phone: inner.phone,
        inner,
        verified: false,
      });
      await expect(store.getChallenge("b")).resolves.toBeUndefined();
    });

    it("is not changed by changes to what it returned", async () => {
      const store = await makeStore();
      await store.putChallenge({ id: "a", phone: inner.phone, inner }, 60_000);
      const read = await store.getChallenge("a");
      if (read) read.inner.phone = "+10000000000";
      expect((await store.getChallenge("a"))?.inner.phone).toBe(inner.phone);
    });

    it("marks a challenge verified once: the second caller hears false", async () => {
      const store = await makeStore();
      await store.putChallenge({ id: "a", phone: inner.phone, inner }, 60_000);
      const outcomes = await Promise.all([
        store.markVerified("a", 60_000),
        store.markVerified("a", 60_000),
      ]);
      expect(outcomes.sort()).toEqual([false, true]);
      expect((await store.getChallenge("a"))?.verified).toBe(true);
    });

    it("forgets a deleted challenge", async () => {
      const store = await makeStore();
      await store.putChallenge({ id: "a", phone: inner.phone, inner }, 60_000);
      await store.markVerified("a", 60_000);
      await store.deleteChallenge("a");
      await expect(store.getChallenge("a")).resolves.toBeUndefined();
    });

    it("makes limiters that count on its backend, shared by every limiter of the same spec", async () => {
      const store = await makeStore();
      const spec = { name: "contract", points: 2, durationSeconds: 60 };
      const one = store.limiter(spec);
      const two = store.limiter(spec);
      expect((await consume(one, "k")).allowed).toBe(true);
      expect((await consume(two, "k")).allowed).toBe(true);
      const third = await consume(one, "k");
      expect(third.allowed).toBe(false);
      expect(third.res.msBeforeNext).toBeGreaterThan(50_000);
      expect((await consume(two, "other")).allowed).toBe(true);
    });
  });
}
