import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { challengeResponseSchema, errorResponseSchema, verifyResponseSchema } from "./wire";
import {
  challengeFromWire,
  challengeToWire,
  readChallengeResponse,
  readErrorResponse,
  readVerifyResponse,
} from "./wire-client";

// Values that are sometimes right and often wrong for each field.
const anyValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.array(fc.integer(), { maxLength: 2 }),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, anyValue);

const challenge = fc.record(
  {
    id: maybe(fc.string()),
    phone: maybe(fc.string()),
    codeLength: maybe(fc.integer({ min: 4, max: 8 })),
    expiresIn: maybe(fc.integer({ min: 0, max: 600 })),
    resendIn: maybe(fc.integer({ min: 0, max: 120 })),
    attemptsLeft: maybe(fc.integer({ min: 0, max: 5 })),
    channel: maybe(fc.constantFrom("sms", "whatsapp")),
    channels: maybe(fc.array(fc.constantFrom("sms", "whatsapp", "voice"))),
    referenceCode: maybe(fc.string()),
    extra: anyValue,
  },
  { requiredKeys: [] },
);

describe("answer checks agree with the zod schemas of the protocol", () => {
  it("challenge answers", () => {
    fc.assert(
      fc.property(fc.oneof(fc.record({ challenge }), anyValue), (value) => {
        const zod = challengeResponseSchema.safeParse(value);
        const ours = readChallengeResponse(value);
        expect(ours !== undefined).toBe(zod.success);
        if (zod.success) expect(ours).toEqual(zod.data);
      }),
      { numRuns: 500 },
    );
  });

  it("verify answers", () => {
    const verify = fc.record(
      { verified: maybe(fc.boolean()), token: maybe(fc.string()) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(verify, anyValue), (value) => {
        const zod = verifyResponseSchema.safeParse(value);
        const ours = readVerifyResponse(value);
        expect(ours !== undefined).toBe(zod.success);
        if (zod.success) expect(ours).toEqual(zod.data);
      }),
      { numRuns: 300 },
    );
  });

  it("error answers", () => {
    const error = fc.record(
      {
        kind: maybe(fc.constantFrom("wrong_code", "rate_limited", "future_kind")),
        message: maybe(fc.string()),
        retryAfter: maybe(fc.integer({ min: 0, max: 3600 })),
        attemptsLeft: maybe(fc.integer({ min: 0, max: 5 })),
        resendIn: maybe(fc.integer({ min: 0, max: 120 })),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.record({ error }), anyValue), (value) => {
        const zod = errorResponseSchema.safeParse(value);
        const ours = readErrorResponse(value);
        expect(ours !== undefined).toBe(zod.success);
        if (zod.success) expect(ours).toEqual(zod.data);
      }),
      { numRuns: 300 },
    );
  });
});

describe("time on the wire", () => {
  const wire = {
    id: "c1",
    phone: "+66 ••• ••• 678",
    codeLength: 6,
    expiresIn: 300,
    resendIn: 30,
    channel: "sms",
  };

  it("turns relative seconds into absolute times at receipt", () => {
    expect(challengeFromWire(wire, 1_000_000)).toEqual({
      id: "c1",
      phone: "+66 ••• ••• 678",
      codeLength: 6,
      channel: "sms",
      expiresAt: 1_300_000,
      resendAt: 1_030_000,
    });
  });

  it("sends whole seconds left, rounded up and never negative", () => {
    const challenge = challengeFromWire(wire, 1_000_000);
    expect(challengeToWire(challenge, 1_000_500)).toMatchObject({ expiresIn: 300, resendIn: 30 });
    expect(challengeToWire(challenge, 1_031_000)).toMatchObject({ expiresIn: 269, resendIn: 0 });
  });
});
