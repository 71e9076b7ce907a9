import { describe, expect, it } from "vitest";
import { ants, consoleAdapter, engagelab, verihubs } from "./index";

describe("@otpkit/providers", () => {
  it("offers the console adapter and every provider adapter from its one entry", () => {
    for (const factory of [consoleAdapter, ants, engagelab, verihubs]) {
      expect(factory).toEqual(expect.any(Function));
    }
  });

  it("builds a working adapter from the entry without any credentials (console)", async () => {
    const delivered: string[] = [];
    const adapter = consoleAdapter({ deliver: (sms) => void delivered.push(sms.code) });
    const challenge = await adapter.send({ phone: "+66812345678" });
    await expect(adapter.verify({ challenge, code: delivered[0] ?? "" })).resolves.toEqual({
      verified: true,
    });
  });
});
