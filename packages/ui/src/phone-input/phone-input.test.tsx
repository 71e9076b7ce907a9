import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderToString } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { LOCALES, registerLocale } from "../i18n";
import { EVERY_LOCALE } from "../i18n/every-locale";
import { id } from "../i18n/locales/id";
import { th } from "../i18n/locales/th";
import { preloadPhoneMetadata } from "./index";
import { phoneInputMessages } from "./messages";
import { PhoneInput } from "./PhoneInput";

// Thailand's plan is in before these tests type (a plan arriving late: usePhoneInput's tests;
// a server render before any plan: below, with a Brazilian number).
beforeAll(() => preloadPhoneMetadata(["TH"]));

describe("PhoneInput messages", () => {
  it("has every message, non-empty, in every locale, with the same placeholders", () => {
    const keys = Object.keys(phoneInputMessages.en).sort();
    const placeholders = (text: unknown) =>
      JSON.stringify(text)
        .match(/\{\w+\}/g)
        ?.filter((p, i, all) => all.indexOf(p) === i)
        .sort();
    for (const locale of LOCALES) {
      const messages = EVERY_LOCALE[locale].phoneInput;
      expect(Object.keys(messages).sort()).toEqual(keys);
      for (const key of keys as (keyof typeof messages)[]) {
        expect(JSON.stringify(messages[key]).length).toBeGreaterThan(2);
        expect(placeholders(messages[key])).toEqual(placeholders(phoneInputMessages.en[key]));
      }
    }
  });

  it("speaks a locale it loads on demand, standalone", async () => {
    const { zh } = await import("../i18n/locales/zh");
    render(<PhoneInput locale="zh" />);
    expect(await screen.findByRole("textbox", { name: zh.phoneInput.label })).toBeInTheDocument();
  });

  it("speaks a registered locale and takes overrides", async () => {
    registerLocale(th);
    render(<PhoneInput locale="th-TH" messages={{ tooShort: "สั้นไป" }} />);
    const number = screen.getByRole("textbox", { name: "เบอร์โทรศัพท์" });
    expect(screen.getByRole("button", { name: "ประเทศ: ไทย +66" })).toBeInTheDocument();
    await userEvent.type(number, "081");
    fireEvent.blur(number);
    expect(screen.getByText("สั้นไป")).toBeInTheDocument();
  });
});

describe("PhoneInput country names", () => {
  it("takes names that replace Intl's, in the button and in its messages", async () => {
    render(<PhoneInput defaultCountry="HK" messages={{ countryNames: { HK: "Hong Kong" } }} />);
    expect(screen.getByRole("button", { name: "Country: Hong Kong +852" })).toBeInTheDocument();
    const number = screen.getByRole("textbox", { name: "Phone number" });
    await userEvent.type(number, "1234 5678");
    fireEvent.blur(number);
    expect(screen.getByText(/valid number in Hong Kong –/)).toBeInTheDocument();
  });
});

describe("PhoneInput", () => {
  it("renders to a string before the number's plan is loaded: the value as E.164, nothing lost", () => {
    const html = renderToString(<PhoneInput defaultValue="+5511987654321" />);
    expect(html).toContain('value="+5511987654321"');
  });

  it("renders to a string in a registered locale, from a value whose plan is preloaded", async () => {
    registerLocale(id);
    await preloadPhoneMetadata(["ID"]);
    const html = renderToString(<PhoneInput locale="id" defaultValue="+6282123060001" />);
    expect(html).toContain('value="0821-2306-0001"');
    expect(html).toContain('aria-label="Negara: Indonesia +62"');
    expect(html).toMatch(/autocomplete="tel"/i);
  });

  it("submits E.164 under its name and keeps the formatted text for the eye", async () => {
    const { container } = render(
      <form>
        <PhoneInput name="phone" defaultCountry="TH" />
      </form>,
    );
    await userEvent.type(screen.getByRole("textbox", { name: "Phone number" }), "0812345678");
    const form = container.querySelector("form") as HTMLFormElement;
    expect(new FormData(form).get("phone")).toBe("+66812345678");
    expect(screen.getByRole("textbox")).toHaveValue("081 234 5678");
  });

  it("passes the ref, the id and input attributes to the number field", () => {
    const ref = vi.fn();
    render(
      <>
        <label htmlFor="mobile">Mobile</label>
        <PhoneInput id="mobile" ref={ref} placeholder="081 234 5678" required />
      </>,
    );
    const number = screen.getByRole("textbox", { name: "Mobile" });
    expect(ref).toHaveBeenCalledWith(number);
    expect(number).toHaveAttribute("placeholder", "081 234 5678");
    expect(number).toBeRequired();
    expect(number).toHaveAttribute("type", "tel");
    expect(number).toHaveAttribute("autocomplete", "tel");
  });

  it("marks itself invalid when told, and describes its message", async () => {
    const { container, rerender } = render(<PhoneInput defaultCountry="TH" invalid />);
    const number = screen.getByRole("textbox");
    expect(number).toHaveAttribute("aria-invalid", "true");
    expect(container.firstElementChild).toHaveAttribute("data-state", "error");
    rerender(<PhoneInput defaultCountry="TH" aria-describedby="hint" />);
    await userEvent.type(number, "0812");
    fireEvent.blur(number);
    expect(number.getAttribute("aria-describedby")).toMatch(/^hint \S+$/);
  });

  it("is disabled as a whole", () => {
    render(<PhoneInput disabled />);
    expect(screen.getByRole("textbox")).toBeDisabled();
    expect(screen.getByRole("button")).toBeDisabled();
  });
});
