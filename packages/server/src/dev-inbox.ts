/**
 * Development only: the SMS the console adapter "delivered", kept so the demo's simulated
 * phone can show them (`GET {base}/dev/inbox?phone=`). The handler serves it only when given
 * one, and the bin gives one only with the console provider outside production.
 */

export interface DevInboxMessage {
  to: string;
  from: string;
  text: string;
  provider: string;
  channel: string;
  /** Epoch ms of delivery. */
  at: number;
}

export interface DevInbox {
  deliver(message: Omit<DevInboxMessage, "at" | "channel"> & { channel?: string }): void;
  /** Messages to `phone` (E.164), oldest first. */
  messages(phone: string): DevInboxMessage[];
}

/** Keeps the newest `perPhone` messages of each number, for at most `phones` numbers. */
export function createDevInbox(
  options: { perPhone?: number; phones?: number; now?: () => number } = {},
): DevInbox {
  const { perPhone = 20, phones = 1000, now = Date.now } = options;
  const byPhone = new Map<string, DevInboxMessage[]>();
  return {
    deliver({ to, from, text, provider, channel = "sms" }) {
      const list = byPhone.get(to) ?? [];
      byPhone.delete(to);
      byPhone.set(to, [...list, { to, from, text, provider, channel, at: now() }].slice(-perPhone));
      // Maps iterate oldest first: drop the number not written to for longest.
      if (byPhone.size > phones) byPhone.delete(byPhone.keys().next().value as string);
    },
    messages: (phone) => [...(byPhone.get(phone) ?? [])],
  };
}
