/**
 * @otpkit/server: the wire protocol over any server-side OtpAdapter, with what must never
 * be trusted to a browser: provider credentials, rate limits, attempt counting and signed
 * verification tokens.
 */

export { callingCode, maskPhone, SAFE_MESSAGES, type WireFailure as Failure } from "@otpkit/core";
export { type AttemptLimitOptions, DEFAULT_MAX_ATTEMPTS, withAttemptLimit } from "./attempt-limit";
export { type BotCheck, type BotCheckInput, passBotCheck } from "./bot-check";
export {
  type ChallengeService,
  type ChallengeServiceOptions,
  createChallengeService,
} from "./challenge-service";
export { type ClientIp, type ClientIpOptions, clientIpFrom } from "./client-ip";
export { type Cors, type CorsOptions, createCors } from "./cors";
export { CALLING_CODES, callingCodesOf, withCountryAllowList } from "./country-allow-list";
export { createDevInbox, type DevInbox, type DevInboxMessage } from "./dev-inbox";
export {
  createOtpHandler,
  type OtpHandler,
  type OtpHandlerOptions,
  type OtpLimits,
  type ServerAdapter,
} from "./handler";
export { createIpLimit, DEFAULT_SENDS_PER_IP, type IpLimit, type IpLimitOptions } from "./ip-limit";
export { jsonLogger, type LogEntry, type LogLevel, type OtpLogger, silentLogger } from "./logger";
export {
  createNodeListener,
  type NodeListener,
  type RunningServer,
  type ServeOptions,
  serve,
} from "./node";
export { MAX_BODY_BYTES, readJsonBody } from "./request-body";
export {
  DEFAULT_SEND_LIMITS,
  type SendLimitOptions,
  type SendLimits,
  withSendLimits,
} from "./send-limits";
export type { LimiterSpec, OtpStore, StoredChallenge } from "./store";
export { createMemoryStore, type MemoryStoreOptions } from "./stores/memory-store";
export { createRedisStore, type RedisStoreOptions } from "./stores/redis-store";
export {
  type OtpTokenClaims,
  OtpTokenError,
  type OtpTokenFailure,
  type OtpTokenSecret,
  verifyOtpToken,
} from "./token";
export {
  createOtpTokenSigner,
  DEFAULT_TOKEN_TTL_SECONDS,
  type OtpTokenSigner,
  type OtpTokenSignerOptions,
} from "./token-signer";
