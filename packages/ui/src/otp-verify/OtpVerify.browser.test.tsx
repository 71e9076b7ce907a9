import { createHttpAdapter } from "@otpkit/core";
import { codeFromText, inbox, otpServerMock, SCENARIO_PHONES } from "@otpkit/mocks";
import { setupWorker } from "msw/browser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { page, userEvent } from "vitest/browser";
import { render } from "vitest-browser-react";
import { expectNoAxeViolations } from "../test/axe";
import { otpVerifyMessages } from "./messages";
import { OtpVerify, type OtpVerifyProps } from "./OtpVerify";

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

async function show(props: Partial<OtpVerifyProps> = {}) {
  const verified: { phone: string; token: string | undefined }[] = [];
  const screen = await render(
    <main>
      <OtpVerify adapter={adapter} onVerified={(result) => verified.push(result)} {...props} />
    </main>,
  );
  return { screen, verified };
}

/** The code the simulated phone received. */
async function codeOnPhone(phone = PHONE): Promise<string> {
  await expect.poll(() => inbox.latest(phone)).toBeDefined();
  return codeFromText(inbox.latest(phone) ?? "") ?? "";
}

describe("OtpVerify in a real browser, against the mocked server", () => {
  it("goes from number to verified by keyboard alone, with axe clean at each step", async () => {
    const { screen, verified } = await show();
    await expectNoAxeViolations(screen.container);

    await userEvent.tab(); // the country button
    await userEvent.tab(); // the number
    await expect.element(page.getByLabelText(en.phoneLabel, { exact: true })).toHaveFocus();
    await userEvent.keyboard("+66812345678{Enter}");

    const code = page.getByRole("textbox", { name: en.codeHeading });
    await expect.element(code).toHaveFocus();
    await expect.element(page.getByText(/^Sent by SMS to/)).toBeVisible();
    await expect.element(page.getByText(/^Ref /)).toBeVisible();
    await expect.element(page.getByText(/^Code expires in \d:\d\d$/)).toBeVisible();
    await expect.element(page.getByRole("button", { name: /^Resend in 0:\d\d$/ })).toBeVisible();
    await expectNoAxeViolations(screen.container);

    await userEvent.keyboard(await codeOnPhone());
    await expect.element(page.getByRole("heading", { name: en.verifiedHeading })).toHaveFocus();
    expect(verified).toEqual([{ phone: PHONE, token: expect.stringMatching(/^mock\./) }]);
    await expectNoAxeViolations(screen.container);
  });
});
