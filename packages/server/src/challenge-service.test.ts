import { type OtpAdapter, OtpError } from "@otpkit/core";
import { createFakeAdapter, createManualClock } from "@otpkit/core/testing";
import { describe, expect, it } from "vitest";
import { createChallengeService } from "./challenge-service";
import { createMemoryStore } from "./stores/memory-store";

const phone = "+66812345678";

function setup(adapter?: OtpAdapter) {
  const clock = createManualClock();
  const fake = createFakeAdapter({ codes: ["123456", "654321"], ttlSeconds: 300, now: clock.now });
  const store = createMemoryStore({ now: clock.now });
  const service = createChallengeService({ adapter: adapter ?? fake, store, now: clock.now });
  return { fake, store, service, clock };
}

async function refusal(promise: Promise<unknown>): Promise<OtpError> {
  const thrown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(OtpError);
  return thrown as OtpError;
}

describe("createChallengeService", () => {
  it("hands out an id of its own and keeps the provider's handle and the phone", async () => {
    const { service, store } = setup();
    const challenge = await service.send({ phone });
    expect(challenge.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(challenge.id).not.toBe("fake-1");
    expect(challenge.phone).toBe(phone);
    expect(await store.getChallenge(challenge.id)).toMatchObject({
      phone,
      inner: { id: "fake-1" },
      verified: false,
    });
  });

  it("verifies through the provider's handle and then refuses the same challenge", async () => {
    const { service, fake } = setup();
    const challenge = await service.send({ phone });
    await expect(
      service.verify({ challengeId: challenge.id, code: "123456" }),
    ).resolves.toMatchObject({
      id: challenge.id,
      phone,
    });
    expect(fake.calls.at(-1)).toMatchObject({ method: "verify", challengeId: "fake-1" });
    const again = await refusal(service.verify({ challengeId: challenge.id, code: "123456" }));
    expect(again.kind).toBe("already_verified");
    expect(fake.calls.filter((call) => call.method === "verify")).toHaveLength(1);
  });

  it("answers not_found for an id it never issued, a provider's id included", async () => {
    const { service } = setup();
    await service.send({ phone });
    expect((await refusal(service.verify({ challengeId: "fake-1", code: "123456" }))).kind).toBe(
      "not_found",
    );
    expect((await refusal(service.resend({ challengeId: "nope" }))).kind).toBe("not_found");
  });

  it("answers expired once the code's time is up, without asking the provider", async () => {
    const { service, clock, fake } = setup();
    const challenge = await service.send({ phone });
    clock.advance(300_000);
    const error = await refusal(service.verify({ challengeId: challenge.id, code: "123456" }));
    expect(error).toMatchObject({ kind: "expired", resendAfterMs: 0 });
    expect(fake.calls.filter((call) => call.method === "verify")).toHaveLength(0);
  });

  it("keeps an expired challenge one more lifetime, then forgets it", async () => {
    const { service, clock } = setup();
    const challenge = await service.send({ phone });
    clock.advance(599_000);
    expect((await refusal(service.verify({ challengeId: challenge.id, code: "1" }))).kind).toBe(
      "expired",
    );
    clock.advance(2_000);
    expect((await refusal(service.verify({ challengeId: challenge.id, code: "1" }))).kind).toBe(
      "not_found",
    );
  });

  it("resends to the number the challenge is bound to, under a new id; the old id is gone", async () => {
    const { service, clock, fake } = setup();
    const first = await service.send({ phone });
    clock.advance(30_000);
    const second = await service.resend({ challengeId: first.id });
    expect(second.id).not.toBe(first.id);
    expect(second.phone).toBe(phone);
    expect(fake.calls.at(-1)).toMatchObject({ method: "resend", phone, challengeId: "fake-1" });
    expect((await refusal(service.verify({ challengeId: first.id, code: "123456" }))).kind).toBe(
      "not_found",
    );
    await expect(service.verify({ challengeId: second.id, code: "654321" })).resolves.toBeDefined();
  });

  it("says in every failure about a challenge when a resend is possible", async () => {
    const { service, clock } = setup();
    const challenge = await service.send({ phone });
    clock.advance(10_000);
    const wrong = await refusal(service.verify({ challengeId: challenge.id, code: "000000" }));
    expect(wrong).toMatchObject({ kind: "wrong_code", attemptsLeft: 4, resendAfterMs: 20_000 });
    const early = await refusal(service.resend({ challengeId: challenge.id }));
    expect(early).toMatchObject({ kind: "rate_limited", resendAfterMs: 20_000 });
  });

  it("gives one proof only when two verifies of one challenge both succeed at the provider", async () => {
    const yes: OtpAdapter = {
      send: async ({ phone: to }) => ({
        id: "p",
        phone: to,
        codeLength: 6,
        expiresAt: Date.now() + 60_000,
        resendAt: 0,
        channel: "sms",
      }),
      resend: () => Promise.reject(new Error("unused")),
      verify: async () => ({ verified: true }),
    };
    const store = createMemoryStore();
    const service = createChallengeService({ adapter: yes, store });
    const other = createChallengeService({ adapter: yes, store });
    const challenge = await service.send({ phone });
    const outcomes = await Promise.allSettled([
      service.verify({ challengeId: challenge.id, code: "123456" }),
      other.verify({ challengeId: challenge.id, code: "123456" }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = outcomes.find((outcome) => outcome.status === "rejected");
    expect((rejected as PromiseRejectedResult).reason.kind).toBe("already_verified");
  });
});
