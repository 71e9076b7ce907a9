/**
 * The runnable server's configuration, read from environment variables. Every problem is
 * a `ConfigError` whose message is one line naming the variable: the bin prints it and
 * stops, so a bad deployment fails at start-up, not at the first SMS.
 */
import { webOtpLine } from "@otpkit/core";
import { callingCodesOf } from "./country-allow-list";
import type { OtpLimits } from "./handler";
import { MIN_SECRET_BYTES } from "./token";

export const PROVIDERS = ["console", "ants", "engagelab", "verihubs"] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

export type ProviderConfig =
  | { name: "console"; webOtpOrigin?: string }
  | { name: "ants"; username: string; password: string; otcId: string; baseUrl?: string }
  | {
      name: "engagelab";
      devKey: string;
      devSecret: string;
      templateId: string;
      channels?: string[];
      baseUrl?: string;
    }
  | {
      name: "verihubs";
      appId: string;
      apiKey: string;
      channels?: ("sms" | "whatsapp")[];
      baseUrl?: string;
    };

export interface ServerConfig {
  provider: ProviderConfig;
  production: boolean;
  /** Undefined only for the console provider outside production: a random one is made. */
  tokenSecret: string | undefined;
  port: number;
  host: string;
  basePath: string;
  corsOrigins: string[];
  redisUrl: string | undefined;
  allowedCountries: string[];
  trustProxy: number;
  codeLength: number;
  ttlSeconds: number;
  limits: OtpLimits;
}

type Env = Readonly<Record<string, string | undefined>>;

export function readConfig(env: Env): ServerConfig {
  const production = env.NODE_ENV === "production";
  const providerName = (env.OTPKIT_PROVIDER ?? "console").trim() || "console";
  if (!(PROVIDERS as readonly string[]).includes(providerName)) {
    throw new ConfigError(`OTPKIT_PROVIDER must be one of ${PROVIDERS.join(", ")}`);
  }
  const name = providerName as ProviderName;
  if (name !== "console" && optional(env, "OTPKIT_WEBOTP_ORIGIN") !== undefined) {
    throw new ConfigError(
      `OTPKIT_WEBOTP_ORIGIN is for the console provider: with ${name}, the SMS text is the provider's template, so end that with the WebOTP line (@app.example.com #<code>; webOtpLine in @otpkit/core writes it)`,
    );
  }
  if (name === "console" && production) {
    throw new ConfigError(
      "OTPKIT_PROVIDER=console prints codes and cannot run with NODE_ENV=production",
    );
  }
  const tokenSecret = optional(env, "OTPKIT_TOKEN_SECRET");
  if (tokenSecret === undefined && (production || name !== "console")) {
    throw new ConfigError(
      `OTPKIT_TOKEN_SECRET is required (at least ${MIN_SECRET_BYTES} characters) outside development with the console provider`,
    );
  }
  if (
    tokenSecret !== undefined &&
    new TextEncoder().encode(tokenSecret).length < MIN_SECRET_BYTES
  ) {
    throw new ConfigError(`OTPKIT_TOKEN_SECRET must be at least ${MIN_SECRET_BYTES} characters`);
  }

  const resendCooldownSeconds = list(env, "OTPKIT_RESEND_COOLDOWN_SECONDS")?.map((entry) =>
    wholeNumber("OTPKIT_RESEND_COOLDOWN_SECONDS", entry, 0),
  );
  const limits: OtpLimits = {
    ...numberVar(env, "OTPKIT_SENDS_PER_PHONE", "sendsPerPhone", 1),
    ...numberVar(env, "OTPKIT_SENDS_PER_IP", "sendsPerIp", 1),
    ...numberVar(env, "OTPKIT_SEND_WINDOW_SECONDS", "sendWindowSeconds", 1),
    ...numberVar(env, "OTPKIT_VERIFY_ATTEMPTS", "verifyAttempts", 1),
    ...(resendCooldownSeconds ? { resendCooldownSeconds } : {}),
  };

  const allowedCountries = list(env, "OTPKIT_ALLOWED_COUNTRIES") ?? [];
  try {
    callingCodesOf(allowedCountries);
  } catch (error) {
    throw new ConfigError(`OTPKIT_ALLOWED_COUNTRIES: ${(error as Error).message}`);
  }

  return {
    provider: providerConfig(name, env),
    production,
    tokenSecret,
    port: integer(env, "PORT", 3000, 0, 65_535),
    host: optional(env, "HOST") ?? (production ? "0.0.0.0" : "127.0.0.1"),
    basePath: basePath(env),
    corsOrigins: (list(env, "OTPKIT_CORS_ORIGINS") ?? []).map(origin),
    redisUrl: redisUrl(env),
    allowedCountries,
    trustProxy: trustProxy(env),
    codeLength: integer(env, "OTPKIT_CODE_LENGTH", 6, 4, 10),
    ttlSeconds: integer(env, "OTPKIT_CODE_TTL_SECONDS", 300, 1, 86_400),
    limits,
  };
}

