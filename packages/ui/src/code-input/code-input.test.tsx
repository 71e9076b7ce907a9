import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Profiler, useState } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { LOCALES, registerLocale } from "../i18n";
import { EVERY_LOCALE } from "../i18n/every-locale";
import { zh } from "../i18n/locales/zh";
import { CodeInput } from "./code-input";
import { codeInputMessages } from "./messages";

const field = () => screen.getByRole<HTMLInputElement>("textbox");
const slots = (container: HTMLElement) =>
  Array.from(container.querySelectorAll(".otpkit-code__slot"));

describe("CodeInput", () => {
  it("draws one slot per character, six as two groups of three, hidden from assistive tech", () => {
    const { container } = render(<CodeInput webOtp={false} defaultValue="12" />);
    expect(slots(container).map((slot) => slot.textContent)).toEqual(["1", "2", "", "", "", ""]);
    expect(slots(container).map((slot) => slot.hasAttribute("data-group-end"))).toEqual([
      false,
      false,
      true,
      false,
      false,
      false,
    ]);
    expect(container.querySelector(".otpkit-code__slots")).toHaveAttribute("aria-hidden", "true");
    expect(slots(container)[0]).toHaveAttribute("data-filled");
    expect(slots(container)[2]).not.toHaveAttribute("data-filled");
  });

  it("does not group four or five slots", () => {
    const { container } = render(<CodeInput webOtp={false} length={5} />);
    expect(container.querySelector("[data-group-end]")).toBeNull();
  });

  it("is named and described from the catalogue of the locale, loaded on demand", async () => {
    render(<CodeInput webOtp={false} locale="id-ID" alphanumeric length={8} />);
    // English until the Indonesian module arrives, then Indonesian without any help.
    expect(field()).toHaveAccessibleName(codeInputMessages.en.label);
    await waitFor(() => expect(field()).toHaveAccessibleName("Kode verifikasi"));
    expect(field()).toHaveAccessibleDescription("Kode 8 karakter");
  });

  it("takes message overrides and the page's own name and description", () => {
    render(
      <>
        <h2 id="heading">Enter the code</h2>
        <p id="error">That code is not right</p>
        <CodeInput
          webOtp={false}
          aria-labelledby="heading"
          aria-describedby="error"
          messages={{ hintDigits: "{length} numbers from the SMS" }}
        />
      </>,
    );
    expect(field()).toHaveAccessibleName("Enter the code");
    expect(field()).not.toHaveAttribute("aria-label");
    expect(field()).toHaveAccessibleDescription("6 numbers from the SMS That code is not right");
  });

  it("puts state on data attributes and aria-invalid on the input", () => {
    const { container, rerender } = render(<CodeInput webOtp={false} invalid />);
    const root = container.querySelector(".otpkit-code");
    expect(root).toHaveAttribute("data-state", "error");
    expect(field()).toHaveAttribute("aria-invalid", "true");
    rerender(<CodeInput webOtp={false} success />);
    expect(root).toHaveAttribute("data-state", "success");
    expect(field()).not.toHaveAttribute("aria-invalid");
    expect(field()).toHaveAccessibleDescription("6-digit code Code verified");
    rerender(<CodeInput webOtp={false} disabled />);
    expect(root).not.toHaveAttribute("data-state");
    expect(root).toHaveAttribute("data-disabled");
    expect(field()).toBeDisabled();
  });

  it("keeps the code left to right, with className and style on the wrapper", () => {
    const { container } = render(
      <div dir="rtl">
        <CodeInput webOtp={false} className="mine" style={{ margin: 4 }} name="code" id="otp" />
      </div>,
    );
    const root = container.querySelector(".otpkit-code");
    expect(root).toHaveAttribute("dir", "ltr");
    expect(root).toHaveClass("otpkit-code", "mine");
    expect(root).toHaveStyle({ margin: "4px" });
    expect(field()).toHaveAttribute("name", "code");
    expect(field()).toHaveAttribute("id", "otp");
  });

  it("shows • in masked slots and keeps the input a text field", () => {
    const { container } = render(<CodeInput webOtp={false} masked defaultValue="4821" />);
    expect(
      slots(container)
        .map((slot) => slot.textContent)
        .join(""),
    ).toBe("••••");
    expect(field()).toHaveAttribute("type", "text");
    expect(container.querySelector(".otpkit-code")).toHaveAttribute("data-masked");
  });

  it("runs the caller's handlers before its own; preventDefault keeps the browser's paste", async () => {
    const onFocus = vi.fn();
    const onPaste = vi.fn((event: React.ClipboardEvent) => event.preventDefault());
    const onChange = vi.fn();
    render(<CodeInput webOtp={false} onFocus={onFocus} onPaste={onPaste} onChange={onChange} />);
    await userEvent.click(field());
    expect(onFocus).toHaveBeenCalled();
    await userEvent.paste("123456");
    expect(onPaste).toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalledWith("123456");
  });

  it("forwards ref to the input", () => {
    const ref = { current: null as HTMLInputElement | null };
    render(<CodeInput webOtp={false} ref={ref} />);
    expect(ref.current).toBe(field());
  });

  it("renders on the server with the same markup contract, in a registered locale", () => {
    registerLocale(zh);
    const html = renderToString(<CodeInput defaultValue="123" masked locale="zh" />);
    expect(html.toLowerCase()).toContain('autocomplete="one-time-code"');
    expect(html).toContain('aria-label="验证码"');
    expect(html.match(/otpkit-code__slot"/g)).toHaveLength(6);
    expect(html).toContain("6 位数字验证码");
  });
});

/** A page holding the code, as CodeInput's README shows, inside a commit counter. */
function CountedPage({ onCommit }: { onCommit: () => void }) {
  const [code, setCode] = useState("");
  return (
    <Profiler id="page" onRender={onCommit}>
      <CodeInput webOtp={false} value={code} onChange={setCode} />
      <output>{code}</output>
    </Profiler>
  );
}

describe("CodeInput renders", () => {
  it("commits once per keystroke, paste and deletion, the caret moving with the value", async () => {
    const user = userEvent.setup();
    let commits = 0;
    const { container } = render(<CountedPage onCommit={() => (commits += 1)} />);
    const active = () => slots(container).findIndex((slot) => slot.hasAttribute("data-active"));
    await user.click(field());
    commits = 0;
    for (const [i, digit] of [..."1234"].entries()) {
      await user.keyboard(digit);
      expect(commits, `keystroke ${i + 1}`).toBe(i + 1);
      expect(active()).toBe(i + 1);
    }
    expect(screen.getByRole("status")).toHaveTextContent("1234");

    commits = 0;
    await user.keyboard("{Backspace}");
    expect(commits).toBe(1);
    expect(field()).toHaveValue("123");
    expect(active()).toBe(3);

    // Refused as typed: the value stays, and nothing renders.
    commits = 0;
    await user.keyboard("x");
    expect(commits).toBe(0);
    expect(field()).toHaveValue("123");

    commits = 0;
    await user.paste("456");
    expect(commits).toBe(1);
    expect(screen.getByRole("status")).toHaveTextContent("123456");
  });
});

describe("codeInputMessages", () => {
  it("has every message, non-empty, in every locale, with {length} in the hints", () => {
    const keys = Object.keys(codeInputMessages.en).sort();
    for (const locale of LOCALES) {
      const messages = EVERY_LOCALE[locale].codeInput;
      expect(Object.keys(messages).sort()).toEqual(keys);
      for (const text of Object.values(messages)) expect(text.trim()).not.toBe("");
      expect(messages.hintDigits).toContain("{length}");
      expect(messages.hintCharacters).toContain("{length}");
      // Sentence case, and "code", never "OTP".
      expect(Object.values(messages).join(" ")).not.toMatch(/OTP/);
    }
  });
});
