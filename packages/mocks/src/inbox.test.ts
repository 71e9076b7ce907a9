import { describe, expect, it, vi } from "vitest";
import { codeFromText, createInbox } from "./inbox";

describe("createInbox", () => {
  it("keeps what each phone received, newest last, stamped on its clock", () => {
    let now = 1_000;
    const inbox = createInbox(() => now);
    inbox.deliver({ to: "+66812345678", from: "ANTS", text: "first", provider: "ants" });
    now = 2_000;
    inbox.deliver({ to: "+6281234567890", from: "Verihubs", text: "other", provider: "verihubs" });
    now = 3_000;
    inbox.deliver({ to: "+66812345678", from: "ANTS", text: "second", provider: "ants" });

    expect(inbox.latest("+66812345678")).toBe("second");
    expect(inbox.latestMessage("+66812345678")).toEqual({
      to: "+66812345678",
      from: "ANTS",
      text: "second",
      provider: "ants",
      channel: "sms",
      at: 3_000,
    });
    expect(inbox.messages("+66812345678").map((m) => m.text)).toEqual(["first", "second"]);
    expect(inbox.messages().map((m) => m.text)).toEqual(["first", "other", "second"]);
  });

  it("finds a phone with or without + and separators", () => {
    const inbox = createInbox();
    inbox.deliver({ to: "66812345678", from: "x", text: "hi", provider: "ants" });
    for (const phone of ["+66812345678", "66812345678", "+66 81 234 5678"]) {
      expect(inbox.latest(phone)).toBe("hi");
    }
    expect(inbox.latestMessage("+66812345678")?.to).toBe("+66812345678");
  });

  it("keeps a given channel and delivery time", () => {
    const inbox = createInbox(() => 5);
    inbox.deliver({ to: "+1", from: "x", text: "t", provider: "p", channel: "whatsapp", at: 42 });
    expect(inbox.latestMessage("+1")).toMatchObject({ channel: "whatsapp", at: 42 });
  });

  it("answers undefined and [] for a phone that got nothing", () => {
    const inbox = createInbox();
    expect(inbox.latest("+66800000000")).toBeUndefined();
    expect(inbox.latestMessage("+66800000000")).toBeUndefined();
    expect(inbox.messages("+66800000000")).toEqual([]);
  });

  it("tells subscribers of every delivery until they unsubscribe", () => {
    const inbox = createInbox();
    const listener = vi.fn();
    const unsubscribe = inbox.subscribe(listener);
    inbox.deliver({ to: "+66812345678", from: "x", text: "one", provider: "server" });
    unsubscribe();
    inbox.deliver({ to: "+66812345678", from: "x", text: "two", provider: "server" });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(expect.objectContaining({ text: "one" }));
  });

  it("forgets everything on clear, and hands out copies", () => {
    const inbox = createInbox();
    inbox.deliver({ to: "+66812345678", from: "x", text: "one", provider: "server" });
    const copy = inbox.messages();
    copy.length = 0;
    expect(inbox.messages()).toHaveLength(1);
    inbox.clear();
    expect(inbox.messages()).toEqual([]);
    expect(inbox.latest("+66812345678")).toBeUndefined();
  });
});

describe("codeFromText", () => {
  it.each([
    ["Your otpkit code is 123456. It expires in 5 minutes.", 6, "123456"],
    ["OTP 4821 (Ref AB12C) valid 5 min", 4, "4821"],
    ["Ref 12 code 98765", 5, "98765"],
    ["Kode OTP Anda: 0042. Jangan bagikan.", 4, "0042"],
  ])("finds the code in %j", (text, length, code) => {
    expect(codeFromText(text, length)).toBe(code);
  });

  it("does not take a slice of a longer number", () => {
    expect(codeFromText("Call 0812345678 for help", 6)).toBeUndefined();
    expect(codeFromText("Call 0812345678, code 246810", 6)).toBe("246810");
  });

  it("answers undefined when there is no code of that length", () => {
    expect(codeFromText("no code here")).toBeUndefined();
  });
});
