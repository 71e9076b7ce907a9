"use client";
import { flagOf } from "@otpkit/react";
import { useSyncExternalStore } from "react";

let supported: boolean | undefined;

/**
 * Tests only: what the platform is taken to draw (true: flag emoji, false: no flag glyphs, as
 * on Windows); `undefined` measures it again. Both paths then run in any browser.
 */
export function assumeFlagGlyphs(drawn: boolean | undefined): void {
  supported = drawn;
}

/**
 * Whether this browser draws flag emoji: a flag is one glyph about as wide as one regional
 * indicator; where there is no flag font (Windows, Linux without an emoji font) the two
 * indicators are drawn apart, as letters or as empty boxes. Measured once.
 */
function drawsFlags(): boolean {
  if (supported === undefined) {
    supported = true;
    try {
      // jsdom has no canvas and reports so on the console: nothing to measure there.
      const context = /jsdom/.test(navigator.userAgent)
        ? null
        : document.createElement("canvas").getContext("2d");
      if (context) {
        context.font = "32px sans-serif";
        const flag = context.measureText(flagOf("TH")).width;
        const letter = context.measureText(String.fromCodePoint(0x1f1f9)).width;
        supported = flag > 0 && flag < letter * 1.5;
      }
    } catch {
      // No canvas (jsdom): keep the emoji.
    }
  }
  return supported;
}

const noSubscribe = () => () => {};

/**
 * A country's flag as emoji (0 bytes of images), or its ISO code where the platform has no
 * flag glyphs. Decorative: the country's name is in the accessible name beside it.
 */
export function Flag({ country }: { country: string | undefined }) {
  // The server (and the first render while hydrating) assumes emoji; the browser checks.
  const emoji = useSyncExternalStore(noSubscribe, drawsFlags, () => true);
  return (
    <span
      className="otpkit-phone__flag"
      // The fallback code is drawn by CSS so it stays out of the button's text: the button is
      // named "Country: Thailand +66", and a visible "TH" would not be part of that name.
      data-code={emoji ? undefined : (country ?? "?")}
      aria-hidden="true"
    >
      {emoji ? (country ? flagOf(country) : "🌐") : null}
    </span>
  );
}
