import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, expect, it, vi } from "vitest";

const packageDir = join(import.meta.dirname, "..");
// Inside the package (git-ignored), so "@otpkit/server" resolves to itself.
const dir = join(packageDir, ".readme");

afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

it("the README's example runs and prints what its comments say", async () => {
  const readme = readFileSync(join(packageDir, "README.md"), "utf8");
  const example = readme.match(/## Example[^\n]*\n+```js\n([\s\S]*?)```/)?.[1];
  expect(example, "README.md has a ```js example under '## Example'").toBeDefined();

  // Every `console.log(...); // <expected>` line states what it prints, as JSON values.
  const expected = [...(example ?? "").matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map(
    ([, comment]) =>
      JSON.parse(`[${(comment ?? "").replace(/ (?=[^"]*(?:"[^"]*"[^"]*)*$)/g, ",")}]`),
  );
  expect(expected).toHaveLength(3);

  mkdirSync(dir, { recursive: true });
  const file = join(dir, "otp-server.mjs");
  writeFileSync(file, example ?? "");
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  await import(/* @vite-ignore */ file);
  expect(log.mock.calls).toEqual(expected);
}, 20_000); // imports and transforms the example: slow on a loaded machine
