#!/usr/bin/env node
import { startServer } from "./app";
/**
 * `otpkit-server`: the handler on its own port, configured from the environment
 * (see the README for every variable). A bad variable stops start-up with one line that
 * names it; SIGTERM (or SIGINT) lets in-flight requests finish, then exits.
 */
import { ConfigError, readConfig } from "./config";
import { jsonLogger } from "./logger";

function stop(message: string): never {
  console.error(`otpkit-server: ${message}`);
  process.exit(1);
}

async function main() {
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) stop(error.message);
    throw error;
  }
  const running = await startServer(config).catch((error: unknown) => {
    if (error instanceof ConfigError) stop(error.message);
    const code = (error as { code?: unknown }).code;
    stop(code === "EADDRINUSE" ? `PORT ${config.port} is already in use` : String(error));
  });
  jsonLogger({
    level: "info",
    event: "server.listening",
    url: running.url,
    provider: config.provider.name,
    store: config.redisUrl ? "redis" : "memory",
  });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    jsonLogger({ level: "info", event: "server.stopping", signal });
    running.close().then(
      () => {
        jsonLogger({ level: "info", event: "server.stopped" });
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => stop(error instanceof Error ? error.message : String(error)));
