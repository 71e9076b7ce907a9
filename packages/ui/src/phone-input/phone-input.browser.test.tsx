/**
 * PhoneInput in real Chromium: typing with formatting and the caret, paste from the real
 * clipboard and autofill of every form of a number, the country picker by keyboard and by
 * search, messages at the right moment, and axe in every state (open picker included).
 */
import type { PhoneDetails } from "@otpkit/react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { cdp, userEvent } from "vitest/browser";
import { render } from "vitest-browser-react";
import { registerLocale } from "../i18n";
import { id } from "../i18n/locales/id";
import { th } from "../i18n/locales/th";
import { expectNoAxeViolations, loadPackageStyles } from "../test/axe";
import { preloadPhoneMetadata } from "./index";
import { phoneInputMessages } from "./messages";
import { PhoneInput, type PhoneInputProps } from "./PhoneInput";

// Every numbering plan first: these tests are about typing, pasting and the caret (a number
// typed before its plan arrives: phone-input.loading.browser.test.tsx).
beforeAll(async () => {
  loadPackageStyles();
  await preloadPhoneMetadata();
});

const en = phoneInputMessages.en;

async function renderPhone(props: Partial<PhoneInputProps> = {}, dir?: "rtl") {
  const onChange = vi.fn<(e164: string | null, details: PhoneDetails) => void>();
  const onSubmit = vi.fn();
  const screen = await render(
    <main
      dir={dir}
      style={{ background: "var(--otpkit-bg)", color: "var(--otpkit-fg)", padding: 16 }}
    >
      <label htmlFor="from">Copy from</label>
      <textarea id="from" />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <label htmlFor="phone">Phone number</label>
        <PhoneInput id="phone" onChange={onChange} {...props} />
        <button type="submit" style={{ minBlockSize: 44, marginBlockStart: 16 }}>
          Send code
        </button>
      </form>
    </main>,
  );
  const root = screen.container.querySelector<HTMLElement>(".otpkit-phone");
  const input = screen.container.querySelector<HTMLInputElement>("#phone");
  const button = screen.container.querySelector<HTMLButtonElement>(".otpkit-phone__country");
  const source = screen.container.querySelector<HTMLTextAreaElement>("#from");
  if (!root || !input || !button || !source) throw new Error("PhoneInput did not render");
  return {
    screen,
    root,
    input,
    button,
    onChange,
    onSubmit,
    /** E.164 last reported. */
    value: () => onChange.mock.lastCall?.[0],
    details: () => onChange.mock.lastCall?.[1],
    search: () => root.querySelector<HTMLInputElement>('[role="combobox"]'),
    options: () => Array.from(root.querySelectorAll<HTMLElement>('[role="option"]')),
    active: () => {
      const id = root.querySelector('[role="combobox"]')?.getAttribute("aria-activedescendant");
      return id ? document.getElementById(id) : null;
    },
    message: () => root.querySelector(".otpkit-phone__message")?.textContent ?? "",
    /** Digits (and +) before the caret. */
    beforeCaret: () => input.value.slice(0, input.selectionStart ?? 0).replace(/[^\d+]/g, ""),
    /** A real paste: the text is copied from a textarea and pasted with the clipboard. */
    paste: async (text: string) => {
      source.value = text;
      source.focus();
      source.select();
      await userEvent.copy();
      await userEvent.click(input);
      await userEvent.paste();
    },
  };
}

