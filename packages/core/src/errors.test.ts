import { describe, expect, it } from "vitest";
import { OTP_ERROR_KINDS, OtpError, STATUS_BY_KIND, toOtpError } from "./errors";

describe("toOtpError", () => {
  it("keeps an OtpError as it is", () => {
    const error = new OtpError({ kind: "wrong_code", attemptsLeft: 2 });
    expect(toOtpError(error)).toBe(error);
  });

  it("turns fetch's TypeError into network, keeping the cause", () => {
    const cause = new TypeError("Failed to fetch");
    const error = toOtpError(cause);
    expect(error).toMatchObject({ kind: "network", status: 0 });
    expect(error.cause).toBe(cause);
  });

  it.each([
    ["AbortError", new DOMException("aborted", "AbortError")],
    ["TimeoutError", new DOMException("timed out", "TimeoutError")],
  ])("turns %s into network", (_, thrown) => {
    expect(toOtpError(thrown).kind).toBe("network");
  });

  it("turns a JSON SyntaxError into provider_error", () => {
    let thrown: unknown;
    try {
      JSON.parse("<html>");
    } catch (e) {
      thrown = e;
    }
    expect(toOtpError(thrown).kind).toBe("provider_error");
  });

  it("turns a non-error value into provider_error", () => {
    expect(toOtpError("boom")).toMatchObject({ kind: "provider_error", cause: "boom" });
    expect(toOtpError(undefined).kind).toBe("provider_error");
  });
});

describe("OtpError", () => {
  it("is an Error carrying every normalized field", () => {
    const error = new OtpError({
      kind: "rate_limited",
      status: 429,
      retryAfterMs: 30_000,
      providerCode: "0304",
      message: "Too many sends",
    });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: "OtpError",
      kind: "rate_limited",
      status: 429,
      retryAfterMs: 30_000,
      providerCode: "0304",
      message: "Too many sends",
    });
  });

  it("has a wire status for every kind, never 401 or 403", () => {
    for (const kind of OTP_ERROR_KINDS) {
      expect(STATUS_BY_KIND[kind]).toBeGreaterThanOrEqual(400);
      expect([401, 403]).not.toContain(STATUS_BY_KIND[kind]);
    }
  });
});
