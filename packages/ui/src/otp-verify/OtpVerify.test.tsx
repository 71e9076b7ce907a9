import { OTP_ERROR_KINDS, OtpError, type OtpErrorKind } from "@otpkit/core";
import { createFakeAdapter, type FakeAdapter } from "@otpkit/core/testing";
import { QueryClient } from "@tanstack/react-query";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { Profiler, StrictMode } from "react";
import { jsx } from "react/jsx-runtime";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { loadLocale } from "../i18n";
import { phoneInputMessages, preloadPhoneMetadata } from "../phone-input";
import {
  ExpiryCountdown as OtpVerifyExpiryCountdown,
  ResendCountdown as OtpVerifyResendCountdown,
} from "./countdowns";
import { otpVerifyMessages } from "./messages";
import { OtpVerify, type OtpVerifyProps } from "./OtpVerify";
import {
  CodeStep as OtpVerifyCodeStep,
  type OtpVerifyCodeStepProps,
  PhoneStep as OtpVerifyPhoneStep,
  type OtpVerifyPhoneStepProps,
  SentTo as OtpVerifySentTo,
  type OtpVerifySuccessProps,
} from "./parts";

const PHONE = "+66812345678";
/** How the code step shows PHONE, whoever answered: the fake adapter gives it back whole. */
const MASKED = "+66 ••• ••• 678";
const en = otpVerifyMessages.en;

let adapter: FakeAdapter;

// Every phone numbering plan up front, as an app that preloads them: these tests are about the
// flow (loading plans on demand is tested with usePhoneInput).
beforeAll(() => preloadPhoneMetadata());

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 10, 22, 9, 0, 0) });
  adapter = createFakeAdapter({ codes: ["123456", "654321"], resendSeconds: 30 });
});

afterEach(() => {
  vi.useRealTimers();
});

function setup(props: Partial<OtpVerifyProps> = {}) {
  const onVerified = vi.fn();
  const onError = vi.fn();
  const view = render(
    <OtpVerify
      adapter={adapter}
      onVerified={onVerified}
      onError={onError}
      persist={false}
      {...props}
    />,
  );
  return { ...view, onVerified, onError };
}

function Done({ flow, headingRef }: OtpVerifySuccessProps) {
  return (
    <h2 ref={headingRef} tabIndex={-1}>
      Welcome, {flow.phone} ({flow.token})
    </h2>
  );
}

/** Let adapter answers (promises) settle inside act. */
const settle = () => act(async () => {});
/** Move the clock a second at a time; each tick schedules the next. */
async function advance(ms: number) {
  for (let left = ms; left > 0; left -= 1000) {
    await act(() => {
      vi.advanceTimersByTime(Math.min(1000, left));
    });
  }
}
/** Text shown on the page, not the live region's copy of it. */
const shown = (text: string | RegExp) =>
  screen.getByText(text, { ignore: "[role=status], script, style" });
const status = () => screen.getByRole("status").textContent?.replace(/\u200b/g, "");
const phoneField = () => screen.getByLabelText(en.phoneLabel);
const codeField = () => screen.getByRole("textbox", { name: en.codeHeading });

async function sendTo(phone = PHONE) {
  fireEvent.change(phoneField(), { target: { value: phone } });
  fireEvent.click(screen.getByRole("button", { name: en.sendCode }));
  await settle();
}
async function enterCode(code: string) {
  fireEvent.change(codeField(), { target: { value: code } });
  await settle();
}

