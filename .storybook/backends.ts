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
import { createHttpAdapter, type OtpAdapter, type OtpErrorKind } from "@otpkit/core";
import {
  inbox,
  type OtpServerMock,
  type OtpServerMockOptions,
  otpServerMock,
  PROVIDER_SIMULATIONS,
  type ScenarioOptions,
  type SimulatedProviderName,
  simulatedProviderServer,
} from "@otpkit/mocks";

export const OTP_BASE_URL = "/api/otp";

/** The browser side of every story: the kit's HTTP adapter, pointed at the mocked server. */
export const storyAdapter: OtpAdapter = createHttpAdapter({ baseUrl: OTP_BASE_URL });

export type BackendName = "kit" | "ants" | "engagelab" | "verihubs";

export interface BackendProfile {
  /** Toolbar title. */
  title: string;
  /** One line for the docs: what this choice simulates and how. */
  description: string;
  /** The simulated provider (@otpkit/mocks); absent for the kit's own mock. */
  provider?: SimulatedProviderName;
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
    provider: "ants",
  },
  engagelab: {
    title: "EngageLab (simulated)",
    description:
      "Simulated as the kit's server would answer for EngageLab with a 6-digit template offering SMS or WhatsApp, worded in the user's language, brand name “EngageLab”.",
    provider: "engagelab",
  },
  verihubs: {
    title: "Verihubs (simulated)",
    description:
      "Simulated as the kit's server would answer for Verihubs: 6-digit codes by SMS or WhatsApp, in Verihubs' Indonesian default wording.",
    provider: "verihubs",
  },
};

export const isBackendName = (value: unknown): value is BackendName =>
  typeof value === "string" && value in BACKENDS;

/** What a story may change about the server (`parameters.otpServer`). */
export type StoryServerOptions = Omit<OtpServerMockOptions, "adapter" | "baseUrl" | "inbox">;

/** A fresh server for one story: nothing remembered from the story before. */
export function createBackend(name: BackendName, options: StoryServerOptions = {}): OtpServerMock {
  const { provider } = BACKENDS[name];
  const settings = { baseUrl: OTP_BASE_URL, inbox, ...options };
  return provider ? simulatedProviderServer(provider, settings) : otpServerMock(settings);
}

/** The code length a story should expect from a backend. */
export const codeLengthOf = (name: BackendName, options: StoryServerOptions = {}): number =>
  (BACKENDS[name].provider && PROVIDER_SIMULATIONS[BACKENDS[name].provider].codeLength) ??
  options.codeLength ??
  6;

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
