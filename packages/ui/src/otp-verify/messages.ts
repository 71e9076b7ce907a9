import type { Catalogue, PluralMessage } from "../i18n";

/**
 * Every string OtpVerify shows or announces. `{placeholders}` are filled in by the component;
 * `{time}` is a clock ("0:24"), `{duration}` words ("20 seconds"), both formatted by Intl.
 */
export interface OtpVerifyMessages {
  phoneHeading: string;
  phoneIntro: string;
  phoneLabel: string;
  channelLegend: string;
  channelSms: string;
  channelWhatsapp: string;
  channelVoice: string;
  sendCode: string;
  /** Sending with an empty or unreadable number (PhoneInput explains the others). */
  invalidNumber: string;

  codeHeading: string;
  /** `{phone}`: the number as the server shows it ("+66 ••• ••• 678"). */
  sentBySms: string;
  sentByWhatsapp: string;
  sentByVoice: string;
  /** Another channel: `{channel}` and `{phone}`. */
  sentTo: string;
  changeNumber: string;
  /** The provider's reference code, printed in the SMS too: `{reference}`. */
  reference: string;
  verify: string;
  resend: string;
  resendIn: string;
  /** Resend on another channel offered by the server: `{channel}`. */
  resendBy: string;
  expiresIn: string;
  attemptsLeft: PluralMessage;
  sendNewCode: string;
  tryAgain: string;
  sending: string;
  verifying: string;

  verifiedHeading: string;
  verifiedBody: string;

  errorInvalidPhone: string;
  errorBlockedPhone: string;
  errorRateLimited: string;
  errorRateLimitedOver: string;
  /** insufficient_quota, auth_failed and config_error: not the user's problem, no retry. */
  errorUnavailable: string;
  errorNotFound: string;
  errorWrongCode: string;
  errorTooManyAttempts: string;
  errorExpired: string;
  errorAlreadyVerified: string;
  errorNetwork: string;
  /** A send (or resend) got no answer: the SMS may still arrive. */
  errorNetworkAfterSend: string;
  errorProviderError: string;

  /** Live-region announcements: `{digits}` are the last four digits of the number. */
  announceSent: string;
  announceResendIn: string;
  announceResendReady: string;
  announceExpiresSoon: string;
  announceVerified: string;
}

const en: OtpVerifyMessages = {
  phoneHeading: "Enter your phone number",
  phoneIntro: "We'll send you a code to check it's your number.",
  phoneLabel: "Phone number",
  channelLegend: "Send the code by",
  channelSms: "SMS",
  channelWhatsapp: "WhatsApp",
  channelVoice: "Voice call",
  sendCode: "Send code",
  invalidNumber: "Enter a full phone number, including the area code.",

  codeHeading: "Enter the code",
  sentBySms: "Sent by SMS to {phone}",
  sentByWhatsapp: "Sent by WhatsApp to {phone}",
  sentByVoice: "We're calling {phone} with your code",
  sentTo: "Sent by {channel} to {phone}",
  changeNumber: "Change number",
  reference: "Ref {reference}",
  verify: "Verify",
  resend: "Resend code",
  resendIn: "Resend in {time}",
  resendBy: "Send by {channel} instead",
  expiresIn: "Code expires in {time}",
  attemptsLeft: { one: "{count} attempt left", other: "{count} attempts left" },
  sendNewCode: "Send new code",
  tryAgain: "Try again",
  sending: "Sending code…",
  verifying: "Checking the code…",

  verifiedHeading: "Phone number verified",
  verifiedBody: "Thanks. You can carry on.",

  errorInvalidPhone: "This number doesn't look right. Check it and try again.",
  errorBlockedPhone: "We can't send a code to this number. Try another number or contact support.",
  errorRateLimited: "Too many tries. Wait {time}, then try again.",
  errorRateLimitedOver: "You can try again now.",
  errorUnavailable: "This service isn't available right now. Try again later.",
  errorNotFound: "This code request is no longer valid.",
  errorWrongCode: "That code isn't right. Check it and try again.",
  errorTooManyAttempts: "Too many wrong codes. Ask for a new code.",
  errorExpired: "This code has expired. Ask for a new code.",
  errorAlreadyVerified: "This code has already been used. Ask for a new code.",
  errorNetwork: "We couldn't connect. Check your connection and try again.",
  errorNetworkAfterSend:
    "We couldn't connect. The code may still arrive. If it doesn't, try again.",
  errorProviderError: "Something went wrong on our side. Try again later.",

  announceSent: "Code sent to a number ending {digits}.",
  announceResendIn: "You can resend in {duration}.",
  announceResendReady: "You can resend the code now.",
  announceExpiresSoon: "The code expires in {duration}.",
  announceVerified: "Phone number verified.",
};

