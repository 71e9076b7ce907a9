/**
 * The embedded demo (the production build, MSW playing the server and the providers), driven
 * as a person would use it: the number, the code read off the simulated phone, the failures
 * on the way. axe runs at every step.
 */
import { expect, test } from "@playwright/test";
import {
  appEvents,
  codeField,
  codeIn,
  expectAccessible,
  flowError,
  newestMessage,
  phoneField,
  sendCodeTo,
  simulatedPhone,
  verifiedHeading,
  wrongCodeFor,
} from "./support";

test("a newcomer verifies a Thai number with the code from the simulated phone", async ({
  page,
}) => {
  await page.goto("./");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Acme" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Enter your phone number" })).toBeVisible();
  // Honest about what runs: no server, no provider.
  await expect(page.getByTestId("mode")).toContainText("simulated in your browser");
  await expect(simulatedPhone(page)).toContainText("it arrives here");
  await expectAccessible(page);

  await sendCodeTo(page, "81 234 5678");
  // The kit isolates the number left to right (U+2066...U+2069).
  await expect(page.getByText(/^Sent by SMS to \u2066?\+66 ••• ••• 678\u2069?$/)).toBeVisible();
  await expect(simulatedPhone(page)).toContainText("+66812345678");
  const sms = await newestMessage(page);
  expect(sms).toMatch(/^Your otpkit code is \d{6}\. It expires in 5 minutes\.$/);
  await expect(simulatedPhone(page).getByText("otpkit", { exact: true })).toBeVisible();
  await expectAccessible(page);

  await codeField(page).pressSequentially(codeIn(sms));
  await expect(verifiedHeading(page)).toBeVisible();
  const backend = page.getByRole("region", { name: "What your backend checks" });
  await expect(backend.getByTestId("token")).toHaveText(/^eyJ[\w-]+\.eyJ[\w-]+\.$/);
  await expect(backend).toContainText('"+66812345678"');
  await expect(backend).toContainText("verifyOtpToken(token, process.env.OTPKIT_TOKEN_SECRET)");
  await expect(appEvents(page).first()).toHaveText(/^verify verified/);
  await expectAccessible(page);
});

