export { ANTS_BASE_URL, type AntsAdapter, type AntsOptions, ants } from "./adapter";
export {
  ANTS_CODES,
  type AntsCode,
  type AntsOperation,
  kindForCode as antsKindForCode,
  verifyOutcome as antsVerifyOutcome,
} from "./codes";
