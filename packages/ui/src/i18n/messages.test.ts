import { describe, expect, it } from "vitest";
import { codeInputMessages } from "../code-input/messages";
import { otpVerifyMessages } from "../otp-verify/messages";
import { phoneInputMessages } from "../phone-input/messages";
import { loadLocale } from "./load-locale";
import { id } from "./locales/id";
import { localeStore, registerLocale, resolveMessages } from "./messages";

// One module registry per test file: nothing is loaded or registered before these run.
describe("resolveMessages", () => {
  it("gives English while a locale is not in the page, and for tags without a catalogue", () => {
    expect(resolveMessages(otpVerifyMessages, "th-TH").sendCode).toBe("Send code");
    expect(resolveMessages(otpVerifyMessages, "ar").sendCode).toBe("Send code");
    expect(resolveMessages(otpVerifyMessages).sendCode).toBe("Send code");
  });

  it("uses a locale once it is loaded, for every component", async () => {
    await loadLocale("th-TH");
    expect(resolveMessages(otpVerifyMessages, "th").sendCode).toBe("ส่งรหัส");
    expect(resolveMessages(codeInputMessages, "th-TH").label).toBe("รหัสยืนยัน");
    // Loaded, not registered: the server could not have rendered it.
    expect(localeStore.getRegistered("th", codeInputMessages)).toBeUndefined();
  });

  it("uses a registered locale at once", () => {
    registerLocale(id);
    expect(resolveMessages(otpVerifyMessages, "in").sendCode).toBe(id.otpVerify.sendCode);
    expect(localeStore.getRegistered("id", otpVerifyMessages)).toBe(id.otpVerify);
    expect(localeStore.getRegistered("id", phoneInputMessages)).toBe(id.phoneInput);
  });

  it("loads each locale once and tells subscribers once when all its parts arrive", async () => {
    let calls = 0;
    const stop = localeStore.subscribe(() => {
      calls += 1;
    });
    const first = loadLocale("zh-Hant");
    const second = loadLocale("zh");
    await Promise.all([first, second]);
    await loadLocale("zh-CN");
    await loadLocale("en");
    stop();
    expect(calls).toBe(1);
    expect(resolveMessages(otpVerifyMessages, "zh").sendCode).toBe("发送验证码");
    expect(resolveMessages(codeInputMessages, "zh").label).toBe("验证码");
  });

  it("lays overrides over the messages without touching them", () => {
    const messages = resolveMessages(otpVerifyMessages, "id", {
      sendCode: "Kirim",
      resend: undefined,
    });
    expect(messages.sendCode).toBe("Kirim");
    expect(messages.resend).toBe(id.otpVerify.resend);
    expect(id.otpVerify.sendCode).toBe("Kirim kode");
  });

  it("keeps an empty override (a caller may hide a string on purpose)", () => {
    expect(resolveMessages(otpVerifyMessages, "en", { resend: "" }).resend).toBe("");
  });
});
