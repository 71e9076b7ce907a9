/**
 * Embedded mode's providers. The browser only ever speaks the kit's wire protocol, so each
 * provider is played by `otpServerMock` (the kit's server, in MSW) in front of a small
 * adapter that behaves the way @otpkit/server's adapter for that provider does: its sender
 * and wording, code length, reference codes (ANTS), channels (WhatsApp), and, for
 * Verihubs, its sandbox numbers answering with the kinds their documented errors map to.
 * These are simulations, and the page says so: no provider is called.
 */
import {
  type OtpAdapter,
  type OtpChallenge,
  type OtpChannel,
  OtpError,
  type OtpErrorKind,
} from "@otpkit/core";
import { inbox, type OtpServerMock, otpServerMock, VERIHUBS_DEFAULT_TEMPLATE } from "@otpkit/mocks";
import type { EmbeddedOptions } from "../backend";
import { PROVIDERS } from "../providers";

const BASE_URL = "/api/otp";
const DEFAULT_TTL_SECONDS = 300;

interface Simulation {
  /** The inbox's `provider` field. */
  provider: string;
  sender: string;
  codeLength: number;
  channels: readonly OtpChannel[];
  referenceCodes: boolean;
  /** The message as the phone shows it, in the provider's usual wording. */
  text(sms: { code: string; channel: OtpChannel; reference?: string; locale?: string }): string;
}

const minutes = (ttlSeconds: number) => Math.max(1, Math.ceil(ttlSeconds / 60));

function simulations(ttlSeconds: number): Partial<Record<EmbeddedOptions["provider"], Simulation>> {
  const ttl = minutes(ttlSeconds);
  return {
    ants: {
      provider: "ants",
      sender: "ANTS",
      codeLength: 6,
      channels: PROVIDERS.ants.channels,
      referenceCodes: true,
      text: ({ code, reference }) => `Your OTP is ${code} (Ref: ${reference})`,
    },
    engagelab: {
      provider: "engagelab",
      sender: "EngageLab",
      codeLength: 6,
      channels: PROVIDERS.engagelab.channels,
      referenceCodes: false,
      // EngageLab's templates come in the user's language.
      text: ({ code, locale = "en" }) => {
        if (locale.startsWith("th")) return `รหัสยืนยันของคุณคือ ${code} หมดอายุใน ${ttl} นาที`;
        if (locale.startsWith("zh")) return `您的验证码是 ${code}，${ttl}分钟内有效。`;
        return `Your verification code is ${code}. It expires in ${ttl} minute${ttl === 1 ? "" : "s"}.`;
      },
    },
    verihubs: {
      provider: "verihubs",
      sender: "Verihubs",
      codeLength: 6,
      channels: PROVIDERS.verihubs.channels,
      referenceCodes: false,
      text: ({ code, channel }) =>
        channel === "whatsapp"
          ? `*${code}* adalah kode verifikasi Anda. Demi keamanan, jangan bagikan kode ini.`
          : VERIHUBS_DEFAULT_TEMPLATE.replaceAll("$OTP", code),
    },
  };
}

const randomDigits = (length: number) =>
  Array.from(crypto.getRandomValues(new Uint32Array(length)), (n) => n % 10).join("");

const REFERENCE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const randomReference = () =>
  Array.from(
    crypto.getRandomValues(new Uint32Array(5)),
    (n) => REFERENCE_ALPHABET[n % REFERENCE_ALPHABET.length],
  ).join("");

const fail = (kind: OtpErrorKind) => new OtpError({ kind, message: kind });

/**
 * The provider's side: issues a code, delivers it to the simulated inbox in the provider's
 * wording, checks it. Attempts, cooldowns and limits are the server's job (otpServerMock
 * here, @otpkit/server for real).
 */
function simulatedProvider(simulation: Simulation, ttlSeconds: number): OtpAdapter {
  const issued = new Map<string, { phone: string; code: string; expiresAt: number }>();
  const [defaultChannel = "sms"] = simulation.channels;

  function issue(phone: string, channel: OtpChannel, locale: string | undefined): OtpChallenge {
    const at = Date.now();
    const code = randomDigits(simulation.codeLength);
    const reference = simulation.referenceCodes ? randomReference() : undefined;
    const id = crypto.randomUUID();
    const expiresAt = at + ttlSeconds * 1000;
    issued.set(id, { phone, code, expiresAt });
    inbox.deliver({
      to: phone,
      from: simulation.sender,
      text: simulation.text({ code, channel, reference, locale }),
      provider: simulation.provider,
      channel,
      at,
    });
    return {
      id,
      phone,
      codeLength: simulation.codeLength,
      expiresAt,
      resendAt: at,
      channel,
      ...(simulation.channels.length > 1 ? { channels: [...simulation.channels] } : {}),
      ...(reference ? { referenceCode: reference } : {}),
    };
  }

  return {
    async send({ phone, channel, locale }) {
      return issue(phone, channel ?? defaultChannel, locale);
    },
    async resend({ challenge, channel }) {
      const record = issued.get(challenge.id);
      if (!record) throw fail("not_found");
      issued.delete(challenge.id);
      return issue(record.phone, channel ?? challenge.channel, undefined);
    },
    async verify({ challenge, code }) {
      const record = issued.get(challenge.id);
      if (!record) throw fail("not_found");
      if (Date.now() >= record.expiresAt) throw fail("expired");
      if (code !== record.code) throw fail("wrong_code");
      issued.delete(challenge.id);
      return { verified: true };
    },
  };
}

/** The mocked server for one provider, with the demo's timing parameters. */
export function createProviderServer(options: EmbeddedOptions): OtpServerMock {
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  const timings = {
    ttlSeconds,
    ...(options.cooldownSeconds === undefined ? {} : { resendSeconds: options.cooldownSeconds }),
  };
  const simulation = simulations(ttlSeconds)[options.provider];
  // The dev console is what otpServerMock does by itself: codes from "otpkit".
  const server = otpServerMock({
    baseUrl: BASE_URL,
    inbox,
    ...timings,
    ...(simulation
      ? {
          codeLength: simulation.codeLength,
          adapter: simulatedProvider(simulation, ttlSeconds),
        }
      : {}),
  });
  for (const { phone, kind } of PROVIDERS[options.provider].sandbox ?? []) {
    if (kind !== "ok") server.scenario(phone, kind);
  }
  return server;
}
