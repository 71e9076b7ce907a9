import { createHttpAdapter, type OtpErrorKind } from "@otpkit/core";
import { codeFromText, inbox, otpServerMock, SCENARIO_PHONES } from "@otpkit/mocks";
import { setupWorker } from "msw/browser";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { page, userEvent } from "vitest/browser";
import { render } from "vitest-browser-react";
import { phoneInputMessages } from "../phone-input";
import { expectNoAxeViolations } from "../test/axe";
import { otpVerifyMessages } from "./messages";
import { OtpVerify, type OtpVerifyProps } from "./OtpVerify";

/**
 * The whole flow in Chromium, against otpServerMock played by MSW's service worker: the
 * network is the only thing mocked. Numbers in SCENARIO_PHONES answer with one error kind.
 */
const PHONE = "+66812345678";
const en = otpVerifyMessages.en;
const server = otpServerMock({ baseUrl: "/api/otp", referenceCodes: true });
const worker = setupWorker(...server.handlers);
const adapter = createHttpAdapter({ baseUrl: "/api/otp" });

beforeAll(async () => {
  await worker.start({ onUnhandledRequest: "bypass", quiet: true });
});
afterAll(() => {
  worker.stop();
});
beforeEach(() => {
  server.reset();
  inbox.clear();
  sessionStorage.clear();
});
afterEach(async () => {
  await page.viewport(414, 896);
});

async function show(props: Partial<OtpVerifyProps> = {}, wrapper: Record<string, string> = {}) {
  const verified: { phone: string; token: string | undefined }[] = [];
  const screen = await render(
    <main {...wrapper}>
      <OtpVerify adapter={adapter} onVerified={(result) => verified.push(result)} {...props} />
    </main>,
  );
  const root = screen.container.querySelector(".otpkit-verify") as HTMLElement;
  return { screen, root, verified };
}

const phoneField = () => page.getByLabelText(en.phoneLabel, { exact: true });
const codeField = () => page.getByRole("textbox", { name: en.codeHeading });
/** A message as shown in the step (the live region, outside it, holds a copy). */
const shown = (text: string | RegExp) =>
  page.getByRole("form").getByText(text, { exact: typeof text === "string" });

/** The code the simulated phone received. */
async function codeOnPhone(phone = PHONE): Promise<string> {
  await expect.poll(() => inbox.latest(phone)).toBeDefined();
  return codeFromText(inbox.latest(phone) ?? "") ?? "";
}

async function sendTo(phone: string) {
  await phoneField().fill(phone);
  await page.getByRole("button", { name: en.sendCode }).click();
}

async function atCodeStep(phone = PHONE) {
  await sendTo(phone);
  await expect.element(codeField()).toHaveFocus();
}

