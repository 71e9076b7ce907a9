/**
 * A simulated phone inbox shared by every mock: what an SMS provider would deliver lands
 * here, so tests, Storybook and the demo can read the code as a phone would show it.
 */
export interface InboxMessage {
  /** E.164 destination, with "+". */
  to: string;
  /** Sender name as the phone shows it ("ANTS", "Verihubs", "otpkit"). */
  from: string;
  /** The full SMS text. */
  text: string;
  /** Which mock delivered it: "ants", "engagelab", "verihubs", "console", "server". */
  provider: string;
  channel: string;
  /** Epoch ms of delivery. */
  at: number;
}

export interface Inbox {
  deliver(message: Omit<InboxMessage, "at" | "channel"> & { at?: number; channel?: string }): void;
  /** Text of the newest message sent to `phone` (E.164, with or without "+"). */
  latest(phone: string): string | undefined;
  /** Newest message object sent to `phone`. */
  latestMessage(phone: string): InboxMessage | undefined;
  /** All messages, oldest first; only those to `phone` when given. */
  messages(phone?: string): InboxMessage[];
  /** Called after every delivery. Returns an unsubscribe function. */
  subscribe(listener: (message: InboxMessage) => void): () => void;
  clear(): void;
}

const normalize = (phone: string) => `+${phone.replace(/\D/g, "")}`;

export function createInbox(now: () => number = Date.now): Inbox {
  let messages: InboxMessage[] = [];
  const listeners = new Set<(message: InboxMessage) => void>();
  const to = (phone: string) => messages.filter((m) => m.to === normalize(phone));
  return {
    deliver(input) {
      const message: InboxMessage = {
        channel: "sms",
        at: now(),
        ...input,
        to: normalize(input.to),
      };
      messages = [...messages, message];
      for (const listener of listeners) listener(message);
    },
    latest: (phone) => to(phone).at(-1)?.text,
    latestMessage: (phone) => to(phone).at(-1),
    messages: (phone) => (phone === undefined ? [...messages] : to(phone)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear() {
      messages = [];
    },
  };
}

/** The run of `length` digits in an SMS text (not every digit: a "Ref" may hold some). */
export function codeFromText(text: string, length = 6): string | undefined {
  const match = text.match(new RegExp(`(?<![0-9])[0-9]{${length}}(?![0-9])`));
  return match?.[0];
}

/** The inbox every mock delivers to unless given another. */
export const inbox: Inbox = createInbox();
