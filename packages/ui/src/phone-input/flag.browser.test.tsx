/**
 * Flags in real Chromium: emoji where the platform draws flag glyphs, else the ISO code drawn
 * by CSS (Windows has no flag emoji). The measurement is checked against this browser's own
 * text metrics; both outcomes are then forced with `assumeFlagGlyphs`, so each path runs here
 * whatever fonts the machine has.
 */
import { flagOf } from "@otpkit/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import { render } from "vitest-browser-react";
import { loadPackageStyles } from "../test/axe";
import { assumeFlagGlyphs, Flag } from "./flag";
import { PhoneInput } from "./PhoneInput";

beforeAll(() => loadPackageStyles());
afterEach(() => assumeFlagGlyphs(undefined));

/** The flag's code as the CSS draws it (`content: attr(data-code)`), or "none". */
const drawnCode = (flag: Element) => getComputedStyle(flag, "::before").content;

const renderFlag = async (country: string | undefined) => {
  const screen = await render(<Flag country={country} />);
  const flag = screen.container.querySelector(".otpkit-phone__flag");
  if (!flag) throw new Error("Flag did not render");
  return flag;
};

describe("Flag", () => {
  it("shows emoji only where this browser draws a flag as one glyph", async () => {
    // The same question the component asks, answered by this browser's fonts: are the two
    // regional indicators of 🇹🇭 one glyph (about one indicator wide) or two apart?
    const context = document.createElement("canvas").getContext("2d");
    if (!context) throw new Error("no canvas");
    context.font = "32px sans-serif";
    const pair = context.measureText(flagOf("TH")).width;
    const one = context.measureText(String.fromCodePoint(0x1f1f9)).width;
    const drawsFlags = pair > 0 && pair < one * 1.5;
    assumeFlagGlyphs(undefined);
    const flag = await renderFlag("TH");
    expect(flag.textContent).toBe(drawsFlags ? flagOf("TH") : "");
    expect(flag.getAttribute("data-code")).toBe(drawsFlags ? null : "TH");
  });

  it("without flag glyphs (Windows): the ISO code, drawn by CSS, and no emoji text", async () => {
    assumeFlagGlyphs(false);
    const flag = await renderFlag("TH");
    expect(flag.getAttribute("data-code")).toBe("TH");
    expect(flag.textContent).toBe("");
    expect(drawnCode(flag)).toBe('"TH"');
    expect(flag.getAttribute("aria-hidden")).toBe("true");
    // No country yet ("+999…"): a question mark in the frame.
    expect((await renderFlag(undefined)).getAttribute("data-code")).toBe("?");
  });

  it("with flag glyphs: the emoji, and no code", async () => {
    assumeFlagGlyphs(true);
    const flag = await renderFlag("TH");
    expect(flag.textContent).toBe("🇹🇭");
    expect(flag.hasAttribute("data-code")).toBe(false);
    expect(drawnCode(flag)).toBe("none");
    expect((await renderFlag(undefined)).textContent).toBe("🌐");
  });

  it("in PhoneInput without flag glyphs: codes on the button and in the list, names unchanged", async () => {
    assumeFlagGlyphs(false);
    const screen = await render(<PhoneInput aria-label="Phone number" defaultCountry="TH" />);
    const button = screen.container.querySelector(".otpkit-phone__country") as HTMLElement;
    expect(button.getAttribute("aria-label")).toBe("Country: Thailand +66");
    expect(button.querySelector(".otpkit-phone__flag")?.getAttribute("data-code")).toBe("TH");
    expect(button.textContent).not.toContain(flagOf("TH"));
    await userEvent.click(button);
    await userEvent.keyboard("indonesia");
    const option = screen.container.querySelector('[role="option"]') as HTMLElement;
    expect(option.querySelector(".otpkit-phone__flag")?.getAttribute("data-code")).toBe("ID");
    expect(option.textContent).not.toContain(flagOf("ID"));
  });
});
