/**
 * WCAG 1.4.10 Reflow in real Chromium: the code field and OtpVerify fit a 320 CSS px screen
 * with every code length a provider may send (EngageLab allows 4–10), and at 200% zoom,
 * without scrolling sideways; every slot, with its digit, stays on screen; axe stays clean.
 *
 * 200% zoom is emulated as a 640 px viewport (what a 1280 px window shows at 200% page zoom,
 * in CSS px) with the root font size at 200% on top (the browser's text-size setting), so
 * everything sized in rem is twice as large while the px tokens are not: harder on the slots
 * than page zoom alone. Not CSS `zoom: 2` on the root: Chromium reports an element's box and
 * the document's scroll width in zoomed or unzoomed px depending on the property and the
 * version, which would make "fits the viewport" ambiguous.
 */
import { createFakeAdapter } from "@otpkit/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { page, userEvent } from "vitest/browser";
import { render } from "vitest-browser-react";
import { CodeInput } from "./code-input";
import { otpVerifyMessages } from "./otp-verify/messages";
import { OtpVerify } from "./otp-verify/OtpVerify";
import { expectNoAxeViolations, loadPackageStyles } from "./test/axe";

loadPackageStyles();

const PHONE = "+66812345678";
const en = otpVerifyMessages.en;

afterEach(async () => {
  document.documentElement.style.fontSize = "";
  await page.viewport(414, 896);
});

async function at(width: number, rootFontSize?: string) {
  await page.viewport(width, 800);
  if (rootFontSize) document.documentElement.style.fontSize = rootFontSize;
  await expect.poll(() => window.innerWidth).toBe(width);
}

const slotsIn = (root: ParentNode) =>
  Array.from(root.querySelectorAll<HTMLElement>(".otpkit-code__slot"));

/** Nothing scrolls sideways, and each slot (with its character inside it) is on screen. */
function expectReflowed(slots: HTMLElement[], length: number) {
  const viewport = window.innerWidth;
  expect(document.documentElement.scrollWidth, "page width").toBeLessThanOrEqual(viewport);
  expect(slots).toHaveLength(length);
  slots.forEach((slot, i) => {
    const box = slot.getBoundingClientRect();
    expect(box.left, `slot ${i + 1} left`).toBeGreaterThanOrEqual(0);
    expect(box.right, `slot ${i + 1} right`).toBeLessThanOrEqual(viewport);
    expect(box.height, `slot ${i + 1} height`).toBeGreaterThanOrEqual(44);
    const text = slot.firstChild;
    if (text?.nodeType !== Node.TEXT_NODE) return;
    const range = document.createRange();
    range.selectNodeContents(text);
    const glyph = range.getBoundingClientRect();
    expect(glyph.left, `digit ${i + 1} inside its slot`).toBeGreaterThanOrEqual(box.left);
    expect(glyph.right, `digit ${i + 1} inside its slot`).toBeLessThanOrEqual(box.right);
  });
}

/** Digits in every slot but the last, so OtpVerify does not verify. */
const digits = (length: number) => "8".repeat(length);

async function showCodeInput(length: number, value = digits(length)) {
  const screen = await render(
    <main>
      <CodeInput length={length} defaultValue={value} webOtp={false} />
    </main>,
  );
  const input = screen.container.querySelector("input");
  if (!input) throw new Error("CodeInput did not render");
  expect(input.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
  return screen;
}

async function showCodeStep(codeLength: number) {
  const adapter = createFakeAdapter({ codeLength, channels: ["sms"] });
  const screen = await render(
    <main>
      <OtpVerify adapter={adapter} phone={PHONE} persist={false} />
    </main>,
  );
  const field = page.getByRole("textbox", { name: en.codeHeading });
  await expect.element(field).toHaveFocus();
  await expect.poll(() => slotsIn(screen.container).length).toBe(codeLength);
  // Typed up to one short of complete: every slot but the last shows a digit.
  await userEvent.keyboard(digits(codeLength - 1));
  await expect.element(field).toHaveValue(digits(codeLength - 1));
  return screen;
}

describe("at 320 CSS px", () => {
  it.each([4, 6, 8, 10])("CodeInput with %i characters fits, axe clean", async (length) => {
    await at(320);
    const screen = await showCodeInput(length);
    expectReflowed(slotsIn(screen.container), length);
    await expectNoAxeViolations(screen.container);
  });

  it.each([4, 6, 8, 10])("OtpVerify's code step for %i digits fits, axe clean", async (length) => {
    await at(320);
    const screen = await showCodeStep(length);
    expectReflowed(slotsIn(screen.container), length);
    await expectNoAxeViolations(screen.container);
  });
});

describe("where the audit measured an overflow", () => {
  it.each([
    [360, 8, undefined],
    [414, 10, undefined],
    [360, 6, "200%"],
    [320, 6, "200%"],
  ])(
    "at %i px, %i digits, root font size %s: OtpVerify's code step fits",
    async (width, length, font) => {
      await at(width, font);
      const screen = await showCodeStep(length);
      expectReflowed(slotsIn(screen.container), length);
    },
  );
});

describe("at 200% zoom (640 px, root font size 200%)", () => {
  it("CodeInput with 6 digits fits, axe clean", async () => {
    await at(640, "200%");
    const screen = await showCodeInput(6);
    expectReflowed(slotsIn(screen.container), 6);
    await expectNoAxeViolations(screen.container);
  });

  it("OtpVerify fits at the phone step and at the code step, axe clean", async () => {
    await at(640, "200%");
    const adapter = createFakeAdapter({ codeLength: 6 });
    const screen = await render(
      <main>
        <OtpVerify adapter={adapter} persist={false} />
      </main>,
    );
    const phone = page.getByLabelText(en.phoneLabel, { exact: true });
    await expect.element(phone).toBeVisible();
    expect(document.documentElement.scrollWidth, "page width").toBeLessThanOrEqual(640);
    for (const control of screen.container.querySelectorAll("input, button")) {
      const box = control.getBoundingClientRect();
      expect(box.left, control.outerHTML).toBeGreaterThanOrEqual(0);
      expect(box.right, control.outerHTML).toBeLessThanOrEqual(640);
    }
    await expectNoAxeViolations(screen.container);

    await phone.fill(PHONE);
    await page.getByRole("button", { name: en.sendCode }).click();
    const field = page.getByRole("textbox", { name: en.codeHeading });
    await expect.element(field).toHaveFocus();
    await userEvent.keyboard(digits(5));
    expectReflowed(slotsIn(screen.container), 6);
    await expectNoAxeViolations(screen.container);
  });
});
