export {
  type CountdownProps as OtpVerifyCountdownProps,
  ExpiryCountdown as OtpVerifyExpiryCountdown,
  ResendCountdown as OtpVerifyResendCountdown,
  RetryCountdown as OtpVerifyRetryCountdown,
} from "./countdowns";
export { type OtpVerifyMessages, otpVerifyMessages } from "./messages";
export { OtpVerify, type OtpVerifyMessageOverrides, type OtpVerifyProps } from "./OtpVerify";
export {
  CodeStep as OtpVerifyCodeStep,
  ErrorMessage as OtpVerifyErrorMessage,
  type HeadingLevel,
  type OtpVerifyCodeStepProps,
  type OtpVerifyComponents,
  type OtpVerifyErrorMessageProps,
  type OtpVerifyPartProps,
  type OtpVerifyPhoneStepProps,
  type OtpVerifySuccessProps,
  PhoneStep as OtpVerifyPhoneStep,
  SentTo as OtpVerifySentTo,
  Success as OtpVerifySuccess,
} from "./parts";
