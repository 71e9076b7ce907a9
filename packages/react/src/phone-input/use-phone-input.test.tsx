import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { preloadPhoneMetadata } from "./metadata";
import type { PhoneDetails } from "./phone-number";
import { type UsePhoneInputOptions, usePhoneInput } from "./use-phone-input";

// The picked country's plan is in before typing, as once a field has been on screen a moment
// (typing before it arrives: use-phone-input.loading.test.tsx).
beforeAll(() => preloadPhoneMetadata(["TH"]));

function Field(props: UsePhoneInputOptions & { onSubmit?: () => void }) {
  const phone = usePhoneInput(props);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit?.();
      }}
    >
      <input aria-label="Phone" {...phone.inputProps} />
      <output data-testid="country">{phone.country}</output>
      <output data-testid="problem">{phone.shownProblem ?? ""}</output>
      <button type="button" onClick={() => phone.setCountry("GB")}>
        United Kingdom
      </button>
      <button type="submit">Send</button>
    </form>
  );
}

function Controlled() {
  const [value, setValue] = useState<string | null>("+66812345678");
  return (
    <>
      <Field value={value} onChange={(e164) => setValue(e164)} />
      <output data-testid="value">{String(value)}</output>
      <button type="button" onClick={() => setValue("+6282123060001")}>
        Load
      </button>
    </>
  );
}

const field = () => screen.getByRole<HTMLInputElement>("textbox", { name: "Phone" });
const shown = () => screen.getByTestId("problem").textContent;

describe("usePhoneInput", () => {
  it("formats as the user types and reports E.164 with details", async () => {
    const onChange = vi.fn();
    render(<Field defaultCountry="TH" onChange={onChange} />);
    await userEvent.type(field(), "0812345678");
    expect(field().value).toBe("081 234 5678");
    expect(onChange).toHaveBeenLastCalledWith("+66812345678", {
      country: "TH",
      nationalNumber: "812345678",
      isValid: true,
      isPossible: true,
      type: "MOBILE",
      problem: undefined,
    } satisfies PhoneDetails);
    // Before the number has a possible length there is no E.164, only the details.
    expect(onChange.mock.calls[3]?.[0]).toBeNull();
    expect(onChange.mock.calls[3]?.[1]).toMatchObject({ problem: "too_short" });
  });

  it("does not show a problem while typing, shows it on blur, hides it once fixed", async () => {
    render(<Field defaultCountry="TH" />);
    await userEvent.type(field(), "08123");
    expect(shown()).toBe("");
    await userEvent.tab();
    expect(shown()).toBe("too_short");
    await userEvent.type(field(), "45678");
    expect(shown()).toBe("");
  });

  it("shows the problem when the form is submitted", async () => {
    const onSubmit = vi.fn();
    render(<Field defaultCountry="TH" onSubmit={onSubmit} />);
    await userEvent.type(field(), "02 123 4567");
    expect(shown()).toBe("");
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    expect(onSubmit).toHaveBeenCalled();
    expect(shown()).toBe("not_mobile");
  });

  it("an empty field shows nothing on blur", async () => {
    render(<Field defaultCountry="TH" />);
    await userEvent.click(field());
    await userEvent.tab();
    expect(shown()).toBe("");
  });

  it("switches the country for an international number and keeps it for a national one", async () => {
    render(<Field defaultCountry="TH" />);
    fireEvent.change(field(), { target: { value: "+62 821-2306-0001" } });
    // Indonesia's numbering plan loads on demand; then the text is formatted.
    await waitFor(() => expect(field().value).toBe("+62 821 2306 0001"));
    expect(screen.getByTestId("country").textContent).toBe("ID");
    fireEvent.change(field(), { target: { value: "" } });
    fireEvent.change(field(), { target: { value: "0812 345 678" } });
    // The last international number picked Indonesia: a national number is read there.
    expect(screen.getByTestId("country").textContent).toBe("ID");
  });

  it("picking a country keeps the national number, formatted for it", async () => {
    const onChange = vi.fn();
    render(<Field defaultCountry="TH" onChange={onChange} />);
    fireEvent.change(field(), { target: { value: "+66 81 234 5678" } });
    await userEvent.click(screen.getByRole("button", { name: "United Kingdom" }));
    expect(screen.getByTestId("country").textContent).toBe("GB");
    expect(field().value).not.toContain("+66");
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith(
        "+44812345678",
        expect.objectContaining({ country: "GB", nationalNumber: "812345678" }),
      ),
    );
  });

  it("takes the default country from the locale's region, else the browser's languages", () => {
    const languages = vi.spyOn(navigator, "languages", "get").mockReturnValue(["th-TH", "en"]);
    try {
      const { unmount } = render(<Field locale="en-GB" />);
      expect(screen.getByTestId("country").textContent).toBe("GB");
      unmount();
      // The UI in English ("en" alone names no country) in a Thai browser: Thailand, not the US.
      render(<Field locale="en" />);
      expect(screen.getByTestId("country").textContent).toBe("TH");
    } finally {
      languages.mockRestore();
    }
  });

  it("falls back to navigator.language where there is no navigator.languages", () => {
    const languages = vi.spyOn(navigator, "languages", "get").mockReturnValue([]);
    const language = vi.spyOn(navigator, "language", "get").mockReturnValue("id-ID");
    try {
      render(<Field locale="en" />);
      expect(screen.getByTestId("country").textContent).toBe("ID");
    } finally {
      languages.mockRestore();
      language.mockRestore();
    }
  });

  it("is controlled by value: shows it, and a new value replaces the text", async () => {
    render(<Controlled />);
    expect(field().value).toBe("081 234 5678");
    await userEvent.type(field(), "{backspace}{backspace}");
    // Too short: the parent holds null, the field keeps what the user typed.
    expect(screen.getByTestId("value").textContent).toBe("null");
    expect(field().value).toBe("081 234 56");
    await userEvent.click(screen.getByRole("button", { name: "Load" }));
    expect(field().value).toBe("0821-2306-0001");
    expect(screen.getByTestId("country").textContent).toBe("ID");
  });

  it("refuses letters and keeps the caret after the digit it followed", async () => {
    render(<Field defaultCountry="TH" />);
    await userEvent.type(field(), "08x1");
    expect(field().value).toBe("081");
    act(() => field().setSelectionRange(1, 1));
    await userEvent.type(field(), "9", { initialSelectionStart: 1, initialSelectionEnd: 1 });
    expect(field().value).toBe("098 1");
    expect(field().selectionStart).toBe(2);
  });
});
