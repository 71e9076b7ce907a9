/**
 * The "Backend" toolbar: what answers `/api/otp/*` in the browser (MSW) while a story runs.
 *
 * Every choice speaks the kit's own wire protocol through `otpServerMock` from @otpkit/mocks,
 * because that is all a browser ever talks to. The provider choices are **simulated**: the
 * real ANTS, EngageLab and Verihubs adapters live in @otpkit/providers, which is server-only
 * (it holds credentials and refuses to build for the browser). So each provider is played by
 * a small in-browser adapter configured the way that provider behaves: its sender name and
 * SMS wording, code length, reference codes (ANTS), channels (WhatsApp), and the error kinds
 * its documented codes map to (see providers.ts). The screens are therefore what the kit's
 * server would answer for that provider, not a recording of the provider itself.
 */
import {
  createHttpAdapter,
  type OtpAdapter,
  type OtpChallenge,
  type OtpChannel,
  OtpError,
  type OtpErrorKind,
} from "@otpkit/core";
import {
  inbox,
  type OtpServerMock,
  type OtpServerMockOptions,
  otpServerMock,
  type ScenarioOptions,
} from "@otpkit/mocks";

export const OTP_BASE_URL = "/api/otp";

/** The browser side of every story: the kit's HTTP adapter, pointed at the mocked server. */
export const storyAdapter: OtpAdapter = createHttpAdapter({ baseUrl: OTP_BASE_URL });

export type BackendName = "kit" | "ants" | "engagelab" | "verihubs";

interface ProviderSimulation {
  /** Inbox `provider` field. */
  provider: string;
  sender: string;
  codeLength: number;
  ttlSeconds: number;
  /** The first is the default; more than one lets the user choose (e.g. WhatsApp). */
  channels: OtpChannel[];
  referenceCodes: boolean;
  /** The message as the phone shows it, in the provider's usual wording. */
  text(code: string, channel: OtpChannel, referenceCode: string | undefined): string;
}

export interface BackendProfile {
  /** Toolbar title. */
  title: string;
  /** One line for the docs: what this choice simulates and how. */
  description: string;
  /** Absent for the kit's own mock (codes made by otpServerMock itself). */
  simulation?: ProviderSimulation;
}

export const BACKENDS: Record<BackendName, BackendProfile> = {
  kit: {
    title: "Kit protocol (mock)",
    description:
      "otpServerMock as @otpkit/server answers with its default adapter: 6-digit codes, SMS from “otpkit”.",
  },
  ants: {
    title: "ANTS (simulated)",
    description:
      "Simulated as the kit's server would answer for ANTS: 6-digit codes with a reference code (“Ref: IpA6k”), SMS from “ANTS”.",
    simulation: {
      provider: "ants",
      sender: "ANTS",
      codeLength: 6,
      ttlSeconds: 300,
      channels: ["sms"],
      referenceCodes: true,
      text: (code, _channel, ref) => `Your OTP is ${code} (Ref: ${ref})`,
    },
  },
  engagelab: {
    title: "EngageLab (simulated)",
    description:
      "Simulated as the kit's server would answer for EngageLab with a 4-digit template offering SMS or WhatsApp, brand name “EngageLab”.",
    simulation: {
      provider: "engagelab",
      sender: "EngageLab",
      codeLength: 4,
      ttlSeconds: 300,
      channels: ["sms", "whatsapp"],
      referenceCodes: false,
      text: (code) => `Your verification code is ${code}. It expires in 5 minutes.`,
    },
  },
  verihubs: {
    title: "Verihubs (simulated)",
    description:
      "Simulated as the kit's server would answer for Verihubs: 6-digit codes by SMS or WhatsApp, in Verihubs' Indonesian default wording.",
    simulation: {
      provider: "verihubs",
      sender: "Verihubs",
      codeLength: 6,
      ttlSeconds: 300,
      channels: ["sms", "whatsapp"],
      referenceCodes: false,
      text: (code, channel) =>
        channel === "whatsapp"
          ? `*${code}* adalah kode verifikasi Anda. Demi keamanan, jangan bagikan kode ini.`
          : `Kode OTP Anda ${code}. Jangan berikan kode ini kepada siapa pun.`,
    },
  },
};

export const isBackendName = (value: unknown): value is BackendName =>
  typeof value === "string" && value in BACKENDS;

