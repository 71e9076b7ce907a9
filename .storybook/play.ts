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
