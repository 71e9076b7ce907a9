/**
 * The runnable server, from a `ServerConfig`: the provider adapter, the store (Redis when
 * REDIS_URL is set), the handler, and in development with the console provider the dev
 * inbox. `bin.ts` reads the environment and calls `startServer`.
 */
import { ants, consoleAdapter, engagelab, verihubs } from "@otpkit/providers";
import { Redis } from "ioredis";
import { DEFAULT_MAX_ATTEMPTS } from "./attempt-limit";
import { toBase64url } from "./base64url";
import type { ProviderConfig, ServerConfig } from "./config";
import { ConfigError } from "./config";
import { createDevInbox, type DevInbox } from "./dev-inbox";
import { createOtpHandler, type OtpHandler, type ServerAdapter } from "./handler";
import { jsonLogger, type OtpLogger } from "./logger";
import { type RunningServer, serve } from "./node";
import type { OtpStore } from "./store";
import { createMemoryStore } from "./stores/memory-store";
import { createRedisStore } from "./stores/redis-store";

export interface AppDependencies {
  logger?: OtpLogger;
  /** Where the console provider's SMS are printed. Default: stdout. */
  print?: (line: string) => void;
  /** The provider adapters' fetch (tests point it at mocks). Default: global fetch. */
  fetch?: typeof fetch;
}

export interface App {
  handler: OtpHandler;
  store: OtpStore;
  devInbox: DevInbox | undefined;
  close(): Promise<void>;
}

export async function createApp(config: ServerConfig, deps: AppDependencies = {}): Promise<App> {
  const logger = deps.logger ?? jsonLogger;
  // The dev inbox exists only where codes may be seen: console provider, not production.
  const devInbox =
    config.provider.name === "console" && !config.production ? createDevInbox() : undefined;
  const adapter = providerAdapter(config, devInbox, deps);

  let tokenSecret = config.tokenSecret;
  if (tokenSecret === undefined) {
    tokenSecret = toBase64url(crypto.getRandomValues(new Uint8Array(32)));
    logger({
      level: "warn",
      event: "config.random_token_secret",
      detail:
        "OTPKIT_TOKEN_SECRET is not set: tokens are signed with a random secret that dies with this process",
    });
  }

  const store = config.redisUrl ? await redisStore(config.redisUrl, logger) : createMemoryStore();
  const handler = createOtpHandler({
    adapter,
    tokenSecret,
    store,
    limits: config.limits,
    basePath: config.basePath,
    ...(config.corsOrigins.length ? { cors: { origins: config.corsOrigins } } : {}),
    allowedCountries: config.allowedCountries,
    trustProxy: config.trustProxy,
    logger,
    devInbox,
  });
  return { handler, store, devInbox, close: () => store.close() };
}

async function redisStore(url: string, logger: OtpLogger): Promise<OtpStore> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  // ioredis reconnects by itself; say so once per failure, by error code only.
  client.on("error", (error: Error & { code?: string }) => {
    if (client.status === "ready" || client.status === "reconnecting") {
      logger({ level: "error", event: "redis.error", error: error.code ?? error.name });
    }
  });
  try {
    await client.connect();
  } catch {
    client.disconnect();
    // The URL is not repeated: it may hold a password.
    throw new ConfigError("REDIS_URL: cannot connect to Redis");
  }
  return createRedisStore({ client, ownsClient: true });
}

function providerAdapter(
  config: ServerConfig,
  devInbox: DevInbox | undefined,
  deps: AppDependencies,
): ServerAdapter {
  const provider: ProviderConfig = config.provider;
  const { codeLength, ttlSeconds } = config;
  const fetch = deps.fetch ? { fetch: deps.fetch } : {};
  switch (provider.name) {
    case "console": {
      const print = deps.print ?? ((line: string) => process.stdout.write(`${line}\n`));
      return consoleAdapter({
        codeLength,
        ttlSeconds,
        // The server's cooldown and attempt count rule; the adapter's own would only trail them.
        resendSeconds: 0,
        maxAttempts: config.limits.verifyAttempts ?? DEFAULT_MAX_ATTEMPTS,
        ...(provider.webOtpOrigin ? { webOtpOrigin: provider.webOtpOrigin } : {}),
        deliver(sms) {
          devInbox?.deliver(sms);
          print(`[otpkit console] SMS to ${sms.to} from ${sms.from}: ${sms.text}`);
        },
      });
    }
    case "ants":
      return ants({ ...provider, codeLength, ttlSeconds, ...fetch });
    case "engagelab":
      return engagelab({ ...provider, codeLength, ttlSeconds, ...fetch });
    case "verihubs":
      return verihubs({ ...provider, codeLength, ttlSeconds, ...fetch });
  }
}

export async function startServer(
  config: ServerConfig,
  deps: AppDependencies = {},
): Promise<RunningServer & { app: App }> {
  const app = await createApp(config, deps);
  const running = await serve(app.handler, { port: config.port, host: config.host });
  return {
    ...running,
    app,
    async close() {
      await running.close();
      await app.close();
    },
  };
}
