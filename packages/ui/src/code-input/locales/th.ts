import type { CodeInputMessages } from "../messages";

/** CodeInput in Thai: loaded on its own when a CodeInput is given a `th` locale. */
export const th: CodeInputMessages = {
  label: "รหัสยืนยัน",
  hintDigits: "รหัสตัวเลข {length} หลัก",
  hintCharacters: "รหัส {length} ตัวอักษร",
  success: "ยืนยันรหัสแล้ว",
};
