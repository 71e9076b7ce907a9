/**
 * CodeInput in real Chromium: keys, paste, selection, IME composition, autofill-like input
 * events, focus, WebOTP (navigator.credentials stubbed: the browser API boundary), layout and
 * axe in every state. Keys go through Playwright (real key events, beforeinput and input);
 * composition and multi-character insertion through the DevTools protocol's Input domain.
 */
import fc from "fast-check";
import { useState } from "react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { cdp, userEvent } from "vitest/browser";
import { render } from "vitest-browser-react";
import { expectNoAxeViolations, loadPackageStyles } from "../test/axe";
import { CodeInput, type CodeInputProps } from "./code-input";

beforeAll(() => {
  loadPackageStyles();
});

async function renderCode(
  props: Partial<CodeInputProps> = {},
  wrap?: (field: React.ReactNode) => React.ReactNode,
) {
  const field = <CodeInput {...props} />;
  const screen = await render(<main>{wrap ? wrap(field) : field}</main>);
  const root = screen.container.querySelector<HTMLElement>(".otpkit-code");
  const input = screen.container.querySelector("input");
  if (!root || !input) throw new Error("CodeInput did not render");
  const slots = () => Array.from(root.querySelectorAll<HTMLElement>(".otpkit-code__slot"));
  return {
    screen,
    root,
    input,
    slots,
    /** What the slots show, "_" for empty. */
    shown: () =>
      slots()
        .map((slot) => slot.textContent || "_")
        .join(""),
    active: () => slots().flatMap((slot, i) => (slot.hasAttribute("data-active") ? [i] : [])),
    caretAt: () => slots().findIndex((slot) => slot.querySelector(".otpkit-code__caret")),
  };
}

/** A paste as the browser dispatches it: a ClipboardEvent carrying a DataTransfer. */
function paste(target: HTMLElement, text: string) {
  const clipboardData = new DataTransfer();
  clipboardData.setData("text/plain", text);
  target.dispatchEvent(
    new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true }),
  );
}

