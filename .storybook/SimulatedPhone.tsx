/**
 * A phone beside the form in the "Full flow" stories: whatever the mocked server or the
 * simulated provider delivers lands in the shared inbox of @otpkit/mocks and shows here.
 * A storybook tool, not part of the kit (its wording is English on purpose).
 */
import { type InboxMessage, inbox } from "@otpkit/mocks";
import { type ReactNode, useState, useSyncExternalStore } from "react";
import "./simulated-phone.css";

const subscribe = (onChange: () => void) => inbox.subscribe(onChange);
let cached: InboxMessage[] = [];
const snapshot = () => {
  const messages = inbox.messages();
  if (messages.length !== cached.length || messages.at(-1) !== cached.at(-1)) cached = messages;
  return cached;
};

const CHANNEL_NAMES: Record<string, string> = { sms: "SMS", whatsapp: "WhatsApp", voice: "Call" };

/** The code in a message: a run of 4 to 10 digits (a reference like "IpA6k" is not one). */
const codeIn = (text: string) => text.match(/(?<![0-9])[0-9]{4,10}(?![0-9])/)?.[0];

export function SimulatedPhone({ locale = "en" }: { locale?: string }) {
  const messages = useSyncExternalStore(subscribe, snapshot, snapshot);
  const [copied, setCopied] = useState<string | null>(null);
  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" });

  async function copy(code: string) {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(code);
    } catch {
      setCopied(null);
    }
  }

  return (
    <aside className="sb-phone" aria-label="Simulated phone" dir="ltr" lang="en">
      <h2 className="sb-phone-title">Messages</h2>
      <ol className="sb-phone-messages" aria-live="polite">
        {messages.length === 0 && <li className="sb-phone-empty">No messages yet</li>}
        {[...messages].reverse().map((message) => {
          const code = codeIn(message.text);
          return (
            <li key={`${message.at}-${message.text}`} className="sb-phone-message">
              <div className="sb-phone-meta">
                <strong>{message.from}</strong>
                <span>
                  {CHANNEL_NAMES[message.channel] ?? message.channel} ·{" "}
                  <time dateTime={new Date(message.at).toISOString()}>
                    {time.format(message.at)}
                  </time>
                </span>
              </div>
              <p className="sb-phone-text">{message.text}</p>
              {code && (
                <button type="button" className="sb-phone-copy" onClick={() => copy(code)}>
                  {copied === code ? "Copied" : "Copy code"}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </aside>
  );
}

/** The form and the phone side by side; stacked on narrow screens. */
export function WithPhone({ children, locale }: { children: ReactNode; locale?: string }) {
  return (
    <div className="sb-with-phone">
      <div className="sb-with-phone-form">{children}</div>
      <SimulatedPhone locale={locale} />
    </div>
  );
}
