import { describe, expect, it } from "vitest";
import { createCors } from "./cors";

const request = (origin?: string, method = "POST") =>
  new Request("http://api.example.com/api/otp/send", {
    method,
    headers: origin ? { origin, "access-control-request-method": "POST" } : {},
  });

describe("createCors", () => {
  it("adds nothing when no origins are allowed (CORS is off)", () => {
    const cors = createCors(undefined);
    expect(cors.headers(request("https://evil.example"))).toEqual({});
    const preflight = cors.preflight(request("https://evil.example", "OPTIONS"));
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("lets an allowed origin read answers, and varies the cache on Origin", () => {
    const cors = createCors({ origins: ["https://app.example.com/"] });
    expect(cors.headers(request("https://app.example.com"))).toEqual({
      "access-control-allow-origin": "https://app.example.com",
      vary: "Origin",
    });
  });

  it("gives any other origin nothing to read", () => {
    const cors = createCors({ origins: ["https://app.example.com"] });
    expect(cors.headers(request("https://app.example.com.evil.example"))).toEqual({
      vary: "Origin",
    });
    expect(cors.headers(request("http://app.example.com"))).toEqual({ vary: "Origin" });
  });

  it("answers an allowed preflight with the methods and headers it may use", () => {
    const cors = createCors({
      origins: ["https://app.example.com"],
      allowHeaders: ["X-CSRF-Token"],
    });
    const preflight = cors.preflight(request("https://app.example.com", "OPTIONS"));
    expect(preflight.status).toBe(204);
    expect(Object.fromEntries(preflight.headers)).toMatchObject({
      "access-control-allow-origin": "https://app.example.com",
      "access-control-allow-methods": "GET, POST, OPTIONS",
      "access-control-allow-headers": "content-type, accept, x-csrf-token",
      "access-control-max-age": "600",
    });
  });

  it("answers another origin's preflight without permission", () => {
    const cors = createCors({ origins: ["https://app.example.com"] });
    const preflight = cors.preflight(request("https://evil.example", "OPTIONS"));
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.headers.get("access-control-allow-methods")).toBeNull();
  });

  it("allows credentials only when asked", () => {
    const cors = createCors({ origins: ["https://app.example.com"], credentials: true });
    expect(cors.headers(request("https://app.example.com"))).toMatchObject({
      "access-control-allow-credentials": "true",
    });
  });
});
