import { PROVIDER_SIMULATIONS, SCENARIO_PHONES } from "@otpkit/mocks";
import { Controls, Description, Primary, Subtitle, Title } from "@storybook/addon-docs/blocks";
import type { Meta, StoryContext, StoryObj } from "@storybook/react-vite";
import { delay, HttpResponse, http } from "msw";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import {
  BACKENDS,
  type BackendName,
  codeLengthOf,
  isBackendName,
  OTP_BASE_URL,
  scenario,
  storyAdapter,
} from "../../../../.storybook/backends";
import {
  codeOnPhone,
  createSkippableClock,
  luminance,
  messagesOnPhone,
  sentence,
} from "../../../../.storybook/play";
import { PROVIDER_FAILURES } from "../../../../.storybook/providers";
import { WithPhone } from "../../../../.storybook/SimulatedPhone";
import { resolveLocale } from "../i18n";
import { EVERY_LOCALE } from "../i18n/every-locale";
import type { OtpVerifyMessages } from "./messages";
import { OtpVerify, type OtpVerifyProps } from "./OtpVerify";

/** A Thai mobile number: the happy path. */
const PHONE = "+66812345678";

const backendOf = (globals: StoryContext["globals"]): BackendName =>
  isBackendName(globals.backend) ? globals.backend : "kit";

/** The channel choice a backend offers (SMS and WhatsApp for EngageLab and Verihubs). */
const channelsOf = (backend: BackendName) => {
  const provider = BACKENDS[backend].provider;
  return provider ? [...PROVIDER_SIMULATIONS[provider].channels] : [];
};

interface Play {
  canvas: ReturnType<typeof within>;
  text: OtpVerifyMessages;
  codeLength: number;
}

/** Text as shown, not its twin for screen readers (the masked number said in words). */
const SHOWN = { ignore: ".otpkit-visually-hidden, script, style" };

/** What every play function needs: the canvas, the sentences in the story's language. */
function setUp({ canvasElement, globals, args }: StoryContext<OtpVerifyProps>): Play {
  const text = EVERY_LOCALE[resolveLocale(args.locale ?? globals.locale)].otpVerify;
  return {
    canvas: within(canvasElement),
    text,
    codeLength: codeLengthOf(backendOf(globals)),
  };
}

/** Types the number and asks for a code, as a user does. */
async function sendCodeTo({ canvas, text }: Play, phone: string) {
  await userEvent.type(canvas.getByRole("textbox", { name: text.phoneLabel }), phone);
  await userEvent.click(canvas.getByRole("button", { name: text.sendCode }));
}

const codeField = ({ canvas, text }: Play) =>
  canvas.findByRole("textbox", { name: text.codeHeading });

/**
 * The code step once the server has answered (the expiry countdown shows). The SMS can reach
 * the simulated phone a moment before the answer reaches the page; a person reads it later.
 */
async function codeStep(play: Play): Promise<HTMLElement> {
  await alertText(play, play.text.expiresIn);
  return codeField(play);
}

/** The message the user reads on screen (not its copy in the screen-reader live region). */
async function alertText(play: Play, template: string, timeout?: number): Promise<HTMLElement> {
  let shown: HTMLElement | undefined;
  await waitFor(
    () => {
      shown = play.canvas
        .getAllByText(sentence(template))
        .find((element: HTMLElement) => !element.closest("[role=status]"));
      return expect(shown).toBeDefined();
    },
    { timeout },
  );
  return shown as HTMLElement;
}

const meta = {
  title: "Components/OtpVerify",
  component: OtpVerify,
  parameters: {
    docs: {
      // The states are reached by play functions against one mocked server per story; side by
      // side on one page they would share a server and a phone number, so the page shows the
      // full flow and the props, and each state lives in its own story.
      page: () => (
        <>
          <Title />
          <Subtitle />
          <Description />
          <Primary />
          <Controls />
        </>
      ),
    },
  },
  args: { adapter: storyAdapter, onVerified: fn(), onError: fn() },
  argTypes: {
    adapter: { control: false },
    now: { control: false },
    components: { control: false },
    queryClient: { control: false },
    persist: { control: false },
    locale: { control: "inline-radio", options: ["en", "th", "id", "zh"] },
  },
  render: (args, { globals }) => (
    <OtpVerify {...args} channels={args.channels ?? channelsOf(backendOf(globals))} />
  ),
} satisfies Meta<typeof OtpVerify>;

