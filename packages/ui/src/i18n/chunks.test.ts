// @vitest-environment node
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import { describe, expect, it } from "vitest";

const src = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * The locale modules an app's bundle can fetch on demand when it imports `names` from the
 * package: bundled as an app's bundler does (esbuild, code splitting on), then read from the
 * chunks the kept code can reach through `import()`.
 */
async function lazyLocaleModules(names: string): Promise<string[]> {
  const { modules, largestChunk } = await lazyLocaleChunks(names);
  // One locale module per chunk: a user downloads one component's words in one locale.
  expect(largestChunk).toBe(1);
  return modules;
}

async function lazyLocaleChunks(
  names: string,
): Promise<{ modules: string[]; largestChunk: number }> {
  const result = await build({
    stdin: { contents: `export { ${names} } from "./index";`, resolveDir: src, loader: "ts" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    outdir: "/tmp/otpkit-ui-locale-chunks",
    write: false,
    metafile: true,
    logLevel: "silent",
    external: ["react", "react-dom", "react/jsx-runtime", "@otpkit/*", "@tanstack/*"],
  });
  const outputs: Metafile["outputs"] = result.metafile.outputs;
  const entry = Object.keys(outputs).find((path) => outputs[path]?.entryPoint === "<stdin>");
  const seen = new Set<string>();
  const modules = new Set<string>();
  let largestChunk = 0;
  const visit = (path: string, lazy: boolean) => {
    if (seen.has(path)) return;
    seen.add(path);
    const output = outputs[path];
    if (!output) return;
    if (lazy) {
      const locales = Object.keys(output.inputs).flatMap(
        (input) => input.match(/([\w-]+\/locales\/\w+)\.ts$/)?.[1] ?? [],
      );
      for (const locale of locales) modules.add(locale);
      largestChunk = Math.max(largestChunk, locales.length);
    }
    for (const i of output.imports) {
      if (!i.external) visit(i.path, lazy || i.kind === "dynamic-import");
    }
  };
  if (entry) visit(entry, false);
  return { modules: [...modules].sort(), largestChunk };
}

describe("what an app's bundle loads for a locale", () => {
  it("CodeInput alone can fetch only CodeInput's words", async () => {
    expect(await lazyLocaleModules("CodeInput")).toEqual([
      "code-input/locales/id",
      "code-input/locales/th",
      "code-input/locales/zh",
    ]);
  });

  it("PhoneInput alone can fetch only PhoneInput's words", async () => {
    expect(await lazyLocaleModules("PhoneInput")).toEqual([
      "phone-input/locales/id",
      "phone-input/locales/th",
      "phone-input/locales/zh",
    ]);
  });

  it("OtpVerify fetches its own words and its two fields', each a chunk of its own", async () => {
    const modules = await lazyLocaleModules("OtpVerify");
    expect(modules.filter((module) => module.endsWith("/th"))).toEqual([
      "code-input/locales/th",
      "otp-verify/locales/th",
      "phone-input/locales/th",
    ]);
    expect(modules).toHaveLength(9);
  });
});
