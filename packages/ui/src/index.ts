export * from "./code-input";
export {
  type Catalogue,
  formatCountdown,
  formatDuration,
  formatMessage,
  formatNumber,
  LOCALES,
  type Locale,
  type Message,
  type PluralMessage,
  resolveLocale,
  resolveMessages,
} from "./i18n";
export * from "./otp-verify";
export * from "./phone-input";
