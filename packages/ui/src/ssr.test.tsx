// @vitest-environment node
import { createFakeAdapter } from "@otpkit/core/testing";
import { renderToString } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { th } from "./i18n/locales/th";
import { CodeInput, OtpVerify, PhoneInput, registerLocale } from "./index";

// The shared setup file clears sessionStorage after each test, which Node does not have: give
// it one after each test, and take it away again before the next.
beforeEach(() => {
  Reflect.deleteProperty(globalThis, "sessionStorage");
});
afterEach(() => {
  Object.assign(globalThis, { sessionStorage: { clear() {} } });
});

describe("server rendering (Node, no DOM)", () => {
  it("has no window or document here", () => {
    expect(typeof window).toBe("undefined");
    expect(typeof document).toBe("undefined");
    expect(typeof sessionStorage).toBe("undefined");
  });

  it("renders OtpVerify's phone step in English while the locale is not registered", () => {
    const html = renderToString(<OtpVerify adapter={createFakeAdapter()} locale="th" />);
    expect(html).toContain("Enter your phone number");
    expect(html).not.toContain("กรอกเบอร์โทรศัพท์");
    expect(html).toContain('role="status"');
    expect(html).toContain('data-step="phone"');
  });

  it("renders a registered locale at once, every component in it", () => {
    registerLocale(th);
    const html = renderToString(<OtpVerify adapter={createFakeAdapter()} locale="th-TH" />);
    expect(html).toContain("กรอกเบอร์โทรศัพท์");
    expect(html).toContain('aria-label="ประเทศ: ไทย +66"');
    expect(renderToString(<CodeInput locale="th" />)).toContain('aria-label="รหัสยืนยัน"');
  });

  it("renders OtpVerify straight at the code step when given a number", () => {
    const html = renderToString(<OtpVerify adapter={createFakeAdapter()} phone="+66812345678" />);
    expect(html).toContain("Enter the code");
    expect(html).toMatch(/autocomplete="one-time-code"/i);
  });

  it("renders the fields on their own", () => {
    expect(renderToString(<CodeInput />)).toMatch(/autocomplete="one-time-code"/i);
    expect(renderToString(<PhoneInput defaultCountry="TH" />)).toContain('type="tel"');
  });
});
