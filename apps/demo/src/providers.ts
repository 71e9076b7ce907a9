/**
 * What the provider switcher offers, as the page shows it. Browser-safe on purpose: the real
 * adapters live in the providers package, which is server-only (it holds credentials and refuses
 * to build for a browser). In embedded mode each provider is simulated by the mocked server
 * (src/embedded/providers.ts) answering as @otpkit/server would for that provider.
 */
import type { OtpChannel, OtpErrorKind } from "@otpkit/core";
import type { ProviderName } from "./settings";

export interface SandboxNumber {
  /** E.164. */
  phone: string;
  /** The kind the kit maps the provider's documented answer to. */
  kind: OtpErrorKind | "ok";
  /** The provider's documented answer for this number. */
  answer: string;
}

export interface ProviderProfile {
  label: string;
  /** One line: what the simulation does (embedded mode). */
  simulated: string;
  /** Channels to offer on the phone step; a choice shows for two or more. */
  channels: readonly OtpChannel[];
  /** The provider's market: the phone field's first country. */
  country: string;
  /** The provider's documented test numbers, if it has any. */
  sandbox?: readonly SandboxNumber[];
}

export const PROVIDERS: Record<ProviderName, ProviderProfile> = {
  console: {
    label: "Dev console",
    simulated:
      "The console adapter @otpkit/server uses in development: 6-digit codes in an SMS from “otpkit”.",
    channels: ["sms"],
    country: "TH",
  },
  ants: {
    label: "ANTS",
    simulated:
      "Answers as @otpkit/server does with ANTS: 6-digit codes with a reference (“Ref”) shown beside the code field, SMS from “ANTS”.",
    channels: ["sms"],
    country: "TH",
  },
  engagelab: {
    label: "EngageLab",
    simulated:
      "Answers as @otpkit/server does with EngageLab: 6-digit codes by SMS or WhatsApp, worded in the page's language.",
    channels: ["sms", "whatsapp"],
    country: "TH",
  },
  verihubs: {
    label: "Verihubs",
    simulated:
      "Answers as @otpkit/server does with Verihubs: 6-digit codes by SMS or WhatsApp, and its sandbox numbers answering with their documented errors.",
    channels: ["sms", "whatsapp"],
    country: "ID",
    // /work/shared/providers/verihubs.md, "Sandbox"; kinds as the server-side Verihubs adapter maps them.
    sandbox: [
      { phone: "+6282123060001", kind: "ok", answer: "201 OTP sent successfully" },
      { phone: "+6282123060002", kind: "invalid_phone", answer: "400 Msisdn invalid" },
      { phone: "+6282123060003", kind: "auth_failed", answer: "401 Authorization failed" },
      { phone: "+6282123060004", kind: "insufficient_quota", answer: "403 quota insufficient" },
      { phone: "+6282123060005", kind: "blocked_phone", answer: "409 msisdn has been blocked" },
      { phone: "+6282123060006", kind: "rate_limited", answer: "429 Too many request" },
      { phone: "+6282123060008", kind: "wrong_code", answer: "verify: 404 OTP not found" },
      { phone: "+6282123060009", kind: "expired", answer: "verify: 422 Time limit exceeded" },
    ],
  },
};
