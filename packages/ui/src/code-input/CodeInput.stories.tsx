import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { luminance } from "../../../../.storybook/play";
import { CodeInput } from "./code-input";

/** What the user sees in the drawn slots (the real input's own text is invisible). */
const slotsOf = (root: HTMLElement) =>
  Array.from(root.querySelectorAll(".otpkit-code__slot"), (slot) => slot.textContent ?? "");

const codeField = (root: HTMLElement) => within(root).getByRole("textbox");

/** Error and success are not shown by colour alone: a mark (icon) is drawn too. */
const hasStateMark = (root: HTMLElement) => {
  const field = root.querySelector(".otpkit-code") as HTMLElement;
  const after = getComputedStyle(field, "::after").content;
  return field.querySelector("svg") !== null || (after !== "none" && after !== "normal");
};

const meta = {
  title: "Components/CodeInput",
  component: CodeInput,
  args: { onChange: fn(), onComplete: fn(), webOtp: false },
  argTypes: {
    locale: { control: "inline-radio", options: ["en", "th", "id", "zh"] },
    length: { control: { type: "number", min: 4, max: 10 } },
  },
} satisfies Meta<typeof CodeInput>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  name: "Empty, waiting for the code",
  play: async ({ canvasElement }) => {
    const input = codeField(canvasElement);
    await expect(input).toHaveAttribute("autocomplete", "one-time-code");
    await expect(input).toHaveAttribute("inputmode", "numeric");
    await expect(slotsOf(canvasElement)).toEqual(["", "", "", "", "", ""]);
  },
};

export const Typing: Story = {
  name: "Typing the code",
  play: async ({ canvasElement, args }) => {
    const input = codeField(canvasElement);
    await userEvent.click(input);
    await userEvent.keyboard("12a3");
    await expect(slotsOf(canvasElement)).toEqual(["1", "2", "3", "", "", ""]);
    await expect(args.onChange).toHaveBeenLastCalledWith("123");
    await expect(args.onComplete).not.toHaveBeenCalled();
  },
};

export const Complete: Story = {
  name: "Code complete",
  play: async ({ canvasElement, args }) => {
    await userEvent.click(codeField(canvasElement));
    await userEvent.keyboard("123456");
    await expect(args.onComplete).toHaveBeenCalledWith("123456");
    // No seventh character: the field holds exactly the code.
    await userEvent.keyboard("7");
    await expect(slotsOf(canvasElement)).toEqual(["1", "2", "3", "4", "5", "6"]);
  },
};

export const PasteSms: Story = {
  name: "Pasting the whole SMS",
  play: async ({ canvasElement, args }) => {
    await userEvent.click(codeField(canvasElement));
    await userEvent.paste("Your code is 123-456. Do not share it. Ref IpA6k");
    await expect(slotsOf(canvasElement)).toEqual(["1", "2", "3", "4", "5", "6"]);
    await expect(args.onComplete).toHaveBeenCalledWith("123456");
  },
};

export const PasteThaiDigits: Story = {
  name: "Pasting Thai digits",
  play: async ({ canvasElement }) => {
    await userEvent.click(codeField(canvasElement));
    await userEvent.paste("๑๒๓๔๕๖");
    await expect(slotsOf(canvasElement)).toEqual(["1", "2", "3", "4", "5", "6"]);
  },
};

export const CorrectingADigit: Story = {
  name: "Correcting a digit with Backspace",
  args: { defaultValue: "123456" },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(codeField(canvasElement));
    await userEvent.keyboard("{End}{Backspace}9");
    await expect(slotsOf(canvasElement)).toEqual(["1", "2", "3", "4", "5", "9"]);
    await expect(args.onChange).toHaveBeenLastCalledWith("123459");
  },
};

export const WrongCode: Story = {
  name: "Wrong code (error)",
  args: { defaultValue: "123456", invalid: true },
  play: async ({ canvasElement }) => {
    await expect(codeField(canvasElement)).toHaveAttribute("aria-invalid", "true");
    await expect(hasStateMark(canvasElement)).toBe(true);
    await expect(canvasElement.querySelector(".otpkit-code")).toHaveAttribute(
      "data-state",
      "error",
    );
  },
};

export const Verified: Story = {
  name: "Verified (success)",
  args: { defaultValue: "123456", success: true },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector(".otpkit-code")).toHaveAttribute(
      "data-state",
      "success",
    );
    await expect(hasStateMark(canvasElement)).toBe(true);
  },
};