describe("OtpVerify: phone step", () => {
  it("asks for the number under one heading, with one primary action", () => {
    setup();
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent(en.phoneHeading);
    expect(phoneField()).toBeInTheDocument();
    expect(screen.getAllByRole("button", { name: en.sendCode })).toHaveLength(1);
  });

  it("asks for a number when the field is empty, inline and linked to it", async () => {
    setup();
    fireEvent.click(screen.getByRole("button", { name: en.sendCode }));
    await settle();
    expect(adapter.calls).toEqual([]);
    const message = shown(en.invalidNumber);
    expect(phoneField()).toHaveAttribute("aria-invalid", "true");
    expect(phoneField().getAttribute("aria-describedby")).toContain(message.closest("p")?.id);
    expect(phoneField()).toHaveFocus();
  });

  it("lets the phone field say why an incomplete number cannot be sent to", async () => {
    setup();
    await sendTo("+668");
    expect(adapter.calls).toEqual([]);
    const message = shown(phoneInputMessages.en.tooShort);
    expect(phoneField().getAttribute("aria-describedby")).toContain(message.closest("p")?.id);
    expect(screen.queryByText(en.invalidNumber)).not.toBeInTheDocument();
    expect(phoneField()).toHaveFocus();
  });

  it("warns before sending to a landline, and sends when asked again", async () => {
    setup();
    await sendTo("+6621234567");
    expect(adapter.calls).toEqual([]);
    expect(shown(phoneInputMessages.en.notMobile)).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: en.sendCode }));
    await settle();
    expect(adapter.calls).toMatchObject([{ method: "send", phone: "+6621234567" }]);
  });

  it("sends to a landline at once when the code comes by voice call", async () => {
    setup({ channels: ["voice", "sms"] });
    await sendTo("+6621234567");
    expect(adapter.calls).toMatchObject([{ method: "send", channel: "voice" }]);
  });

  it("sends, then moves focus to the code and announces where it went", async () => {
    setup();
    await sendTo();
    expect(adapter.calls).toMatchObject([{ method: "send", phone: PHONE, channel: "sms" }]);
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent(en.codeHeading);
    expect(codeField()).toHaveFocus();
    expect(status()).toBe("Code sent to a number ending 5678. You can resend in 30 seconds.");
    expect(shown(`Sent by SMS to \u2066${MASKED}\u2069`)).toBeInTheDocument();
  });

  it("masks the number it shows, and says it in words to a screen reader", async () => {
    setup();
    await sendTo();
    expect(screen.queryByText(new RegExp(PHONE.replace("+", "\\+")))).not.toBeInTheDocument();
    const sentence = shown(`Sent by SMS to \u2066${MASKED}\u2069`);
    expect(sentence).toHaveAttribute("aria-hidden", "true");
    expect(sentence.parentElement).toHaveTextContent(
      "Sent by SMS to \u2066the +66 number ending 678\u2069",
    );
  });

  it("shows progress on the button while sending, keeping its name", async () => {
    const held = adapter.hold("send");
    setup();
    fireEvent.change(phoneField(), { target: { value: PHONE } });
    fireEvent.click(screen.getByRole("button", { name: en.sendCode }));
    const button = screen.getByRole("button", { name: en.sendCode });
    expect(button).toHaveAttribute("aria-disabled", "true");
    expect(button).toHaveAttribute("data-busy");
    expect(status()).toBe(en.sending);
    fireEvent.click(button);
    held.release();
    await settle();
    expect(adapter.calls.filter((call) => call.method === "send")).toHaveLength(1);
  });

  it("offers the channels it is given and sends by the one chosen", async () => {
    setup({ channels: ["sms", "whatsapp"] });
    const group = screen.getByRole("group", { name: en.channelLegend });
    expect(within(group).getByRole("radio", { name: "SMS" })).toBeChecked();
    fireEvent.click(within(group).getByRole("radio", { name: "WhatsApp" }));
    await sendTo();
    expect(adapter.calls[0]).toMatchObject({ method: "send", channel: "whatsapp" });
    expect(shown(`Sent by WhatsApp to \u2066${MASKED}\u2069`)).toBeInTheDocument();
  });

  it("offers a resend by another channel the server names, after the cooldown", async () => {
    adapter = createFakeAdapter({ codes: ["123456", "654321"], channels: ["sms", "whatsapp"] });
    setup();
    await sendTo();
    const other = screen.getByRole("button", { name: "Send by WhatsApp instead" });
    expect(other).toHaveAttribute("aria-disabled", "true");
    await advance(30_000);
    fireEvent.click(other);
    await settle();
    expect(adapter.calls.at(-1)).toMatchObject({ method: "resend", channel: "whatsapp" });
    expect(shown(`Sent by WhatsApp to \u2066${MASKED}\u2069`)).toBeInTheDocument();
  });

  it("offers the channels the adapter offers when given none", async () => {
    adapter = createFakeAdapter({ codes: ["123456"], channels: ["sms", "whatsapp"] });
    setup();
    const group = screen.getByRole("group", { name: en.channelLegend });
    fireEvent.click(within(group).getByRole("radio", { name: "WhatsApp" }));
    await sendTo();
    expect(adapter.calls[0]).toMatchObject({ method: "send", channel: "whatsapp" });
  });

  it("keeps the choice while it is offered, else takes the first channel of a new list", () => {
    const { rerender } = setup({ channels: ["sms", "whatsapp"] });
    const radio = (name: string) => screen.getByRole("radio", { name });
    fireEvent.click(radio("WhatsApp"));
    const again = (channels: string[]) =>
      rerender(<OtpVerify adapter={adapter} persist={false} channels={channels} />);
    again(["voice", "whatsapp"]);
    expect(radio("WhatsApp")).toBeChecked();
    again(["voice", "sms"]);
    expect(radio("Voice call")).toBeChecked();
  });

  it("names another channel by the messages' channelNames", async () => {
    setup({ channels: ["sms", "line"], messages: { channelNames: { line: "LINE" } } });
    fireEvent.click(screen.getByRole("radio", { name: "LINE" }));
    await sendTo();
    expect(adapter.calls[0]).toMatchObject({ method: "send", channel: "line" });
    expect(shown(`Sent by LINE to \u2066${MASKED}\u2069`)).toBeInTheDocument();
  });

  it("says a voice call is on its way", async () => {
    setup({ channels: ["voice"] });
    await sendTo();
    expect(shown(`We're calling \u2066${MASKED}\u2069 with your code`)).toBeInTheDocument();
  });

  it("shows no channel choice for one channel", () => {
    setup({ channels: ["sms"] });
    expect(screen.queryByRole("group")).not.toBeInTheDocument();
  });
});

