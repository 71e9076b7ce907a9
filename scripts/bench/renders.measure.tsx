/**
 * Render counts for `pnpm bench`: React commits (Profiler `onRender`) and the components
 * rendered in them (./react-commits.ts), per keystroke and per countdown second, for ours and
 * for the peers, each used the way its README shows (a parent holding the value). jsdom, React's
 * development build, fake timers: the counts are deterministic. Each keystroke is followed by
 * 100 ms of timers, so work a field defers (input-otp re-reads the selection after 0, 10 and
 * 50 ms) is counted against the keystroke that caused it.
 *
 * Run by scripts/bench.mjs (vitest, scripts/bench/vitest.renders.config.ts); writes JSON to
 * $OTPKIT_RENDERS_OUT. The expectations only check that the harness really typed and ticked.
 */
import { writeFileSync } from "node:fs";
import type { OtpAdapter } from "@otpkit/core";
import { createFakeAdapter } from "@otpkit/core/testing";
import { preloadPhoneMetadata, useOtpFlow } from "@otpkit/react";
import { CodeInput, OtpVerify, otpVerifyMessages, PhoneInput } from "@otpkit/ui";
import { configure } from "@testing-library/dom";
import { act, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { OTPInput, type SlotProps } from "input-otp";
import { Profiler, type ReactNode, useState } from "react";
import { PhoneInput as InternationalPhoneInput } from "react-international-phone";
import OtpInput from "react-otp-input";
import PhoneNumberInput from "react-phone-number-input";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { onCommit } from "./react-commits.ts";

interface RenderCounts {
  /** React commits (Profiler onRender calls) per event. */
  commits: number;
  /** Components rendered per event, and which (average times per event). */
  components: number;
  which: Record<string, number>;
}
interface RenderResult {
  subject: string;
  perKeystroke?: RenderCounts;
  perCountdownSecond?: RenderCounts;
}

// Testing Library's async wrapper waits on a real setTimeout(0), which fake timers never run;
// each event is still wrapped in act (its eventWrapper), and we flush timers ourselves.
configure({ asyncWrapper: (callback) => callback() });

const results: Record<string, RenderResult> = {};
const en = otpVerifyMessages.en;
const PHONE = "+66812345678";
const FLUSH_MS = 100;

let commits = 0;
let rendered: string[] = [];
let stopListening = () => {};

// The Thai numbering plan is loaded on demand; load it first so a send is not held for it.
beforeAll(() => preloadPhoneMetadata(["TH"]));
beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 10, 22, 9, 0, 0) });
  stopListening = onCommit((names) => rendered.push(...names));
});
afterEach(() => {
  stopListening();
  vi.useRealTimers();
});
afterAll(() => {
  const out = process.env.OTPKIT_RENDERS_OUT;
  if (out) writeFileSync(out, JSON.stringify(results, null, 2));
});

