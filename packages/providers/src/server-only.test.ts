/**
 * @otpkit/providers holds provider credentials, so a browser bundle that imports it must
 * fail to build. These tests bundle the package the way an app would, with esbuild.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Message } from "esbuild";
import { describe, expect, it } from "vitest";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
  name: string;
  exports: Record<string, unknown>;
  files: string[];
};
const entryPoints = Object.keys(manifest.exports)
  .filter((subpath) => subpath !== "./package.json")
  .map((subpath) => manifest.name + subpath.slice(1));

type Outcome = { ok: true; inputs: string[] } | { ok: false; errors: Message[] };

/** Bundles `import * from specifier` as an app in this workspace would. */
async function bundle(
  specifier: string,
  platform: "browser" | "node",
  conditions: string[],
): Promise<Outcome> {
  try {
    const result = await build({
      stdin: {
        contents: `export * from ${JSON.stringify(specifier)};`,
        // Inside the package, so its name resolves through its own exports map.
        resolveDir: packageDir,
        loader: "ts",
      },
      bundle: true,
      write: false,
      metafile: true,
      format: "esm",
      platform,
      conditions,
      logLevel: "silent",
    });
    return { ok: true, inputs: Object.keys(result.metafile.inputs) };
  } catch (thrown) {
    return { ok: false, errors: (thrown as { errors: Message[] }).errors };
  }
}

describe("@otpkit/providers is server-only", () => {
  it("exports only the main entry (so the checks below cover every entry)", () => {
    expect(entryPoints).toEqual(["@otpkit/providers"]);
  });

  it.each([
    ["a published install", []],
    ["this workspace's sources (demo, Storybook)", ["@otpkit/source"]],
  ])("fails a browser build from %s with a message naming the problem", async (_, conditions) => {
    for (const entry of entryPoints) {
      const outcome = await bundle(entry, "browser", conditions);
      expect(outcome.ok).toBe(false);
      const text = outcome.ok ? "" : outcome.errors.map((error) => error.text).join("\n");
      expect(text).toContain("@otpkit/providers is server-only");
      expect(text).toContain("createHttpAdapter");
    }
  });

  it("builds for node from the sources, without the browser guard", async () => {
    const outcome = await bundle("@otpkit/providers", "node", ["@otpkit/source"]);
    expect(outcome).toMatchObject({ ok: true });
    const inputs = outcome.ok ? outcome.inputs : [];
    expect(inputs).toContainEqual(expect.stringMatching(/src\/console\/console-adapter\.ts$/));
    expect(inputs).not.toContainEqual(expect.stringMatching(/server-only\.js$/));
  });

  it("publishes the browser guard with the package", () => {
    expect(manifest.files).toContain("server-only.js");
  });
});
