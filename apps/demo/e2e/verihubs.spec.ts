/**
 * The Verihubs sandbox numbers (6282123060001-06, /work/shared/providers/verihubs.md) in the
 * embedded demo: each failing one answers with the kind its documented error maps to, and
 * the page shows that kind's own message. The app sees the kind itself too.
 */
import { expect, test } from "@playwright/test";
import {
  appEvents,
  codeIn,
  expectAccessible,
  flowError,
  newestMessage,
  phoneField,
  simulatedPhone,
} from "./support";

const SANDBOX_FAILURES = [
  {
    number: "82123060002",
    kind: "invalid_phone",
    status: 422,
    message: "This number doesn't look right. Check it and try again.",
  },
  {
    number: "82123060003",
    kind: "auth_failed",
    status: 503,
    message: "This service isn't available right now. Try again later.",
  },
  {
    number: "82123060004",
    kind: "insufficient_quota",
    status: 503,
    message: "This service isn't available right now. Try again later.",
  },
  {
    number: "82123060005",
    kind: "blocked_phone",
    status: 422,
    message: "We can't send a code to this number. Try another number or contact support.",
  },
  {
    number: "82123060006",
    kind: "rate_limited",
    status: 429,
    message: "Too many tries. Wait 1:00, then try again.",
  },
] as const;

for (const failure of SANDBOX_FAILURES) {
  test(`Verihubs sandbox +62${failure.number} shows the ${failure.kind} message`, async ({
    page,
  }) => {
    await page.goto("./?provider=verihubs");
    await expect(
      page.getByRole("row", { name: new RegExp(`\\+62${failure.number}`) }),
    ).toContainText(failure.kind);
    await phoneField(page).fill(failure.number);
    await page.getByRole("button", { name: "Send code" }).click();

    await expect(flowError(page)).toHaveText(failure.message);
    await expect(phoneField(page)).toHaveAccessibleDescription(
      new RegExp(failure.message.replace(/[.?()]/g, "\\$&")),
    );
    await expect(appEvents(page).first()).toHaveText(
      new RegExp(`^send ${failure.kind} \\(HTTP ${failure.status}\\)`),
    );
    // Still on the phone step, and nothing reached the phone.
    await expect(page.getByRole("heading", { name: "Enter your phone number" })).toBeVisible();
    await expect(simulatedPhone(page).locator(".phone-text")).toHaveCount(0);
    await expectAccessible(page);
  });
}

test("Verihubs sandbox +6282123060001 works, by WhatsApp when chosen, in Verihubs' wording", async ({
  page,
}) => {
  await page.goto("./?provider=verihubs&locale=id");
  await page.getByRole("radio", { name: "WhatsApp" }).check();
  await page.getByRole("textbox", { name: "Nomor HP" }).fill("82123060001");
  await page.getByRole("button", { name: "Kirim kode" }).click();
  const message = await newestMessage(page);
  expect(message).toMatch(/^\*\d{6}\* adalah kode verifikasi Anda\./);
  await expect(simulatedPhone(page).getByText("Verihubs", { exact: true })).toBeVisible();
  await expectAccessible(page);

  await expect(
    page.getByText(/^Dikirim lewat WhatsApp ke \u2066?\+62 ••• ••• 001\u2069?$/),
  ).toBeVisible();
  await page.getByRole("textbox", { name: "Masukkan kode" }).pressSequentially(codeIn(message));
  await expect(page.getByRole("heading", { name: "Nomor HP terverifikasi" })).toBeVisible();
  await expectAccessible(page);
});
