/**
 * What answers `/api/otp/*` for the page, and where the simulated phone reads its messages.
 *
 * - embedded (`pnpm dev`, the static build): MSW in the page plays @otpkit/server and the
 *   providers. Its code (MSW, @otpkit/mocks) is a chunk of its own, loaded after the first
 *   render, and requests wait for it.
 * - server (`pnpm dev:server`): the real @otpkit/server behind Vite's proxy; the phone polls
 *   the server's development inbox.
 */
import type { DemoMode, ProviderName } from "./settings";

/** A message as the simulated phone shows it (the shape of both inboxes). */
export interface PhoneMessage {
  to: string;
  from: string;
  text: string;
  provider: string;
  channel: string;
  /** Epoch ms. */
  at: number;
}

export interface Inbox {
  /** The messages to `phone`, oldest first; `null` when the backend keeps none (a real provider). */
  messages: PhoneMessage[] | null;
}

export interface EmbeddedOptions {
  provider: ProviderName;
  ttlSeconds?: number | undefined;
  cooldownSeconds?: number | undefined;
}

/** The verdict of the app's backend on a token (server mode: `verifyOtpToken` for real). */
export type TokenCheck =
  | {
      valid: true;
      claims: { phone: string; challengeId: string; issuedAt: number; expiresAt: number };
    }
  | { valid: false; reason: string };

export interface DemoBackend {
  mode: DemoMode;
  /** Resolves when requests can be answered; `fetch` waits for it. */
  ready: Promise<void>;
  /** The fetch the HTTP adapter uses. */
  fetch: typeof fetch;
  /** Embedded mode: answer as this provider, with these timings, from now on. */
  configure(options: EmbeddedOptions): void;
  /** Calls `onChange` with the messages to `phone` now and whenever they change. */
  watchInbox(phone: string, onChange: (inbox: Inbox) => void): () => void;
  /** Server mode: asks the demo's backend to check the token; undefined when it cannot. */
  checkToken(token: string): Promise<TokenCheck | undefined>;
}

const POLL_MS = 1000;

export function createServerBackend(): DemoBackend {
  return {
    mode: "server",
    ready: Promise.resolve(),
    fetch: (input, init) => fetch(input, init),
    configure() {},
    watchInbox(phone, onChange) {
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const poll = async () => {
        try {
          const response = await fetch(`/api/otp/dev/inbox?phone=${encodeURIComponent(phone)}`);
          // No dev inbox: a real provider, or production. The SMS goes to a real phone.
          if (response.status === 404) {
            if (!stopped) onChange({ messages: null });
            return;
          }
          if (response.ok) {
            const body = (await response.json()) as { messages?: PhoneMessage[] };
            if (!stopped) onChange({ messages: body.messages ?? [] });
          }
        } catch {
          // The server is restarting: try again at the next tick.
        }
        if (!stopped) timer = setTimeout(poll, POLL_MS);
      };
      void poll();
      return () => {
        stopped = true;
        clearTimeout(timer);
      };
    },
    async checkToken(token) {
      try {
        const response = await fetch("/api/demo/check-token", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ token }),
        });
        if (!response.ok) return undefined;
        return (await response.json()) as TokenCheck;
      } catch {
        return undefined;
      }
    },
  };
}

type Embedded = Awaited<ReturnType<typeof import("./embedded").startEmbedded>>;

export function createEmbeddedBackend(): DemoBackend {
  let options: EmbeddedOptions = { provider: "console" };
  let embedded: Embedded | undefined;
  let resolveLoaded: (value: Embedded) => void = () => {};
  const loaded = new Promise<Embedded>((resolve) => {
    resolveLoaded = resolve;
  });
  let started = false;

  /** Loads MSW and the mocked server (a chunk of their own) once. */
  function start() {
    if (started) return;
    started = true;
    void import("./embedded")
      .then(({ startEmbedded }) => startEmbedded())
      .then((ready) => {
        embedded = ready;
        ready.configure(options);
        resolveLoaded(ready);
      });
  }
  const ready = loaded.then(() => undefined);

  return {
    mode: "embedded",
    ready,
    fetch: async (input, init) => {
      start();
      await ready;
      return fetch(input, init);
    },
    configure(next) {
      options = next;
      embedded?.configure(next);
      start();
    },
    watchInbox(phone, onChange) {
      let stop: (() => void) | undefined;
      let stopped = false;
      start();
      void loaded.then((ready) => {
        if (stopped) return;
        const show = () => onChange({ messages: ready.inbox.messages(phone) });
        show();
        stop = ready.inbox.subscribe(show);
      });
      return () => {
        stopped = true;
        stop?.();
      };
    },
    async checkToken() {
      return undefined;
    },
  };
}
