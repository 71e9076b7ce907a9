import type { LocaleMessages } from "../messages";

/**
 * Indonesian: the messages of every component. Loaded on demand when a component is given
 * a `id` locale; import it and `registerLocale(id)` to have it on the first paint and on the server.
 */
export const id: LocaleMessages = {
  locale: "id",
  otpVerify: {
    phoneHeading: "Masukkan nomor HP Anda",
    phoneIntro: "Kami akan mengirim kode untuk memastikan ini nomor Anda.",
    phoneLabel: "Nomor HP",
    channelLegend: "Kirim kode lewat",
    channelSms: "SMS",
    channelWhatsapp: "WhatsApp",
    channelVoice: "Telepon",
    sendCode: "Kirim kode",
    invalidNumber: "Masukkan nomor HP lengkap, termasuk kode area.",

    codeHeading: "Masukkan kode",
    sentBySms: "Dikirim lewat SMS ke {phone}",
    sentByWhatsapp: "Dikirim lewat WhatsApp ke {phone}",
    sentByVoice: "Kami sedang menelepon {phone} untuk menyebutkan kode",
    sentTo: "Dikirim lewat {channel} ke {phone}",
    changeNumber: "Ganti nomor",
    reference: "Ref {reference}",
    verify: "Verifikasi",
    resend: "Kirim ulang kode",
    resendIn: "Kirim ulang dalam {time}",
    resendBy: "Kirim lewat {channel} saja",
    expiresIn: "Kode berlaku {time} lagi",
    attemptsLeft: { other: "Sisa {count} kali percobaan" },
    sendNewCode: "Kirim kode baru",
    tryAgain: "Coba lagi",
    sending: "Mengirim kode…",
    verifying: "Memeriksa kode…",

    verifiedHeading: "Nomor HP terverifikasi",
    verifiedBody: "Terima kasih. Silakan lanjut.",

    errorInvalidPhone: "Nomor ini sepertinya salah. Periksa lalu coba lagi.",
    errorBlockedPhone:
      "Kode tidak bisa dikirim ke nomor ini. Coba nomor lain atau hubungi layanan pelanggan.",
    errorRateLimited: "Terlalu banyak percobaan. Tunggu {time}, lalu coba lagi.",
    errorRateLimitedOver: "Sekarang Anda bisa mencoba lagi.",
    errorUnavailable: "Layanan sedang tidak tersedia. Coba lagi nanti.",
    errorNotFound: "Permintaan kode ini sudah tidak berlaku.",
    errorWrongCode: "Kodenya salah. Periksa lalu coba lagi.",
    errorTooManyAttempts: "Terlalu banyak kode yang salah. Minta kode baru.",
    errorExpired: "Kode ini sudah kedaluwarsa. Minta kode baru.",
    errorAlreadyVerified: "Kode ini sudah dipakai. Minta kode baru.",
    errorNetwork: "Tidak dapat terhubung. Periksa koneksi Anda, lalu coba lagi.",
    errorNetworkAfterSend:
      "Tidak dapat terhubung. Kode mungkin tetap masuk. Kalau tidak, coba lagi.",
    errorProviderError: "Ada masalah di sistem kami. Coba lagi nanti.",

    announceSent: "Kode dikirim ke nomor yang berakhiran {digits}.",
    announceResendIn: "Anda bisa kirim ulang dalam {duration}.",
    announceResendReady: "Sekarang Anda bisa kirim ulang kode.",
    announceExpiresSoon: "Kode kedaluwarsa dalam {duration}.",
    announceVerified: "Nomor HP terverifikasi.",
  },
  phoneInput: {
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
  },
  codeInput: {
    label: "Kode verifikasi",
    hintDigits: "Kode {length} angka",
    hintCharacters: "Kode {length} karakter",
    success: "Kode berhasil diverifikasi",
  },
};