export default meta;
type Story = StoryObj<typeof meta>;

// ---------------------------------------------------------------- the whole flow

export const FullFlow: Story = {
  name: "Full flow (with the phone)",
  render: (args, { globals }) => (
    <WithPhone locale={globals.locale}>
      <OtpVerify {...args} channels={args.channels ?? channelsOf(backendOf(globals))} />
    </WithPhone>
  ),
  play: async (context) => {
    const play = setUp(context);
    const phone = within(context.canvasElement).getByRole("complementary", {
      name: "Simulated phone",
    });
    await expect(within(phone).getByText("No messages yet")).toBeVisible();
    await sendCodeTo(play, PHONE);
    const field = await codeStep(play);
    // The SMS appears on the phone beside the form, and focus is already on the code.
    const code = await codeOnPhone(PHONE, play.codeLength);
    await expect(within(phone).getByText(new RegExp(code))).toBeVisible();
    await waitFor(() => expect(field).toHaveFocus());
    await userEvent.keyboard(code);
    await expect(
      await play.canvas.findByRole("heading", { name: play.text.verifiedHeading }),
    ).toBeVisible();
    await expect(context.args.onVerified).toHaveBeenCalledWith({
      phone: PHONE,
      token: expect.stringMatching(/^eyJ[\w-]+\.eyJ[\w-]+\.$/),
    });
  },
};

export const FullFlowPasting: Story = {
  name: "Full flow, pasting the SMS",
  render: FullFlow.render,
  play: async (context) => {
    const play = setUp(context);
    await sendCodeTo(play, PHONE);
    const field = await codeStep(play);
    const code = await codeOnPhone(PHONE, play.codeLength);
    // The whole message, as copied from the phone: only the code is kept.
    const [sms] = messagesOnPhone(PHONE);
    await userEvent.click(field);
    await userEvent.paste(sms?.text ?? "");
    await expect(field).toHaveValue(code);
    await expect(
      await play.canvas.findByRole("heading", { name: play.text.verifiedHeading }),
    ).toBeVisible();
  },
};

export const FullFlowKeyboard: Story = {
  name: "Full flow, keyboard only",
  render: FullFlow.render,
  play: async (context) => {
    const play = setUp(context);
    // Tab past the country button to the number, type it, Enter sends.
    await userEvent.tab();
    await userEvent.tab();
    await expect(play.canvas.getByRole("textbox", { name: play.text.phoneLabel })).toHaveFocus();
    await userEvent.keyboard(`${PHONE}{Enter}`);
    // Focus moves to the code by itself; typing it verifies.
    const field = await codeStep(play);
    await waitFor(() => expect(field).toHaveFocus());
    await userEvent.keyboard(await codeOnPhone(PHONE, play.codeLength));
    const done = await play.canvas.findByRole("heading", { name: play.text.verifiedHeading });
    await waitFor(() => expect(done).toHaveFocus());
  },
};

// ---------------------------------------------------------------- phone step

export const EnterPhone: Story = {
  name: "1. Enter phone number",
  play: async (context) => {
    const { canvas, text } = setUp(context);
    await expect(canvas.getByRole("heading", { name: text.phoneHeading })).toBeVisible();
    await expect(canvas.getByRole("textbox", { name: text.phoneLabel })).toHaveAttribute(
      "type",
      "tel",
    );
    await expect(canvas.getByRole("button", { name: text.sendCode })).toBeEnabled();
  },
};

