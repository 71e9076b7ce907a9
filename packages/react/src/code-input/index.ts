export {
  applyEdit,
  type CodeEdit,
  codeChar,
  extractCode,
  reconcile,
  toCode,
} from "./normalize";
export {
  type CodeInputControl,
  type CodeSlot,
  type UseCodeInputOptions,
  useCodeInput,
} from "./use-code-input";
