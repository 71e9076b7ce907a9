#!/usr/bin/env node
/**
 * What a user gets from npm, checked before we publish: `pnpm pack` every package, install the
 * tarballs with npm into a fresh Vite + React app outside the workspace (everything else from
 * the registry, no workspace links), then
 *
 *   1. type-check the app against the packed `.d.ts` (tsc),
 *   2. build it with Vite,
 *   3. render <OtpVerify/> on the server (react-dom/server, Node) from the installed packages,
 *   4. run the whole flow in Debian's Chromium: the built page, createHttpAdapter talking to
 *      @otpkit/mocks' otpServerMock through MSW in the page: number, code from the simulated
 *      inbox, "Phone number verified",
 *   5. import @otpkit/server and @otpkit/providers in Node, create a handler, and send, verify
 *      and check the token through it.
 *
 *   node scripts/pack-check.mjs [--no-build] [--keep]    (--keep leaves the temp app in place)
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const PACKAGES = ["core", "react", "ui", "providers", "server", "mocks"];
/** From the registry, pinned as the workspace pins them (../shared/TOOLCHAIN.md, set A). */
const REGISTRY = [
  "react@19.3.1",
  "react-dom@19.3.1",
  "@tanstack/react-query@5.108.0",
  "zod@4.6.7",
  "msw@2.15.0",
  "vite@8.3.8",
  "@vitejs/plugin-react@6.3.0",
  "typescript@6.0.3",
  "@types/react@19.3.0",
  "@types/react-dom@19.3.0",
];

const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const step = (line) => console.log(`pack-check [${seconds()}]: ${line}`);

function sh(command, args, cwd, { quiet = false } = {}) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    stdio: quiet ? ["ignore", "pipe", "pipe"] : ["ignore", "inherit", "inherit"],
    env: { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false" },
  });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout}${result.stderr}`);
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd} (exit ${result.status})`);
  }
  return result.stdout;
}

const work = mkdtempSync(join(tmpdir(), "otpkit-pack-check-"));
const tarballs = join(work, "tarballs");
const app = join(work, "app");

// --- 1. pack ------------------------------------------------------------------------------

if (!process.argv.includes("--no-build")) {
  step("pnpm build");
  sh("pnpm", ["build"], root, { quiet: true });
}
mkdirSync(tarballs);
for (const name of PACKAGES) {
  sh("pnpm", ["pack", "--pack-destination", tarballs], join(root, "packages", name), {
    quiet: true,
  });
}
const packed = readdirSync(tarballs).map((file) => join(tarballs, file));
step(`packed ${packed.length} tarballs: ${readdirSync(tarballs).join(", ")}`);
if (packed.length !== PACKAGES.length) throw new Error("expected one tarball per package");

// --- 2. a fresh Vite + React app, outside the workspace --------------------------------------

const files = {
  "package.json": JSON.stringify(
    { name: "otpkit-pack-check-app", private: true, type: "module" },
    null,
    2,
  ),
  "index.html": `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>otpkit pack check</title></head>
  <body><main id="root"></main><script type="module" src="/src/main.tsx"></script></body>
</html>
`,
  "vite.config.js": `import react from "@vitejs/plugin-react";
// MSW's worker client makes the one chunk large; that is the test harness, not the kit.
export default { plugins: [react()], logLevel: "warn", build: { chunkSizeWarningLimit: 2000 } };
`,
  "tsconfig.json": JSON.stringify(
    {
      compilerOptions: {
        target: "ES2022",
        lib: ["ES2023", "DOM", "DOM.Iterable"],
        module: "ESNext",
        moduleResolution: "Bundler",
        jsx: "react-jsx",
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
      },
      include: ["src"],
    },
    null,
    2,
  ),
  // What an app writes, from the packages' READMEs.
  "src/main.tsx": `import { createHttpAdapter } from "@otpkit/core";
import { otpServerMock } from "@otpkit/mocks";
import { OtpVerify } from "@otpkit/ui";
import "@otpkit/ui/styles.css";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { setupWorker } from "msw/browser";
import { createRoot } from "react-dom/client";

const adapter = createHttpAdapter({ baseUrl: "/api/otp" });
const queryClient = new QueryClient();

async function main() {
  await setupWorker(...otpServerMock().handlers).start({ onUnhandledRequest: "bypass", quiet: true });
  const container = document.getElementById("root");
  if (!container) throw new Error("no #root");
  createRoot(container).render(
    <QueryClientProvider client={queryClient}>
      <OtpVerify
        adapter={adapter}
        defaultCountry="TH"
        locale="en"
        onVerified={({ token }) => {
          document.body.dataset.token = token ?? "";
        }}
      />
    </QueryClientProvider>,
  );
}
void main();
`,
  "ssr.mjs": `import { createHttpAdapter } from "@otpkit/core";
import { OtpVerify } from "@otpkit/ui";
import { createElement } from "react";
import { renderToString } from "react-dom/server";

const html = renderToString(
  createElement(OtpVerify, { adapter: createHttpAdapter({ baseUrl: "/api/otp" }), locale: "en" }),
);
if (!html.includes("otpkit-") || !html.includes("Phone number")) {
  throw new Error("OtpVerify did not render its phone step on the server: " + html.slice(0, 200));
}
console.log("ssr: OtpVerify rendered to " + html.length + " characters of HTML");
`,
  "server.mjs": `import { createHttpAdapter } from "@otpkit/core";
import { consoleAdapter } from "@otpkit/providers";
import { createOtpHandler } from "@otpkit/server";
import { verifyOtpToken } from "@otpkit/server/token";

const outbox = [];
const secret = "pack-check-secret-of-at-least-32-bytes!";
const handler = createOtpHandler({
  adapter: consoleAdapter({ deliver: (sms) => outbox.push(sms) }),
  tokenSecret: secret,
  logger: () => {},
});
// The browser's adapter, with the handler as its fetch: no socket needed.
const browser = createHttpAdapter({
  baseUrl: "http://app.test/api/otp",
  fetch: (input, init) => handler(new Request(input, init)),
});
const challenge = await browser.send({ phone: "+66812345678" });
const { token } = await browser.verify({ challenge, code: outbox[0].code });
const claims = await verifyOtpToken(token, secret);
if (claims.phone !== "+66812345678") throw new Error("the token does not carry the number");
console.log("server: handler created; send, verify and token check passed (" + challenge.phone + ")");
`,
};
for (const [file, text] of Object.entries(files)) {
  mkdirSync(join(app, file, ".."), { recursive: true });
  writeFileSync(join(app, file), text);
}

