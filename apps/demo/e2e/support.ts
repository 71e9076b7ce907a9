/** What every demo test does: find the parts of the page as a user would, and run axe. */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Every axe rule axe runs by default (WCAG A/AA and best practices) must pass. */
export async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
  );
  expect(found).toEqual([]);
}

export const phoneField = (page: Page) => page.getByRole("textbox", { name: "Phone number" });
/** The code field is named by its step's heading. */
export const codeField = (page: Page) => page.getByRole("textbox", { name: "Enter the code" });
export const simulatedPhone = (page: Page) =>
  page.getByRole("complementary", { name: "Simulated phone" });
/** The newest answer first, as the page lists them. */
export const appEvents = (page: Page) => page.getByTestId("events").getByRole("listitem");

/** Waits for the simulated phone to hold `count` messages and returns the newest one's text. */
export async function newestMessage(page: Page, count = 1): Promise<string> {
  const texts = simulatedPhone(page).locator(".phone-text");
  await expect(texts).toHaveCount(count);
  return (await texts.first().textContent()) ?? "";
}

/** The code in a message: the run of exactly `length` digits. */
export function codeIn(text: string, length = 6): string {
  const code = text.match(new RegExp(`(?<![0-9])[0-9]{${length}}(?![0-9])`))?.[0];
  expect(code, `a ${length}-digit code in "${text}"`).toBeDefined();
  return code ?? "";
}

/** Types a number (national format, in the field's preselected country) and sends. */
export async function sendCodeTo(page: Page, nationalNumber: string) {
  await phoneField(page).fill(nationalNumber);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByRole("heading", { name: "Enter the code" })).toBeVisible();
}

/** The flow's error sentence as shown (its live-region announcement is not counted). */
export const flowError = (page: Page) => page.locator(".otpkit-verify__error-text");

export const verifiedHeading = (page: Page) =>
  page.getByRole("heading", { name: "Phone number verified" });

/** The same code with its last digit changed: never the right one. */
export const wrongCodeFor = (code: string) =>
  code.slice(0, -1) + String((Number(code.at(-1)) + 1) % 10);
