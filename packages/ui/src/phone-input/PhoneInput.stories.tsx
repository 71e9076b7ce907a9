import type { Meta, StoryContext, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { luminance, sentence } from "../../../../.storybook/play";
import { resolveLocale } from "../i18n";
import { EVERY_LOCALE } from "../i18n/every-locale";
import type { PhoneInputMessages } from "./messages";
import { PhoneInput, type PhoneInputProps } from "./PhoneInput";

interface Play {
  canvas: ReturnType<typeof within>;
  text: PhoneInputMessages;
  number: HTMLElement;
  countryButton: HTMLElement;
}

function setUp({ canvasElement, globals, args }: StoryContext<PhoneInputProps>): Play {
  const text = EVERY_LOCALE[resolveLocale(args.locale ?? globals.locale)].phoneInput;
  const canvas = within(canvasElement);
  return {
    canvas,
    text,
    number: canvas.getByRole("textbox", { name: text.label }),
    countryButton: canvas.getByRole("button", { name: sentence(text.country) }),
  };
}

/** The last E.164 value the app received. */
const lastValue = (onChange: PhoneInputProps["onChange"]) =>
  (onChange as ReturnType<typeof fn>).mock.lastCall?.[0];

const meta = {
  title: "Components/PhoneInput",
  component: PhoneInput,
  args: { onChange: fn() },
  argTypes: {
    locale: { control: "inline-radio", options: ["en", "th", "id", "zh"] },
    defaultCountry: { control: "text" },
  },
} satisfies Meta<typeof PhoneInput>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  name: "Empty (country from the browser's languages)",
  play: async (context) => {
    const { number, countryButton } = setUp(context);
    await expect(number).toHaveAttribute("type", "tel");
    await expect(number).toHaveAttribute("autocomplete", "tel");
    await expect(number).toHaveValue("");
    // "en" names no country: the browser's languages do (en-US in the Chromium under test: +1).
    await expect(countryButton).toHaveAccessibleName(/\+1$/);
  },
};

export const TypingThaiNumber: Story = {
  name: "Typing a Thai mobile number",
  args: { defaultCountry: "TH" },
  play: async (context) => {
    const { number } = setUp(context);
    await userEvent.type(number, "0812345678");
    // Formatted as it is typed (once Thailand's numbering plan, fetched on demand, is in);
    // the app gets E.164.
    await waitFor(() => expect(number).toHaveValue("081 234 5678"));
    await expect(lastValue(context.args.onChange)).toBe("+66812345678");
    await expect(context.args.onChange).toHaveBeenLastCalledWith(
      "+66812345678",
      expect.objectContaining({ country: "TH", isValid: true }),
    );
  },
};

export const PastingInternational: Story = {
  name: "Pasting a number of another country",
  args: { defaultCountry: "TH" },
  play: async (context) => {
    const { number, countryButton } = setUp(context);
    await userEvent.click(number);
    await userEvent.paste("+62 821-2306-0001");
    // The country follows the number.
    await waitFor(() => expect(countryButton).toHaveAccessibleName(/\+62$/));
    // Indonesia's numbering plan loads on demand; then the number is formatted and reported.
    await waitFor(() => expect(number).toHaveValue("+62 821 2306 0001"));
    await expect(lastValue(context.args.onChange)).toBe("+6282123060001");
  },
};

export const ChoosingCountry: Story = {
  name: "Choosing a country with the keyboard",
  args: { defaultCountry: "US" },
  play: async (context) => {
    const { canvas, text, number, countryButton } = setUp(context);
    countryButton.focus();
    await userEvent.keyboard("{ArrowDown}");
    const search = await canvas.findByRole("combobox", { name: text.search });
    await waitFor(() => expect(search).toHaveFocus());
    await userEvent.keyboard("+66");
    await expect(canvas.getByRole("listbox", { name: text.countries })).toBeVisible();
    await userEvent.keyboard("{Enter}");
    await expect(countryButton).toHaveAccessibleName(/\+66$/);
    // Back to the number, to type it.
    await waitFor(() => expect(number).toHaveFocus());
  },
};

export const SearchingCountries: Story = {
  name: "Country list open, searching",
  args: { defaultCountry: "TH" },
  play: async (context) => {
    const { canvas, text, countryButton } = setUp(context);
    await userEvent.click(countryButton);
    const search = await canvas.findByRole("combobox", { name: text.search });
    await userEvent.type(search, "indo");
    const options = within(canvas.getByRole("listbox")).getAllByRole("option");
    await expect(options[0]).toHaveTextContent("+62");
    await expect(search).toHaveAttribute("aria-activedescendant", options[0]?.id);
  },
};

export const TooShort: Story = {
  name: "Too short (shown on leaving the field)",
  args: { defaultCountry: "TH" },
  play: async (context) => {
    const { canvas, text, number } = setUp(context);
    await userEvent.type(number, "0812");
    // Never while typing...
    await expect(canvas.queryByText(text.tooShort)).toBeNull();
    await userEvent.tab();
    // ...but when the user moves on.
    await expect(await canvas.findByText(text.tooShort)).toBeVisible();
    await expect(number).toHaveAttribute("aria-invalid", "true");
    await expect(number).toHaveAccessibleDescription(text.tooShort);
  },
};

