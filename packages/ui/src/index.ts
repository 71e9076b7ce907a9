export * from "./code-input";
export {
  type Catalogue,
  type CatalogueName,
  formatCountdown,
  formatDuration,
  formatMessage,
  formatNumber,
  LOCALES,
  type Locale,
  type LocaleMessages,
  loadLocale,
  type Message,
  type PartialLocaleMessages,
  type PluralMessage,
  registerLocale,
  resolveLocale,
  resolveMessages,
  useMessages,
} from "./i18n";
export * from "./otp-verify";
export * from "./phone-input";
