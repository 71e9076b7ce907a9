import type { PhoneDetails } from "@otpkit/react";
import { expect, it, vi } from "vitest";
import { userEvent } from "vitest/browser";
import { render } from "vitest-browser-react";
import { PhoneInput } from "./PhoneInput";

// Nothing preloaded: this file's page starts with no numbering plan at all.
it("formats a number typed as soon as the field appears, its plan fetched on demand, caret at the end", async () => {
  const onChange = vi.fn<(e164: string | null, details: PhoneDetails) => void>();
  const screen = await render(
    <>
      <label htmlFor="phone">Phone number</label>
      <PhoneInput id="phone" defaultCountry="BR" onChange={onChange} />
    </>,
  );
  const input = screen.container.querySelector<HTMLInputElement>("#phone");
  if (!input) throw new Error("PhoneInput did not render");
  input.focus();
  await userEvent.keyboard("11987654321");
  await expect.poll(() => input.value).toBe("(11) 98765-4321");
  expect(input.selectionStart).toBe(input.value.length);
  expect(onChange.mock.lastCall?.[0]).toBe("+5511987654321");
  expect(onChange.mock.lastCall?.[1]).toMatchObject({ country: "BR", isValid: true });
});
