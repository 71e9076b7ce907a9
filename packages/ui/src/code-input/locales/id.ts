import type { CodeInputMessages } from "../messages";

/** CodeInput in Indonesian: loaded on its own when a CodeInput is given a `id` locale. */
export const id: CodeInputMessages = {
  label: "Kode verifikasi",
  hintDigits: "Kode {length} angka",
  hintCharacters: "Kode {length} karakter",
  success: "Kode berhasil diverifikasi",
};