const th: OtpVerifyMessages = {
  phoneHeading: "กรอกเบอร์โทรศัพท์",
  phoneIntro: "เราจะส่งรหัสไปเพื่อยืนยันว่าเป็นเบอร์ของคุณ",
  phoneLabel: "เบอร์โทรศัพท์",
  channelLegend: "รับรหัสทาง",
  channelSms: "SMS",
  channelWhatsapp: "WhatsApp",
  channelVoice: "โทรแจ้งรหัส",
  sendCode: "ส่งรหัส",
  invalidNumber: "กรอกเบอร์โทรศัพท์ให้ครบ รวมรหัสพื้นที่ด้วย",

  codeHeading: "กรอกรหัส",
  sentBySms: "ส่งรหัสทาง SMS ไปที่ {phone} แล้ว",
  sentByWhatsapp: "ส่งรหัสทาง WhatsApp ไปที่ {phone} แล้ว",
  sentByVoice: "กำลังโทรแจ้งรหัสไปที่ {phone}",
  sentTo: "ส่งรหัสทาง {channel} ไปที่ {phone} แล้ว",
  changeNumber: "เปลี่ยนเบอร์",
  reference: "รหัสอ้างอิง {reference}",
  verify: "ยืนยัน",
  resend: "ส่งรหัสอีกครั้ง",
  resendIn: "ส่งอีกครั้งได้ใน {time}",
  resendBy: "ส่งทาง {channel} แทน",
  expiresIn: "รหัสจะหมดอายุใน {time}",
  attemptsLeft: { other: "กรอกได้อีก {count} ครั้ง" },
  sendNewCode: "ขอรหัสใหม่",
  tryAgain: "ลองอีกครั้ง",
  sending: "กำลังส่งรหัส…",
  verifying: "กำลังตรวจสอบรหัส…",

  verifiedHeading: "ยืนยันเบอร์โทรศัพท์แล้ว",
  verifiedBody: "ขอบคุณ ดำเนินการต่อได้เลย",

  errorInvalidPhone: "เบอร์นี้ดูไม่ถูกต้อง ตรวจสอบแล้วลองอีกครั้ง",
  errorBlockedPhone: "ส่งรหัสไปที่เบอร์นี้ไม่ได้ ลองใช้เบอร์อื่นหรือติดต่อฝ่ายบริการลูกค้า",
  errorRateLimited: "ลองหลายครั้งเกินไป รอ {time} แล้วลองใหม่",
  errorRateLimitedOver: "ลองใหม่ได้แล้ว",
  errorUnavailable: "ขณะนี้บริการยังใช้งานไม่ได้ โปรดลองใหม่ภายหลัง",
  errorNotFound: "คำขอรหัสนี้ใช้ไม่ได้แล้ว",
  errorWrongCode: "รหัสไม่ถูกต้อง ตรวจสอบแล้วลองอีกครั้ง",
  errorTooManyAttempts: "กรอกรหัสผิดหลายครั้งเกินไป โปรดขอรหัสใหม่",
  errorExpired: "รหัสนี้หมดอายุแล้ว โปรดขอรหัสใหม่",
  errorAlreadyVerified: "รหัสนี้ถูกใช้ไปแล้ว โปรดขอรหัสใหม่",
  errorNetwork: "เชื่อมต่อไม่ได้ ตรวจสอบอินเทอร์เน็ตแล้วลองอีกครั้ง",
  errorNetworkAfterSend: "เชื่อมต่อไม่ได้ แต่รหัสอาจยังส่งถึงคุณ ถ้าไม่ได้รับ ให้ลองอีกครั้ง",
  errorProviderError: "เกิดข้อผิดพลาดที่ระบบของเรา โปรดลองใหม่ภายหลัง",

  announceSent: "ส่งรหัสไปที่เบอร์ที่ลงท้ายด้วย {digits} แล้ว",
  announceResendIn: "ส่งอีกครั้งได้ใน {duration}",
  announceResendReady: "ส่งรหัสอีกครั้งได้แล้ว",
  announceExpiresSoon: "รหัสจะหมดอายุใน {duration}",
  announceVerified: "ยืนยันเบอร์โทรศัพท์แล้ว",
};