export const Sending: Story = {
  name: "2. Sending the code",
  beforeEach({ msw }) {
    // The server takes its time: the story stays here.
    msw.use(
      http.post(`${OTP_BASE_URL}/send`, async () => {
        await delay("infinite");
        return HttpResponse.error();
      }),
    );
  },
  play: async (context) => {
    const play = setUp(context);
    await sendCodeTo(play, PHONE);
    const button = play.canvas.getByRole("button", { name: play.text.sendCode });
    // Progress shows in the button, which keeps its size and stays focusable.
    await waitFor(() => expect(button).toHaveAttribute("aria-disabled", "true"));
    await expect(play.canvas.getByRole("status")).toHaveTextContent(play.text.sending);
  },
};

export const InvalidNumberTyped: Story = {
  name: "Invalid number (caught before sending)",
  play: async (context) => {
    const play = setUp(context);
    await sendCodeTo(play, "+6681");
    const field = play.canvas.getByRole("textbox", { name: play.text.phoneLabel });
    await waitFor(() => expect(field).toHaveAttribute("aria-invalid", "true"));
    // Says why, on the field, and puts the user back there.
    await expect(field).toHaveAccessibleDescription(/\w/);
    await expect(field).toHaveFocus();
    await expect(messagesOnPhone("+6681")).toHaveLength(0);
  },
};

export const InvalidNumber: Story = {
  name: "Invalid number (refused by the server)",
  play: async (context) => {
    const play = setUp(context);
    await sendCodeTo(play, SCENARIO_PHONES.invalid_phone);
    await expect(await alertText(play, play.text.errorInvalidPhone)).toBeVisible();
    const field = play.canvas.getByRole("textbox", { name: play.text.phoneLabel });
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(sentence(play.text.errorInvalidPhone));
    // What was typed is kept, to correct it.
    await expect((field as HTMLInputElement).value).not.toBe("");
  },
};

export const BlockedNumber: Story = {
  name: "Blocked number",
  play: async (context) => {
    const play = setUp(context);
    await sendCodeTo(play, SCENARIO_PHONES.blocked_phone);
    await expect(await alertText(play, play.text.errorBlockedPhone)).toBeVisible();
    await expect(play.canvas.queryByRole("button", { name: play.text.tryAgain })).toBeNull();
  },
};

export const RateLimited: Story = {
  name: "Rate limited (with its countdown)",
  play: async (context) => {
    const play = setUp(context);
    await sendCodeTo(play, SCENARIO_PHONES.rate_limited);
    const message = await alertText(play, play.text.errorRateLimited);
    // "Wait 1:00, then try again", counting down.
    const first = message.textContent;
    await waitFor(() => expect(message.textContent).not.toBe(first), { timeout: 2500 });
    await expect(message).toHaveTextContent(/0:5\d/);
  },
};

const unavailable = (phone: string): Story => ({
  play: async (context) => {
    const play = setUp(context);
    await sendCodeTo(play, phone);
    await expect(await alertText(play, play.text.errorUnavailable)).toBeVisible();
    // Not the user's problem and nothing they can do now: no retry button.
    await expect(play.canvas.queryByRole("button", { name: play.text.tryAgain })).toBeNull();
  },
});

export const OutOfCredit: Story = {
  name: "Service unavailable: out of credit (quota)",
  ...unavailable(SCENARIO_PHONES.insufficient_quota),
};

export const CredentialsRejected: Story = {
  name: "Service unavailable: credentials rejected (auth)",
  ...unavailable(SCENARIO_PHONES.auth_failed),
};

export const Misconfigured: Story = {
  name: "Service unavailable: misconfigured (config)",
  ...unavailable(SCENARIO_PHONES.config_error),
};

export const NetworkError: Story = {
  name: "Network error, then Try again",
  beforeEach({ msw }) {
    // The first send never reaches the server; the retry does.
    msw.use(http.post(`${OTP_BASE_URL}/send`, () => HttpResponse.error(), { once: true }));
  },
  play: async (context) => {
    const play = setUp(context);
    await sendCodeTo(play, PHONE);
    await expect(await alertText(play, play.text.errorNetworkAfterSend)).toBeVisible();
    await userEvent.click(play.canvas.getByRole("button", { name: play.text.tryAgain }));
    await expect(await codeField(play)).toBeVisible();
    await codeOnPhone(PHONE, play.codeLength);
  },
};

