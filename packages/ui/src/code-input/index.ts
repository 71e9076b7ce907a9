export { CodeInput, type CodeInputProps } from "./code-input";
export { type CodeInputMessages, codeInputMessages } from "./messages";
