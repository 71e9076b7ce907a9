import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { codeFromText, createInbox, otpServerMock } from "@otpkit/mocks";
import { fireEvent, render, screen } from "@testing-library/react";
import { setupServer } from "msw/node";
import type { ComponentType } from "react";
import { afterAll, beforeAll, expect, it } from "vitest";

const inbox = createInbox();
const backend = otpServerMock({ baseUrl: "/api/otp", inbox });
const network = setupServer(...backend.handlers);
beforeAll(() => network.listen({ onUnhandledRequest: "error" }));
afterAll(() => network.close());

const packageDir = join(import.meta.dirname, "..");

async function loadExample() {
  const readme = readFileSync(join(packageDir, "README.md"), "utf8");
  const example = readme.match(/## Example\n+```tsx\n([\s\S]*?)```/)?.[1];
  if (!example) throw new Error("README.md has no ```tsx block under '## Example'");
  const dir = join(packageDir, ".readme");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "example.tsx");
  writeFileSync(file, example);
  return (await import(/* @vite-ignore */ file)) as {
    VerifyPhone: ComponentType<{ onDone: (token?: string) => void }>;
  };
}

it("the README's example verifies a phone against the kit's protocol", async () => {
  const { VerifyPhone } = await loadExample();
  let token: string | undefined;
  render(<VerifyPhone onDone={(t) => (token = t)} />);

  fireEvent.click(screen.getByRole("button", { name: "Send code" }));
  const code = await screen.findByLabelText("Code");
  expect(screen.getByText(/Resend in \d+s/)).toBeInTheDocument();

  const sms = inbox.latest("+66812345678") ?? "";
  fireEvent.change(code, { target: { value: codeFromText(sms) } });
  await expect.poll(() => token).toMatch(/\S+/);
}, 20_000); // imports and transforms the example: slow on a loaded machine
