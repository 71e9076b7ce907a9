/**
 * Small helpers for play functions: read the simulated phone, match a catalogue sentence
 * whatever fills its placeholders, and let time pass without waiting for it.
 */
import { codeFromText, inbox } from "@otpkit/mocks";
import { expect, waitFor } from "storybook/test";

/** A sentence from a message catalogue as a pattern: each `{placeholder}` matches anything. */
export function sentence(template: string): RegExp {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(
    template
      .split(/\{\w+\}/)
      .map(literal)
      .join(".+"),
  );
}

/** The code the simulated phone received last for `phone`, once it has arrived. */
export async function codeOnPhone(phone: string, length: number): Promise<string> {
  let code: string | undefined;
  await waitFor(() => {
    code = codeFromText(inbox.latest(phone) ?? "", length);
    return expect(code).toBeDefined();
  });
  return code as string;
}

/** Messages delivered to `phone` so far. */
export const messagesOnPhone = (phone: string) => inbox.messages(phone);

/**
 * A clock that runs in real time (countdowns tick for a designer watching) and can jump
 * ahead (a play function skips five minutes without waiting for them). Give `now` to the
 * component; the mocked server keeps real time, as a real server would.
 */
export interface SkippableClock {
  now: () => number;
  skip(ms: number): void;
  reset(): void;
}

export function createSkippableClock(): SkippableClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    skip: (ms) => {
      offset += ms;
    },
    reset: () => {
      offset = 0;
    },
  };
}

/** Relative luminance (0 black to 1 white) of a computed CSS colour such as "rgb(20, 22, 27)". */
export function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