/** What Chrome's autofill does: set the text and fire a plain `input` event (no beforeinput). */
function autofill(input: HTMLInputElement, text: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(input, text);
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

const settle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

describe("typing", () => {
  it("keeps digits, refuses other characters, and moves the caret slot by slot", async () => {
    const onChange = vi.fn();
    const code = await renderCode({ onChange, webOtp: false });
    await userEvent.click(code.input);
    await expect.poll(code.caretAt).toBe(0);
    await userEvent.keyboard("1a2 -3");
    expect(code.input.value).toBe("123");
    expect(code.shown()).toBe("123___");
    await expect.poll(code.caretAt).toBe(3);
    expect(code.active()).toEqual([3]);
    expect(onChange.mock.calls.map(([value]) => value)).toEqual(["1", "12", "123"]);
  });

  it("never takes more than length, and completes once", async () => {
    const onComplete = vi.fn();
    const code = await renderCode({ onComplete, webOtp: false });
    await userEvent.click(code.input);
    await userEvent.keyboard("12345678");
    expect(code.input.value).toBe("123456");
    expect(onComplete.mock.calls).toEqual([["123456"]]);
    // Full, caret at the end: the last slot stays active, no caret drawn past it.
    await expect.poll(code.active).toEqual([5]);
    expect(code.caretAt()).toBe(-1);
  });

  it("turns typed Thai, Arabic-Indic and full-width digits into ASCII", async () => {
    const code = await renderCode({ webOtp: false });
    await userEvent.click(code.input);
    await userEvent.keyboard("๑٢３");
    expect(code.input.value).toBe("123");
  });

  it("takes letters, upper-cased, when alphanumeric", async () => {
    const code = await renderCode({ alphanumeric: true, webOtp: false });
    await userEvent.click(code.input);
    await userEvent.keyboard("a7-k2");
    expect(code.input.value).toBe("A7K2");
    expect(code.input.inputMode).toBe("text");
  });

  it("groups six digits 3-3", async () => {
    const code = await renderCode({ webOtp: false });
    const [a, b, c, d] = code.slots().map((slot) => slot.getBoundingClientRect());
    if (!a || !b || !c || !d) throw new Error("no slots");
    const gap = b.left - a.right;
    expect(d.left - c.right).toBeGreaterThan(gap);
  });
});

describe("paste and autofill", () => {
  it.each([
    ["123456"],
    ["123 456"],
    ["123-456"],
    ["Your code is 123-456. Do not share it. Ref IpA6k"],
    ["๑๒๓๔๕๖"],
    ["١٢٣٤٥٦"],
    ["۱۲۳۴۵۶"],
    ["１２３４５６"],
  ])("a paste of %j gives 123456", async (text) => {
    const onComplete = vi.fn();
    const code = await renderCode({ onComplete, webOtp: false });
    await userEvent.click(code.input);
    paste(code.input, text);
    await expect.poll(() => code.input.value).toBe("123456");
    expect(code.shown()).toBe("123456");
    expect(onComplete).toHaveBeenCalledWith("123456");
  });

  it("pastes from the real clipboard (Ctrl+V)", async () => {
    const code = await renderCode({ webOtp: false }, (field) => (
      <>
        <textarea aria-label="Message" defaultValue="Your code is 987 654" />
        {field}
      </>
    ));
    const message = code.screen.container.querySelector("textarea");
    if (!message) throw new Error("no textarea");
    message.focus();
    message.select();
    await userEvent.copy();
    await userEvent.click(code.input);
    await userEvent.paste();
    await expect.poll(() => code.input.value).toBe("987654");
  });

  it("puts a partial paste in at the caret", async () => {
    const code = await renderCode({ defaultValue: "12", webOtp: false });
    await userEvent.click(code.input);
    await userEvent.keyboard("{End}");
    paste(code.input, "3 4");
    await expect.poll(() => code.input.value).toBe("1234");
    await expect.poll(code.caretAt).toBe(4);
  });

  it("treats a multi-character insertText (iOS autofill) as a paste", async () => {
    const code = await renderCode({ webOtp: false });
    await userEvent.click(code.input);
    await cdp().send("Input.insertText", { text: "123 456" });
    await expect.poll(() => code.input.value).toBe("123456");
  });

  it("treats insertReplacementText and insertFromPaste input events as a paste", async () => {
    const code = await renderCode({ webOtp: false });
    code.input.focus();
    for (const [inputType, text] of [
      ["insertReplacementText", "Code: 111-222"],
      ["insertFromPaste", "333 444"],
    ] as const) {
      const event = new InputEvent("beforeinput", {
        inputType,
        data: text,
        bubbles: true,
        cancelable: true,
      });
      code.input.dispatchEvent(event);
      expect(event.defaultPrevented).toBe(true);
    }
    await expect.poll(() => code.input.value).toBe("333444");
  });

  it("leaves a beforeinput it cannot cancel to the browser, and takes its edit once", async () => {
    const onChange = vi.fn();
    const code = await renderCode({ onChange, defaultValue: "1245", webOtp: false });
    code.input.focus();
    code.input.setSelectionRange(2, 2);
    const event = new InputEvent("beforeinput", {
      inputType: "insertText",
      data: "3",
      bubbles: true,
    });
    code.input.dispatchEvent(event);
    // What the browser then does on its own: insert at the caret. Reconciled as typing (the
    // character overwrites its slot), once: not applied a second time on top of the first.
    autofill(code.input, "12345");
    await expect.poll(() => code.input.value).toBe("1235");
    expect(onChange.mock.calls).toEqual([["1235"]]);
  });

  it("takes an autofilled code whole over digits typed before it", async () => {
    const onComplete = vi.fn();
    const code = await renderCode({ onComplete, webOtp: false });
    await userEvent.click(code.input);
    await userEvent.keyboard("56");
    autofill(code.input, "123456");
    await expect.poll(() => code.input.value).toBe("123456");
    expect(onComplete.mock.calls).toEqual([["123456"]]);
  });

  it("normalizes a value set by autofill without beforeinput", async () => {
    const onComplete = vi.fn();
    const code = await renderCode({ onComplete, webOtp: false });
    autofill(code.input, "Your code is 555 666");
    await expect.poll(() => code.input.value).toBe("555666");
    expect(onComplete).toHaveBeenCalledWith("555666");
  });
});

describe("editing as in a text field", () => {
  async function filled() {
    const code = await renderCode({ defaultValue: "123456", webOtp: false });
    await userEvent.click(code.input);
    await userEvent.keyboard("{End}");
    return code;
  }

  it("Backspace deletes before the caret, Delete after it", async () => {
    const code = await filled();
    await userEvent.keyboard("{Backspace}");
    expect(code.input.value).toBe("12345");
    await userEvent.keyboard("{Home}{Delete}");
    expect(code.input.value).toBe("2345");
    await expect.poll(code.active).toEqual([0]);
  });

  it("arrows, Home and End move the active slot; typing on a filled slot overwrites it", async () => {
    const code = await filled();
    await userEvent.keyboard("{Home}");
    await expect.poll(code.active).toEqual([0]);
    await userEvent.keyboard("{ArrowRight}{ArrowRight}");
    await expect.poll(code.active).toEqual([2]);
    await userEvent.keyboard("9");
    expect(code.input.value).toBe("129456");
    await expect.poll(code.active).toEqual([3]);
    await userEvent.keyboard("{ArrowLeft}");
    await expect.poll(code.active).toEqual([2]);
    await userEvent.keyboard("{End}");
    await expect.poll(code.active).toEqual([5]);
  });

  it("a selection is drawn on its slots and typing replaces it", async () => {
    const code = await filled();
    await userEvent.keyboard(
      "{Home}{ArrowRight}{Shift>}{ArrowRight}{ArrowRight}{ArrowRight}{/Shift}",
    );
    await expect.poll(code.active).toEqual([1, 2, 3]);
    await userEvent.keyboard("9");
    expect(code.input.value).toBe("1956");
    await expect.poll(code.active).toEqual([2]);
  });

  it("a refused character typed over a selection changes nothing, selection included", async () => {
    const onChange = vi.fn();
    const code = await renderCode({ onChange, defaultValue: "123456", webOtp: false });
    await userEvent.click(code.input);
    await userEvent.keyboard("{Control>}a{/Control}x ");
    expect(code.input.value).toBe("123456");
    expect(onChange).not.toHaveBeenCalled();
    await expect.poll(code.active).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("select all and type starts over", async () => {
    const code = await filled();
    await userEvent.keyboard("{Control>}a{/Control}7");
    expect(code.input.value).toBe("7");
  });

  it("a click puts the caret on the slot under the pointer", async () => {
    const code = await renderCode({ defaultValue: "123456", webOtp: false });
    const third = code.slots()[2];
    if (!third) throw new Error("no slot");
    await userEvent.click(third, { force: true });
    await expect.poll(code.active).toEqual([2]);
    await userEvent.keyboard("0");
    expect(code.input.value).toBe("120456");
  });

  it("a click past the value puts the caret in the first empty slot", async () => {
    const code = await renderCode({ defaultValue: "12", webOtp: false });
    const last = code.slots()[5];
    if (!last) throw new Error("no slot");
    await userEvent.click(last, { force: true });
    await expect.poll(code.caretAt).toBe(2);
  });
});

describe("IME composition", () => {
  it("shows nothing of the composition until it ends, then keeps the digits", async () => {
    const onChange = vi.fn();
    const code = await renderCode({ onChange, webOtp: false });
    await userEvent.click(code.input);
    const session = cdp();
    await session.send("Input.imeSetComposition", {
      text: "１",
      selectionStart: 1,
      selectionEnd: 1,
    });
    await session.send("Input.imeSetComposition", {
      text: "１２",
      selectionStart: 2,
      selectionEnd: 2,
    });
    await settle();
    expect(code.shown()).toBe("______");
    expect(onChange).not.toHaveBeenCalled();
    await session.send("Input.insertText", { text: "１２" });
    await expect.poll(() => code.input.value).toBe("12");
    expect(code.shown()).toBe("12____");
    expect(onChange.mock.calls).toEqual([["12"]]);
  });

  it("lets a composed digit overwrite a slot of a full field, as typing does", async () => {
    const onChange = vi.fn();
    const code = await renderCode({ onChange, defaultValue: "123456", webOtp: false });
    await userEvent.click(code.input);
    await userEvent.keyboard("{Home}{ArrowRight}{ArrowRight}");
    const session = cdp();
    await session.send("Input.imeSetComposition", {
      text: "９",
      selectionStart: 1,
      selectionEnd: 1,
    });
    await session.send("Input.insertText", { text: "９" });
    await expect.poll(() => code.input.value).toBe("129456");
    expect(onChange.mock.calls).toEqual([["129456"]]);
    await expect.poll(code.active).toEqual([3]);
  });

  it("leaves no garbage when the composition is not a code", async () => {
    const code = await renderCode({ defaultValue: "12", webOtp: false });
    await userEvent.click(code.input);
    await userEvent.keyboard("{End}");
    const session = cdp();
    await session.send("Input.imeSetComposition", {
      text: "ｋ",
      selectionStart: 1,
      selectionEnd: 1,
    });
    await session.send("Input.imeSetComposition", {
      text: "か",
      selectionStart: 1,
      selectionEnd: 1,
    });
    await session.send("Input.insertText", { text: "か" });
    await settle();
    expect(code.input.value).toBe("12");
    expect(code.shown()).toBe("12____");
    await userEvent.keyboard("3");
    expect(code.input.value).toBe("123");
  });
});

describe("focus and keyboard only", () => {
  it("is reached by Tab, typed into, submitted with autoSubmit, and left by Tab", async () => {
    const submitted: string[] = [];
    const code = await renderCode({ autoSubmit: true, name: "code", webOtp: false }, (field) => (
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submitted.push(String(new FormData(event.currentTarget).get("code")));
        }}
      >
        <button type="button">Before</button>
        {field}
        <button type="submit">Verify</button>
      </form>
    ));
    const [before, after] = code.screen.container.querySelectorAll("button");
    before?.focus();
    await userEvent.tab();
    expect(document.activeElement).toBe(code.input);
    await expect.poll(code.caretAt).toBe(0);
    await userEvent.keyboard("12345{Backspace}5");
    expect(submitted).toEqual([]);
    await userEvent.keyboard("6");
    expect(submitted).toEqual(["123456"]);
    await userEvent.tab();
    expect(document.activeElement).toBe(after);
    await expect.poll(code.active).toEqual([]);
  });

  it("shows no active slot or caret when not focused", async () => {
    const code = await renderCode({ defaultValue: "12", webOtp: false });
    expect(code.active()).toEqual([]);
    expect(code.caretAt()).toBe(-1);
  });

  it("cannot be focused or typed into when disabled", async () => {
    const code = await renderCode({ disabled: true, defaultValue: "12", webOtp: false });
    expect(code.input.disabled).toBe(true);
    expect(code.root.dataset.disabled).toBe("true");
    code.input.focus();
    expect(document.activeElement).not.toBe(code.input);
  });
});

function Controlled() {
  const [code, setCode] = useState("");
  return (
    <>
      <CodeInput value={code} onChange={setCode} webOtp={false} />
      <button type="button" onClick={() => setCode("")}>
        Clear
      </button>
      <output>{code}</output>
    </>
  );
}

describe("controlled", () => {
  it("reports each edit to the parent and shows what the parent holds", async () => {
    const screen = await render(<Controlled />);
    const input = screen.container.querySelector("input");
    if (!input) throw new Error("no input");
    await userEvent.click(input);
    await userEvent.keyboard("12");
    await expect.element(screen.getByRole("status")).toHaveTextContent("12");
    await screen.getByRole("button", { name: "Clear" }).click();
    expect(input.value).toBe("");
  });
});

describe("masked", () => {
  it("shows • in the slots while the input keeps the digits as text for autofill", async () => {
    const code = await renderCode({ masked: true, defaultValue: "123", webOtp: false });
    expect(code.shown()).toBe("•••___");
    expect(code.input.type).toBe("text");
    expect(code.input.value).toBe("123");
    expect(getComputedStyle(code.input).getPropertyValue("-webkit-text-security")).toBe("disc");
  });
});

describe("the caret", () => {
  afterEach(async () => {
    await cdp().send("Emulation.setEmulatedMedia", { features: [] });
  });

  it("blinks, and stays visible and still under prefers-reduced-motion", async () => {
    const code = await renderCode({ webOtp: false });
    await userEvent.click(code.input);
    const caret = () => code.root.querySelector<HTMLElement>(".otpkit-code__caret");
    await expect.poll(caret).not.toBeNull();
    expect(getComputedStyle(caret() as HTMLElement).animationName).toBe("otpkit-code-caret");
    await cdp().send("Emulation.setEmulatedMedia", {
      features: [{ name: "prefers-reduced-motion", value: "reduce" }],
    });
    const style = getComputedStyle(caret() as HTMLElement);
    expect(style.animationName).toBe("none");
    expect(style.opacity).toBe("1");
    expect((caret() as HTMLElement).getBoundingClientRect().width).toBeGreaterThan(0);
  });
});

describe("WebOTP", () => {
  /** navigator.credentials as Chrome on Android has it: get() waits for the SMS. */
  function stubCredentials() {
    const requests: { options: CredentialRequestOptions; resolve: (code: string) => void }[] = [];
    const get = (options: CredentialRequestOptions) =>
      new Promise((resolve, reject) => {
        options.signal?.addEventListener("abort", () =>
          reject(new DOMException("aborted", "AbortError")),
        );
        requests.push({ options, resolve: (code) => resolve({ type: "otp", code }) });
      });
    Object.defineProperty(navigator, "credentials", { value: { get }, configurable: true });
    return requests;
  }

  afterEach(() => {
    Reflect.deleteProperty(navigator, "credentials");
  });

  it("fills the code from the SMS and completes", async () => {
    const requests = stubCredentials();
    const onComplete = vi.fn();
    const code = await renderCode({ onComplete });
    await expect.poll(() => requests.length).toBe(1);
    expect(requests[0]?.options).toMatchObject({ otp: { transport: ["sms"] } });
    requests[0]?.resolve("246810");
    await expect.poll(() => code.input.value).toBe("246810");
    expect(onComplete).toHaveBeenCalledWith("246810");
  });

  it("aborts on unmount, once the code is typed, and restarts on a new webOtpKey", async () => {
    const requests = stubCredentials();
    const aborted = () => requests.map(({ options }) => options.signal?.aborted);
    const code = await renderCode({ webOtpKey: 1, length: 4 });
    await expect.poll(aborted).toEqual([false]);
    await code.screen.rerender(
      <main>
        <CodeInput webOtpKey={2} length={4} />
      </main>,
    );
    await expect.poll(aborted).toEqual([true, false]);
    await userEvent.click(code.input);
    await userEvent.keyboard("1234");
    await expect.poll(aborted).toEqual([true, true]);
    await userEvent.keyboard("{Backspace}");
    await expect.poll(aborted).toEqual([true, true, false]);
    await code.screen.unmount();
    await expect.poll(aborted).toEqual([true, true, true]);
  });
});

describe("layout", () => {
  it("is a touch target of at least 44 × 44 px and fits a 320 px screen", async () => {
    const code = await renderCode({ webOtp: false }, (field) => (
      <div style={{ width: 288 }}>{field}</div>
    ));
    const input = code.input.getBoundingClientRect();
    expect(input.width).toBeGreaterThanOrEqual(44);
    expect(input.height).toBeGreaterThanOrEqual(44);
    const row = code.root.getBoundingClientRect();
    expect(row.width).toBeLessThanOrEqual(288);
    for (const slot of code.slots()) {
      expect(slot.getBoundingClientRect().right).toBeLessThanOrEqual(row.right + 0.5);
      expect(slot.getBoundingClientRect().width).toBeGreaterThanOrEqual(30);
    }
  });

  it("draws six digits at the theme's slot width, 3-3, where there is room", async () => {
    const code = await renderCode({ defaultValue: "123456", webOtp: false });
    const token = (name: string) =>
      Number.parseFloat(getComputedStyle(code.root).getPropertyValue(name));
    const boxes = code.slots().map((slot) => slot.getBoundingClientRect());
    for (const box of boxes) expect(box.width).toBeCloseTo(token("--otpkit-slot-width"), 1);
    const gaps = boxes.slice(1).map((box, i) => box.left - (boxes[i]?.right ?? 0));
    const gap = token("--otpkit-space-2");
    expect(gaps.map(Math.round)).toEqual([gap, gap, 2 * gap, gap, gap]);
  });

  it.each<[string, Partial<CodeInputProps>, string]>([
    ["digits", {}, "8"],
    ["masked", { masked: true }, "•"],
  ])(
    "shrinks its slots to fit ten characters in 240 px (%s), still 44 px tall",
    async (_, props, shows) => {
      const code = await renderCode(
        { ...props, length: 10, defaultValue: "8888888888", webOtp: false },
        (field) => <div style={{ width: 240 }}>{field}</div>,
      );
      const row = code.root.getBoundingClientRect();
      expect(row.width).toBeLessThanOrEqual(240);
      const boxes = code.slots().map((slot) => slot.getBoundingClientRect());
      expect(boxes).toHaveLength(10);
      for (const [i, slot] of code.slots().entries()) {
        const box = slot.getBoundingClientRect();
        expect(box.width).toBeCloseTo(boxes[0]?.width ?? 0, 1);
        expect(box.height).toBeGreaterThanOrEqual(44);
        expect(box.left).toBeGreaterThanOrEqual(row.left);
        expect(box.right).toBeLessThanOrEqual(row.right + 0.5);
        expect(slot.textContent, `slot ${i + 1}`).toBe(shows);
        const range = document.createRange();
        range.selectNodeContents(slot);
        const glyph = range.getBoundingClientRect();
        expect(glyph.left, `slot ${i + 1}`).toBeGreaterThanOrEqual(box.left);
        expect(glyph.right, `slot ${i + 1}`).toBeLessThanOrEqual(box.right);
      }
      // Still two groups of five.
      const gaps = boxes.slice(1).map((box, i) => box.left - (boxes[i]?.right ?? 0));
      expect(gaps[4]).toBeGreaterThan(Math.max(...gaps.filter((_, i) => i !== 4)));
      expect(code.input.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
    },
  );

  it("keeps the caret and the focus ring on a narrowed slot", async () => {
    const code = await renderCode({ length: 10, defaultValue: "1234", webOtp: false }, (field) => (
      <div style={{ width: 240 }}>{field}</div>
    ));
    await userEvent.click(code.input);
    await userEvent.keyboard("{End}");
    await expect.poll(code.caretAt).toBe(4);
    const slot = code.slots()[4];
    const caret = slot?.querySelector(".otpkit-code__caret")?.getBoundingClientRect();
    const box = slot?.getBoundingClientRect();
    if (!slot || !caret || !box) throw new Error("no caret");
    expect(caret.width).toBeGreaterThan(0);
    expect(caret.left).toBeGreaterThan(box.left);
    expect(caret.right).toBeLessThan(box.right);
    expect(getComputedStyle(slot).boxShadow).not.toBe("none");
    await expectNoAxeViolations(code.screen.container);
  });

  it("stays left to right on a right-to-left page", async () => {
    const code = await renderCode({ defaultValue: "12", webOtp: false }, (field) => (
      <div dir="rtl">{field}</div>
    ));
    const [first, second] = code.slots().map((slot) => slot.getBoundingClientRect().left);
    expect(first).toBeLessThan(second ?? 0);
    expect(code.shown()).toBe("12____");
    await expectNoAxeViolations(code.screen.container);
  });
});

describe("accessibility", () => {
  it("is one named, described text field; the slots are hidden from assistive tech", async () => {
    const code = await renderCode({ webOtp: false });
    expect(code.screen.container.querySelectorAll("input")).toHaveLength(1);
    await expect
      .element(code.screen.getByRole("textbox", { name: "Code" }))
      .toHaveAccessibleDescription("6-digit code");
    expect(code.root.querySelector(".otpkit-code__slots")?.getAttribute("aria-hidden")).toBe(
      "true",
    );
    expect(code.input).toMatchObject({
      autocomplete: "one-time-code",
      inputMode: "numeric",
      pattern: "[0-9]{6}",
    });
    expect(code.input.hasAttribute("maxlength")).toBe(false);
  });

  it("takes its name and description from the page when given, and its messages from the locale", async () => {
    const code = await renderCode(
      { webOtp: false, locale: "th-TH", "aria-describedby": "why" },
      (field) => (
        <>
          {field}
          <p id="why">รหัสไม่ถูกต้อง</p>
        </>
      ),
    );
    await expect
      .element(code.screen.getByRole("textbox", { name: "รหัสยืนยัน" }))
      .toHaveAccessibleDescription("รหัสตัวเลข 6 หลัก รหัสไม่ถูกต้อง");
  });

  it.each<[string, Partial<CodeInputProps>]>([
    ["empty", {}],
    ["filled", { defaultValue: "123456" }],
    ["invalid", { defaultValue: "123456", invalid: true }],
    ["success", { defaultValue: "123456", success: true }],
    ["disabled", { defaultValue: "123", disabled: true }],
    ["masked", { defaultValue: "123", masked: true }],
    ["alphanumeric", { defaultValue: "A7K", alphanumeric: true, length: 8 }],
    ["Chinese", { locale: "zh-CN" }],
  ])("axe finds nothing: %s, light and dark, focused and not", async (_, props) => {
    for (const theme of ["light", "dark"]) {
      const code = await renderCode({ ...props, webOtp: false }, (field) => (
        <div data-theme={theme}>{field}</div>
      ));
      // In its language: a locale other than English arrives a moment after the first paint.
      await expect
        .element(code.screen.getByRole("textbox"))
        .toHaveAccessibleName(props.locale ? "验证码" : "Code");
      await expectNoAxeViolations(code.screen.container);
      if (!props.disabled) {
        await userEvent.click(code.input);
        await expectNoAxeViolations(code.screen.container);
      }
      await code.screen.unmount();
    }
  });

  it("states error and success without colour alone", async () => {
    const invalid = await renderCode({ invalid: true, webOtp: false });
    expect(invalid.input.getAttribute("aria-invalid")).toBe("true");
    expect(getComputedStyle(invalid.root, "::after").content).toContain("!");
    const success = await renderCode({ success: true, webOtp: false });
    await expect.element(success.input).toHaveAccessibleDescription("6-digit code Code verified");
    expect(getComputedStyle(success.root, "::after").content).toContain("✓");
  });
});

describe("properties", () => {
  type Action =
    | { kind: "type"; text: string }
    | { kind: "paste"; text: string }
    | {
        kind: "key";
        key: "{Backspace}" | "{Delete}" | "{ArrowLeft}" | "{ArrowRight}" | "{Home}" | "{End}";
      };
  const text = fc.string({
    unit: fc.constantFrom(..."0123456789a-Z ๑٣５#"),
    minLength: 1,
    maxLength: 8,
  });
  const action: fc.Arbitrary<Action> = fc.oneof(
    fc.record({ kind: fc.constant("type" as const), text }),
    fc.record({ kind: fc.constant("paste" as const), text }),
    fc.record({
      kind: fc.constant("key" as const),
      key: fc.constantFrom(
        "{Backspace}",
        "{Delete}",
        "{ArrowLeft}",
        "{ArrowRight}",
        "{Home}",
        "{End}" as const,
      ),
    }),
  );

  it("any typing, pasting and deleting leaves only digits, at most length, drawn as typed", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 4, max: 8 }),
        fc.array(action, { maxLength: 6 }),
        async (length, actions) => {
          const code = await renderCode({ length, webOtp: false });
          await userEvent.click(code.input);
          for (const step of actions) {
            if (step.kind === "paste") paste(code.input, step.text);
            else if (step.kind === "type")
              await userEvent.keyboard(step.text.replace(/[{[]/g, "$&$&"));
            else await userEvent.keyboard(step.key);
            await settle();
            expect(code.input.value).toMatch(new RegExp(`^[0-9]{0,${length}}$`));
            expect(code.shown().replace(/_+$/, "")).toBe(code.input.value);
          }
          await code.screen.unmount();
        },
      ),
      { numRuns: 12 },
    );
  });
});
