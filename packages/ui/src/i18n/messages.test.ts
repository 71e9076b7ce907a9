import { describe, expect, it } from "vitest";
import { type Catalogue, resolveMessages } from "./messages";

const catalogue: Catalogue<{ send: string; resend: string }> = {
  en: { send: "Send code", resend: "Resend code" },
  th: { send: "ส่งรหัส", resend: "ส่งรหัสอีกครั้ง" },
  id: { send: "Kirim kode", resend: "Kirim ulang kode" },
  zh: { send: "发送验证码", resend: "重新发送" },
};

describe("resolveMessages", () => {
  it("picks the catalogue for the locale, English otherwise", () => {
    expect(resolveMessages(catalogue, "th-TH").send).toBe("ส่งรหัส");
    expect(resolveMessages(catalogue, "zh-Hant").send).toBe("发送验证码");
    expect(resolveMessages(catalogue, "ar").send).toBe("Send code");
    expect(resolveMessages(catalogue).send).toBe("Send code");
  });

  it("lays overrides over the catalogue without touching it", () => {
    const messages = resolveMessages(catalogue, "id", { send: "Kirim", resend: undefined });
    expect(messages).toEqual({ send: "Kirim", resend: "Kirim ulang kode" });
    expect(catalogue.id.send).toBe("Kirim kode");
  });

  it("keeps an empty override (a caller may hide a string on purpose)", () => {
    expect(resolveMessages(catalogue, "en", { resend: "" }).resend).toBe("");
  });
});
