import { describe, expect, it } from "vitest";
import {
  challengeFromWire,
  challengeResponseSchema,
  challengeSchema,
  challengeToWire,
  E164_PATTERN,
  errorResponseSchema,
  OTP_ERROR_KINDS,
  type OtpChallenge,
  resendRequestSchema,
  secondsUntil,
  sendRequestSchema,
  verifyRequestSchema,
  verifyResponseSchema,
  type WireChallenge,
  wireChallengeSchema,
} from "./index";

const T0 = Date.UTC(2026, 0, 1);

const wireChallenge = (overrides: Partial<WireChallenge> = {}): WireChallenge => ({
  id: "ch-1",
  phone: "+66 ••• ••• 678",
  codeLength: 6,
  expiresIn: 300,
  resendIn: 30,
  attemptsLeft: 5,
  channel: "sms",
  ...overrides,
});

const accepts = (schema: { safeParse(v: unknown): { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;

describe("E.164 phone numbers", () => {
  it.each([
    "+66812345678", // Thailand mobile
    "+6281234567890", // Indonesia mobile
    "+8613812345678", // China mobile
    "+1234567", // shortest accepted: 7 digits
    "+123456789012345", // longest: 15 digits
  ])("accepts %s", (phone) => {
    expect(E164_PATTERN.test(phone)).toBe(true);
    expect(accepts(sendRequestSchema, { phone })).toBe(true);
  });

  it.each([
    ["no plus", "66812345678"],
    ["country code starting with 0", "+0812345678"],
    ["national format", "0812345678"],
    ["16 digits", "+1234567890123456"],
    ["6 digits", "+123456"],
    ["spaces", "+66 81 234 5678"],
    ["dashes", "+66-812-345-678"],
    ["letters", "+66812345abc"],
    ["double plus", "++66812345678"],
    ["empty", ""],
    ["trailing newline", "+66812345678\n"],
  ])("refuses %s", (_, phone) => {
    expect(E164_PATTERN.test(phone)).toBe(false);
    expect(accepts(sendRequestSchema, { phone })).toBe(false);
  });
});

describe("sendRequestSchema", () => {
  it("accepts the optional channel, locale and bot token", () => {
    const body = {
      phone: "+66812345678",
      channel: "sms",
      locale: "th-TH",
      botToken: "t".repeat(4096),
    };
    expect(sendRequestSchema.parse(body)).toEqual(body);
  });

  it("refuses oversized fields", () => {
    const phone = "+66812345678";
    expect(accepts(sendRequestSchema, { phone, channel: "c".repeat(32) })).toBe(true);
    expect(accepts(sendRequestSchema, { phone, channel: "c".repeat(33) })).toBe(false);
    expect(accepts(sendRequestSchema, { phone, locale: "l".repeat(35) })).toBe(true);
    expect(accepts(sendRequestSchema, { phone, locale: "l".repeat(36) })).toBe(false);
    expect(accepts(sendRequestSchema, { phone, botToken: "t".repeat(4097) })).toBe(false);
  });

  it("refuses a missing or non-string phone", () => {
    expect(accepts(sendRequestSchema, {})).toBe(false);
    expect(accepts(sendRequestSchema, { phone: 66812345678 })).toBe(false);
    expect(accepts(sendRequestSchema, null)).toBe(false);
  });
});

describe("resendRequestSchema", () => {
  it("needs a challenge id of 1 to 128 characters", () => {
    expect(accepts(resendRequestSchema, { challengeId: "a" })).toBe(true);
    expect(accepts(resendRequestSchema, { challengeId: "a".repeat(128), channel: "voice" })).toBe(
      true,
    );
    expect(accepts(resendRequestSchema, { challengeId: "" })).toBe(false);
    expect(accepts(resendRequestSchema, { challengeId: "a".repeat(129) })).toBe(false);
    expect(accepts(resendRequestSchema, {})).toBe(false);
    expect(accepts(resendRequestSchema, { challengeId: "a", channel: "c".repeat(33) })).toBe(false);
  });
});

describe("verifyRequestSchema", () => {
  it("needs a challenge id and a code of 1 to 32 characters", () => {
    expect(accepts(verifyRequestSchema, { challengeId: "ch-1", code: "123456" })).toBe(true);
    expect(accepts(verifyRequestSchema, { challengeId: "ch-1", code: "c".repeat(32) })).toBe(true);
    expect(accepts(verifyRequestSchema, { challengeId: "ch-1", code: "" })).toBe(false);
    expect(accepts(verifyRequestSchema, { challengeId: "ch-1", code: "c".repeat(33) })).toBe(false);
    expect(accepts(verifyRequestSchema, { challengeId: "", code: "123456" })).toBe(false);
    expect(accepts(verifyRequestSchema, { challengeId: "ch-1" })).toBe(false);
    expect(accepts(verifyRequestSchema, { challengeId: "ch-1", code: 123456 })).toBe(false);
  });
});

describe("wireChallengeSchema", () => {
  it("accepts a full challenge, optional fields included", () => {
    const full = wireChallenge({ channels: ["sms", "voice"], referenceCode: "IpA6k" });
    expect(wireChallengeSchema.parse(full)).toEqual(full);
    const { attemptsLeft: _, ...minimal } = wireChallenge();
    expect(accepts(wireChallengeSchema, minimal)).toBe(true);
  });

  it("drops fields the protocol does not know (a server echoing the code, say)", () => {
    const parsed = challengeResponseSchema.parse({
      challenge: { ...wireChallenge(), code: "123456" },
    });
    expect(parsed.challenge).not.toHaveProperty("code");
  });

  it.each([
    ["expiresIn as a string", { expiresIn: "300" }],
    ["resendIn missing", { resendIn: undefined }],
    ["an absolute expiresAt instead of expiresIn", { expiresIn: undefined, expiresAt: T0 }],
    ["codeLength as a string", { codeLength: "6" }],
    ["attemptsLeft as a string", { attemptsLeft: "5" }],
    ["a missing id", { id: undefined }],
    ["a numeric id", { id: 42 }],
    ["a missing channel", { channel: undefined }],
    ["channels not an array", { channels: "sms" }],
    ["channels holding a non-string", { channels: ["sms", 1] }],
    ["a numeric referenceCode", { referenceCode: 123 }],
    ["an infinite expiresIn", { expiresIn: Number.POSITIVE_INFINITY }],
    ["a NaN resendIn", { resendIn: Number.NaN }],
  ])("refuses %s", (_, overrides) => {
    expect(accepts(wireChallengeSchema, { ...wireChallenge(), ...overrides })).toBe(false);
  });

  it("refuses a response without the challenge wrapper", () => {
    expect(accepts(challengeResponseSchema, wireChallenge())).toBe(false);
    expect(accepts(challengeResponseSchema, { challenge: wireChallenge() })).toBe(true);
  });

  it("accepts zero durations and fractional seconds", () => {
    expect(accepts(wireChallengeSchema, wireChallenge({ expiresIn: 0, resendIn: 0 }))).toBe(true);
    expect(accepts(wireChallengeSchema, wireChallenge({ expiresIn: 0.5 }))).toBe(true);
  });
});

describe("verifyResponseSchema", () => {
  it("accepts verified: true with or without a token", () => {
    expect(verifyResponseSchema.parse({ verified: true, token: "t" })).toEqual({
      verified: true,
      token: "t",
    });
    expect(accepts(verifyResponseSchema, { verified: true })).toBe(true);
  });

  it("refuses a body without a boolean verified or with a non-string token", () => {
    expect(accepts(verifyResponseSchema, { verified: "true" })).toBe(false);
    expect(accepts(verifyResponseSchema, {})).toBe(false);
    expect(accepts(verifyResponseSchema, { verified: true, token: 1 })).toBe(false);
  });
});

describe("errorResponseSchema", () => {
  it.each(OTP_ERROR_KINDS)("accepts kind %s", (kind) => {
    expect(accepts(errorResponseSchema, { error: { kind, message: "m" } })).toBe(true);
  });

  it("accepts the optional retryAfter, attemptsLeft and resendIn", () => {
    const body = {
      error: { kind: "wrong_code", message: "m", retryAfter: 1.5, attemptsLeft: 2, resendIn: 30 },
    };
    expect(errorResponseSchema.parse(body)).toEqual(body);
  });

  it("accepts a kind this client does not know yet (the client reads it as provider_error)", () => {
    expect(accepts(errorResponseSchema, { error: { kind: "future_kind", message: "m" } })).toBe(
      true,
    );
  });

  it("refuses a missing kind or message, numbers as strings and a bare error", () => {
    expect(accepts(errorResponseSchema, { error: { message: "m" } })).toBe(false);
    expect(accepts(errorResponseSchema, { error: { kind: "expired" } })).toBe(false);
    expect(
      accepts(errorResponseSchema, {
        error: { kind: "rate_limited", message: "m", retryAfter: "60" },
      }),
    ).toBe(false);
    expect(
      accepts(errorResponseSchema, {
        error: { kind: "wrong_code", message: "m", attemptsLeft: "2" },
      }),
    ).toBe(false);
    expect(accepts(errorResponseSchema, { kind: "expired", message: "m" })).toBe(false);
    expect(accepts(errorResponseSchema, { error: "expired" })).toBe(false);
  });
});

describe("challengeSchema (a challenge as the browser keeps it)", () => {
  it("accepts absolute times and refuses relative ones", () => {
    const stored: OtpChallenge = {
      id: "ch-1",
      phone: "+66 ••• ••• 678",
      codeLength: 6,
      expiresAt: T0 + 300_000,
      resendAt: T0 + 30_000,
      channel: "sms",
    };
    expect(challengeSchema.parse(stored)).toEqual(stored);
    expect(accepts(challengeSchema, wireChallenge())).toBe(false);
    expect(accepts(challengeSchema, { ...stored, expiresAt: String(stored.expiresAt) })).toBe(
      false,
    );
  });
});

describe("challengeFromWire", () => {
  it("turns relative seconds into absolute times at receipt", () => {
    const challenge = challengeFromWire(
      wireChallenge({ expiresIn: 300, resendIn: 30, referenceCode: "IpA6k" }),
      T0,
    );
    expect(challenge).toEqual({
      id: "ch-1",
      phone: "+66 ••• ••• 678",
      codeLength: 6,
      expiresAt: T0 + 300_000,
      resendAt: T0 + 30_000,
      attemptsLeft: 5,
      channel: "sms",
      referenceCode: "IpA6k",
    });
    expect(challenge).not.toHaveProperty("expiresIn");
    expect(challenge).not.toHaveProperty("resendIn");
  });

  it("keeps fractional seconds as milliseconds", () => {
    expect(challengeFromWire(wireChallenge({ expiresIn: 1.25 }), T0).expiresAt).toBe(T0 + 1_250);
  });
});

describe("challengeToWire", () => {
  const challenge: OtpChallenge = {
    id: "ch-1",
    phone: "+66812345678",
    codeLength: 6,
    expiresAt: T0 + 300_000,
    resendAt: T0 + 30_000,
    attemptsLeft: 5,
    channel: "sms",
    channels: ["sms", "voice"],
  };

  it("turns absolute times into whole seconds left, rounded up", () => {
    const wire = challengeToWire(challenge, T0 + 500);
    expect(wire).toMatchObject({ expiresIn: 300, resendIn: 30 });
    expect(wire).not.toHaveProperty("expiresAt");
    expect(wireChallengeSchema.parse(wire)).toEqual(wire);
  });

  it("never sends negative durations", () => {
    expect(challengeToWire(challenge, T0 + 400_000)).toMatchObject({ expiresIn: 0, resendIn: 0 });
  });

  it("round-trips through the wire on the same clock", () => {
    const wire = challengeToWire(challenge, T0);
    expect(challengeFromWire(wireChallengeSchema.parse(wire), T0)).toEqual(challenge);
  });

  it("round-trips to a receiver whose clock differs, keeping the durations", () => {
    const receiverClock = T0 + 7_777_000; // the browser's clock is two hours off
    const received = challengeFromWire(challengeToWire(challenge, T0), receiverClock);
    expect(received.expiresAt - receiverClock).toBe(300_000);
    expect(received.resendAt - receiverClock).toBe(30_000);
  });
});

describe("secondsUntil", () => {
  it("rounds up to whole seconds", () => {
    expect(secondsUntil(T0 + 30_000, T0)).toBe(30);
    expect(secondsUntil(T0 + 30_000, T0 + 1)).toBe(30);
    expect(secondsUntil(T0 + 30_001, T0)).toBe(31);
    expect(secondsUntil(T0 + 1, T0)).toBe(1);
  });

  it("is zero exactly at the deadline and after it", () => {
    expect(secondsUntil(T0, T0)).toBe(0);
    expect(secondsUntil(T0, T0 + 1)).toBe(0);
    expect(secondsUntil(T0, T0 + 90_000)).toBe(0);
    expect(Object.is(secondsUntil(T0, T0 + 1), 0)).toBe(true); // not -0
  });
});
