import type { CodeInputMessages } from "../messages";

/** CodeInput in Chinese: loaded on its own when a CodeInput is given a `zh` locale. */
export const zh: CodeInputMessages = {
  label: "验证码",
  hintDigits: "{length} 位数字验证码",
  hintCharacters: "{length} 位字母数字验证码",
  success: "验证成功",
};