export const ProviderError: Story = {
  name: "Provider failed",
  play: async (context) => {
    const play = setUp(context);
    await sendCodeTo(play, SCENARIO_PHONES.provider_error);
    await expect(await alertText(play, play.text.errorProviderError, 3000)).toBeVisible();
  },
};

// ---------------------------------------------------------------- code step

export const CodeSent: Story = {
  name: "3. Code sent",
  args: { phone: PHONE },
  play: async (context) => {
    const play = setUp(context);
    await expect(await codeField(play)).toBeVisible();
    // Where the code went (masked number), how long it lives, and a way back.
    await expect(await play.canvas.findByText(sentence(play.text.sentBySms), SHOWN)).toBeVisible();
    await expect(play.canvas.getByText(sentence(play.text.expiresIn))).toBeVisible();
    await expect(play.canvas.getByRole("button", { name: play.text.changeNumber })).toBeVisible();
    await codeOnPhone(PHONE, play.codeLength);
  },
};

export const ResendCoolingDown: Story = {
  name: "4. Resend cooling down",
  args: { phone: PHONE },
  play: async (context) => {
    const play = setUp(context);
    const resend = await play.canvas.findByRole("button", { name: sentence(play.text.resendIn) });
    await expect(resend).toHaveAttribute("aria-disabled", "true");
    await userEvent.click(resend);
    await expect(messagesOnPhone(PHONE)).toHaveLength(1);
  },
};

export const ResendAvailable: Story = {
  name: "5. Resend available",
  args: { phone: PHONE },
  parameters: { otpServer: { resendSeconds: 0 } },
  play: async (context) => {
    const play = setUp(context);
    const resend = await play.canvas.findByRole("button", { name: play.text.resend });
    await expect(resend).not.toHaveAttribute("aria-disabled");
    await codeOnPhone(PHONE, play.codeLength);
    await userEvent.click(resend);
    // A second SMS arrives, with a new code.
    await waitFor(() => expect(messagesOnPhone(PHONE)).toHaveLength(2));
  },
};

const expiryClock = createSkippableClock();

export const Expired: Story = {
  name: "6. Code expired",
  args: { phone: PHONE, now: expiryClock.now },
  beforeEach: () => expiryClock.reset(),
  play: async (context) => {
    const play = setUp(context);
    await play.canvas.findByText(sentence(play.text.expiresIn));
    // Five minutes later (skipped, not waited for).
    expiryClock.skip(5 * 60_000 + 1000);
    await expect(await alertText(play, play.text.errorExpired)).toBeVisible();
    await expect(await codeField(play)).toBeDisabled();
    // A new code may be asked for at once.
    await expect(play.canvas.getByRole("button", { name: play.text.resend })).not.toHaveAttribute(
      "aria-disabled",
    );
  },
};

export const WrongCode: Story = {
  name: "7. Wrong code, attempts left",
  args: { phone: PHONE },
  beforeEach: () => scenario(PHONE, "wrong_code", { times: 1 }),
  play: async (context) => {
    const play = setUp(context);
    const field = await codeStep(play);
    const code = await codeOnPhone(PHONE, play.codeLength);
    await userEvent.click(field);
    await userEvent.keyboard(code);
    await expect(await alertText(play, play.text.errorWrongCode)).toBeVisible();
    await expect(await alertText(play, play.text.attemptsLeft.other)).toHaveTextContent("4");
    await waitFor(() => expect(field).toHaveFocus());
    await expect(field).toHaveAttribute("aria-invalid", "true");
  },
};

export const TooManyAttempts: Story = {
  name: "8. Too many attempts",
  args: { phone: SCENARIO_PHONES.too_many_attempts },
  play: async (context) => {
    const play = setUp(context);
    const field = await codeStep(play);
    await userEvent.click(field);
    await userEvent.keyboard(await codeOnPhone(SCENARIO_PHONES.too_many_attempts, play.codeLength));
    await expect(await alertText(play, play.text.errorTooManyAttempts)).toBeVisible();
    await expect(field).toBeDisabled();
  },
};

