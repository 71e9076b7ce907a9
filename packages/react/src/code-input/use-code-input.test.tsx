import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type UseCodeInputOptions, useCodeInput } from "./use-code-input";

/** The hook drawn the simplest way: slots as text, so tests read what a user sees. */
function Field(props: UseCodeInputOptions & { name?: string }) {
  const code = useCodeInput(props);
  return (
    <>
      <input aria-label="Code" name={props.name} {...code.getInputProps()} />
      <output data-testid="slots">
        {code.slots
          .map((slot) => (slot.caret ? "|" : slot.char || "_") + (slot.active ? "*" : ""))
          .join(" ")}
      </output>
    </>
  );
}

/** A parent holding the code in its state, with a way to clear it. */
function Parent() {
  const [code, setCode] = useState("๑๒");
  return (
    <>
      <Field value={code} onChange={setCode} />
      <button type="button" onClick={() => setCode("")}>
        Clear
      </button>
    </>
  );
}

const field = () => screen.getByRole<HTMLInputElement>("textbox", { name: "Code" });
const slots = () => screen.getByTestId("slots").textContent;

describe("useCodeInput", () => {
  it("is one text input for one-time codes, numeric, with the length as its pattern", () => {
    render(<Field />);
    expect(field()).toMatchObject({
      type: "text",
      autocomplete: "one-time-code",
      inputMode: "numeric",
      pattern: "[0-9]{6}",
    });
    // A browser enforcing maxlength would drop a character an IME types over a full field,
    // and cut an autofilled message before its code: the hook caps the value itself.
    expect(field()).not.toHaveAttribute("maxlength");
  });

  it("asks for a text keyboard and upper case when letters are allowed", () => {
    render(<Field alphanumeric length={8} />);
    expect(field()).toMatchObject({ inputMode: "text", pattern: "[A-Z0-9]{8}" });
  });

  it("keeps typed digits and refuses other characters", async () => {
    const onChange = vi.fn();
    render(<Field onChange={onChange} />);
    await userEvent.type(field(), "1a2 -3");
    expect(field()).toHaveValue("123");
    expect(onChange.mock.calls.map(([value]) => value)).toEqual(["1", "12", "123"]);
    expect(slots()).toBe("1 2 3 |* _ _");
  });

  it("upper-cases letters when alphanumeric", async () => {
    render(<Field alphanumeric />);
    await userEvent.type(field(), "ab-1c");
    expect(field()).toHaveValue("AB1C");
  });

  it("calls onComplete once with the whole code and never takes more than length", async () => {
    const onComplete = vi.fn();
    render(<Field onComplete={onComplete} length={4} />);
    await userEvent.type(field(), "987654");
    expect(field()).toHaveValue("9876");
    expect(onComplete.mock.calls).toEqual([["9876"]]);
  });

  it("finds the code in a pasted message", async () => {
    const onComplete = vi.fn();
    render(<Field onComplete={onComplete} />);
    await userEvent.click(field());
    await userEvent.paste("Your code is 123-456. Do not share it. Ref IpA6k");
    expect(field()).toHaveValue("123456");
    expect(onComplete).toHaveBeenCalledWith("123456");
  });

  it("submits the form when complete with autoSubmit, with the code in the form data", async () => {
    const submitted: string[] = [];
    render(
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submitted.push(String(new FormData(event.currentTarget).get("code")));
        }}
      >
        <Field autoSubmit name="code" />
      </form>,
    );
    await userEvent.type(field(), "12345");
    expect(submitted).toEqual([]);
    await userEvent.type(field(), "6");
    expect(submitted).toEqual(["123456"]);
  });

  it("works controlled: shows the parent's value, normalized, and reports edits", async () => {
    render(<Parent />);
    expect(field()).toHaveValue("12");
    await userEvent.type(field(), "3");
    expect(field()).toHaveValue("123");
    await userEvent.click(screen.getByRole("button", { name: "Clear" }));
    expect(field()).toHaveValue("");
  });

  it("ignores edits the parent does not take in (controlled)", async () => {
    render(<Field value="12" />);
    await userEvent.type(field(), "3");
    expect(field()).toHaveValue("12");
  });

  it("starts from defaultValue when uncontrolled", () => {
    render(<Field defaultValue="12-3" />);
    expect(field()).toHaveValue("123");
    expect(slots()).toBe("1 2 3 _ _ _");
  });

  it("never shows more than a new, shorter length", () => {
    const { rerender } = render(<Field defaultValue="123456" />);
    rerender(<Field defaultValue="123456" length={4} />);
    expect(field()).toHaveValue("1234");
    expect(slots()).toBe("1 2 3 4");
  });

  it("draws the active slot and the caret only while focused", async () => {
    render(<Field defaultValue="12" />);
    expect(slots()).not.toMatch(/[*|]/);
    await userEvent.click(field());
    field().setSelectionRange(2, 2);
    act(() => {
      document.dispatchEvent(new Event("selectionchange"));
    });
    expect(slots()).toBe("1 2 |* _ _ _");
    await userEvent.tab();
    expect(slots()).toBe("1 2 _ _ _ _");
  });
});

describe("useCodeInput with WebOTP", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** navigator.credentials as Chrome on Android has it: get() waits for an SMS. */
  function stubWebOtp() {
    const requests: { signal: AbortSignal; resolve: (code: string) => void }[] = [];
    const get = vi.fn(
      (options: { otp?: { transport: string[] }; signal: AbortSignal }) =>
        new Promise((resolve, reject) => {
          options.signal.addEventListener("abort", () => reject(options.signal.reason));
          requests.push({
            signal: options.signal,
            resolve: (code) => resolve({ type: "otp", code }),
          });
        }),
    );
    vi.stubGlobal("OTPCredential", class {});
    vi.stubGlobal("navigator", { ...navigator, credentials: { get } });
    return { get, requests };
  }

  it("fills the code from the SMS and completes", async () => {
    const { get, requests } = stubWebOtp();
    const onComplete = vi.fn();
    render(<Field onComplete={onComplete} />);
    expect(get).toHaveBeenCalledWith(expect.objectContaining({ otp: { transport: ["sms"] } }));
    await act(async () => requests[0]?.resolve("654321"));
    expect(field()).toHaveValue("654321");
    expect(onComplete).toHaveBeenCalledWith("654321");
  });

  it("aborts the request on unmount", () => {
    const { requests } = stubWebOtp();
    const { unmount } = render(<Field />);
    unmount();
    expect(requests[0]?.signal.aborted).toBe(true);
  });

  it("aborts the request once the code is typed", async () => {
    const { requests } = stubWebOtp();
    render(<Field length={2} />);
    await userEvent.type(field(), "12");
    expect(requests).toHaveLength(1);
    expect(requests[0]?.signal.aborted).toBe(true);
  });

  it("starts a new request when webOtpKey changes (a resend)", () => {
    const { requests } = stubWebOtp();
    const { rerender } = render(<Field webOtpKey={1} />);
    rerender(<Field webOtpKey={2} />);
    expect(requests.map((request) => request.signal.aborted)).toEqual([true, false]);
  });

  it("asks nothing when turned off, disabled, or where the browser has no WebOTP", () => {
    const { get } = stubWebOtp();
    render(<Field webOtp={false} />);
    render(<Field disabled />);
    vi.stubGlobal("OTPCredential", undefined);
    Reflect.deleteProperty(window, "OTPCredential");
    render(<Field />);
    expect(get).not.toHaveBeenCalled();
  });
});
