/**
 * A phone beside the form, so anyone can finish the flow: it belongs to the number that last
 * asked for a code and shows what the (simulated or console) provider delivered to it.
 * A demo tool, in English whatever the page's language.
 */
import { useEffect, useState } from "react";
import type { DemoBackend, Inbox } from "./backend";

const CHANNELS: Record<string, string> = { sms: "SMS", whatsapp: "WhatsApp", voice: "Call" };

/** The code in a message: a run of 4 to 10 digits (a reference like "Ref: IpA6k" is not one). */
const codeIn = (text: string) => text.match(/(?<![0-9])[0-9]{4,10}(?![0-9])/)?.[0];

const time = new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit" });

export function SimulatedPhone({
  backend,
  phone,
  sends,
}: {
  backend: DemoBackend;
  /** E.164 of the number that last asked for a code. */
  phone: string | null;
  /** Changes with every send, so server mode polls at once. */
  sends: number;
}) {
  const [inbox, setInbox] = useState<Inbox>({ messages: [] });
  const [copied, setCopied] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new send restarts the watch (server mode reads at once)
  useEffect(() => {
    setInbox({ messages: [] });
    if (!phone) return;
    return backend.watchInbox(phone, setInbox);
  }, [backend, phone, sends]);

  async function copy(code: string) {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(code);
    } catch {
      setCopied(null);
    }
  }

  const messages = [...(inbox.messages ?? [])].reverse();
  return (
    <aside className="phone" aria-labelledby="phone-title" lang="en" dir="ltr">
      <div className="phone-screen">
        <div className="phone-status" aria-hidden="true">
          <span>{time.format(Date.now())}</span>
          <span className="phone-island" />
          <span>5G</span>
        </div>
        <h2 id="phone-title" className="phone-title">
          Simulated phone
        </h2>
        <p className="phone-owner">{phone ?? "Waiting for a number"}</p>
        {inbox.messages === null ? (
          <p className="phone-empty">
            The server sends through a real provider: the message goes to the real phone.
          </p>
        ) : (
          <ol className="phone-messages" aria-live="polite" aria-label="Messages">
            {messages.length === 0 && (
              <li className="phone-empty">
                {phone ? "No messages yet" : "Enter a number and send a code: it arrives here."}
              </li>
            )}
            {messages.map((message) => {
              const code = codeIn(message.text);
              return (
                <li key={`${message.at}-${message.text}`} className="phone-message">
                  <p className="phone-meta">
                    <strong>{message.from}</strong>
                    <span>
                      {CHANNELS[message.channel] ?? message.channel} ·{" "}
                      <time dateTime={new Date(message.at).toISOString()}>
                        {time.format(message.at)}
                      </time>
                    </span>
                  </p>
                  <p className="phone-text">{message.text}</p>
                  {code && (
                    <button type="button" className="phone-copy" onClick={() => copy(code)}>
                      {copied === code ? "Copied" : "Copy code"}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </aside>
  );
}
