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
export {
  PROVIDER_SIMULATIONS,
  type ProviderSimulation,
  type SimulatedProviderName,
  type SimulatedProviderOptions,
  simulatedProviderAdapter,
  simulatedProviderServer,
} from "./simulated-providers";
export { MOCK_TOKEN_ALG } from "./token";
