import { describe, expect, it } from "vitest";
import { OTP_ERROR_KINDS, STATUS_BY_KIND } from "./errors";
import { errorResponseSchema } from "./wire";
import { failureAnswer, jsonAnswer, refused, SAFE_MESSAGES } from "./wire-answers";

const body = (answer: { body: string | undefined }) => JSON.parse(answer.body ?? "null");

describe("the protocol's answers", () => {
  it("are JSON that no cache keeps and no browser sniffs", () => {
    const answer = jsonAnswer({ ok: true }, 201, { "x-extra": "1" });
    expect(answer.status).toBe(201);
    expect(answer.headers).toEqual({
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "x-extra": "1",
    });
    expect(body(answer)).toEqual({ ok: true });
  });

  it.each(OTP_ERROR_KINDS)(
    "answer %s with its status and our own message, as the schema reads",
    (kind) => {
      const answer = failureAnswer({ kind });
      expect(answer.status).toBe(STATUS_BY_KIND[kind]);
      expect(errorResponseSchema.parse(body(answer))).toEqual({
        error: { kind, message: SAFE_MESSAGES[kind] },
      });
    },
  );

  it("round timings up to whole seconds and say Retry-After on a 429", () => {
    const limited = failureAnswer({ kind: "rate_limited", retryAfterMs: 1500 });
    expect(body(limited).error.retryAfter).toBe(2);
    expect(limited.headers["retry-after"]).toBe("2");
    const locked = failureAnswer({
      kind: "too_many_attempts",
      attemptsLeft: 0,
      resendAfterMs: 30_000,
    });
    expect(body(locked).error).toMatchObject({ attemptsLeft: 0, resendIn: 30 });
    expect(locked.status).toBe(429);
    expect(locked.headers["retry-after"]).toBe("30");
    // A 429 without a wait of its own still says how long: the default minute.
    expect(failureAnswer({ kind: "rate_limited" }).headers["retry-after"]).toBe("60");
    expect(failureAnswer({ kind: "wrong_code" }).headers["retry-after"]).toBeUndefined();
  });

  it("refuse a request with a 4xx and a message of its own", () => {
    const answer = failureAnswer(refused(415, "Send JSON"));
    expect(answer.status).toBe(415);
    expect(body(answer)).toEqual({ error: { kind: "config_error", message: "Send JSON" } });
    expect(refused(422, "Not E.164", "invalid_phone").kind).toBe("invalid_phone");
  });
});
