import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { hasNumberingPlan } from "./metadata";
import { describe as describePhoneNumber, formatPhoneText } from "./phone-number";
import { type UsePhoneInputOptions, usePhoneInput } from "./use-phone-input";

function Field(props: UsePhoneInputOptions) {
  const phone = usePhoneInput(props);
  return <input aria-label="Phone" {...phone.inputProps} />;
}

/** Keeps the number it is told about in its own state, as an app does, and submits that. */
function Form({ onSubmit, ...props }: UsePhoneInputOptions & { onSubmit: (e164: string) => void }) {
  const [e164, setE164] = useState<string | null>(null);
  const phone = usePhoneInput({ ...props, onChange: setE164 });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(e164 ?? "none");
      }}
    >
      <input aria-label="Phone" {...phone.inputProps} />
      <button type="submit">Send</button>
    </form>
  );
}

const field = () => screen.getByLabelText<HTMLInputElement>("Phone");

// Nothing is preloaded in this file: each test needs a group no earlier test loaded.
describe("usePhoneInput while a numbering plan loads", () => {
  it("keeps a number typed before Thailand's plan arrives as typed, then formats it", async () => {
    expect(hasNumberingPlan("66")).toBe(false);
    const onChange = vi.fn();
    render(<Field defaultCountry="TH" onChange={onChange} />);
    fireEvent.change(field(), { target: { value: "0812345678" } });
    expect(field().value).toBe("0812345678");
    expect(onChange).toHaveBeenLastCalledWith(null, expect.objectContaining({ pending: true }));
    await waitFor(() => expect(field().value).toBe("081 234 5678"));
    expect(onChange).toHaveBeenLastCalledWith(
      "+66812345678",
      expect.objectContaining({ country: "TH", isValid: true, type: "MOBILE" }),
    );
    expect(onChange.mock.lastCall?.[1].pending).toBeUndefined();
  });

  it("shows a value as E.164 until its plan arrives, then in its national format", async () => {
    expect(hasNumberingPlan("62")).toBe(false);
    render(<Field value="+6282123060001" defaultCountry="TH" />);
    expect(field().value).toBe("+6282123060001");
    await waitFor(() => expect(field().value).toBe("0821-2306-0001"));
  });

  it("loads the plan of a pasted number's own country", async () => {
    expect(hasNumberingPlan("44")).toBe(false);
    render(<Field defaultCountry="TH" />);
    fireEvent.change(field(), { target: { value: "0044 7400 123456" } });
    await waitFor(() => expect(field().value).toBe("+44 7400 123456"));
  });

  it("holds a submit made before the plan arrives and makes it once the number is read", async () => {
    expect(hasNumberingPlan("55")).toBe(false);
    const onSubmit = vi.fn();
    render(<Form defaultCountry="TH" onSubmit={onSubmit} />);
    fireEvent.change(field(), { target: { value: "+55 11 98765 4321" } });
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    expect(onSubmit).not.toHaveBeenCalled();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith("+5511987654321"));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(field().value).toBe("+55 11 98765 4321");
  });

  it("holds no submit of an empty field: there is nothing to read", () => {
    expect(hasNumberingPlan("81")).toBe(false);
    const onSubmit = vi.fn();
    render(<Form defaultCountry="JP" onSubmit={onSubmit} />);
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    expect(onSubmit).toHaveBeenCalledWith("none");
  });

  it("picks a country whose plan is not loaded on an empty field without reading anything", () => {
    expect(hasNumberingPlan("93")).toBe(false);
    expect(formatPhoneText("", 0, "AF")).toMatchObject({ text: "", country: "AF", caret: 0 });
    expect(describePhoneNumber("", "AF")).toMatchObject({ e164: null, problem: undefined });
  });
});
