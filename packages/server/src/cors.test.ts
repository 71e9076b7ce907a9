import { describe, expect, it } from "vitest";
import { createCors } from "./cors";

describe("createCors", () => {
  it("adds nothing when no origins are allowed (CORS is off)", () => {
    const cors = createCors(undefined);
    expect(cors.headers("https://evil.example")).toEqual({});
    expect(cors.preflight("https://evil.example").headers).toEqual({});
  });

  it("lets an allowed origin read answers, and varies the cache on Origin", () => {
    const cors = createCors({ origins: ["https://app.example.com/"] });
    expect(cors.headers("https://app.example.com")).toEqual({
      "access-control-allow-origin": "https://app.example.com",
      vary: "Origin",
    });
  });

  it("gives any other origin nothing to read", () => {
    const cors = createCors({ origins: ["https://app.example.com"] });
    expect(cors.headers("https://app.example.com.evil.example")).toEqual({ vary: "Origin" });
    expect(cors.headers("http://app.example.com")).toEqual({ vary: "Origin" });
    expect(cors.headers(null)).toEqual({ vary: "Origin" });
  });

  it("answers an allowed preflight with the methods and headers it may use", () => {
    const cors = createCors({
      origins: ["https://app.example.com"],
      allowHeaders: ["X-CSRF-Token"],
    });
    const preflight = cors.preflight("https://app.example.com");
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({
      "access-control-allow-origin": "https://app.example.com",
      "access-control-allow-methods": "GET, POST, OPTIONS",
      "access-control-allow-headers": "content-type, accept, x-csrf-token",
      "access-control-max-age": "600",
    });
  });

  it("answers another origin's preflight without permission", () => {
    const cors = createCors({ origins: ["https://app.example.com"] });
    const preflight = cors.preflight("https://evil.example");
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
    expect(preflight.headers["access-control-allow-methods"]).toBeUndefined();
  });

  it("allows credentials only when asked", () => {
    const cors = createCors({ origins: ["https://app.example.com"], credentials: true });
    expect(cors.headers("https://app.example.com")).toMatchObject({
      "access-control-allow-credentials": "true",
    });
  });
});