/** A code step of its own, built from the pieces OtpVerify exports. */
function MyCodeStep({ flow, messages, locale, codeInputRef }: OtpVerifyCodeStepProps) {
  if (!flow.challenge) return null;
  return (
    <div>
      <p>
        <OtpVerifySentTo challenge={flow.challenge} messages={messages} locale={locale} />
      </p>
      <input ref={codeInputRef} aria-label="My code" />
      <button type="button" onClick={() => flow.resend()}>
        <OtpVerifyResendCountdown
          deadline={flow.resendAvailableAt}
          messages={messages}
          locale={locale}
        />
      </button>
      <OtpVerifyExpiryCountdown deadline={flow.expiresAt} messages={messages} locale={locale} />
    </div>
  );
}

describe("OtpVerify: code step", () => {
  it("verifies a complete code at once and reports the phone and token", async () => {
    const { onVerified } = setup();
    await sendTo();
    await enterCode("123456");
    expect(onVerified).toHaveBeenCalledWith({ phone: PHONE, token: "fake-token-fake-1" });
    const heading = screen.getByRole("heading", { name: en.verifiedHeading });
    expect(heading).toHaveFocus();
    expect(status()).toBe(en.announceVerified);
  });

  it("runs its requests as mutations of the app's QueryClient when given one", async () => {
    const queryClient = new QueryClient();
    const keys: unknown[] = [];
    queryClient.getMutationCache().subscribe((event) => {
      if (event.type === "added") keys.push(event.mutation.options.mutationKey);
    });
    const { onVerified } = setup({ queryClient });
    await sendTo();
    // TanStack Query tells its observers on a 0 ms timer.
    await act(() => vi.advanceTimersByTimeAsync(0));
    await enterCode("123456");
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(onVerified).toHaveBeenCalledWith({ phone: PHONE, token: "fake-token-fake-1" });
    expect(keys).toEqual([
      ["otpkit", "send"],
      ["otpkit", "verify"],
    ]);
  });

  it("takes the code from the SMS by WebOTP, and asks again after a resend", async () => {
    const requests: { signal: AbortSignal; fill: (code: string) => void }[] = [];
    const get = (options: { signal: AbortSignal }) =>
      new Promise((resolve, reject) => {
        options.signal.addEventListener("abort", () => reject(options.signal.reason));
        requests.push({ signal: options.signal, fill: (code) => resolve({ code }) });
      });
    vi.stubGlobal("OTPCredential", class {});
    Object.defineProperty(navigator, "credentials", { value: { get }, configurable: true });
    try {
      const { onVerified } = setup();
      await sendTo();
      expect(requests).toHaveLength(1);
      await advance(30_000);
      fireEvent.click(screen.getByRole("button", { name: en.resend }));
      await settle();
      // The first code is void after a resend: its request ends, a new one waits.
      expect(requests.map((request) => request.signal.aborted)).toEqual([true, false]);
      await act(async () => requests[1]?.fill(adapter.codeFor(PHONE) ?? ""));
      await settle();
      expect(onVerified).toHaveBeenCalledWith({ phone: PHONE, token: "fake-token-fake-2" });
      expect(requests[1]?.signal.aborted).toBe(true);
    } finally {
      Reflect.deleteProperty(navigator, "credentials");
      vi.unstubAllGlobals();
    }
  });

  it("waits for the Verify button when autoSubmit is off", async () => {
    const { onVerified } = setup({ autoSubmit: false });
    await sendTo();
    await enterCode("123456");
    expect(onVerified).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: en.verify }));
    await settle();
    expect(onVerified).toHaveBeenCalledTimes(1);
  });

  it("counts down the resend and the expiry, then offers the resend", async () => {
    setup();
    await sendTo();
    const resend = screen.getByRole("button", { name: "Resend in 0:30" });
    expect(resend).toHaveAttribute("aria-disabled", "true");
    fireEvent.click(resend);
    expect(adapter.calls).toHaveLength(1);
    expect(shown("Code expires in 5:00")).toBeInTheDocument();
    await advance(6000);
    expect(screen.getByRole("button", { name: "Resend in 0:24" })).toBeInTheDocument();
    expect(shown("Code expires in 4:54")).toBeInTheDocument();
    // The countdown is not announced every second.
    expect(status()).toBe("Code sent to a number ending 5678. You can resend in 30 seconds.");
    await advance(24_000);
    expect(status()).toBe(en.announceResendReady);
    fireEvent.click(screen.getByRole("button", { name: en.resend }));
    await settle();
    expect(adapter.calls.at(-1)).toMatchObject({ method: "resend" });
    expect(codeField()).toHaveFocus();
  });

  it("announces once when a minute is left", async () => {
    setup();
    await sendTo();
    await advance(239_000);
    expect(status()).not.toMatch(/expires/);
    await advance(1000);
    expect(status()).toBe("The code expires in 60 seconds.");
  });

  it("shows the reference code when the provider gives one", async () => {
    adapter = createFakeAdapter({ codes: ["123456"], referenceCode: "IpA6k" });
    setup();
    await sendTo();
    expect(shown("Ref \u2066IpA6k\u2069")).toBeInTheDocument();
  });

  it("clears and refocuses after a wrong code, with the attempts left", async () => {
    setup();
    await sendTo();
    await enterCode("000000");
    expect(codeField()).toHaveValue("");
    expect(codeField()).toHaveFocus();
    expect(codeField()).toHaveAttribute("aria-invalid", "true");
    const message = shown(en.errorWrongCode);
    expect(codeField().getAttribute("aria-describedby")).toContain(message.closest("p")?.id);
    expect(shown("4 attempts left")).toBeInTheDocument();
    expect(status()).toBe(`${en.errorWrongCode} 4 attempts left`);
  });

  it("locks the code after too many wrong codes and offers a resend when allowed", async () => {
    adapter = createFakeAdapter({ codes: ["123456"], maxAttempts: 1, resendSeconds: 30 });
    setup();
    await sendTo();
    await enterCode("000000");
    expect(shown(en.errorTooManyAttempts)).toBeInTheDocument();
    expect(codeField()).toBeDisabled();
    expect(screen.getByRole("button", { name: /Resend in 0:/ })).toHaveFocus();
    await advance(30_000);
    fireEvent.click(screen.getByRole("button", { name: en.resend }));
    await settle();
    expect(adapter.calls.at(-1)).toMatchObject({ method: "resend" });
    expect(codeField()).toBeEnabled();
  });

  it("goes back to the phone, number kept and focused, on Change number", async () => {
    setup();
    await sendTo();
    fireEvent.click(screen.getByRole("button", { name: en.changeNumber }));
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent(en.phoneHeading);
    expect(phoneField()).toHaveFocus();
    expect((phoneField() as HTMLInputElement).value.replace(/\D/g, "")).toMatch(/812345678$/);
  });
});

