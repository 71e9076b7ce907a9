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
export { type Catalogue, resolveMessages } from "./messages";