export const Disabled: Story = {
  name: "Disabled (while checking)",
  args: { defaultValue: "123456", disabled: true },
  play: async ({ canvasElement }) => {
    await expect(codeField(canvasElement)).toBeDisabled();
    await expect(slotsOf(canvasElement)).toEqual(["1", "2", "3", "4", "5", "6"]);
  },
};

export const Masked: Story = {
  name: "Masked (shared screens)",
  args: { masked: true },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(codeField(canvasElement));
    await userEvent.keyboard("1234");
    await expect(slotsOf(canvasElement)).toEqual(["•", "•", "•", "•", "", ""]);
    await expect(args.onChange).toHaveBeenLastCalledWith("1234");
  },
};

export const FourDigits: Story = {
  name: "Four-digit code",
  args: { length: 4 },
  play: async ({ canvasElement, args }) => {
    await expect(slotsOf(canvasElement)).toHaveLength(4);
    await userEvent.click(codeField(canvasElement));
    await userEvent.paste("Your verification code is 4821.");
    await expect(args.onComplete).toHaveBeenCalledWith("4821");
  },
};

export const Alphanumeric: Story = {
  name: "Letters and digits",
  args: { alphanumeric: true },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(codeField(canvasElement));
    await userEvent.keyboard("ab12cd");
    await expect(slotsOf(canvasElement)).toEqual(["A", "B", "1", "2", "C", "D"]);
    await expect(args.onComplete).toHaveBeenCalledWith("AB12CD");
  },
};

export const RightToLeftPage: Story = {
  name: "On a right-to-left page",
  globals: { direction: "rtl" },
  play: async ({ canvasElement }) => {
    await userEvent.click(codeField(canvasElement));
    await userEvent.keyboard("123");
    // The code itself always reads left to right: the first digit is the leftmost slot.
    const slots = Array.from(canvasElement.querySelectorAll(".otpkit-code__slot"));
    const [first, second] = slots.map((slot) => slot.getBoundingClientRect().left);
    await expect(first).toBeLessThan(second ?? 0);
    await expect(slotsOf(canvasElement).slice(0, 3)).toEqual(["1", "2", "3"]);
  },
};

export const DarkTheme: Story = {
  name: "Dark theme",
  globals: { theme: "dark" },
  args: { defaultValue: "12" },
  play: async ({ canvasElement }) => {
    const slot = canvasElement.querySelector(".otpkit-code__slot") as HTMLElement;
    // The slots take the dark theme's background, not the light default.
    await expect(luminance(getComputedStyle(slot).backgroundColor)).toBeLessThan(0.1);
    await expect(luminance(getComputedStyle(slot).color)).toBeGreaterThan(0.5);
  },
};

export const Thai: Story = {
  name: "In Thai",
  globals: { locale: "th" },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("textbox", { name: "รหัสยืนยัน" })).toBeVisible();
  },
};

const submitted = fn();

export const AutoSubmit: Story = {
  name: "Submits its form when complete",
  args: { autoSubmit: true },
  render: (args) => (
    <form
      aria-label="Verify your phone"
      onSubmit={(event) => {
        event.preventDefault();
        submitted(new FormData(event.currentTarget).get("code"));
      }}
    >
      <CodeInput {...args} name="code" />
    </form>
  ),
  play: async ({ canvasElement }) => {
    submitted.mockClear();
    await userEvent.click(codeField(canvasElement));
    await userEvent.paste("654321");
    await waitFor(() => expect(submitted).toHaveBeenCalledWith("654321"));
  },
};

function ControlledCode(props: Parameters<typeof CodeInput>[0]) {
  const [code, setCode] = useState("");
  return (
    <div>
      <CodeInput {...props} value={code} onChange={setCode} />
      <p>
        Value: <output>{code || "(empty)"}</output>
      </p>
      <button type="button" onClick={() => setCode("")}>
        Clear
      </button>
    </div>
  );
}

export const Controlled: Story = {
  name: "Controlled by the app",
  render: (args) => <ControlledCode {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(codeField(canvasElement));
    await userEvent.keyboard("42");
    await expect(canvas.getByRole("status")).toHaveTextContent("42");
    await userEvent.click(canvas.getByRole("button", { name: "Clear" }));
    await expect(slotsOf(canvasElement)).toEqual(["", "", "", "", "", ""]);
  },
};