describe("OtpVerify: every error kind", () => {
  const sendKinds: OtpErrorKind[] = [
    "invalid_phone",
    "blocked_phone",
    "rate_limited",
    "insufficient_quota",
    "auth_failed",
    "config_error",
    "network",
    "provider_error",
  ];
  const verifyKinds = OTP_ERROR_KINDS.filter((kind) => !sendKinds.includes(kind));

  const expected: Record<OtpErrorKind, string | RegExp> = {
    invalid_phone: en.errorInvalidPhone,
    blocked_phone: en.errorBlockedPhone,
    rate_limited: "Too many tries. Wait 0:45, then try again.",
    insufficient_quota: en.errorUnavailable,
    auth_failed: en.errorUnavailable,
    config_error: en.errorUnavailable,
    not_found: en.errorNotFound,
    wrong_code: en.errorWrongCode,
    too_many_attempts: en.errorTooManyAttempts,
    expired: en.errorExpired,
    already_verified: en.errorAlreadyVerified,
    network: en.errorNetworkAfterSend,
    provider_error: en.errorProviderError,
  };

  it.each(sendKinds)("says what happened on send: %s", async (kind) => {
    // provider_error is retried once by the flow: fail both tries.
    adapter.failNext("send", new OtpError({ kind, retryAfterMs: 45_000 }), 2);
    const { onError } = setup();
    await sendTo();
    if (kind === "provider_error") await advance(1000);
    await settle();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind }));
    expect(shown(expected[kind])).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent(en.phoneHeading);
    if (kind === "invalid_phone" || kind === "blocked_phone") {
      expect(phoneField()).toHaveAttribute("aria-invalid", "true");
      expect(phoneField()).toHaveFocus();
    }
    const hasRetry = kind === "network";
    expect(Boolean(screen.queryByRole("button", { name: en.tryAgain }))).toBe(hasRetry);
  });

  it.each(verifyKinds)("says what happened on verify: %s", async (kind) => {
    adapter.failNext("verify", new OtpError({ kind }));
    setup();
    await sendTo();
    await enterCode("123456");
    expect(shown(expected[kind])).toBeInTheDocument();
    const sendNew = screen.queryByRole("button", { name: en.sendNewCode });
    expect(Boolean(sendNew)).toBe(kind === "not_found" || kind === "already_verified");
  });

  it("offers a new code for the same number after not_found", async () => {
    adapter.failNext("verify", new OtpError({ kind: "not_found" }));
    setup();
    await sendTo();
    await enterCode("123456");
    expect(codeField()).toBeDisabled();
    expect(screen.getByRole("button", { name: en.sendNewCode })).toHaveFocus();
    await advance(30_000);
    fireEvent.click(screen.getByRole("button", { name: en.sendNewCode }));
    await settle();
    expect(adapter.calls.at(-1)).toMatchObject({ method: "send", phone: PHONE });
    expect(codeField()).toBeEnabled();
  });

  it("enables the resend at once when the code expired", async () => {
    adapter.failNext("verify", new OtpError({ kind: "expired" }));
    setup();
    await sendTo();
    await enterCode("123456");
    expect(status()).toBe(en.errorExpired);
    expect(screen.getByRole("button", { name: en.resend })).not.toHaveAttribute("aria-disabled");
  });

  it("expires on the clock with no server call, and says so", async () => {
    setup();
    await sendTo();
    await advance(300_000);
    expect(shown(en.errorExpired)).toBeInTheDocument();
    expect(codeField()).toBeDisabled();
    expect(adapter.calls).toHaveLength(1);
  });

  it("counts a rate limit down, then says the user can try again", async () => {
    adapter.failNext("send", new OtpError({ kind: "rate_limited", retryAfterMs: 3000 }));
    setup();
    await sendTo();
    expect(shown("Too many tries. Wait 0:03, then try again.")).toBeInTheDocument();
    expect(status()).toBe("Too many tries. Wait 3 seconds, then try again.");
    const send = screen.getByRole("button", { name: en.sendCode });
    expect(send).toHaveAttribute("aria-disabled", "true");
    await advance(3000);
    expect(shown(en.errorRateLimitedOver)).toBeInTheDocument();
    expect(status()).toBe(en.errorRateLimitedOver);
    expect(send).not.toHaveAttribute("aria-disabled");
  });

  it("tries the same request again after a network failure", async () => {
    adapter.failNext("verify", new OtpError({ kind: "network" }));
    const { onVerified } = setup();
    await sendTo();
    await enterCode("123456");
    expect(shown(en.errorNetwork)).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: en.tryAgain }));
    await settle();
    expect(onVerified).toHaveBeenCalledTimes(1);
  });
});

