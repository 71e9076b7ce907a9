export type {
  OtpAdapter,
  OtpChallenge,
  OtpChannel,
  OtpResendInput,
  OtpSendInput,
  OtpVerified,
  OtpVerifyInput,
} from "./contract";
export {
  isOtpError,
  isOtpErrorKind,
  OTP_ERROR_KINDS,
  OtpError,
  type OtpErrorInit,
  type OtpErrorKind,
  STATUS_BY_KIND,
  toOtpError,
} from "./errors";
export { createHttpAdapter, type HttpAdapterOptions } from "./http-adapter";
export {
  attemptsLeft,
  type ChallengeStatus,
  canResend,
  canSend,
  canVerify,
  DEFAULT_RETRY_AFTER_MS,
  type FlowAction,
  type FlowOperation,
  type FlowState,
  type FlowStep,
  flowReducer,
  initialFlowState,
  nextDeadline,
  type PendingRequest,
  resendAvailableAt,
  secondsUntilExpiry,
  secondsUntilResend,
  secondsUntilRetry,
} from "./machine";
export { callingCode, maskPhone } from "./phone";
export { webOtpLine } from "./web-otp";
export {
  type ChallengeResponse,
  challengeResponseSchema,
  challengeSchema,
  type ErrorResponse,
  errorResponseSchema,
  type VerifyResponse,
  verifyResponseSchema,
  type WireChallenge,
  wireChallengeSchema,
} from "./wire";
export {
  failureAnswer,
  jsonAnswer,
  refused,
  SAFE_MESSAGES,
  type WireAnswer,
  type WireFailure,
} from "./wire-answers";
export {
  challengeFromWire,
  challengeToWire,
  readChallenge,
  readChallengeResponse,
  readErrorResponse,
  readVerifyResponse,
  secondsUntil,
} from "./wire-client";
export {
  E164_PATTERN,
  type ResendRequest,
  resendRequestSchema,
  type SendRequest,
  sendRequestSchema,
  type VerifyRequest,
  verifyRequestSchema,
} from "./wire-requests";
