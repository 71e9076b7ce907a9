import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import * as mocks from "./index";

describe("@otpkit/mocks", () => {
  it("offers every handler set from its one entry, each a ProviderMock", () => {
    const sets = [
      mocks.antsMock(),
      mocks.engagelabMock(),
      mocks.verihubsMock(),
      mocks.otpServerMock(),
    ];
    for (const mock of sets) {
      expect(mock.handlers.length).toBeGreaterThan(0);
      expect(mock.knobs).toMatchObject({ latencyMs: 0 });
      expect(mock.reset).toEqual(expect.any(Function));
    }
  });

  it("offers the shared inbox and its helpers", () => {
    expect(mocks.inbox.messages).toEqual(expect.any(Function));
    expect(mocks.codeFromText("Your code is 123456.")).toBe("123456");
  });

  it("keeps the conformance suite (and vitest) out of the main entry", () => {
    expect(Object.keys(mocks)).not.toContain("describeAdapterConformance");
  });

  it("bundles for the browser (setupWorker) without node built-ins or server-only code", async () => {
    const result = await build({
      stdin: {
        contents: 'export * from "@otpkit/mocks";',
        resolveDir: join(import.meta.dirname, ".."),
      },
      bundle: true,
      write: false,
      metafile: true,
      format: "esm",
      platform: "browser",
      conditions: ["@otpkit/source"],
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContainEqual(expect.stringMatching(/src\/server\/otp-server-mock\.ts$/));
    expect(inputs.filter((input) => /providers\/|^node:|conformance/.test(input))).toEqual([]);
  });
});
