export {
  type OtpServerMock,
  type OtpServerMockOptions,
  otpServerMock,
  type ServerMockAdapter,
} from "./otp-server-mock";
export {
  SCENARIO_PHONES,
  type ScenarioOptions,
  type ServerOperation,
} from "./scenarios";
export { MOCK_TOKEN_ALG } from "./token";
