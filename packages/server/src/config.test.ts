import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "./config";

const SECRET = "s".repeat(32);
const ANTS = {
  OTPKIT_PROVIDER: "ants",
  ANTS_USERNAME: "u",
  ANTS_PASSWORD: "p",
  ANTS_OTC_ID: "otc",
};

function problem(env: Record<string, string>): string {
  try {
    readConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error("readConfig accepted it");
}

describe("readConfig", () => {
  it("runs the console provider in development with nothing set", () => {
    expect(readConfig({})).toMatchObject({
      provider: { name: "console" },
      production: false,
      tokenSecret: undefined,
      port: 3000,
      host: "127.0.0.1",
      basePath: "/api/otp",
      corsOrigins: [],
      redisUrl: undefined,
      allowedCountries: [],
      trustProxy: 0,
      limits: {},
    });
  });

  it("gives the console provider the origin its SMS binds the code to", () => {
    expect(readConfig({ OTPKIT_WEBOTP_ORIGIN: "https://app.example.com" }).provider).toEqual({
      name: "console",
      webOtpOrigin: "https://app.example.com",
    });
  });

  it("reads every variable", () => {
    const config = readConfig({
      ...ANTS,
      NODE_ENV: "production",
      OTPKIT_TOKEN_SECRET: SECRET,
      PORT: "8080",
      OTPKIT_BASE_PATH: "/otp",
      OTPKIT_CORS_ORIGINS: "https://app.example.com, http://localhost:5173",
      REDIS_URL: "redis://:pw@redis.internal:6379/0",
      OTPKIT_ALLOWED_COUNTRIES: "TH,62",
      OTPKIT_TRUST_PROXY: "true",
      OTPKIT_SENDS_PER_PHONE: "3",
      OTPKIT_SENDS_PER_IP: "50",
      OTPKIT_SEND_WINDOW_SECONDS: "1800",
      OTPKIT_VERIFY_ATTEMPTS: "4",
      OTPKIT_RESEND_COOLDOWN_SECONDS: "20,40",
      OTPKIT_CODE_LENGTH: "4",
      OTPKIT_CODE_TTL_SECONDS: "120",
      ANTS_BASE_URL: "https://ants.test",
    });
    expect(config).toEqual({
      provider: {
        name: "ants",
        username: "u",
        password: "p",
        otcId: "otc",
        baseUrl: "https://ants.test",
      },
      production: true,
      tokenSecret: SECRET,
      port: 8080,
      host: "0.0.0.0",
      basePath: "/otp",
      corsOrigins: ["https://app.example.com", "http://localhost:5173"],
      redisUrl: "redis://:pw@redis.internal:6379/0",
      allowedCountries: ["TH", "62"],
      trustProxy: 1,
      codeLength: 4,
      ttlSeconds: 120,
      limits: {
        sendsPerPhone: 3,
        sendsPerIp: 50,
        sendWindowSeconds: 1800,
        verifyAttempts: 4,
        resendCooldownSeconds: [20, 40],
      },
    });
  });

  it("reads each provider's credentials", () => {
    expect(
      readConfig({
        OTPKIT_PROVIDER: "engagelab",
        OTPKIT_TOKEN_SECRET: SECRET,
        ENGAGELAB_DEV_KEY: "k",
        ENGAGELAB_DEV_SECRET: "s",
        ENGAGELAB_TEMPLATE_ID: "t",
        ENGAGELAB_CHANNELS: "whatsapp,sms",
      }).provider,
    ).toEqual({
      name: "engagelab",
      devKey: "k",
      devSecret: "s",
      templateId: "t",
      channels: ["whatsapp", "sms"],
    });
    expect(
      readConfig({
        OTPKIT_PROVIDER: "verihubs",
        OTPKIT_TOKEN_SECRET: SECRET,
        VERIHUBS_APP_ID: "a",
        VERIHUBS_API_KEY: "k",
      }).provider,
    ).toEqual({ name: "verihubs", appId: "a", apiKey: "k" });
  });

  it.each([
    [{ OTPKIT_PROVIDER: "twilio" }, "OTPKIT_PROVIDER"],
    [{ NODE_ENV: "production", OTPKIT_TOKEN_SECRET: SECRET }, "OTPKIT_PROVIDER=console"],
    [{ ...ANTS }, "OTPKIT_TOKEN_SECRET"],
    [{ OTPKIT_TOKEN_SECRET: "too-short" }, "OTPKIT_TOKEN_SECRET"],
    [{ ...ANTS, OTPKIT_TOKEN_SECRET: SECRET, ANTS_PASSWORD: "" }, "ANTS_PASSWORD"],
    [{ ...ANTS, OTPKIT_TOKEN_SECRET: SECRET, ANTS_OTC_ID: " " }, "ANTS_OTC_ID"],
    [{ OTPKIT_PROVIDER: "engagelab", OTPKIT_TOKEN_SECRET: SECRET }, "ENGAGELAB_DEV_KEY"],
    [
      { OTPKIT_PROVIDER: "verihubs", OTPKIT_TOKEN_SECRET: SECRET, VERIHUBS_APP_ID: "a" },
      "VERIHUBS_API_KEY",
    ],
    [
      {
        OTPKIT_PROVIDER: "verihubs",
        OTPKIT_TOKEN_SECRET: SECRET,
        VERIHUBS_APP_ID: "a",
        VERIHUBS_API_KEY: "k",
        VERIHUBS_CHANNELS: "sms,voice",
      },
      "VERIHUBS_CHANNELS",
    ],
    [{ PORT: "http" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ PORT: "-1" }, "PORT"],
    [{ OTPKIT_CORS_ORIGINS: "app.example.com" }, "OTPKIT_CORS_ORIGINS"],
    [{ OTPKIT_CORS_ORIGINS: "https://app.example.com/login" }, "OTPKIT_CORS_ORIGINS"],
    [
      { OTPKIT_CORS_ORIGINS: "https://a.example.com,,https://b.example.com" },
      "OTPKIT_CORS_ORIGINS",
    ],
    [{ REDIS_URL: "localhost:6379" }, "REDIS_URL"],
    [{ REDIS_URL: "http://localhost:6379" }, "REDIS_URL"],
    [{ OTPKIT_ALLOWED_COUNTRIES: "TH,Atlantis" }, "OTPKIT_ALLOWED_COUNTRIES"],
    [{ OTPKIT_TRUST_PROXY: "yes" }, "OTPKIT_TRUST_PROXY"],
    [{ OTPKIT_SENDS_PER_PHONE: "0" }, "OTPKIT_SENDS_PER_PHONE"],
    [{ OTPKIT_VERIFY_ATTEMPTS: "five" }, "OTPKIT_VERIFY_ATTEMPTS"],
    [{ OTPKIT_RESEND_COOLDOWN_SECONDS: "30,1.5" }, "OTPKIT_RESEND_COOLDOWN_SECONDS"],
    [{ OTPKIT_CODE_LENGTH: "12" }, "OTPKIT_CODE_LENGTH"],
    [{ OTPKIT_BASE_PATH: "api/otp" }, "OTPKIT_BASE_PATH"],
    [{ ...ANTS, OTPKIT_TOKEN_SECRET: SECRET, ANTS_BASE_URL: "ftp://x" }, "ANTS_BASE_URL"],
    [{ OTPKIT_WEBOTP_ORIGIN: "http://app.example.com" }, "OTPKIT_WEBOTP_ORIGIN"],
    [{ OTPKIT_WEBOTP_ORIGIN: "https://app.example.com:8443" }, "OTPKIT_WEBOTP_ORIGIN"],
    [
      { ...ANTS, OTPKIT_TOKEN_SECRET: SECRET, OTPKIT_WEBOTP_ORIGIN: "https://app.example.com" },
      "OTPKIT_WEBOTP_ORIGIN",
    ],
  ])("stops on %o with one line naming %s", (env, name) => {
    const message = problem(env);
    expect(message).toContain(name);
    expect(message).not.toContain("\n");
  });

  it("never repeats a secret value in its message", () => {
    const message = problem({ REDIS_URL: "redis//:hunter2@host" });
    expect(message).not.toContain("hunter2");
    expect(problem({ OTPKIT_TOKEN_SECRET: "hunter2-short" })).not.toContain("hunter2");
  });
});