/** What Chrome's autofill does: set the text and fire a plain `input` event. */
function autofill(input: HTMLInputElement, text: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(input, text);
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

describe("typing", () => {
  it("formats as you type and reports E.164", async () => {
    const phone = await renderPhone({ defaultCountry: "TH" });
    await userEvent.click(phone.input);
    await userEvent.keyboard("0812345678");
    expect(phone.input.value).toBe("081 234 5678");
    expect(phone.input.selectionStart).toBe(phone.input.value.length);
    expect(phone.value()).toBe("+66812345678");
    expect(phone.details()).toMatchObject({ country: "TH", isValid: true, type: "MOBILE" });
  });

  it("refuses letters as typed", async () => {
    const phone = await renderPhone({ defaultCountry: "TH" });
    await userEvent.click(phone.input);
    await userEvent.keyboard("08a1-b2");
    expect(phone.input.value).toBe("081 2");
  });

  it("keeps the caret in place when typing and deleting in the middle", async () => {
    const phone = await renderPhone({ defaultCountry: "TH", defaultValue: "+66812345678" });
    expect(phone.input.value).toBe("081 234 5678");
    await userEvent.click(phone.input);
    // Caret after "081 2", type 9.
    await userEvent.keyboard("{Home}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}");
    expect(phone.beforeCaret()).toBe("0812");
    await userEvent.keyboard("9");
    expect(phone.input.value.replace(/\D/g, "")).toBe("08129345678");
    expect(phone.beforeCaret()).toBe("08129");
    // Delete it again with Backspace: the caret stays after the 2.
    await userEvent.keyboard("{Backspace}");
    expect(phone.input.value).toBe("081 234 5678");
    expect(phone.beforeCaret()).toBe("0812");
    // Delete the 3 after the caret.
    await userEvent.keyboard("{ArrowRight}{Delete}");
    expect(phone.input.value.replace(/\D/g, "")).toBe("081235678");
    expect(phone.beforeCaret()).toBe("08123");
  });

  it("Backspace and Delete next to a space remove the digit beside it", async () => {
    const phone = await renderPhone({ defaultCountry: "TH", defaultValue: "+66812345678" });
    await userEvent.click(phone.input);
    // "081 |234 5678": Backspace removes the 1 (the space is only formatting).
    await userEvent.keyboard("{Home}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}");
    expect(phone.input.selectionStart).toBe(4);
    await userEvent.keyboard("{Backspace}");
    expect(phone.input.value.replace(/\D/g, "")).toBe("082345678");
    expect(phone.beforeCaret()).toBe("08");
    // "08|2 345 678" -> End, then Delete before a space deletes the digit after it.
    await userEvent.keyboard("{Home}{ArrowRight}{ArrowRight}{ArrowRight}");
    const before = phone.beforeCaret();
    await userEvent.keyboard("{Delete}");
    expect(phone.beforeCaret()).toBe(before);
    expect(phone.input.value.replace(/\D/g, "")).toHaveLength(8);
  });

  it("keeps the caret where brackets and dashes come and go (US format)", async () => {
    const phone = await renderPhone({ defaultCountry: "US" });
    await userEvent.click(phone.input);
    let typed = "";
    for (const digit of "4155552671") {
      await userEvent.keyboard(digit);
      typed += digit;
      // Right after the digit just typed ("(415|)" too), whatever the formatter added.
      expect(phone.beforeCaret()).toBe(typed);
      expect(phone.input.value.slice(phone.input.selectionStart ?? 0)).toMatch(/^\D*$/);
    }
    expect(phone.input.value).toBe("(415) 555-2671");
    // Caret after "(415": Backspace removes the 5, the caret stays after "41".
    await userEvent.keyboard("{Home}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{Backspace}");
    expect(phone.input.value.replace(/\D/g, "")).toBe("415552671");
    expect(phone.beforeCaret()).toBe("41");
    await userEvent.keyboard("5");
    expect(phone.input.value).toBe("(415) 555-2671");
    expect(phone.beforeCaret()).toBe("415");
  });

  it("typing + and a calling code switches the country", async () => {
    const phone = await renderPhone({ defaultCountry: "TH" });
    await userEvent.click(phone.input);
    await userEvent.keyboard("+6282123060001");
    expect(phone.input.value).toBe("+62 821 2306 0001");
    expect(phone.button.getAttribute("aria-label")).toBe("Country: Indonesia +62");
    expect(phone.value()).toBe("+6282123060001");
  });
});

describe("paste and autofill", () => {
  it.each([
    ["+66 81 234 5678", "US", "+66 81 234 5678", "Thailand +66", "+66812345678"],
    ["0066812345678", "TH", "+66 81 234 5678", "Thailand +66", "+66812345678"],
    ["+62 821-2306-0001", "TH", "+62 821 2306 0001", "Indonesia +62", "+6282123060001"],
    ["081-234-5678", "TH", "081 234 5678", "Thailand +66", "+66812345678"],
    ["+44 7400 123456", "TH", "+44 7400 123456", "United Kingdom +44", "+447400123456"],
  ])("a paste of %j with %s picked shows %j, %s", async (text, picked, shown, country, e164) => {
    const phone = await renderPhone({ defaultCountry: picked });
    await phone.paste(text);
    await expect.poll(() => phone.input.value).toBe(shown);
    expect(phone.button.getAttribute("aria-label")).toBe(`Country: ${country}`);
    expect(phone.value()).toBe(e164);
    expect(phone.input.selectionStart).toBe(shown.length);
  });

  it("a paste replaces a selection in the middle and keeps the caret after it", async () => {
    const phone = await renderPhone({ defaultCountry: "TH", defaultValue: "+66812345678" });
    phone.input.focus();
    phone.input.setSelectionRange(4, 7); // "234"
    await userEvent.copy(); // nothing useful; now paste "999" over the selection
    const source = phone.screen.container.querySelector("textarea") as HTMLTextAreaElement;
    source.value = "999";
    source.select();
    await userEvent.copy();
    phone.input.focus();
    phone.input.setSelectionRange(4, 7);
    await userEvent.paste();
    await expect.poll(() => phone.input.value).toBe("081 999 5678");
    expect(phone.beforeCaret()).toBe("081999");
  });

  it.each([
    ["+66812345678", "TH", "+66 81 234 5678", "Thailand +66"],
    ["0812345678", "TH", "081 234 5678", "Thailand +66"],
    ["+1 (415) 555-2671", "TH", "+1 415 555 2671", "United States +1"],
  ])("autofill of %j shows %j", async (text, picked, shown, country) => {
    const phone = await renderPhone({ defaultCountry: picked });
    autofill(phone.input, text);
    await expect.poll(() => phone.input.value).toBe(shown);
    expect(phone.button.getAttribute("aria-label")).toBe(`Country: ${country}`);
  });
});

describe("IME composition", () => {
  it("leaves the composition alone, then formats the digits it gave", async () => {
    const phone = await renderPhone({ defaultCountry: "TH" });
    await userEvent.click(phone.input);
    const session = cdp();
    await session.send("Input.imeSetComposition", {
      text: "０",
      selectionStart: 1,
      selectionEnd: 1,
    });
    await session.send("Input.imeSetComposition", {
      text: "０８１２",
      selectionStart: 4,
      selectionEnd: 4,
    });
    expect(phone.input.value).toBe("０８１２");
    expect(phone.onChange).not.toHaveBeenCalled();
    await session.send("Input.insertText", { text: "０８１２" });
    await expect.poll(() => phone.input.value).toBe("081 2");
    expect(phone.input.selectionStart).toBe(5);
    await userEvent.keyboard("345678");
    expect(phone.value()).toBe("+66812345678");
  });
});

describe("why a number cannot be used", () => {
  it("says nothing while typing, tells on blur, clears once fixed", async () => {
    const phone = await renderPhone({ defaultCountry: "TH" });
    await userEvent.click(phone.input);
    await userEvent.keyboard("08123");
    expect(phone.message()).toBe("");
    expect(phone.input.getAttribute("aria-invalid")).toBeNull();
    await userEvent.keyboard("{Tab}");
    expect(phone.message()).toBe(en.tooShort);
    expect(phone.input.getAttribute("aria-invalid")).toBe("true");
    const described = phone.input.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(described)?.textContent).toBe(en.tooShort);
    await userEvent.click(phone.input);
    await userEvent.keyboard("{End}45678");
    expect(phone.message()).toBe("");
    expect(phone.input.getAttribute("aria-invalid")).toBeNull();
  });

  it("tells on submit", async () => {
    const phone = await renderPhone({ defaultCountry: "TH" });
    await userEvent.click(phone.input);
    await userEvent.keyboard("0812345678999{Enter}");
    expect(phone.message()).toBe(en.tooLong);
  });

  it("warns before sending to a number that cannot receive SMS", async () => {
    const phone = await renderPhone({ defaultCountry: "TH" });
    await userEvent.click(phone.input);
    await userEvent.keyboard("021234567{Tab}");
    expect(phone.details()).toMatchObject({ isValid: true, problem: "not_mobile" });
    expect(phone.message()).toBe(en.notMobile);
    expect(phone.root.dataset.state).toBe("warning");
    expect(phone.input.getAttribute("aria-invalid")).toBeNull();
  });

  it("names the country for a number not valid there", async () => {
    const phone = await renderPhone({ defaultCountry: "GB" });
    await userEvent.click(phone.input);
    await userEvent.keyboard("+44 0000 000000{Tab}");
    expect(phone.message()).toBe(en.invalid.replace("{country}", "United Kingdom"));
  });
});

