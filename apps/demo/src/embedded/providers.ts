/**
 * Embedded mode's providers. The browser only ever speaks the kit's wire protocol, so each
 * provider is played by `otpServerMock` (the kit's server, in MSW) in front of the simulated
 * provider from @otpkit/mocks: its sender and wording, code length, reference codes (ANTS),
 * channels (WhatsApp), and, for Verihubs, its sandbox numbers answering with the kinds their
 * documented errors map to. These are simulations, and the page says so: no provider is called.
 */
import { inbox, type OtpServerMock, otpServerMock, simulatedProviderServer } from "@otpkit/mocks";
import type { EmbeddedOptions } from "../backend";
import { PROVIDERS } from "../providers";

const BASE_URL = "/api/otp";
const DEFAULT_TTL_SECONDS = 300;

/** The mocked server for one provider, with the demo's timing parameters. */
export function createProviderServer(options: EmbeddedOptions): OtpServerMock {
  const settings = {
    baseUrl: BASE_URL,
    inbox,
    ttlSeconds: options.ttlSeconds ?? DEFAULT_TTL_SECONDS,
    ...(options.cooldownSeconds === undefined ? {} : { resendSeconds: options.cooldownSeconds }),
  };
  // The dev console is what otpServerMock does by itself: codes from "otpkit".
  const server =
    options.provider === "console"
      ? otpServerMock(settings)
      : simulatedProviderServer(options.provider, settings);
  for (const { phone, kind } of PROVIDERS[options.provider].sandbox ?? []) {
    if (kind !== "ok") server.scenario(phone, kind);
  }
  return server;
}
