/**
 * Server mode, as `pnpm dev:server` runs it: the real @otpkit/server (console provider) on a
 * free port, Vite in server mode proxying /api/otp to it, the simulated phone fed by the
 * server's development inbox, and the demo's backend checking the signed token with
 * verifyOtpToken. Uses the built server (`pnpm build` first; the root test script does).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { expect, test } from "@playwright/test";
import {
  appEvents,
  codeField,
  codeIn,
  expectAccessible,
  newestMessage,
  sendCodeTo,
  simulatedPhone,
  verifiedHeading,
} from "./support";

const root = new URL("../../../", import.meta.url).pathname;
const bin = `${root}packages/server/dist/bin.js`;
const launcher = `${root}apps/demo/scripts/dev-server.mjs`;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

async function answering(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`dev:server exited with ${child.exitCode}`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

test.describe("server mode", () => {
  let demo: ChildProcess | undefined;
  let output = "";
  let url = "";

  test.beforeAll(async () => {
    test.setTimeout(60_000);
    expect(existsSync(bin), "packages/server/dist/bin.js is built (run `pnpm build`)").toBe(true);
    const [demoPort, serverPort] = [await freePort(), await freePort()];
    url = `http://127.0.0.1:${demoPort}/`;
    const env: NodeJS.ProcessEnv = { ...process.env, OTPKIT_PROVIDER: "console" };
    delete env.OTPKIT_TOKEN_SECRET;
    demo = spawn(
      process.execPath,
      [launcher, "--no-build", "--port", String(demoPort), "--server-port", String(serverPort)],
      { env, stdio: ["ignore", "pipe", "pipe"] },
    );
    const record = (chunk: Buffer) => {
      output += chunk.toString();
    };
    demo.stdout?.on("data", record);
    demo.stderr?.on("data", record);
    await answering(url, demo, 45_000);
  });

  test.afterAll(async () => {
    if (!demo || demo.exitCode !== null) return;
    const exited = new Promise((resolve) => demo?.once("exit", resolve));
    demo.kill("SIGTERM");
    await exited;
  });

  test("the flow runs over HTTP against @otpkit/server, and the token checks out", async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await page.goto(url);
    await expect(page.getByTestId("mode")).toContainText("Server mode");
    await expect(page.getByTestId("mode")).toContainText("console");
    await expectAccessible(page);

    await sendCodeTo(page, "812345678");
    // The console adapter's SMS, read from GET /api/otp/dev/inbox by the simulated phone.
    const sms = await newestMessage(page);
    expect(sms).toMatch(/^Your otpkit code is \d{6}\. It expires in 5 minutes\.$/);
    await expect(simulatedPhone(page)).toContainText("+66812345678");
    // The code went to the server's stdout too, as the console provider prints it.
    expect(output).toContain("[otpkit console] SMS to +66812345678");
    await expectAccessible(page);

    await codeField(page).pressSequentially(codeIn(sms));
    await expect(verifiedHeading(page)).toBeVisible();
    await expect(appEvents(page).first()).toHaveText(
      "verify verified, with a token for your backend",
    );
    const backend = page.getByRole("region", { name: "What your backend checks" });
    // A signed JWT from the real server, checked by verifyOtpToken on the demo's backend.
    await expect(backend.getByTestId("token")).toHaveText(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    await expect(backend.getByRole("status")).toContainText("Valid:");
    await expect(backend.getByRole("status")).toContainText("+66812345678");
    await expectAccessible(page);
  });
});