describe("the country picker", () => {
  it("opens from the keyboard on the selected country, scrolled into view", async () => {
    const phone = await renderPhone({ defaultCountry: "TH", preferredCountries: ["ID"] });
    phone.button.focus();
    await userEvent.keyboard("{ArrowDown}");
    expect(phone.button.getAttribute("aria-expanded")).toBe("true");
    expect(document.activeElement).toBe(phone.search());
    const active = phone.active();
    expect(active?.textContent).toContain("Thailand");
    expect(active?.getAttribute("aria-selected")).toBe("true");
    const list = phone.root.querySelector(".otpkit-phone__list") as HTMLElement;
    const shown = list.getBoundingClientRect();
    const option = active?.getBoundingClientRect();
    expect(option && option.top >= shown.top && option.bottom <= shown.bottom).toBe(true);
  });

  it("lists preferred countries first", async () => {
    const phone = await renderPhone({ defaultCountry: "TH", preferredCountries: ["ID", "TH"] });
    await userEvent.click(phone.button);
    const groups = phone.root.querySelectorAll('[role="group"]');
    expect(groups).toHaveLength(2);
    expect(groups[0]?.textContent).toContain(en.suggested);
    expect(
      phone
        .options()
        .slice(0, 2)
        .map((o) => o.querySelector(".otpkit-phone__name")?.textContent),
    ).toEqual(["Indonesia", "Thailand"]);
  });

  it("moves with arrows and pages, picks with Enter and focuses the number", async () => {
    const phone = await renderPhone({ defaultCountry: "TH" });
    phone.button.focus();
    await userEvent.keyboard("{Enter}");
    expect(document.activeElement).toBe(phone.search());
    const thailand = phone.options().indexOf(phone.active() as HTMLElement);
    await userEvent.keyboard("{PageDown}");
    expect(phone.active()).toBe(phone.options()[thailand + 10]);
    await userEvent.keyboard("{PageUp}{ArrowDown}{ArrowDown}{ArrowUp}");
    expect(phone.active()).toBe(phone.options()[thailand + 1]);
    const name = phone.options()[thailand + 1]?.querySelector(".otpkit-phone__name")?.textContent;
    await userEvent.keyboard("{Enter}");
    expect(phone.root.querySelector('[role="listbox"]')).toBeNull();
    expect(document.activeElement).toBe(phone.input);
    expect(phone.button.getAttribute("aria-label")).toContain(name);
  });

  it("Home and End move the caret in the search, not the active country", async () => {
    const phone = await renderPhone({ defaultCountry: "TH" });
    await userEvent.click(phone.button);
    await userEvent.keyboard("united{ArrowDown}");
    const second = phone.options()[1];
    expect(phone.active()).toBe(second);
    await userEvent.keyboard("{Home}");
    expect(phone.search()?.selectionStart).toBe(0);
    expect(phone.active()).toBe(second);
    await userEvent.keyboard("{End}");
    expect(phone.search()?.selectionStart).toBe("united".length);
    expect(phone.active()).toBe(second);
    // Typing after Home writes at the start of the query.
    await userEvent.keyboard("{Control>}a{/Control}kingdom{Home}united ");
    expect(phone.search()?.value).toBe("united kingdom");
    expect(phone.active()?.querySelector(".otpkit-phone__name")?.textContent).toBe(
      "United Kingdom",
    );
  });

  it("Enter in the list picks a country and never submits the form", async () => {
    const phone = await renderPhone({ defaultCountry: "TH" });
    await userEvent.click(phone.button);
    await userEvent.keyboard("japan{Enter}");
    expect(phone.onSubmit).not.toHaveBeenCalled();
    await userEvent.keyboard("{Enter}");
    expect(phone.onSubmit).toHaveBeenCalledOnce();
  });

  it("Tab leaves the list closed, the country unchanged", async () => {
    const phone = await renderPhone({ defaultCountry: "TH" });
    phone.button.focus();
    await userEvent.keyboard("{ArrowDown}{ArrowDown}{Tab}");
    expect(phone.root.querySelector('[role="listbox"]')).toBeNull();
    expect(phone.root.contains(document.activeElement)).toBe(false);
    expect(phone.button.getAttribute("aria-label")).toBe("Country: Thailand +66");
    phone.button.focus();
    await userEvent.keyboard("{Enter}{Shift>}{Tab}{/Shift}");
    expect(phone.root.querySelector('[role="listbox"]')).toBeNull();
    expect(document.activeElement).toBe(phone.input);
  });

  it("Escape closes and returns focus to the button without changing the country", async () => {
    const phone = await renderPhone({ defaultCountry: "TH" });
    phone.button.focus();
    await userEvent.keyboard("{ArrowDown}{ArrowDown}{Escape}");
    expect(phone.root.querySelector('[role="listbox"]')).toBeNull();
    expect(document.activeElement).toBe(phone.button);
    expect(phone.button.getAttribute("aria-label")).toBe("Country: Thailand +66");
  });

  it.each([
    ["indo", "Indonesia"],
    ["+66", "Thailand"],
    ["66", "Thailand"],
    ["TH", "Thailand"],
    ["+44", "United Kingdom"],
    ["reunion", "Réunion"],
  ])("search %j finds %s first", async (query, name) => {
    const phone = await renderPhone({ defaultCountry: "US" });
    await userEvent.click(phone.button);
    await userEvent.keyboard(query);
    expect(phone.active()?.querySelector(".otpkit-phone__name")?.textContent).toBe(name);
    expect(phone.root.querySelector('[role="status"]')?.textContent).toMatch(/countr/);
  });

  it("searches localized names and English names", async () => {
    registerLocale(th);
    const phone = await renderPhone({ defaultCountry: "US", locale: "th" });
    await userEvent.click(phone.button);
    await userEvent.keyboard("ญี่ปุ่น");
    expect(phone.active()?.textContent).toContain("ญี่ปุ่น");
    await userEvent.keyboard("{Control>}a{/Control}japan");
    expect(phone.active()?.textContent).toContain("ญี่ปุ่น");
    await userEvent.keyboard("{Enter}");
    expect(phone.button.getAttribute("aria-label")).toBe("ประเทศ: ญี่ปุ่น +81");
  });

  it("type-ahead on the button opens the search with that letter", async () => {
    const phone = await renderPhone({ defaultCountry: "TH" });
    phone.button.focus();
    await userEvent.keyboard("j");
    expect(phone.search()?.value).toBe("j");
    expect(phone.active()?.textContent).toMatch(/J/);
    await userEvent.keyboard("ap{Enter}");
    expect(phone.button.getAttribute("aria-label")).toBe("Country: Japan +81");
  });

  it("says so when nothing matches", async () => {
    const phone = await renderPhone({ defaultCountry: "TH" });
    await userEvent.click(phone.button);
    await userEvent.keyboard("zzzz");
    expect(phone.options()).toHaveLength(0);
    expect(phone.root.querySelector('[role="status"]')?.textContent).toBe(en.noResults);
    expect(phone.search()?.getAttribute("aria-activedescendant")).toBeNull();
  });

  it("picks with the mouse and closes when focus leaves", async () => {
    const phone = await renderPhone({ defaultCountry: "TH" });
    await userEvent.click(phone.button);
    await userEvent.keyboard("indonesia");
    await userEvent.click(phone.options()[0] as HTMLElement);
    expect(phone.button.getAttribute("aria-label")).toBe("Country: Indonesia +62");
    await userEvent.click(phone.button);
    await userEvent.click(phone.screen.container.querySelector("textarea") as HTMLElement);
    expect(phone.root.querySelector('[role="listbox"]')).toBeNull();
  });

  it("picking a country keeps the national number", async () => {
    const phone = await renderPhone({ defaultCountry: "TH" });
    await phone.paste("+66 81 234 5678");
    await userEvent.click(phone.button);
    await userEvent.keyboard("indonesia{Enter}");
    expect(phone.input.value.replace(/\D/g, "")).toBe("812345678");
    expect(phone.details()?.country).toBe("ID");
  });
});

