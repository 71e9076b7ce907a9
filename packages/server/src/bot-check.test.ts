import { describe, expect, it, vi } from "vitest";
import { BOT_CHECK_RETRY_MS, passBotCheck } from "./bot-check";

const input = {
  token: "captcha-token",
  phone: "+66812345678",
  clientIp: "203.0.113.9",
  request: new Request("http://localhost/api/otp/send"),
};

describe("passBotCheck", () => {
  it("lets the send go on when there is no check or it passes", async () => {
    await expect(passBotCheck(undefined, input)).resolves.toBeUndefined();
    const check = vi.fn(async () => true);
    await expect(passBotCheck(check, input)).resolves.toBeUndefined();
    expect(check).toHaveBeenCalledWith(input);
  });

  it("refuses with rate_limited and a short wait when the check says no", async () => {
    await expect(passBotCheck(() => false, input)).rejects.toMatchObject({
      kind: "rate_limited",
      retryAfterMs: BOT_CHECK_RETRY_MS,
    });
  });

  it("fails closed when the check itself fails", async () => {
    const down = () => Promise.reject(new Error("captcha service down"));
    await expect(passBotCheck(down, input)).rejects.toMatchObject({ kind: "rate_limited" });
  });

  it("takes only a real true as a pass", async () => {
    await expect(passBotCheck(() => "yes" as unknown as boolean, input)).rejects.toMatchObject({
      kind: "rate_limited",
    });
  });
});