export const NotAPhoneNumber: Story = {
  name: "Invalid number for the country",
  args: { defaultCountry: "US" },
  play: async (context) => {
    const { canvas, text, number } = setUp(context);
    await userEvent.type(number, "0234567890");
    await userEvent.tab();
    await waitFor(() => expect(number).toHaveAttribute("aria-invalid", "true"));
    // Says why, naming the country.
    await expect(canvas.getByText(sentence(text.invalid))).toBeVisible();
  },
};

export const Landline: Story = {
  name: "Landline warning (before a code is sent)",
  args: { defaultCountry: "TH" },
  play: async (context) => {
    const { canvas, text, number } = setUp(context);
    await userEvent.type(number, "021234567");
    await userEvent.tab();
    await expect(await canvas.findByText(text.notMobile)).toBeVisible();
    // A warning, not an error: the number is valid, it just may not get texts.
    await expect(number).not.toHaveAttribute("aria-invalid");
  },
};

export const RefusedByServer: Story = {
  name: "Refused (set by the app)",
  args: { defaultCountry: "TH", defaultValue: "+66812345678", invalid: true },
  play: async (context) => {
    const { number } = setUp(context);
    await expect(number).toHaveAttribute("aria-invalid", "true");
    // Formatted once Thailand's numbering plan is in (fetched on demand).
    await waitFor(() => expect(number).toHaveValue("081 234 5678"));
  },
};

export const Disabled: Story = {
  name: "Disabled",
  args: { defaultValue: "+66812345678", disabled: true },
  play: async (context) => {
    const { number, countryButton } = setUp(context);
    await expect(number).toBeDisabled();
    await expect(countryButton).toBeDisabled();
  },
};

function ControlledPhone(props: PhoneInputProps) {
  const [phone, setPhone] = useState<string | null>("+66812345678");
  return (
    <div>
      <PhoneInput {...props} value={phone} onChange={(e164) => setPhone(e164)} />
      <p>
        E.164: <output>{phone ?? "(none yet)"}</output>
      </p>
      <button type="button" onClick={() => setPhone("+6281234567890")}>
        Use the Indonesian number
      </button>
    </div>
  );
}

export const Controlled: Story = {
  name: "Controlled by the app",
  render: (args) => <ControlledPhone {...args} />,
  play: async (context) => {
    const { canvas, number, countryButton } = setUp(context);
    // Formatted once Thailand's numbering plan is in (fetched on demand).
    await waitFor(() => expect(number).toHaveValue("081 234 5678"));
    await userEvent.click(canvas.getByRole("button", { name: "Use the Indonesian number" }));
    await waitFor(() => expect(countryButton).toHaveAccessibleName(/\+62$/));
    await expect(canvas.getByRole("status")).toHaveTextContent("+6281234567890");
  },
};

const inLanguage = (locale: "th" | "id" | "zh", region: string, dial: RegExp): Story => ({
  globals: { locale },
  // The page's language for one country: a region written in `locale` is the default country
  // (a bare "th" would leave it to the browser's languages).
  args: { locale: `${locale}-${region}` },
  play: async (context) => {
    const { number, countryButton } = setUp(context);
    await expect(number).toBeVisible();
    await expect(countryButton).toHaveAccessibleName(dial);
  },
});

export const Thai: Story = {
  name: "In Thai for Thailand (th-TH)",
  ...inLanguage("th", "TH", /\+66$/),
};
export const Indonesian: Story = {
  name: "In Indonesian for Indonesia (id-ID)",
  ...inLanguage("id", "ID", /\+62$/),
};
export const Chinese: Story = {
  name: "In Chinese for China (zh-CN)",
  ...inLanguage("zh", "CN", /\+86$/),
};

export const RightToLeft: Story = {
  name: "On a right-to-left page",
  globals: { direction: "rtl" },
  args: { defaultCountry: "TH", defaultValue: "+66812345678" },
  play: async (context) => {
    const { number } = setUp(context);
    // The number itself reads left to right.
    await expect(number).toHaveAttribute("dir", "ltr");
    // Formatted once Thailand's numbering plan is in (fetched on demand).
    await waitFor(() => expect(number).toHaveValue("081 234 5678"));
  },
};

export const Dark: Story = {
  name: "Dark theme",
  globals: { theme: "dark" },
  args: { defaultCountry: "TH", defaultValue: "+66812345678" },
  play: async (context) => {
    const { number } = setUp(context);
    // Formatted once Thailand's numbering plan is in (fetched on demand).
    await waitFor(() => expect(number).toHaveValue("081 234 5678"));
    const canvas = context.canvasElement.querySelector(".sb-otpkit-canvas") as HTMLElement;
    await expect(luminance(getComputedStyle(canvas).backgroundColor)).toBeLessThan(0.1);
  },
};