describe("OtpVerify: starting with a number", () => {
  it("starts at the code step and sends once, even under StrictMode", async () => {
    render(
      <StrictMode>
        <OtpVerify adapter={adapter} phone={PHONE} persist={false} />
      </StrictMode>,
    );
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent(en.codeHeading);
    await settle();
    await settle();
    expect(adapter.calls).toMatchObject([{ method: "send", phone: PHONE }]);
    expect(shown(`Sent by SMS to \u2066${MASKED}\u2069`)).toBeInTheDocument();
  });

  it("moves focus to the code only if the user is not busy elsewhere on the page", async () => {
    render(
      <>
        <input aria-label="Search" />
        <OtpVerify adapter={adapter} phone={PHONE} persist={false} />
      </>,
    );
    screen.getByLabelText("Search").focus();
    await settle();
    await settle();
    expect(shown(`Sent by SMS to \u2066${MASKED}\u2069`)).toBeInTheDocument();
    expect(screen.getByLabelText("Search")).toHaveFocus();
  });

  it("moves focus to the code when the page had none", async () => {
    render(<OtpVerify adapter={adapter} phone={PHONE} persist={false} />);
    await settle();
    await settle();
    expect(codeField()).toHaveFocus();
  });

  it("resumes that number's live code instead of sending again", async () => {
    const first = render(<OtpVerify adapter={adapter} phone={PHONE} />);
    await settle();
    first.unmount();
    render(<OtpVerify adapter={adapter} phone={PHONE} />);
    await settle();
    expect(adapter.calls.filter((call) => call.method === "send")).toHaveLength(1);
    expect(shown(`Sent by SMS to \u2066${MASKED}\u2069`)).toBeInTheDocument();
  });
});

