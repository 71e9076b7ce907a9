/**
 * ANTS, EngageLab and Verihubs played in the browser, for Storybook and the demo's embedded
 * mode. The real adapters live in @otpkit/providers, which is server-only (it holds
 * credentials), so each provider is simulated by a small adapter behind `otpServerMock`
 * that behaves as @otpkit/server with that provider would look from the browser: sender
 * and wording, code length, reference codes (ANTS), channels (WhatsApp). Attempts,
 * cooldowns and limits are otpServerMock's job, as they are the server's in production.
 * No provider is called.
 */
import {
  type OtpAdapter,
  type OtpChallenge,
  type OtpChannel,
  OtpError,
  type OtpErrorKind,
} from "@otpkit/core";
import { type Inbox, inbox as sharedInbox } from "../inbox";
import { VERIHUBS_DEFAULT_TEMPLATE } from "../verihubs";
import { type OtpServerMock, type OtpServerMockOptions, otpServerMock } from "./otp-server-mock";

export type SimulatedProviderName = "ants" | "engagelab" | "verihubs";

export interface ProviderSimulation {
  /** The inbox's `provider` field. */
  provider: SimulatedProviderName;
  sender: string;
  codeLength: number;
  /** The first is the default; more than one lets the user choose (e.g. WhatsApp). */
  channels: readonly OtpChannel[];
  referenceCodes: boolean;
  /** The message as the phone shows it, in the provider's usual wording. */
  text(sms: {
    code: string;
    channel: OtpChannel;
    reference?: string;
    locale?: string;
    ttlSeconds: number;
  }): string;
}

const minutes = (ttlSeconds: number) => Math.max(1, Math.ceil(ttlSeconds / 60));

export const PROVIDER_SIMULATIONS: Readonly<Record<SimulatedProviderName, ProviderSimulation>> = {
  ants: {
    provider: "ants",
    sender: "ANTS",
    codeLength: 6,
    channels: ["sms"],
    referenceCodes: true,
    text: ({ code, reference }) => `Your OTP is ${code} (Ref: ${reference})`,
  },
  engagelab: {
    provider: "engagelab",
    sender: "EngageLab",
    codeLength: 6,
    channels: ["sms", "whatsapp"],
    referenceCodes: false,
    // EngageLab's templates come in the user's language.
    text: ({ code, locale = "en", ttlSeconds }) => {
      const ttl = minutes(ttlSeconds);
      if (locale.startsWith("th")) return `รหัสยืนยันของคุณคือ ${code} หมดอายุใน ${ttl} นาที`;
      if (locale.startsWith("zh")) return `您的验证码是 ${code}，${ttl}分钟内有效。`;
      return `Your verification code is ${code}. It expires in ${ttl} minute${ttl === 1 ? "" : "s"}.`;
    },
  },
  verihubs: {
    provider: "verihubs",
    sender: "Verihubs",
    codeLength: 6,
    channels: ["sms", "whatsapp"],
    referenceCodes: false,
    text: ({ code, channel }) =>
      channel === "whatsapp"
        ? `*${code}* adalah kode verifikasi Anda. Demi keamanan, jangan bagikan kode ini.`
        : VERIHUBS_DEFAULT_TEMPLATE.replaceAll("$OTP", code),
  },
};

/** Uniform digits: values at or above the largest multiple of 10 are drawn again. */
function randomDigits(length: number): string {
  let digits = "";
  while (digits.length < length) {
    for (const n of crypto.getRandomValues(new Uint32Array(length))) {
      if (n < 4_294_967_290 && digits.length < length) digits += String(n % 10);
    }
  }
  return digits;
}

const REFERENCE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const randomReference = () =>
  Array.from(
    crypto.getRandomValues(new Uint8Array(5)),
    (n) => REFERENCE_ALPHABET[n % REFERENCE_ALPHABET.length],
  ).join("");

const fail = (kind: OtpErrorKind) => new OtpError({ kind, message: kind });

export interface SimulatedProviderOptions {
  ttlSeconds?: number;
  inbox?: Inbox;
  now?: () => number;
}

/** The provider's side: issues a code, delivers it in the provider's wording, checks it. */
export function simulatedProviderAdapter(
  simulation: ProviderSimulation,
  { ttlSeconds = 300, inbox = sharedInbox, now = Date.now }: SimulatedProviderOptions = {},
): OtpAdapter & { readonly channels: readonly OtpChannel[] } {
  const issued = new Map<string, { phone: string; code: string; expiresAt: number }>();
  const [defaultChannel = "sms"] = simulation.channels;

  function issue(phone: string, channel: OtpChannel, locale: string | undefined): OtpChallenge {
    const at = now();
    const code = randomDigits(simulation.codeLength);
    const reference = simulation.referenceCodes ? randomReference() : undefined;
    const id = crypto.randomUUID();
    const expiresAt = at + ttlSeconds * 1000;
    issued.set(id, { phone, code, expiresAt });
    inbox.deliver({
      to: phone,
      from: simulation.sender,
      text: simulation.text({ code, channel, reference, locale, ttlSeconds }),
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
    channels: simulation.channels,
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
      if (now() >= record.expiresAt) throw fail("expired");
      if (code !== record.code) throw fail("wrong_code");
      issued.delete(challenge.id);
      return { verified: true };
    },
  };
}

/** `otpServerMock` answering as @otpkit/server would with `provider` behind it. */
export function simulatedProviderServer(
  provider: SimulatedProviderName,
  options: Omit<OtpServerMockOptions, "adapter" | "codeLength"> = {},
): OtpServerMock {
  const simulation = PROVIDER_SIMULATIONS[provider];
  const ttlSeconds = options.ttlSeconds ?? 300;
  return otpServerMock({
    ...options,
    ttlSeconds,
    codeLength: simulation.codeLength,
    adapter: simulatedProviderAdapter(simulation, {
      ttlSeconds,
      inbox: options.inbox,
      now: options.now,
    }),
  });
}
