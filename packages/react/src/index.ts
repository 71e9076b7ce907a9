export * from "./code-input";
export { type FlowPersistence, storagePersistence } from "./persistence";
export * from "./phone-input";
export { useCountdown } from "./use-countdown";
export { type OtpFlow, type UseOtpFlowOptions, useOtpFlow } from "./use-otp-flow";
