import type { PhoneInputMessages } from "../messages";

/** PhoneInput in Indonesian: loaded on its own when a PhoneInput is given a `id` locale. */
export const id: PhoneInputMessages = {
  label: "Nomor telepon",
  country: "Negara: {country} {code}",
  countryUnknown: "Negara: kode tidak dikenal",
  search: "Cari negara",
  searchPlaceholder: "Nama negara atau kode",
  countries: "Negara",
  suggested: "Disarankan",
  allCountries: "Semua negara",
  results: { other: "{count} negara" },
  noResults: "Negara tidak ditemukan",
  tooShort: "Nomor ini terlalu pendek – cek apakah ada angka yang kurang.",
  tooLong: "Nomor ini terlalu panjang – cek apakah ada angka yang berlebih.",
  invalidCountry: "Tidak ada negara dengan kode ini – cek angka setelah tanda +.",
  invalid: "Nomor ini tidak berlaku di {country} – cek lagi nomor atau negaranya.",
  notMobile: "Sepertinya ini bukan nomor HP – kode dikirim lewat SMS, jadi gunakan nomor HP.",
};
