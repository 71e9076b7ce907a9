/**
 * The production build served by a plain static file server from a sub-folder
 * (`/some/folder/`), as GitHub Pages or any bucket would: relative asset paths, and the mock
 * service worker registered next to index.html. Playwright's web server built dist/ first.
 */
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import { expect, test } from "@playwright/test";
import { codeField, codeIn, newestMessage, sendCodeTo, verifiedHeading } from "./support";

const dist = new URL("../dist/", import.meta.url).pathname;
const FOLDER = "/some/folder/";
const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
};

let server: Server;
let origin = "";

test.beforeAll(async () => {
  server = createServer(async (request, response) => {
    const path = new URL(request.url ?? "/", "http://host").pathname;
    if (!path.startsWith(FOLDER)) {
      response.writeHead(404).end();
      return;
    }
    const relative = normalize(path.slice(FOLDER.length) || "index.html");
    try {
      const body = await readFile(join(dist, relative.startsWith("..") ? "x" : relative));
      response.writeHead(200, { "content-type": TYPES[extname(relative)] ?? "text/plain" });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test("the static build works from a sub-folder of a plain file server", async ({ page }) => {
  await page.goto(`${origin}${FOLDER}`);
  await sendCodeTo(page, "812345678");
  await codeField(page).pressSequentially(codeIn(await newestMessage(page)));
  await expect(verifiedHeading(page)).toBeVisible();
});
