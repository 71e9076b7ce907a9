import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { codeFromText, createInbox, otpServerMock } from "@otpkit/mocks";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { setupServer } from "msw/node";
import type { ComponentType } from "react";
import { afterAll, beforeAll, expect, it } from "vitest";

const inbox = createInbox();
const backend = otpServerMock({ baseUrl: "/api/otp", inbox });
const network = setupServer(...backend.handlers);
beforeAll(() => network.listen({ onUnhandledRequest: "error" }));
afterAll(() => network.close());

// A string URL: jsdom's global URL class is not one node:fs accepts.
const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");

async function loadExample() {
  const readme = readFileSync(join(packageDir, "README.md"), "utf8");
  const example = readme.match(/## Example\n+```tsx\n([\s\S]*?)```/)?.[1];
  if (!example) throw new Error("README.md has no ```tsx block under '## Example'");
  const dir = join(packageDir, ".readme");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "example.tsx");
  writeFileSync(file, example);
  return (await import(/* @vite-ignore */ file)) as {
    VerifyPhone: ComponentType<{ onDone: (token: string | undefined) => void }>;
  };
}

it("the README's example verifies a phone against the kit's protocol", async () => {
  const { VerifyPhone } = await loadExample();
  let token: string | undefined;
  render(<VerifyPhone onDone={(t) => (token = t)} />);

  fireEvent.change(screen.getByLabelText("Phone number"), { target: { value: "812345678" } });
  fireEvent.click(screen.getByRole("button", { name: "Send code" }));
  const code = await screen.findByRole("textbox", { name: "Enter the code" });
  expect(screen.getByText(/^Resend in 0:\d\d$/)).toBeInTheDocument();

  const sms = inbox.latest("+66812345678") ?? "";
  await act(async () => {
    fireEvent.change(code, { target: { value: codeFromText(sms) } });
  });
  await expect.poll(() => token).toMatch(/^eyJ[\w-]+\.eyJ[\w-]+\.$/);
  expect(screen.getByRole("heading", { name: "Phone number verified" })).toBeInTheDocument();
}, 20_000); // imports and transforms the example: slow on a loaded machine