export const CodeRequestGone: Story = {
  name: "Code request no longer valid",
  args: { phone: SCENARIO_PHONES.not_found },
  play: async (context) => {
    const play = setUp(context);
    const field = await codeStep(play);
    await userEvent.click(field);
    await userEvent.keyboard(await codeOnPhone(SCENARIO_PHONES.not_found, play.codeLength));
    await expect(await alertText(play, play.text.errorNotFound)).toBeVisible();
    await expect(
      await play.canvas.findByRole("button", { name: play.text.sendNewCode }),
    ).toBeVisible();
  },
};

export const AlreadyUsed: Story = {
  name: "Code already used",
  args: { phone: SCENARIO_PHONES.already_verified },
  play: async (context) => {
    const play = setUp(context);
    const field = await codeStep(play);
    await userEvent.click(field);
    await userEvent.keyboard(await codeOnPhone(SCENARIO_PHONES.already_verified, play.codeLength));
    await expect(await alertText(play, play.text.errorAlreadyVerified)).toBeVisible();
  },
};

export const Verified: Story = {
  name: "9. Verified",
  args: { phone: PHONE },
  play: async (context) => {
    const play = setUp(context);
    const field = await codeStep(play);
    await userEvent.click(field);
    await userEvent.keyboard(await codeOnPhone(PHONE, play.codeLength));
    const heading = await play.canvas.findByRole("heading", { name: play.text.verifiedHeading });
    await waitFor(() => expect(heading).toHaveFocus());
    await expect(context.args.onVerified).toHaveBeenCalledOnce();
  },
};

export const ChangeNumber: Story = {
  name: "Change number",
  args: { phone: PHONE },
  play: async (context) => {
    const play = setUp(context);
    await codeField(play);
    await userEvent.click(play.canvas.getByRole("button", { name: play.text.changeNumber }));
    const field = await play.canvas.findByRole("textbox", { name: play.text.phoneLabel });
    await waitFor(() => expect(field).toHaveFocus());
  },
};

// ---------------------------------------------------------------- providers (simulated)

export const AntsReferenceCode: Story = {
  name: "ANTS: reference code beside the code",
  globals: { backend: "ants" },
  args: { phone: PHONE },
  play: async (context) => {
    const play = setUp(context);
    await codeField(play);
    await codeOnPhone(PHONE, play.codeLength);
    const [sms] = messagesOnPhone(PHONE);
    const reference = sms?.text.match(/Ref: (\w+)/)?.[1] ?? "";
    // The same reference on the screen as in the SMS, so the user can match them.
    await expect(reference).toMatch(/^\w{5}$/);
    await expect(await play.canvas.findByText(new RegExp(reference))).toBeVisible();
    await expect(sms?.from).toBe("ANTS");
  },
};

export const VerihubsWhatsApp: Story = {
  name: "Verihubs: choosing WhatsApp",
  globals: { backend: "verihubs" },
  play: async (context) => {
    const play = setUp(context);
    await userEvent.click(play.canvas.getByRole("radio", { name: play.text.channelWhatsapp }));
    await sendCodeTo(play, "+6281234567890");
    await expect(
      await play.canvas.findByText(sentence(play.text.sentByWhatsapp), SHOWN),
    ).toBeVisible();
    await codeOnPhone("+6281234567890", play.codeLength);
    await expect(messagesOnPhone("+6281234567890")[0]?.channel).toBe("whatsapp");
    // The other channel is offered for a resend.
    await expect(
      play.canvas.getByRole("button", { name: sentence(play.text.resendBy) }),
    ).toBeVisible();
  },
};

