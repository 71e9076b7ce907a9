import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { webOtpLine } from "./web-otp";

// The origin-bound line as the spec's parser (and Chromium's sms_parser) reads it.
const FORMAT = /(?:^|\s)@([a-zA-Z0-9.-]+) #([^#\s]+)(?: @([a-zA-Z0-9.-]+))?$/;

describe("webOtpLine", () => {
  it.each([
    ["https://example.com", "@example.com #123456"],
    ["example.com", "@example.com #123456"],
    ["https://Example.COM/verify?step=2#code", "@example.com #123456"],
    ["https://bücher.example", "@xn--bcher-kva.example #123456"],
    ["http://localhost", "@localhost #123456"],
  ])("binds the code to %s", (origin, line) => {
    expect(webOtpLine(origin, "123456")).toBe(line);
  });

  it("names the embedded origin after the top-level one", () => {
    expect(webOtpLine("https://shop.example", "A7K2Q9", "https://pay.example")).toBe(
      "@shop.example #A7K2Q9 @pay.example",
    );
  });

  it.each([
    "http://example.com",
    "https://example.com:8443",
    "https://user:secret@example.com",
    "https://[::1]",
    "ftp://example.com",
    "intranet",
    "exa mple.com",
    "",
  ])("refuses %j: the browser would not bind the code to it", (origin) => {
    expect(() => webOtpLine(origin, "123456")).toThrow(RangeError);
  });

  it.each(["", "12 34", "12#34", "1234\n"])("refuses the code %j", (code) => {
    expect(() => webOtpLine("https://example.com", code)).toThrow(RangeError);
  });

  it("writes a last line the WebOTP parser reads back, for any domain and code", () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    fc.assert(
      fc.property(
        fc.array(label, { minLength: 1, maxLength: 3 }),
        fc.stringMatching(/^[a-z]{2,6}$/),
        fc.stringMatching(/^[0-9A-Za-z]{4,10}$/),
        (labels, topLevel, code) => {
          const host = [...labels, topLevel].join(".");
          const sms = `Your code is ${code}.\n\n${webOtpLine(`https://${host}`, code)}`;
          const match = sms.split("\n").at(-1)?.match(FORMAT);
          expect(match?.slice(1, 3)).toEqual([host, code]);
        },
      ),
    );
  });
});
