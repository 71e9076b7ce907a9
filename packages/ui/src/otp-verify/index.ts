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
  Success as OtpVerifySuccess,
} from "./parts";
