export { ANTS_BASE_URL, type AntsAdapter, type AntsOptions, ants, toMobile } from "./adapter";
export {
  ANTS_CODES,
  type AntsCode,
  type AntsOperation,
  ERROR_COUNT_MEANS_LOCKED,
  kindForCode,
  verifyOutcome,
} from "./codes";
