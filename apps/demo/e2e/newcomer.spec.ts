import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test("a newcomer verifies a Thai number with the code from the simulated phone", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Enter your phone number" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByRole("heading", { name: "Enter the code" })).toBeVisible();
  const sms = page.getByRole("complementary", { name: "Simulated phone" }).getByText(/code is/);
  const code = (await sms.innerText()).match(/\b\d{6}\b/)?.[0] ?? "";
  expect(code).toMatch(/^\d{6}$/);
  await expectNoAxeViolations(page);

  await page.getByRole("textbox", { name: "Code", exact: true }).fill(code);
  await expect(page.getByRole("heading", { name: "Phone number verified" })).toBeVisible();
  await expectNoAxeViolations(page);
});
