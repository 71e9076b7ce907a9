export type {
  AntsDeliveryReport,
  AntsDeliveryStatus,
} from "./delivery-report";
export {
  ANTS_ERRORS,
  ANTS_MOCK_BASE_URL,
  ANTS_MOCK_CREDENTIALS,
  ANTS_MOCK_OTC_ID,
  ANTS_SILENT_MOBILE,
  ANTS_UNDELIVERED_MOBILE,
  type AntsEndpoint,
  type AntsErrorCode,
  type AntsMock,
  type AntsMockOptions,
  type AntsOtpRecord,
  type AntsOtpStatus,
  type AntsReceivedRequest,
  antsMock,
} from "./mock";
