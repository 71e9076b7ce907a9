import { createManualClock } from "@otpkit/core/testing";
import { describe, expect, it } from "vitest";
import { describeStoreContract } from "../test-support/store-contract";
import { createMemoryStore } from "./memory-store";

describeStoreContract("memory store", () => createMemoryStore());

describe("memory store expiry", () => {
  it("forgets a challenge when its time is up, on its clock", async () => {
    const clock = createManualClock();
    const store = createMemoryStore({ now: clock.now });
    const inner = {
      id: "p",
      phone: "+66812345678",
      codeLength: 6,
      expiresAt: 0,
      resendAt: 0,
      channel: "sms",
    };
    await store.putChallenge({ id: "a", phone: inner.phone, inner }, 1_000);
    clock.advance(999);
    await expect(store.getChallenge("a")).resolves.toBeDefined();
    clock.advance(1);
    await expect(store.getChallenge("a")).resolves.toBeUndefined();
    await expect(store.markVerified("a", 1_000)).resolves.toBe(false);
  });
});
