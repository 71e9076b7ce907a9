import { type InboxMessage, inbox } from "@otpkit/mocks";
import { useSyncExternalStore } from "react";

const subscribe = (onChange: () => void) => inbox.subscribe(onChange);
let cached: InboxMessage[] = [];
const snapshot = () => {
  const messages = inbox.messages();
  if (messages.length !== cached.length) cached = messages;
  return cached;
};

const time = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

/** A phone beside the form that receives what the mocked provider sends. */
export function SimulatedPhone() {
  const messages = useSyncExternalStore(subscribe, snapshot, snapshot);
  return (
    <aside className="phone" aria-label="Simulated phone">
      <div className="phone-notch" aria-hidden="true" />
      <h2 className="phone-title">Messages</h2>
      <ol className="phone-messages" aria-live="polite">
        {messages.length === 0 && <li className="phone-empty">No messages yet</li>}
        {[...messages].reverse().map((message) => (
          <li key={`${message.at}-${message.text}`} className="phone-message">
            <div className="phone-meta">
              <strong>{message.from}</strong>
              <time dateTime={new Date(message.at).toISOString()}>{time.format(message.at)}</time>
            </div>
            <p>{message.text}</p>
            <p className="phone-to">to {message.to}</p>
          </li>
        ))}
      </ol>
    </aside>
  );
}
