import { createFakeAdapter } from "@otpkit/core/testing";
import { render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { CodeInput, codeInputMessages } from "../code-input";
import { OtpVerify, otpVerifyMessages } from "../otp-verify";
import { PhoneInput, phoneInputMessages } from "../phone-input";
import { localeStore } from "./messages";

// One module registry per test file: each test below uses a locale no other test here loads.
describe("useMessages: a component loads its own words on demand", () => {
  it("CodeInput in Thai loads CodeInput's Thai and not the other components'", async () => {
    render(<CodeInput webOtp={false} locale="th-TH" />);
    expect(screen.getByRole("textbox")).toHaveAccessibleName("Code");
    await waitFor(() => expect(screen.getByRole("textbox")).toHaveAccessibleName("รหัสยืนยัน"));
    expect(localeStore.get("th", codeInputMessages)).toBeDefined();
    expect(localeStore.get("th", otpVerifyMessages)).toBeUndefined();
    expect(localeStore.get("th", phoneInputMessages)).toBeUndefined();
  });

  it("PhoneInput in Indonesian loads PhoneInput's Indonesian only", async () => {
    render(<PhoneInput defaultCountry="ID" locale="id" />);
    const search = await screen.findByRole("button", { name: /^Negara/ });
    expect(search).toBeInTheDocument();
    expect(localeStore.get("id", codeInputMessages)).toBeUndefined();
    expect(localeStore.get("id", otpVerifyMessages)).toBeUndefined();
  });

  it("OtpVerify in Chinese brings its fields' words with its own, the code field's before its step", async () => {
    render(<OtpVerify adapter={createFakeAdapter()} locale="zh" persist={false} />);
    await waitFor(() =>
      expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("输入手机号"),
    );
    // Switched in the same update as the heading: the phone field speaks Chinese too.
    expect(screen.getByRole("button", { name: /^国家/ })).toBeInTheDocument();
    expect(localeStore.get("zh", codeInputMessages)).toBeDefined();
  });
});