describe("OtpVerify: language and parts", () => {
  it("loads the locale's catalogue on demand and speaks it, the fields too", async () => {
    setup({ locale: "th-TH" });
    // English until the Thai module arrives (the component asked for it itself), then Thai.
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent(en.phoneHeading);
    await act(() => loadLocale("th"));
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("กรอกเบอร์โทรศัพท์");
    fireEvent.change(screen.getByLabelText("เบอร์โทรศัพท์"), { target: { value: PHONE } });
    fireEvent.click(screen.getByRole("button", { name: "ส่งรหัส" }));
    await settle();
    expect(screen.getByRole("button", { name: "ส่งอีกครั้งได้ใน 0:30" })).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "กรอกรหัส" })).toHaveAccessibleDescription(
      "รหัสตัวเลข 6 หลัก",
    );
  });

  it("falls back to English for a language without a catalogue", async () => {
    setup({ locale: "fr-FR" });
    await settle();
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent(en.phoneHeading);
    expect(screen.getByRole("button", { name: en.sendCode })).toBeInTheDocument();
  });

  it("takes overrides of any string, its own and the code field's", async () => {
    setup({ messages: { sendCode: "Text me a code", codeInput: { label: "One-time code" } } });
    expect(screen.getByRole("button", { name: "Text me a code" })).toBeInTheDocument();
    fireEvent.change(phoneField(), { target: { value: PHONE } });
    fireEvent.click(screen.getByRole("button", { name: "Text me a code" }));
    await settle();
    expect(shown(`Sent by SMS to \u2066${MASKED}\u2069`)).toBeInTheDocument();
  });

  it("renders a replaced part with the flow's props", async () => {
    setup({ components: { Success: Done } });
    await sendTo();
    await enterCode("123456");
    expect(
      screen.getByRole("heading", { name: `Welcome, ${PHONE} (fake-token-fake-1)` }),
    ).toHaveFocus();
  });

  it("builds a replaced code step from the exported pieces, on OtpVerify's clock", async () => {
    let now = Date.UTC(2026, 10, 22, 9, 0, 0);
    // A clock of its own, not the timers': the countdowns must read OtpVerify's `now`.
    setup({ components: { CodeStep: MyCodeStep }, now: () => now });
    await sendTo();
    expect(shown(`Sent by SMS to \u2066${MASKED}\u2069`)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Resend in 0:30" })).toBeInTheDocument();
    now += 10_000;
    await advance(1000);
    expect(screen.getByRole("button", { name: "Resend in 0:20" })).toBeInTheDocument();
    expect(shown("Code expires in 4:50")).toBeInTheDocument();
  });

  it("puts state on data attributes and passes className and attributes to the root", async () => {
    const { container } = setup({ className: "checkout", id: "verify" });
    const root = container.firstElementChild as HTMLElement;
    expect(root).toHaveClass("otpkit-verify", "checkout");
    expect(root).toHaveAttribute("id", "verify");
    expect(root).toHaveAttribute("data-step", "phone");
    await sendTo();
    expect(root).toHaveAttribute("data-step", "code");
    await enterCode("000000");
    expect(root).toHaveAttribute("data-state", "error");
  });
});

