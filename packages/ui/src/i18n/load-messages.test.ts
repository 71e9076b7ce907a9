import { beforeEach, describe, expect, it, vi } from "vitest";

// A fresh store (and fresh locale modules) for every test: what one page has loaded so far.
const freshPage = async () => {
  vi.resetModules();
  const store = await import("./messages");
  const { loadLocale } = await import("./load-locale");
  const { codeInputMessages } = await import("../code-input/messages");
  const { phoneInputMessages } = await import("../phone-input/messages");
  const { otpVerifyMessages } = await import("../otp-verify/messages");
  let publishes = 0;
  store.localeStore.subscribe(() => {
    publishes += 1;
  });
  return {
    ...store,
    loadLocale,
    codeInputMessages,
    phoneInputMessages,
    otpVerifyMessages,
    publishes: () => publishes,
  };
};
let page: Awaited<ReturnType<typeof freshPage>>;
beforeEach(async () => {
  page = await freshPage();
});

describe("each component loads only its own messages", () => {
  it("loading CodeInput's Thai brings CodeInput's words, not OtpVerify's or PhoneInput's", async () => {
    const { loadMessages, resolveMessages, localeStore } = page;
    await loadMessages([page.codeInputMessages], "th-TH");
    expect(resolveMessages(page.codeInputMessages, "th").label).toBe("รหัสยืนยัน");
    expect(localeStore.get("th", page.otpVerifyMessages)).toBeUndefined();
    expect(localeStore.get("th", page.phoneInputMessages)).toBeUndefined();
    expect(resolveMessages(page.otpVerifyMessages, "th").sendCode).toBe("Send code");
    expect(resolveMessages(page.phoneInputMessages, "th").search).toBe("Search for a country");
  });

  it("loading OtpVerify's brings its two fields' too, shown in one update", async () => {
    const { loadMessages, resolveMessages } = page;
    await loadMessages([page.otpVerifyMessages], "id");
    expect(resolveMessages(page.otpVerifyMessages, "id").sendCode).toBe("Kirim kode");
    expect(resolveMessages(page.phoneInputMessages, "id").label).toBe("Nomor telepon");
    expect(resolveMessages(page.codeInputMessages, "id").label).toBe("Kode verifikasi");
    expect(page.publishes()).toBe(1);
  });

  it("shows a field's part together with OtpVerify's when the field asked first", async () => {
    const { loadMessages, localeStore } = page;
    // PhoneInput mounts inside OtpVerify: its effect runs first and starts its own part.
    const field = loadMessages([page.phoneInputMessages], "zh");
    const form = loadMessages([page.otpVerifyMessages], "zh");
    await field;
    // When the field's promise settles, OtpVerify's words are there as well: one switch.
    expect(localeStore.get("zh", page.otpVerifyMessages)).toBeDefined();
    await form;
    expect(page.publishes()).toBe(1);
  });

  it("loadLocale brings every component's part, or only the catalogues named", async () => {
    const { loadLocale, localeStore } = page;
    await loadLocale("th", [page.phoneInputMessages]);
    expect(localeStore.get("th", page.phoneInputMessages)).toBeDefined();
    expect(localeStore.get("th", page.codeInputMessages)).toBeUndefined();
    await loadLocale("th");
    expect(localeStore.get("th", page.codeInputMessages)).toBeDefined();
    expect(localeStore.get("th", page.otpVerifyMessages)).toBeDefined();
  });

  it("registers one component's part for the first paint without the others", async () => {
    const { registerLocale, localeStore, resolveMessages } = page;
    const { codeInput } = await import("./locales/th");
    registerLocale({ locale: "th", codeInput });
    expect(localeStore.getRegistered("th", page.codeInputMessages)).toBe(codeInput);
    expect(localeStore.getRegistered("th", page.otpVerifyMessages)).toBeUndefined();
    expect(resolveMessages(page.otpVerifyMessages, "th").verify).toBe("Verify");
    registerLocale({ locale: "th", codeInput });
    expect(page.publishes()).toBe(1);
  });

  it("keeps English when a part fails to load, and tries again next time", async () => {
    const { loadMessages, resolveMessages } = page;
    const offline = {
      ...page.codeInputMessages,
      load: { ...page.codeInputMessages.load, th: () => Promise.reject(new Error("offline")) },
    };
    await loadMessages([offline], "th");
    expect(resolveMessages(page.codeInputMessages, "th").label).toBe("Code");
    expect(page.publishes()).toBe(0);
    await loadMessages([page.codeInputMessages], "th");
    expect(resolveMessages(page.codeInputMessages, "th").label).toBe("รหัสยืนยัน");
  });
});