function Measured({ children }: { children: ReactNode }) {
  return (
    <Profiler id="bench" onRender={() => (commits += 1)}>
      {children}
    </Profiler>
  );
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Counts from the next `events` events: call before them, read after. */
function counting(events: number) {
  commits = 0;
  rendered = [];
  return (): RenderCounts => {
    const which: Record<string, number> = {};
    for (const name of rendered) which[name] = (which[name] ?? 0) + 1;
    for (const name of Object.keys(which)) which[name] = round((which[name] ?? 0) / events);
    return {
      commits: round(commits / events),
      components: round(rendered.length / events),
      which,
    };
  };
}

const settle = () => act(async () => {});

async function typeEach(keys: string): Promise<RenderCounts> {
  const user = userEvent.setup({ delay: null });
  const read = counting(keys.length);
  for (const key of keys) {
    await user.keyboard(key);
    await act(async () => {
      vi.advanceTimersByTime(FLUSH_MS);
    });
  }
  return read();
}

async function tickSeconds(seconds: number): Promise<RenderCounts> {
  const read = counting(seconds);
  for (let second = 0; second < seconds; second++) {
    await act(async () => {
      vi.advanceTimersByTime(1000);
    });
  }
  return read();
}

/** The smallest form on useOtpFlow: a send button, the resend countdown, the code. */
function Flow({ adapter }: { adapter: OtpAdapter }) {
  const flow = useOtpFlow({ adapter, persist: false });
  return (
    <form>
      <button type="button" onClick={() => flow.send(PHONE)}>
        Send
      </button>
      <p data-testid="resend">{flow.secondsUntilResend}</p>
      <input aria-label="Code" value={flow.code} onChange={(e) => flow.setCode(e.target.value)} />
    </form>
  );
}

interface Controlled {
  value: string;
  onChange: (value: string) => void;
}

/** The value the field last handed its parent. */
const held = { value: "" };

/** A parent that holds the field's value, the way each field's README shows it. */
function Host({ field }: { field: (props: Controlled) => ReactNode }) {
  const [value, setValue] = useState("");
  held.value = value;
  return field({ value, onChange: setValue });
}

const adapter = () => createFakeAdapter({ codes: ["999999"], resendSeconds: 30 });

describe("renders", () => {
  it("useOtpFlow in a minimal form", async () => {
    render(
      <Measured>
        <Flow adapter={adapter()} />
      </Measured>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    await settle();
    expect(screen.getByTestId("resend").textContent).toBe("30");
    const perCountdownSecond = await tickSeconds(10);
    expect(screen.getByTestId("resend").textContent).toBe("20");
    screen.getByLabelText("Code").focus();
    const perKeystroke = await typeEach("12345");
    expect(screen.getByLabelText<HTMLInputElement>("Code").value).toBe("12345");
    results.useOtpFlow = {
      subject: "useOtpFlow (a minimal form)",
      perKeystroke,
      perCountdownSecond,
    };
  });

  it("OtpVerify, code step", async () => {
    render(
      <Measured>
        <OtpVerify adapter={adapter()} persist={false} defaultCountry="TH" />
      </Measured>,
    );
    fireEvent.change(screen.getByLabelText(en.phoneLabel), { target: { value: PHONE } });
    fireEvent.click(screen.getByRole("button", { name: en.sendCode }));
    await settle();
    const codeField = screen.getByRole<HTMLInputElement>("textbox", { name: en.codeHeading });
    const perCountdownSecond = await tickSeconds(10);
    expect(screen.getAllByText(/0:20/).length).toBeGreaterThan(0);
    codeField.focus();
    await settle();
    const perKeystroke = await typeEach("12345");
    expect(codeField.value).toBe("12345");
    results.OtpVerify = { subject: "OtpVerify, code step", perKeystroke, perCountdownSecond };
  });

  it("OtpVerify, phone step", async () => {
    render(
      <Measured>
        <OtpVerify adapter={adapter()} persist={false} defaultCountry="TH" />
      </Measured>,
    );
    const phoneField = screen.getByLabelText<HTMLInputElement>(en.phoneLabel);
    phoneField.focus();
    await settle();
    const perKeystroke = await typeEach("812345678");
    expect(phoneField.value.replace(/\D/g, "")).toContain("812345678");
    results.OtpVerifyPhone = { subject: "OtpVerify, phone step", perKeystroke };
  });
});

/** Types five digits into a code field held by Host. */
async function codeField(subject: string, key: string, field: (props: Controlled) => ReactNode) {
  held.value = "";
  const { container } = render(
    <Measured>
      <Host field={field} />
    </Measured>,
  );
  const input = container.querySelector("input");
  if (!input) throw new Error(`${subject}: no input`);
  await userEvent.setup({ delay: null }).click(input);
  await act(async () => {
    vi.advanceTimersByTime(FLUSH_MS);
  });
  const perKeystroke = await typeEach("12345");
  expect(held.value).toBe("12345");
  results[key] = { subject, perKeystroke };
}

function InputOtpSlot({ char, isActive }: SlotProps) {
  return <div data-active={isActive || undefined}>{char}</div>;
}

describe("renders per keystroke: code fields", () => {
  it("CodeInput", () =>
    codeField("CodeInput", "CodeInput", ({ value, onChange }) => (
      <CodeInput value={value} onChange={onChange} webOtp={false} />
    )));

  it("input-otp", () =>
    codeField("input-otp", "input-otp", ({ value, onChange }) => (
      <OTPInput
        maxLength={6}
        value={value}
        onChange={onChange}
        // jsdom has no layout to probe for password-manager badges; "none" skips the probe
        // (and the renders it costs in a browser).
        pushPasswordManagerStrategy="none"
        render={({ slots }) => (
          <div>
            {slots.map((slot, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: slots are positions
              <InputOtpSlot key={i} {...slot} />
            ))}
          </div>
        )}
      />
    )));

  it("react-otp-input", () =>
    codeField("react-otp-input", "react-otp-input", ({ value, onChange }) => (
      <OtpInput
        value={value}
        onChange={onChange}
        numInputs={6}
        renderInput={(props) => <input {...props} />}
      />
    )));
});

/** Types a Thai mobile number's national digits into a phone field held by Host. */
async function phoneField(subject: string, key: string, field: (props: Controlled) => ReactNode) {
  held.value = "";
  const { container } = render(
    <Measured>
      <Host field={field} />
    </Measured>,
  );
  const input = container.querySelector<HTMLInputElement>("input[type=tel], input:not([type])");
  if (!input) throw new Error(`${subject}: no input`);
  await userEvent.setup({ delay: null }).click(input);
  await act(async () => {
    vi.advanceTimersByTime(FLUSH_MS);
  });
  const perKeystroke = await typeEach("812345678");
  expect(held.value.replace(/\D/g, "")).toBe("66812345678");
  results[key] = { subject, perKeystroke };
}

describe("renders per keystroke: phone fields", () => {
  it("PhoneInput", () =>
    phoneField("PhoneInput", "PhoneInput", ({ value, onChange }) => (
      <PhoneInput
        defaultCountry="TH"
        value={value || null}
        onChange={(e164) => onChange(e164 ?? "")}
      />
    )));

  it("react-phone-number-input", () =>
    phoneField("react-phone-number-input", "react-phone-number-input", ({ value, onChange }) => (
      <PhoneNumberInput
        defaultCountry="TH"
        value={value || undefined}
        onChange={(e164) => onChange(e164 ?? "")}
      />
    )));

  it("react-international-phone", () =>
    phoneField("react-international-phone", "react-international-phone", ({ value, onChange }) => (
      <InternationalPhoneInput defaultCountry="th" value={value} onChange={onChange} />
    )));
});