/** The default code step, counting its renders. */
let formRenders = 0;
function CountedCodeStep(props: OtpVerifyCodeStepProps) {
  formRenders += 1;
  return <OtpVerifyCodeStep {...props} />;
}

describe("OtpVerify: renders", () => {
  it("re-renders only its countdowns as seconds pass, the form when resend opens", async () => {
    let commits = 0;
    render(
      <Profiler id="verify" onRender={() => (commits += 1)}>
        <OtpVerify
          adapter={adapter}
          phone={PHONE}
          persist={false}
          components={{ CodeStep: CountedCodeStep }}
        />
      </Profiler>,
    );
    await settle();
    const resend = screen.getByRole("button", { name: "Resend in 0:30" });
    expect(shown("Code expires in 5:00")).toBeInTheDocument();
    const liveRegion = status();

    commits = 0;
    formRenders = 0;
    await advance(10_000);
    // One commit a second, in which the form did not render: only the two countdowns did.
    expect(commits).toBe(10);
    expect(formRenders).toBe(0);
    expect(resend).toHaveAccessibleName("Resend in 0:20");
    expect(shown("Code expires in 4:50")).toBeInTheDocument();
    expect(status()).toBe(liveRegion);

    // Resend opening is a moment that matters: the form renders once and says so.
    await advance(20_000);
    expect(formRenders).toBe(1);
    expect(resend).toHaveAccessibleName(en.resend);
    expect(resend).not.toHaveAttribute("aria-disabled");
    expect(status()).toBe(en.announceResendReady);
  });
});

/**
 * OtpVerify whose own renders are counted: it reads its props once per render, and React
 * (19) hands a component the props object given to `jsx` when it holds no key, so a getter
 * on one prop counts the renders of OtpVerify itself, not of what it contains. Each test
 * checks the count also moves when OtpVerify must render (a keystroke, a step change).
 */
function countedVerify(props: Partial<OtpVerifyProps>) {
  const counter = { renders: 0, commits: 0 };
  const verifyProps = { adapter, persist: false, ...props };
  Object.defineProperty(verifyProps, "headingLevel", {
    enumerable: true,
    get() {
      counter.renders += 1;
      return 2;
    },
  });
  render(
    <Profiler id="verify" onRender={() => (counter.commits += 1)}>
      {jsx(OtpVerify, verifyProps as OtpVerifyProps)}
    </Profiler>,
  );
  return counter;
}