/** What a story may change about the server (`parameters.otpServer`). */
export type StoryServerOptions = Omit<OtpServerMockOptions, "adapter" | "baseUrl" | "inbox">;

const randomDigits = (length: number) =>
  Array.from(crypto.getRandomValues(new Uint32Array(length)), (n) => n % 10).join("");

const REF_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const randomReference = () =>
  Array.from(
    crypto.getRandomValues(new Uint32Array(5)),
    (n) => REF_ALPHABET[n % REF_ALPHABET.length],
  ).join("");

const fail = (kind: OtpErrorKind) => new OtpError({ kind, message: kind });

/**
 * A provider played in the browser: issues a code, delivers it to the simulated inbox in the
 * provider's wording, checks it. Attempts, cooldowns and limits are otpServerMock's job, as
 * they are @otpkit/server's in production.
 */
function simulatedProvider(simulation: ProviderSimulation, ttlSeconds: number): OtpAdapter {
  const issued = new Map<string, { phone: string; code: string; expiresAt: number }>();
  const [defaultChannel = "sms"] = simulation.channels;

  function issue(phone: string, channel: OtpChannel): OtpChallenge {
    const at = Date.now();
    const code = randomDigits(simulation.codeLength);
    const referenceCode = simulation.referenceCodes ? randomReference() : undefined;
    const id = crypto.randomUUID();
    issued.set(id, { phone, code, expiresAt: at + ttlSeconds * 1000 });
    inbox.deliver({
      to: phone,
      from: simulation.sender,
      text: simulation.text(code, channel, referenceCode),
      provider: simulation.provider,
      channel,
      at,
    });
    return {
      id,
      phone,
      codeLength: simulation.codeLength,
      expiresAt: at + ttlSeconds * 1000,
      resendAt: at,
      channel,
      ...(simulation.channels.length > 1 ? { channels: simulation.channels } : {}),
      ...(referenceCode ? { referenceCode } : {}),
    };
  }

  return {
    async send({ phone, channel }) {
      return issue(phone, channel ?? defaultChannel);
    },
    async resend({ challenge, channel }) {
      const record = issued.get(challenge.id);
      if (!record) throw fail("not_found");
      issued.delete(challenge.id);
      return issue(record.phone, channel ?? challenge.channel);
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

/** A fresh server for one story: nothing remembered from the story before. */
export function createBackend(name: BackendName, options: StoryServerOptions = {}): OtpServerMock {
  const { simulation } = BACKENDS[name];
  if (!simulation) return otpServerMock({ baseUrl: OTP_BASE_URL, inbox, ...options });
  const ttlSeconds = options.ttlSeconds ?? simulation.ttlSeconds;
  return otpServerMock({
    baseUrl: OTP_BASE_URL,
    inbox,
    ...options,
    ttlSeconds,
    codeLength: simulation.codeLength,
    adapter: simulatedProvider(simulation, ttlSeconds),
  });
}

/** The code length a story should expect from a backend. */
export const codeLengthOf = (name: BackendName, options: StoryServerOptions = {}): number =>
  BACKENDS[name].simulation?.codeLength ?? options.codeLength ?? 6;

let current: { key: string; storyId: string; server: OtpServerMock } | undefined;

/**
 * Called by preview.tsx before each render of a story. The same story with the same backend
 * keeps its server (a re-render after a control changes must not forget the challenge);
 * another story or backend gets a fresh one.
 */
export function startBackendForStory(
  storyId: string,
  name: BackendName,
  options: StoryServerOptions = {},
): { server: OtpServerMock; fresh: boolean } {
  const key = `${storyId}|${name}|${JSON.stringify(options)}`;
  if (current?.key === key) return { server: current.server, fresh: false };
  current?.server.reset();
  current = { key, storyId, server: createBackend(name, options) };
  return { server: current.server, fresh: true };
}

/** Called when a story is torn down. */
export function stopBackend(storyId: string): void {
  if (current?.storyId !== storyId) return;
  current.server.reset();
  current = undefined;
}

/** The server answering the story being rendered (for scenarios and faults in a story). */
export function storyBackend(): OtpServerMock {
  if (!current) throw new Error("No story backend yet: preview.tsx starts one before each story");
  return current.server;
}

/** Make `phone` fail with `kind` in the story being rendered. */
export function scenario(phone: string, kind: OtpErrorKind, options?: ScenarioOptions): void {
  storyBackend().scenario(phone, kind, options);
}