describe("keyboard only", () => {
  it("from the first Tab to a valid number in another country", async () => {
    registerLocale(id);
    // The page in Indonesian for Indonesia: the region written in the locale is the default.
    const phone = await renderPhone({ locale: "id-ID" });
    expect(phone.button.getAttribute("aria-label")).toBe("Negara: Indonesia +62");
    phone.screen.container.querySelector("textarea")?.focus();
    await userEvent.keyboard("{Tab}");
    expect(document.activeElement).toBe(phone.button);
    await userEvent.keyboard(" ");
    await userEvent.keyboard("thai{Enter}");
    expect(document.activeElement).toBe(phone.input);
    await userEvent.keyboard("0812345678{Tab}");
    expect(phone.value()).toBe("+66812345678");
    expect(phone.message()).toBe("");
    expect(document.activeElement?.textContent).toBe("Send code");
  });
});

describe("accessibility (axe)", () => {
  it.each([
    ["empty", {}],
    ["filled", { defaultValue: "+66812345678" }],
    ["disabled", { disabled: true, defaultValue: "+66812345678" }],
    ["invalid from the server", { invalid: true, defaultValue: "+66812345678" }],
  ] satisfies [string, Partial<PhoneInputProps>][])("%s", async (_, props) => {
    const phone = await renderPhone({ defaultCountry: "TH", ...props });
    await expectNoAxeViolations(phone.screen.container);
  });

  it("with an error and with a warning shown", async () => {
    const phone = await renderPhone({ defaultCountry: "TH" });
    await userEvent.click(phone.input);
    await userEvent.keyboard("0812{Tab}");
    expect(phone.message()).toBe(en.tooShort);
    await expectNoAxeViolations(phone.screen.container);
    await userEvent.click(phone.input);
    await userEvent.keyboard("{Control>}a{/Control}021234567{Tab}");
    expect(phone.message()).toBe(en.notMobile);
    await expectNoAxeViolations(phone.screen.container);
  });

  it("with the picker open, searching, and finding nothing", async () => {
    const phone = await renderPhone({ defaultCountry: "TH", preferredCountries: ["TH", "ID"] });
    await userEvent.click(phone.button);
    await expectNoAxeViolations(phone.screen.container);
    await userEvent.keyboard("united");
    await expectNoAxeViolations(phone.screen.container);
    await userEvent.keyboard("zzz");
    await expectNoAxeViolations(phone.screen.container);
  });

  it("in the dark theme and right to left, the number staying left to right", async () => {
    document.documentElement.dataset.theme = "dark";
    try {
      const phone = await renderPhone(
        { defaultCountry: "TH", defaultValue: "+66812345678" },
        "rtl",
      );
      expect(getComputedStyle(phone.input).direction).toBe("ltr");
      await userEvent.click(phone.input);
      await userEvent.keyboard("{End}9{Tab}");
      await expectNoAxeViolations(phone.screen.container);
      await userEvent.click(phone.button);
      await expectNoAxeViolations(phone.screen.container);
    } finally {
      delete document.documentElement.dataset.theme;
    }
  });
});

describe("layout", () => {
  it("is one control at 320 px with 44 px targets", async () => {
    const phone = await renderPhone({ defaultCountry: "TH", style: {} });
    phone.root.style.width = "288px";
    const control = phone.root.querySelector(".otpkit-phone__control") as HTMLElement;
    const box = control.getBoundingClientRect();
    const button = phone.button.getBoundingClientRect();
    const input = phone.input.getBoundingClientRect();
    expect(box.width).toBeLessThanOrEqual(288);
    expect(button.height).toBeGreaterThanOrEqual(44);
    expect(button.width).toBeGreaterThanOrEqual(44);
    expect(Math.round(button.top)).toBe(Math.round(input.top));
    await userEvent.click(phone.button);
    for (const option of phone.options().slice(0, 5)) {
      expect(option.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
    }
  });
});
