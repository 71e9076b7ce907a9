import { createManualClock } from "@otpkit/core/testing";
import { describe, expect, it } from "vitest";
import { createDevInbox } from "./dev-inbox";

const sms = (to: string, text: string) => ({ to, from: "otpkit", text, provider: "console" });

describe("createDevInbox", () => {
  it("keeps each number's messages, oldest first, with their time", () => {
    const clock = createManualClock();
    const inbox = createDevInbox({ now: clock.now });
    inbox.deliver(sms("+66812345678", "one"));
    clock.advance(1000);
    inbox.deliver(sms("+66812345678", "two"));
    inbox.deliver(sms("+66899999999", "other"));
    expect(inbox.messages("+66812345678")).toEqual([
      { ...sms("+66812345678", "one"), channel: "sms", at: clock.now() - 1000 },
      { ...sms("+66812345678", "two"), channel: "sms", at: clock.now() },
    ]);
    expect(inbox.messages("+10000000000")).toEqual([]);
  });

  it("stays small: newest messages per number, fewest numbers", () => {
    const inbox = createDevInbox({ perPhone: 2, phones: 2 });
    for (const text of ["1", "2", "3"]) inbox.deliver(sms("+66800000001", text));
    inbox.deliver(sms("+66800000002", "b"));
    inbox.deliver(sms("+66800000003", "c"));
    expect(inbox.messages("+66800000001")).toEqual([]);
    expect(inbox.messages("+66800000002").map((message) => message.text)).toEqual(["b"]);
    inbox.deliver(sms("+66800000002", "b2"));
    inbox.deliver(sms("+66800000002", "b3"));
    expect(inbox.messages("+66800000002").map((message) => message.text)).toEqual(["b2", "b3"]);
  });
});
