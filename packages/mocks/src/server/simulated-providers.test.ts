import { createHttpAdapter, type OtpError } from "@otpkit/core";
import { createManualClock } from "@otpkit/core/testing";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { codeFromText, createInbox } from "../inbox";
import { PROVIDER_SIMULATIONS, simulatedProviderAdapter, simulatedProviderServer } from ".";

const PHONE = "+66812345678";
const network = setupServer();
beforeAll(() => network.listen({ onUnhandledRequest: "error" }));
afterEach(() => network.resetHandlers());
afterAll(() => network.close());

describe("simulated providers", () => {
  it("ANTS: a reference code on the challenge and in the SMS, from ANTS", async () => {
    const inbox = createInbox();
    const adapter = simulatedProviderAdapter(PROVIDER_SIMULATIONS.ants, { inbox });
    const challenge = await adapter.send({ phone: PHONE });
    const sms = inbox.latestMessage(PHONE);
    expect(sms?.from).toBe("ANTS");
    expect(challenge.referenceCode).toMatch(/^[A-Za-z0-9]{5}$/);
    expect(sms?.text).toContain(`(Ref: ${challenge.referenceCode})`);
    await expect(
      adapter.verify({ challenge, code: codeFromText(sms?.text ?? "") ?? "" }),
    ).resolves.toEqual({ verified: true });
  });

  it("EngageLab: words the SMS in the user's language", async () => {
    const inbox = createInbox();
    const adapter = simulatedProviderAdapter(PROVIDER_SIMULATIONS.engagelab, { inbox });
    await adapter.send({ phone: PHONE, locale: "th-TH" });
    expect(inbox.latest(PHONE)).toMatch(/^รหัสยืนยันของคุณคือ \d{6}/);
  });

  it("Verihubs: offers WhatsApp and delivers on it", async () => {
    const inbox = createInbox();
    const adapter = simulatedProviderAdapter(PROVIDER_SIMULATIONS.verihubs, { inbox });
    expect(adapter.channels).toEqual(["sms", "whatsapp"]);
    const challenge = await adapter.send({ phone: PHONE, channel: "whatsapp" });
    expect(challenge).toMatchObject({ channel: "whatsapp", channels: ["sms", "whatsapp"] });
    expect(inbox.latestMessage(PHONE)?.channel).toBe("whatsapp");
  });

  it("refuses a wrong code, an expired code and an unknown challenge", async () => {
    const clock = createManualClock();
    const inbox = createInbox();
    const adapter = simulatedProviderAdapter(PROVIDER_SIMULATIONS.ants, {
      inbox,
      ttlSeconds: 60,
      now: clock.now,
    });
    const challenge = await adapter.send({ phone: PHONE });
    const kindOf = (promise: Promise<unknown>) =>
      promise.then(
        () => "ok",
        (error: OtpError) => error.kind,
      );
    expect(await kindOf(adapter.verify({ challenge, code: "xxxxxx" }))).toBe("wrong_code");
    clock.advance(60_000);
    const code = codeFromText(inbox.latest(PHONE) ?? "") ?? "";
    expect(await kindOf(adapter.verify({ challenge, code }))).toBe("expired");
    expect(await kindOf(adapter.verify({ challenge: { ...challenge, id: "nope" }, code }))).toBe(
      "not_found",
    );
  });

  it("plays the whole flow through the kit's protocol, WhatsApp included", async () => {
    const inbox = createInbox();
    const base = "http://otp.test/api/otp";
    const server = simulatedProviderServer("verihubs", { baseUrl: base, inbox });
    network.use(...server.handlers);
    const adapter = createHttpAdapter({ baseUrl: base });
    const challenge = await adapter.send({ phone: PHONE, channel: "whatsapp" });
    expect(challenge).toMatchObject({ channel: "whatsapp", codeLength: 6 });
    const code = codeFromText(inbox.latest(PHONE) ?? "") ?? "";
    await expect(adapter.verify({ challenge, code })).resolves.toMatchObject({ verified: true });
  });
});