let phoneStepRenders = 0;
function CountedPhoneStep(props: OtpVerifyPhoneStepProps) {
  phoneStepRenders += 1;
  return <OtpVerifyPhoneStep {...props} />;
}

describe("OtpVerify: renders of the component itself", () => {
  it("does not render for 10 s of countdown: only the countdowns commit", async () => {
    const counter = countedVerify({ components: { CodeStep: CountedCodeStep } });
    await sendTo();
    expect(counter.renders).toBeGreaterThan(0);
    counter.renders = 0;
    counter.commits = 0;
    formRenders = 0;
    await advance(10_000);
    expect(counter.renders).toBe(0);
    expect(formRenders).toBe(0);
    expect(counter.commits).toBe(10);
    expect(screen.getByRole("button", { name: "Resend in 0:20" })).toBeInTheDocument();
    expect(shown("Code expires in 4:50")).toBeInTheDocument();

    // A keystroke is the flow changing: OtpVerify renders for it.
    fireEvent.change(codeField(), { target: { value: "1" } });
    expect(counter.renders).toBeGreaterThan(0);
  });

  it("announces a minute left at that moment, without rendering the form", async () => {
    const counter = countedVerify({ components: { CodeStep: CountedCodeStep } });
    await sendTo();
    await advance(239_000);
    expect(status()).not.toMatch(/expires/);
    counter.renders = 0;
    formRenders = 0;
    await advance(1000);
    expect(status()).toBe("The code expires in 60 seconds.");
    expect(counter.renders).toBe(0);
    expect(formRenders).toBe(0);
    // Said once, not again as the seconds go on; expiry itself renders and is said.
    await advance(59_000);
    expect(status()).toBe("The code expires in 60 seconds.");
    expect(counter.renders).toBe(0);
    await advance(1000);
    expect(counter.renders).toBeGreaterThan(0);
    expect(status()).toBe(en.errorExpired);
  });

  it("announces a minute left of a resent code, a minute before its own expiry", async () => {
    setup();
    await sendTo();
    await advance(30_000);
    fireEvent.click(screen.getByRole("button", { name: en.resend }));
    await settle();
    // The first code's minute (4:00 after the send) is not the new one's.
    await advance(239_000);
    expect(status()).not.toMatch(/expires/);
    await advance(1000);
    expect(status()).toBe("The code expires in 60 seconds.");
  });

  it("counts a rate limit down on the phone step re-rendering only the sentence", async () => {
    phoneStepRenders = 0;
    adapter.failNext("send", new OtpError({ kind: "rate_limited", retryAfterMs: 45_000 }));
    const counter = countedVerify({ components: { PhoneStep: CountedPhoneStep } });
    await sendTo();
    expect(shown("Too many tries. Wait 0:45, then try again.")).toBeInTheDocument();
    expect(status()).toBe("Too many tries. Wait 45 seconds, then try again.");
    counter.renders = 0;
    counter.commits = 0;
    phoneStepRenders = 0;
    await advance(10_000);
    expect(shown("Too many tries. Wait 0:35, then try again.")).toBeInTheDocument();
    expect(counter.commits).toBe(10);
    expect(counter.renders).toBe(0);
    expect(phoneStepRenders).toBe(0);
    // The wait ending is a moment: the form renders and says so.
    await advance(35_000);
    expect(counter.renders).toBeGreaterThan(0);
    expect(shown(en.errorRateLimitedOver)).toBeInTheDocument();
    expect(status()).toBe(en.errorRateLimitedOver);
  });

  it("counts a rate limit of verifies down on the code step, the field linked to it", async () => {
    adapter.failNext("verify", new OtpError({ kind: "rate_limited", retryAfterMs: 20_000 }));
    setup();
    await sendTo();
    await enterCode("123456");
    const sentence = shown("Too many tries. Wait 0:20, then try again.");
    expect(codeField().getAttribute("aria-describedby")).toContain(sentence.closest("p")?.id);
    await advance(5000);
    expect(shown("Too many tries. Wait 0:15, then try again.")).toBeInTheDocument();
    await advance(15_000);
    expect(shown(en.errorRateLimitedOver)).toBeInTheDocument();
  });
});
