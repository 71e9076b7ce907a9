/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "server": talk to @otpkit/server through Vite's proxy; anything else: embedded (MSW). */
  readonly VITE_OTPKIT_MODE?: string;
  /** Server mode: the provider the server was started with, for the page to name. */
  readonly VITE_OTPKIT_SERVER_PROVIDER?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
