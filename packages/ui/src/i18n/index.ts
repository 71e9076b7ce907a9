export { loadLocale } from "./load-locale";
export {
  formatCountdown,
  formatDuration,
  formatMessage,
  formatNumber,
  intlLocale,
  LOCALES,
  type Locale,
  type Message,
  type PluralMessage,
  resolveLocale,
  secondsLeft,
} from "./locale";
export {
  type Catalogue,
  type CatalogueName,
  type LocaleMessages,
  type PartialLocaleMessages,
  registerLocale,
  resolveMessages,
} from "./messages";
export { useMessages } from "./use-messages";
