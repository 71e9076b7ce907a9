import type { DemoLocale } from "./settings";

/**
 * The sign-in page's own words, around `<OtpVerify/>` (which brings its own catalogue).
 * The demo's tools (switchers, phone, backend panel) stay in English.
 */
export const PAGE_COPY: Record<DemoLocale, { title: string; intro: string; again: string }> = {
  en: {
    title: "Sign in to Acme",
    intro: "No password needed: we check it's your phone.",
    again: "Start again",
  },
  th: {
    title: "เข้าสู่ระบบ Acme",
    intro: "ไม่ต้องใช้รหัสผ่าน เราจะยืนยันผ่านโทรศัพท์ของคุณ",
    again: "เริ่มใหม่",
  },
  id: {
    title: "Masuk ke Acme",
    intro: "Tanpa kata sandi: kami cukup memastikan ini nomor Anda.",
    again: "Mulai lagi",
  },
  zh: {
    title: "登录 Acme",
    intro: "无需密码，我们通过手机验证身份。",
    again: "重新开始",
  },
};
