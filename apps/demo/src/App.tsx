import { SCENARIO_PHONES } from "@otpkit/mocks";
import { OtpVerify } from "@otpkit/ui";
import { useEffect, useMemo, useState } from "react";
import { createDemoAdapter, type FlowEvent } from "./adapter";
import { BackendCheck } from "./BackendCheck";
import type { DemoBackend } from "./backend";
import { PAGE_COPY } from "./copy";
import { PROVIDERS } from "./providers";
import { SimulatedPhone } from "./SimulatedPhone";
import {
  DEMO_LOCALES,
  type DemoLocale,
  type DemoSettings,
  PROVIDER_NAMES,
  type ProviderName,
  THEMES,
  type Theme,
  writeSettings,
} from "./settings";

const LANGUAGES: Record<DemoLocale, string> = {
  en: "English",
  th: "ไทย",
  id: "Bahasa Indonesia",
  zh: "中文",
};

/** The provider @otpkit/server was started with (`pnpm dev:server` passes OTPKIT_PROVIDER on). */
const SERVER_PROVIDER = import.meta.env.VITE_OTPKIT_SERVER_PROVIDER || "console";

/**
 * Server mode resumes a live code after a reload (the server still has it): the simulated
 * phone must still be that number's. Embedded mode starts over, its server lives in the page.
 */
const PHONE_KEY = "otpkit-demo:phone";
function storedPhone(): string | null {
  try {
    return sessionStorage.getItem(PHONE_KEY);
  } catch {
    return null;
  }
}
function storePhone(phone: string) {
  try {
    sessionStorage.setItem(PHONE_KEY, phone);
  } catch {
    // Storage refused (private mode): the phone is lost on reload, nothing else.
  }
}

export function App({ backend, initial }: { backend: DemoBackend; initial: DemoSettings }) {
  const embedded = backend.mode === "embedded";
  const [provider, setProvider] = useState<ProviderName>(initial.provider);
  const [locale, setLocale] = useState<DemoLocale>(initial.locale);
  const [theme, setTheme] = useState<Theme>(initial.theme);
  const { ttlSeconds, cooldownSeconds } = initial;

  const [phone, setPhone] = useState<string | null>(() => (embedded ? null : storedPhone()));
  const [sends, setSends] = useState(0);
  const [events, setEvents] = useState<FlowEvent[]>([]);
  const [token, setToken] = useState<string | null>(null);
  const [run, setRun] = useState(0);

  const adapter = useMemo(
    () =>
      createDemoAdapter(backend, {
        onPhone(next) {
          setPhone(next);
          if (backend.mode === "server") storePhone(next);
        },
        onEvent(event) {
          setEvents((list) => [event, ...list].slice(0, 8));
          if (event.ok && event.operation !== "verify") setSends((count) => count + 1);
        },
      }),
    [backend],
  );

  // Embedded: from now on the mocked server answers as this provider.
  useEffect(() => {
    backend.configure({ provider, ttlSeconds, cooldownSeconds });
  }, [backend, provider, ttlSeconds, cooldownSeconds]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.lang = locale;
    writeSettings({ provider, locale, theme });
  }, [provider, locale, theme]);

  const profile = embedded
    ? PROVIDERS[provider]
    : (PROVIDERS[SERVER_PROVIDER as ProviderName] ?? PROVIDERS.console);
  const copy = PAGE_COPY[locale];

  function restart() {
    setToken(null);
    setEvents([]);
    setRun((count) => count + 1);
  }

  return (
    <>
      <header className="topbar" lang="en">
        <p className="brand">
          otpkit <span>demo</span>
        </p>
        <div className="switchers">
          {embedded ? (
            <label>
              Provider
              <select
                value={provider}
                onChange={(event) => {
                  setProvider(event.target.value as ProviderName);
                  restart();
                }}
              >
                {PROVIDER_NAMES.map((name) => (
                  <option key={name} value={name}>
                    {PROVIDERS[name].label} (simulated)
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <p className="server-provider">
              Provider <strong>{SERVER_PROVIDER}</strong>
            </p>
          )}
          <label>
            Language
            <select
              value={locale}
              onChange={(event) => setLocale(event.target.value as DemoLocale)}
            >
              {DEMO_LOCALES.map((tag) => (
                <option key={tag} value={tag} lang={tag}>
                  {LANGUAGES[tag]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Theme
            <select value={theme} onChange={(event) => setTheme(event.target.value as Theme)}>
              {THEMES.map((name) => (
                <option key={name} value={name}>
                  {name === "light" ? "Light" : "Dark"}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="mode-note" data-testid="mode">
          {embedded ? (
            <>
              <strong>Embedded mode:</strong> the server and the providers are simulated in your
              browser (MSW). No SMS is sent. {profile.simulated}
            </>
          ) : (
            <>
              <strong>Server mode:</strong> this page talks to <code>@otpkit/server</code> over HTTP
              at <code>/api/otp</code>; the server picked the <code>{SERVER_PROVIDER}</code>{" "}
              provider from its environment.
            </>
          )}
        </p>
      </header>

      <div className="layout">
        <main className="column signin-column">
          <div className="signin">
            <p className="logo" aria-hidden="true">
              Acme
            </p>
            <h1>{copy.title}</h1>
            <p className="intro">{copy.intro}</p>
            <OtpVerify
              key={`${provider}-${run}`}
              adapter={adapter}
              locale={locale}
              defaultCountry={profile.country}
              channels={embedded ? profile.channels : []}
              // A reload restarts the mocked server, so there is nothing to resume in embedded mode.
              persist={!embedded}
              onVerified={(result) => setToken(result.token ?? "")}
            />
            {token !== null && (
              <button type="button" className="otpkit-link again" onClick={restart}>
                {copy.again}
              </button>
            )}
          </div>

          {token && <BackendCheck backend={backend} token={token} />}
        </main>

        <SimulatedPhone backend={backend} phone={phone} sends={sends} />

        <aside className="column tools" aria-label="Developer tools" lang="en">
          <section className="panel" aria-labelledby="events-title">
            <h2 id="events-title">What your app sees</h2>
            {events.length === 0 ? (
              <p className="muted">Each answer of the server shows here, newest first.</p>
            ) : (
              <ol className="events" data-testid="events">
                {events.map((event) => (
                  <li key={event.id} data-ok={event.ok}>
                    <code>{event.operation}</code> {event.outcome}
                  </li>
                ))}
              </ol>
            )}
          </section>

          {embedded && <NumbersToTry provider={provider} />}
        </aside>
      </div>
    </>
  );
}

function NumbersToTry({ provider }: { provider: ProviderName }) {
  const sandbox = PROVIDERS[provider].sandbox;
  return (
    <section className="panel" aria-labelledby="numbers-title">
      <h2 id="numbers-title">Numbers to try</h2>
      {sandbox && (
        <>
          <p>{PROVIDERS[provider].label} sandbox numbers, as the kit maps their answers:</p>
          <table>
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Provider answers</th>
                <th scope="col">Kind</th>
              </tr>
            </thead>
            <tbody>
              {sandbox.map((entry) => (
                <tr key={entry.phone}>
                  <td>
                    <code>{entry.phone}</code>
                  </td>
                  <td>{entry.answer}</td>
                  <td>{entry.kind === "ok" ? "works" : entry.kind}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <details>
        <summary>Numbers that fail on purpose, with any provider</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Kind</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(SCENARIO_PHONES).map(([kind, number]) => (
              <tr key={kind}>
                <td>
                  <code>{number}</code>
                </td>
                <td>{kind}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
