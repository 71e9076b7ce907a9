export {
  type OtpServerMock,
  type OtpServerMockOptions,
  otpServerMock,
} from "./otp-server-mock";
export {
  SCENARIO_PHONES,
  type ScenarioOptions,
  type ServerOperation,
} from "./scenarios";