describe("OtpVerify in a real browser, against the mocked server", () => {
  it("goes from number to verified by keyboard alone, axe clean at each step", async () => {
    const { root, verified } = await show();
    await expectNoAxeViolations(root);

    await userEvent.tab(); // the country button
    await userEvent.tab(); // the number
    await expect.element(phoneField()).toHaveFocus();
    await userEvent.keyboard("+66812345678{Enter}");

    await expect.element(codeField()).toHaveFocus();
    await expect
      .element(page.getByText(/^Sent by SMS to \u2066\+66 ••• ••• 678\u2069$/))
      .toBeVisible();
    await expect.element(page.getByText(/^Ref /)).toBeVisible();
    await expect.element(page.getByText(/^Code expires in [45]:\d\d$/)).toBeVisible();
    await expect.element(page.getByRole("button", { name: /^Resend in 0:\d\d$/ })).toBeVisible();
    await expect
      .element(page.getByRole("status"))
      .toHaveTextContent(/Code sent to a number ending 5678\. You can resend in 30 seconds\./);
    await expectNoAxeViolations(root);

    // Out to "Change number" and back in with the keyboard, then type the code.
    await userEvent.tab({ shift: true });
    await expect.element(page.getByRole("button", { name: en.changeNumber })).toHaveFocus();
    await userEvent.tab();
    await expect.element(codeField()).toHaveFocus();
    await userEvent.keyboard(await codeOnPhone());

    await expect.element(page.getByRole("heading", { name: en.verifiedHeading })).toHaveFocus();
    expect(verified).toEqual([
      { phone: PHONE, token: expect.stringMatching(/^eyJ[\w-]+\.eyJ[\w-]+\.$/) },
    ]);
    await expect.element(page.getByRole("status")).toHaveTextContent(en.announceVerified);
    await expectNoAxeViolations(root);
  });

  it("changes the number by keyboard: focus returns to the number, kept as typed", async () => {
    await show();
    await atCodeStep();
    await userEvent.tab({ shift: true });
    await userEvent.keyboard("{Enter}");
    await expect.element(phoneField()).toHaveFocus();
    await expect.element(phoneField()).toHaveValue(expect.stringMatching(/81\D?234\D?5678$/));
  });

  it("clears and refocuses a wrong code, says attempts left, then verifies", async () => {
    const { root, verified } = await show();
    await atCodeStep();
    const right = await codeOnPhone();
    const wrong = right === "000000" ? "111111" : "000000";
    await userEvent.keyboard(wrong);
    await expect.element(shown(en.errorWrongCode)).toBeVisible();
    await expect.element(shown("4 attempts left")).toBeVisible();
    await expect.element(codeField()).toHaveValue("");
    await expect.element(codeField()).toHaveFocus();
    await expect.element(codeField()).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(root);
    await userEvent.keyboard(right);
    await expect.element(page.getByRole("heading", { name: en.verifiedHeading })).toBeVisible();
    expect(verified).toHaveLength(1);
  });

  it("shows progress in the button without changing its size", async () => {
    server.knobs.latencyMs = 400;
    await show();
    await phoneField().fill(PHONE);
    const button = page.getByRole("button", { name: en.sendCode });
    const before = button.element().getBoundingClientRect();
    await button.click();
    await expect.element(button).toHaveAttribute("data-busy");
    const during = button.element().getBoundingClientRect();
    expect([during.width, during.height]).toEqual([before.width, before.height]);
    await expect.element(codeField()).toHaveFocus();
  });

  it("starts at the code step for a given number and sends to it", async () => {
    const { root } = await show({ phone: PHONE });
    await expect.element(page.getByRole("heading", { name: en.codeHeading })).toBeVisible();
    await expect.element(page.getByText(/^Sent by SMS to \u2066\+66 •/)).toBeVisible();
    expect(inbox.messages(PHONE)).toHaveLength(1);
    await expectNoAxeViolations(root);
  });
});

describe("every error kind, with its message, axe clean", () => {
  const onSend: [OtpErrorKind, string | RegExp][] = [
    ["invalid_phone", en.errorInvalidPhone],
    ["blocked_phone", en.errorBlockedPhone],
    ["rate_limited", /^Too many tries\. Wait (1:00|0:59), then try again\.$/],
    ["insufficient_quota", en.errorUnavailable],
    ["auth_failed", en.errorUnavailable],
    ["config_error", en.errorUnavailable],
    ["network", en.errorNetworkAfterSend],
    ["provider_error", en.errorProviderError],
  ];
  const onVerify: [OtpErrorKind, string][] = [
    ["not_found", en.errorNotFound],
    ["wrong_code", en.errorWrongCode],
    ["too_many_attempts", en.errorTooManyAttempts],
    ["expired", en.errorExpired],
    ["already_verified", en.errorAlreadyVerified],
  ];

  it.each(onSend)("on send, %s", async (kind, message) => {
    const { root } = await show();
    await sendTo(SCENARIO_PHONES[kind]);
    await expect.element(shown(message), { timeout: 3000 }).toBeVisible();
    await expect.element(page.getByRole("heading", { name: en.phoneHeading })).toBeVisible();
    if (kind === "invalid_phone" || kind === "blocked_phone") {
      await expect.element(phoneField()).toHaveAttribute("aria-invalid", "true");
      await expect.element(phoneField()).toHaveFocus();
    }
    if (kind === "network")
      await expect.element(page.getByRole("button", { name: en.tryAgain })).toBeVisible();
    await expectNoAxeViolations(root);
  });

  it.each(onVerify)("on verify, %s", async (kind, message) => {
    const { root } = await show();
    await atCodeStep(SCENARIO_PHONES[kind]);
    await userEvent.keyboard(await codeOnPhone(SCENARIO_PHONES[kind]));
    await expect.element(shown(message)).toBeVisible();
    if (kind !== "wrong_code") await expect.element(codeField()).toBeDisabled();
    if (kind === "not_found" || kind === "already_verified") {
      await expect.element(page.getByRole("button", { name: en.sendNewCode })).toHaveFocus();
    }
    if (kind === "expired") {
      // The server may still hold the number's cooldown: the resend button leads, counting down.
      await expect.element(page.getByRole("button", { name: /^Resend/ })).toHaveFocus();
    }
    await expectNoAxeViolations(root);
  });

  it("after a network failure on verify, Try again verifies", async () => {
    const { verified } = await show({
      adapter: createHttpAdapter({ baseUrl: "/api/otp", timeoutMs: 300 }),
    });
    await atCodeStep();
    server.knobs.inject("timeout");
    await userEvent.keyboard(await codeOnPhone());
    await expect.element(shown(en.errorNetwork)).toBeVisible();
    await page.getByRole("button", { name: en.tryAgain }).click();
    await expect.element(page.getByRole("heading", { name: en.verifiedHeading })).toHaveFocus();
    expect(verified).toHaveLength(1);
  });
});