step(`npm install into ${app} (tarballs + ${REGISTRY.length} packages from the registry)`);
sh(
  "npm",
  [
    "install",
    "--save-exact",
    "--no-audit",
    "--no-fund",
    "--loglevel=error",
    ...packed,
    ...REGISTRY,
  ],
  app,
);
// Every @otpkit package, at any depth, from our tarballs: none from the registry, no links.
const lock = JSON.parse(readFileSync(join(app, "package-lock.json"), "utf8"));
const notPacked = Object.entries(lock.packages)
  .filter(([path]) => /node_modules\/@otpkit\//.test(path))
  .filter(([, entry]) => entry.link || !entry.resolved?.startsWith("file:../tarballs/"))
  .map(([path, entry]) => `${path} (${entry.resolved ?? "link"})`);
if (notPacked.length) throw new Error(`not installed from our tarballs: ${notPacked.join(", ")}`);
mkdirSync(join(app, "public"));
copyFileSync(
  join(app, "node_modules/msw/lib/mockServiceWorker.js"),
  join(app, "public/mockServiceWorker.js"),
);

// --- 3. type-check, build, render on the server, run the server in Node ---------------------

step("tsc --noEmit against the packed types");
sh(process.execPath, [join(app, "node_modules/typescript/bin/tsc"), "-p", "."], app);
step("vite build");
sh(process.execPath, [join(app, "node_modules/vite/bin/vite.js"), "build"], app);
step("OtpVerify rendered on the server (react-dom/server)");
sh(process.execPath, ["ssr.mjs"], app);
step("@otpkit/server in Node");
sh(process.execPath, ["server.mjs"], app);

// --- 4. the built page in Chromium -----------------------------------------------------------

const TYPES = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
};
const dist = join(app, "dist");
const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
  let file = join(dist, path);
  if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) {
    file = join(dist, "index.html");
  }
  response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
  createReadStream(file).pipe(response);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

step(`OtpVerify in Chromium at ${url} (MSW + otpServerMock in the page)`);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
const pageErrors = [];
try {
  const page = await browser.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(url);
  const phone = "+66812345678";
  await page.getByRole("textbox", { name: "Phone number" }).fill(phone);
  await page.getByRole("button", { name: "Send code" }).click();
  const codeField = page.getByRole("textbox", { name: "Enter the code" });
  await codeField.waitFor({ timeout: 15_000 });
  const code = await page.evaluate(async (number) => {
    const answer = await fetch(`/api/otp/dev/inbox?phone=${encodeURIComponent(number)}`);
    const { messages } = await answer.json();
    return /\b\d{6}\b/.exec(messages.at(-1)?.text ?? "")?.[0];
  }, phone);
  if (!code) throw new Error("no code arrived in the simulated inbox");
  await codeField.pressSequentially(code);
  await page.getByRole("heading", { name: "Phone number verified" }).waitFor({ timeout: 15_000 });
  const token = await page.evaluate(() => document.body.dataset.token);
  if (!token) throw new Error("onVerified was not called with a token");
  if (pageErrors.length) throw new Error(`errors in the page: ${pageErrors.join("; ")}`);
  step("browser: phone, code from the inbox, verified; onVerified got a token");
} finally {
  await browser.close();
  server.close();
}

if (process.argv.includes("--keep")) step(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
step(`passed in ${seconds()}`);