test("the whole SMS, pasted into the code field, verifies (ANTS, with its reference)", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("./?provider=ants");
  await sendCodeTo(page, "0812345678");
  const sms = await newestMessage(page);
  const [, code, reference] = sms.match(/^Your OTP is (\d{6}) \(Ref: ([A-Za-z0-9]{5})\)$/) ?? [];
  expect(code).toBeDefined();
  // The reference beside the code field matches the one in the SMS.
  await expect(page.getByText(`Ref ${reference}`)).toBeVisible();
  await expect(simulatedPhone(page).getByText("ANTS", { exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.evaluate((text) => navigator.clipboard.writeText(text), sms);
  await codeField(page).focus();
  await page.keyboard.press("ControlOrMeta+V");
  await expect(verifiedHeading(page)).toBeVisible();
  await expectAccessible(page);
});

test("a wrong code is refused with the attempts left, then the right code verifies", async ({
  page,
}) => {
  await page.goto("./");
  await sendCodeTo(page, "812345678");
  const code = codeIn(await newestMessage(page));

  await codeField(page).pressSequentially(wrongCodeFor(code));
  await expect(flowError(page)).toHaveText("That code isn't right. Check it and try again.");
  await expect(page.getByText("4 attempts left", { exact: true })).toBeVisible();
  // Cleared and focused, ready for the next try.
  await expect(codeField(page)).toHaveValue("");
  await expect(codeField(page)).toBeFocused();
  await expect(codeField(page)).toHaveAttribute("aria-invalid", "true");
  await expect(appEvents(page).first()).toHaveText("verify wrong_code (HTTP 422), 4 attempts left");
  await expectAccessible(page);

  await codeField(page).pressSequentially(code);
  await expect(verifiedHeading(page)).toBeVisible();
  await expectAccessible(page);
});

test("an expired code is refused; a new one comes once the cooldown allows, and works (?ttl=3)", async ({
  page,
}) => {
  await page.goto("./?ttl=3&cooldown=4");
  await sendCodeTo(page, "812345678");
  await expect(page.getByText(/^Code expires in 0:0[1-3]$/)).toBeVisible();
  const first = codeIn(await newestMessage(page));

  await expect(flowError(page)).toHaveText("This code has expired. Ask for a new code.", {
    timeout: 6000,
  });
  await expect(codeField(page)).toBeDisabled();
  await expectAccessible(page);

  // The number's cooldown (4 s here) still holds after the code expired, as on the server.
  await page.getByRole("button", { name: "Resend code" }).click({ timeout: 6000 });
  const second = codeIn(await newestMessage(page, 2));
  expect(second).not.toBe(first);
  await expect(codeField(page)).toBeEnabled();
  await codeField(page).pressSequentially(second);
  await expect(verifiedHeading(page)).toBeVisible();
  await expectAccessible(page);
});

test("resend waits out its cooldown, then sends a new code that replaces the old (?cooldown=3)", async ({
  page,
}) => {
  await page.goto("./?cooldown=3");
  await sendCodeTo(page, "812345678");
  const first = codeIn(await newestMessage(page));
  const resend = page.getByRole("button", { name: /^Resend/ });
  await expect(resend).toHaveText(/^Resend in 0:0[123]$/);
  await expect(resend).toHaveAttribute("aria-disabled", "true");
  await expectAccessible(page);

  await expect(resend).toHaveText("Resend code", { timeout: 5000 });
  await expect(resend).not.toHaveAttribute("aria-disabled");
  await resend.click();
  const second = codeIn(await newestMessage(page, 2));
  await expect(appEvents(page).first()).toHaveText(/^resend 6-digit code by sms/);
  // The next cooldown is longer: 3 s, then 6 s.
  await expect(resend).toHaveText(/^Resend in 0:0[56]$/);
  await expectAccessible(page);

  if (first !== second) {
    await codeField(page).pressSequentially(first);
    await expect(flowError(page)).toHaveText("That code isn't right. Check it and try again.");
  }
  await codeField(page).pressSequentially(second);
  await expect(verifiedHeading(page)).toBeVisible();
});

test("asking again for the same number too soon is rate limited, with the wait shown", async ({
  page,
}) => {
  await page.goto("./");
  await sendCodeTo(page, "812345678");
  await newestMessage(page);
  await page.getByRole("button", { name: "Change number" }).click();
  await expect(phoneField(page)).toBeFocused();
  await expect(phoneField(page)).toHaveValue(/81 234 5678$/);

  await page.getByRole("button", { name: "Send code" }).click();
  await expect(flowError(page)).toHaveText(/^Too many tries\. Wait 0:[0-3]\d, then try again\.$/);
  await expect(appEvents(page).first()).toHaveText(
    /^send rate_limited \(HTTP 429\), retry in \d+ s$/,
  );
  // Nothing was sent the second time.
  await expect(simulatedPhone(page).locator(".phone-text")).toHaveCount(1);
  await expectAccessible(page);
});

test("keyboard only, start to finish, in the dark theme", async ({ page }) => {
  await page.goto("./?theme=dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expectAccessible(page);

  // Tab from the top of the page to the number field: the switchers, then the country button.
  for (let presses = 0; presses < 8; presses += 1) {
    await page.keyboard.press("Tab");
    if (await phoneField(page).evaluate((field) => field === document.activeElement)) break;
  }
  await expect(phoneField(page)).toBeFocused();
  await page.keyboard.type("812345678");
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { name: "Enter the code" })).toBeVisible();
  await expect(codeField(page)).toBeFocused();
  const code = codeIn(await newestMessage(page));
  await expectAccessible(page);

  await page.keyboard.type(code);
  await expect(verifiedHeading(page)).toBeFocused();
  await expectAccessible(page);

  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Start again" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Enter your phone number" })).toBeVisible();
  await expectAccessible(page);
});

test("the switchers change provider, language and theme", async ({ page }) => {
  await page.goto("./");
  await page.getByRole("combobox", { name: "Provider" }).selectOption("engagelab");
  await page.getByRole("combobox", { name: "Language" }).selectOption("th");
  await page.getByRole("combobox", { name: "Theme" }).selectOption("dark");
  await expect(page).toHaveURL(/provider=engagelab&locale=th&theme=dark/);
  await expect(page.locator("html")).toHaveAttribute("lang", "th");
  await expect(page.getByRole("heading", { level: 1, name: "เข้าสู่ระบบ Acme" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "กรอกเบอร์โทรศัพท์" })).toBeVisible();
  // EngageLab offers WhatsApp: the choice shows on the phone step.
  await page.getByRole("radio", { name: "WhatsApp" }).check();
  await expectAccessible(page);

  await page.getByRole("textbox", { name: "เบอร์โทรศัพท์" }).fill("812345678");
  await page.getByRole("button", { name: "ส่งรหัส" }).click();
  const message = await newestMessage(page);
  expect(message).toMatch(/^รหัสยืนยันของคุณคือ \d{6} หมดอายุใน 5 นาที$/);
  await expect(simulatedPhone(page).getByText(/^WhatsApp ·/)).toBeVisible();
  await page.getByRole("textbox", { name: "กรอกรหัส" }).pressSequentially(codeIn(message));
  await expect(page.getByRole("heading", { name: "ยืนยันเบอร์โทรศัพท์แล้ว" })).toBeVisible();
  await expectAccessible(page);
});
