import type { Catalogue } from "../i18n";

/** Every string CodeInput gives screen readers. `{length}` is formatted by Intl. */
export interface CodeInputMessages {
  /** The field's name, unless you pass `aria-label` or `aria-labelledby`. */
  label: string;
  /** Its description, digits only. */
  hintDigits: string;
  /** Its description with `alphanumeric`. */
  hintCharacters: string;
  /** Added to the description in the success state. */
  success: string;
}

export const codeInputMessages: Catalogue<CodeInputMessages> = {
  en: {
    label: "Code",
    hintDigits: "{length}-digit code",
    hintCharacters: "{length}-character code, letters and numbers",
    success: "Code verified",
  },
  th: {
    label: "รหัสยืนยัน",
    hintDigits: "รหัสตัวเลข {length} หลัก",
    hintCharacters: "รหัส {length} ตัว มีทั้งตัวอักษรและตัวเลข",
    success: "ยืนยันรหัสแล้ว",
  },
  id: {
    label: "Kode verifikasi",
    hintDigits: "Kode {length} angka",
    hintCharacters: "Kode {length} karakter, berisi huruf dan angka",
    success: "Kode berhasil diverifikasi",
  },
  zh: {
    label: "验证码",
    hintDigits: "{length} 位数字验证码",
    hintCharacters: "{length} 位验证码，含字母和数字",
    success: "验证成功",
  },
};
