export * from "./code-input";
export * from "./phone-input";
export { type FlowPersistence, storagePersistence } from "./persistence";
export { useCountdown } from "./use-countdown";
export { type OtpFlow, type UseOtpFlowOptions, useOtpFlow } from "./use-otp-flow";