describe("look and language", () => {
  it("passes axe in the dark theme, at each step", async () => {
    const { root } = await show({}, { "data-theme": "dark" });
    expect(getComputedStyle(root).backgroundColor).toBe("rgb(20, 22, 27)");
    await expectNoAxeViolations(root);
    await atCodeStep();
    await expectNoAxeViolations(root);
    await userEvent.keyboard("000000");
    await expect.element(shown(en.errorWrongCode)).toBeVisible();
    await expectNoAxeViolations(root);
  });

  it("works right to left with the English messages; the number and code stay left to right", async () => {
    const { root } = await show({ locale: "ar" }, { dir: "rtl" });
    await expect.element(page.getByRole("heading", { name: en.phoneHeading })).toBeVisible();
    expect(getComputedStyle(root).direction).toBe("rtl");
    expect(getComputedStyle(phoneField().element()).direction).toBe("ltr");
    await expectNoAxeViolations(root);
    await atCodeStep();
    expect(getComputedStyle(codeField().element()).direction).toBe("ltr");
    // Right to left: the quiet link follows the sentence, so it sits to its left.
    const sentence = page
      .getByText(/^Sent by SMS to \u2066\+66 •/)
      .element()
      .getBoundingClientRect();
    const link = page.getByRole("button", { name: en.changeNumber }).element();
    expect(link.getBoundingClientRect().right).toBeLessThanOrEqual(sentence.left);
    await expectNoAxeViolations(root);
  });

  it("loads Thai on demand and speaks it with Thai Intl formats, axe clean", async () => {
    const { root } = await show({ locale: "th-TH" });
    await expect.element(page.getByRole("heading", { name: "กรอกเบอร์โทรศัพท์" })).toBeVisible();
    await page.getByLabelText("เบอร์โทรศัพท์", { exact: true }).fill(PHONE);
    await page.getByRole("button", { name: "ส่งรหัส" }).click();
    await expect.element(page.getByRole("button", { name: /^ส่งอีกครั้งได้ใน 0:\d\d$/ })).toBeVisible();
    await expectNoAxeViolations(root);
  });

  it("reflows at 320 px with 44 px targets", async () => {
    await page.viewport(320, 640);
    const { root } = await show({ channels: ["sms", "whatsapp"] });
    expect(root.scrollWidth).toBeLessThanOrEqual(320);
    await atCodeStep();
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320);
    for (const button of root.querySelectorAll("button")) {
      const { height } = button.getBoundingClientRect();
      expect(height, button.textContent ?? "").toBeGreaterThanOrEqual(44);
    }
  });

  it("warns about a landline before sending, in the phone field", async () => {
    await show();
    await phoneField().fill("+6621234567");
    await userEvent.keyboard("{Enter}");
    await expect.element(shown(phoneInputMessages.en.notMobile)).toBeVisible();
    await expect.element(phoneField()).toHaveFocus();
    expect(inbox.messages()).toHaveLength(0);
    await userEvent.keyboard("{Enter}");
    await expect.element(codeField()).toHaveFocus();
    expect(inbox.messages("+6621234567")).toHaveLength(1);
  });
});