function providerConfig(name: ProviderName, env: Env): ProviderConfig {
  switch (name) {
    case "console": {
      const webOtpOrigin = optional(env, "OTPKIT_WEBOTP_ORIGIN");
      if (webOtpOrigin === undefined) return { name };
      try {
        webOtpLine(webOtpOrigin, "0");
      } catch {
        throw new ConfigError(
          "OTPKIT_WEBOTP_ORIGIN must be the https origin the code is for (https://app.example.com, no port)",
        );
      }
      return { name, webOtpOrigin };
    }
    case "ants":
      return {
        name,
        username: required(env, "ANTS_USERNAME"),
        password: required(env, "ANTS_PASSWORD"),
        otcId: required(env, "ANTS_OTC_ID"),
        ...url(env, "ANTS_BASE_URL"),
      };
    case "engagelab": {
      const channels = list(env, "ENGAGELAB_CHANNELS");
      return {
        name,
        devKey: required(env, "ENGAGELAB_DEV_KEY"),
        devSecret: required(env, "ENGAGELAB_DEV_SECRET"),
        templateId: required(env, "ENGAGELAB_TEMPLATE_ID"),
        ...(channels ? { channels } : {}),
        ...url(env, "ENGAGELAB_BASE_URL"),
      };
    }
    case "verihubs": {
      const channels = list(env, "VERIHUBS_CHANNELS");
      if (channels && !channels.every((channel) => channel === "sms" || channel === "whatsapp")) {
        throw new ConfigError('VERIHUBS_CHANNELS must list "sms" and/or "whatsapp"');
      }
      return {
        name,
        appId: required(env, "VERIHUBS_APP_ID"),
        apiKey: required(env, "VERIHUBS_API_KEY"),
        ...(channels ? { channels: channels as ("sms" | "whatsapp")[] } : {}),
        ...url(env, "VERIHUBS_BASE_URL"),
      };
    }
  }
}

function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function required(env: Env, name: string): string {
  const value = optional(env, name);
  if (value === undefined) throw new ConfigError(`${name} is required`);
  return value;
}

function list(env: Env, name: string): string[] | undefined {
  const value = optional(env, name);
  if (value === undefined) return undefined;
  const entries = value.split(",").map((entry) => entry.trim());
  if (entries.some((entry) => entry === "")) {
    throw new ConfigError(`${name} must be a comma-separated list without empty entries`);
  }
  return entries;
}

function wholeNumber(name: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}`);
  }
  return number;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = optional(env, name);
  return value === undefined ? fallback : wholeNumber(name, value, min, max);
}

function numberVar<K extends keyof OtpLimits>(env: Env, name: string, key: K, min: number) {
  const value = optional(env, name);
  return value === undefined ? {} : { [key]: wholeNumber(name, value, min) };
}

function url(env: Env, name: string): { baseUrl?: string } {
  const value = optional(env, name);
  if (value === undefined) return {};
  if (!/^https?:\/\//.test(value) || !URL.canParse(value)) {
    throw new ConfigError(`${name} must be an http(s) URL`);
  }
  return { baseUrl: value };
}

function origin(value: string): string {
  const parsed = URL.canParse(value) ? new URL(value) : undefined;
  if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== value.replace(/\/$/, "")) {
    throw new ConfigError(
      "OTPKIT_CORS_ORIGINS must list origins such as https://app.example.com (scheme, host, port; no path)",
    );
  }
  return parsed.origin;
}

function basePath(env: Env): string {
  const value = optional(env, "OTPKIT_BASE_PATH") ?? "/api/otp";
  if (!/^\/[\w\-./]*$/.test(value)) {
    throw new ConfigError("OTPKIT_BASE_PATH must be a path such as /api/otp");
  }
  return value;
}

function redisUrl(env: Env): string | undefined {
  const value = optional(env, "REDIS_URL");
  if (value === undefined) return undefined;
  if (!/^rediss?:\/\//.test(value) || !URL.canParse(value)) {
    throw new ConfigError("REDIS_URL must be a redis:// or rediss:// URL");
  }
  return value;
}

function trustProxy(env: Env): number {
  const value = optional(env, "OTPKIT_TRUST_PROXY");
  if (value === undefined || value === "false") return 0;
  if (value === "true") return 1;
  return wholeNumber("OTPKIT_TRUST_PROXY", value, 0, 10);
}