const id: OtpVerifyMessages = {
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
  errorNetworkAfterSend: "Tidak dapat terhubung. Kode mungkin tetap masuk. Kalau tidak, coba lagi.",
  errorProviderError: "Ada masalah di sistem kami. Coba lagi nanti.",

  announceSent: "Kode dikirim ke nomor yang berakhiran {digits}.",
  announceResendIn: "Anda bisa kirim ulang dalam {duration}.",
  announceResendReady: "Sekarang Anda bisa kirim ulang kode.",
  announceExpiresSoon: "Kode kedaluwarsa dalam {duration}.",
  announceVerified: "Nomor HP terverifikasi.",
};

const zh: OtpVerifyMessages = {
  phoneHeading: "输入手机号",
  phoneIntro: "我们会发送验证码，确认这是你的手机号。",
  phoneLabel: "手机号",
  channelLegend: "验证码接收方式",
  channelSms: "短信",
  channelWhatsapp: "WhatsApp",
  channelVoice: "语音电话",
  sendCode: "发送验证码",
  invalidNumber: "请输入完整的手机号（含区号）。",

  codeHeading: "输入验证码",
  sentBySms: "验证码已通过短信发送至 {phone}",
  sentByWhatsapp: "验证码已通过 WhatsApp 发送至 {phone}",
  sentByVoice: "我们正在致电 {phone} 播报验证码",
  sentTo: "验证码已通过{channel}发送至 {phone}",
  changeNumber: "更换号码",
  reference: "参考码 {reference}",
  verify: "验证",
  resend: "重新发送",
  resendIn: "{time} 后可重新发送",
  resendBy: "改用{channel}接收",
  expiresIn: "验证码将在 {time} 后失效",
  attemptsLeft: { other: "还可以再试 {count} 次" },
  sendNewCode: "获取新验证码",
  tryAgain: "重试",
  sending: "正在发送验证码…",
  verifying: "正在验证…",

  verifiedHeading: "手机号已验证",
  verifiedBody: "谢谢，可以继续了。",

  errorInvalidPhone: "这个号码好像不对，请检查后重试。",
  errorBlockedPhone: "无法向这个号码发送验证码。请换一个号码，或联系客服。",
  errorRateLimited: "尝试次数太多，请等待 {time} 后再试。",
  errorRateLimitedOver: "现在可以重试了。",
  errorUnavailable: "服务暂时不可用，请稍后再试。",
  errorNotFound: "这个验证码请求已失效。",
  errorWrongCode: "验证码不正确，请检查后重试。",
  errorTooManyAttempts: "输错次数太多，请获取新验证码。",
  errorExpired: "验证码已过期，请获取新验证码。",
  errorAlreadyVerified: "这个验证码已经用过了，请获取新验证码。",
  errorNetwork: "网络连接失败，请检查网络后重试。",
  errorNetworkAfterSend: "网络连接失败。验证码可能仍会送达，如果没有收到，请重试。",
  errorProviderError: "我们这边出了点问题，请稍后再试。",

  announceSent: "验证码已发送至尾号为 {digits} 的手机。",
  announceResendIn: "{duration}后可以重新发送。",
  announceResendReady: "现在可以重新发送验证码了。",
  announceExpiresSoon: "验证码将在{duration}后失效。",
  announceVerified: "手机号已验证。",
};

export const otpVerifyMessages: Catalogue<OtpVerifyMessages> = { en, th, id, zh };