export const FourDigits: Story = {
  name: "A 4-digit code (short templates, as EngageLab allows)",
  globals: { backend: "kit" },
  parameters: { otpServer: { codeLength: 4 } },
  args: { phone: PHONE },
  play: async (context) => {
    const play = setUp(context);
    const field = await codeStep(play);
    const code = await codeOnPhone(PHONE, 4);
    await expect(code).toHaveLength(4);
    await userEvent.click(field);
    await userEvent.keyboard(code);
    await expect(
      await play.canvas.findByRole("heading", { name: play.text.verifiedHeading }),
    ).toBeVisible();
  },
};

type Provider = keyof typeof PROVIDER_FAILURES;

/**
 * One story per provider: pick any of its documented failure answers in the "failure"
 * control and see what the user sees. The play function checks the first.
 */
function providerFailures(provider: Provider): StoryObj<OtpVerifyProps & { failure: string }> {
  const failures = PROVIDER_FAILURES[provider];
  const options = failures.map((failure) => `${failure.answer} → ${failure.kind}`);
  const chosen = (label: string | undefined) =>
    failures[Math.max(0, options.indexOf(label ?? ""))] ?? failures[0];
  return {
    globals: { backend: provider },
    args: { failure: options[0] },
    argTypes: { failure: { control: "select", options, name: "failure (provider answer → kind)" } },
    beforeEach: ({ args }) => {
      const failure = chosen(args.failure);
      if (failure) scenario(PHONE, failure.kind, { on: failure.on });
    },
    render: ({ failure: _failure, ...args }, { globals }) => (
      <OtpVerify
        {...args}
        key={_failure}
        phone={chosen(_failure)?.on === "send" ? undefined : PHONE}
        channels={channelsOf(backendOf(globals))}
      />
    ),
    play: async (context) => {
      const play = setUp(context as unknown as StoryContext<OtpVerifyProps>);
      await sendCodeTo(play, PHONE);
      // The first documented answer of each provider is an invalid number.
      await expect(await alertText(play, play.text.errorInvalidPhone)).toBeVisible();
      await expect(context.args.onError).toHaveBeenCalledWith(
        expect.objectContaining({ kind: chosen(context.args.failure)?.kind }),
      );
    },
  };
}

export const AntsFailures = {
  name: "ANTS: every documented failure",
  ...providerFailures("ants"),
};

export const EngageLabFailures = {
  name: "EngageLab: every documented failure",
  ...providerFailures("engagelab"),
};

export const VerihubsFailures = {
  name: "Verihubs: every documented failure",
  ...providerFailures("verihubs"),
};

// ---------------------------------------------------------------- language, theme, direction

const inLanguage = (locale: "th" | "id" | "zh"): Story => ({
  globals: { locale },
  args: { phone: PHONE },
  play: async (context) => {
    const text = EVERY_LOCALE[locale].otpVerify;
    const canvas = within(context.canvasElement);
    await expect(await canvas.findByRole("heading", { name: text.codeHeading })).toBeVisible();
    await expect(await canvas.findByText(sentence(text.sentBySms), SHOWN)).toBeVisible();
    await expect(canvas.getByText(sentence(text.expiresIn))).toBeVisible();
  },
});

export const Thai: Story = { name: "In Thai", ...inLanguage("th") };
export const Indonesian: Story = { name: "In Indonesian", ...inLanguage("id") };
export const Chinese: Story = { name: "In Chinese", ...inLanguage("zh") };

export const RightToLeft: Story = {
  name: "Right to left",
  globals: { direction: "rtl" },
  args: { phone: PHONE },
  play: async (context) => {
    const play = setUp(context);
    const field = await codeStep(play);
    await expect(context.canvasElement.querySelector("[dir=rtl]")).not.toBeNull();
    // The code itself still reads left to right.
    await expect(field.closest("[dir]")).toHaveAttribute("dir", "ltr");
  },
};

export const Dark: Story = {
  name: "Dark theme",
  globals: { theme: "dark" },
  args: { phone: PHONE },
  play: async (context) => {
    const play = setUp(context);
    await codeField(play);
    const canvas = context.canvasElement.querySelector(".sb-otpkit-canvas") as HTMLElement;
    await expect(luminance(getComputedStyle(canvas).backgroundColor)).toBeLessThan(0.1);
  },
};
