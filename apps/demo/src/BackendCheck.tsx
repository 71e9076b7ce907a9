/**
 * After success: the token the browser got, what is inside it, and what the app's backend
 * does with it. In server mode the demo's own backend (Vite's dev server) runs
 * `verifyOtpToken` for real; in embedded mode no server code runs, so the page shows the
 * claims and the one line the backend would run.
 */
import { useEffect, useState } from "react";
import type { DemoBackend, TokenCheck } from "./backend";
import { claimTime, decodeToken } from "./token";

const SNIPPET = `import { verifyOtpToken } from "@otpkit/server/token";

const { phone, challengeId } = await verifyOtpToken(token, process.env.OTPKIT_TOKEN_SECRET);`;

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" });

function Claims({ claims }: { claims: Record<string, unknown> }) {
  return (
    <dl className="claims">
      {Object.entries(claims).map(([name, value]) => {
        const at = claimTime(name, value);
        return (
          <div key={name}>
            <dt>{name}</dt>
            <dd>
              <code>{JSON.stringify(value)}</code>
              {at && <span className="muted"> ({dateTime.format(at)})</span>}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function CheckResult({ check }: { check: TokenCheck | undefined | "pending" }) {
  if (check === "pending") return <p className="muted">Asking the demo's backend…</p>;
  if (check === undefined) {
    return (
      <p className="muted">
        The demo's backend could not check the token (start it with <code>pnpm dev:server</code>,
        which shares <code>OTPKIT_TOKEN_SECRET</code> with the server).
      </p>
    );
  }
  if (!check.valid) {
    return (
      <p className="check check-bad" role="status">
        <strong>Refused:</strong> verifyOtpToken threw OtpTokenError “{check.reason}”.
      </p>
    );
  }
  return (
    <div role="status">
      <p className="check check-good">
        <strong>Valid:</strong> signature, issuer and expiry checked by verifyOtpToken on the demo's
        backend. Phone <code>{check.claims.phone}</code>, challenge{" "}
        <code>{check.claims.challengeId}</code>, valid until{" "}
        {dateTime.format(check.claims.expiresAt)}.
      </p>
    </div>
  );
}

export function BackendCheck({ backend, token }: { backend: DemoBackend; token: string }) {
  const decoded = decodeToken(token);
  const [check, setCheck] = useState<TokenCheck | undefined | "pending">("pending");

  useEffect(() => {
    if (backend.mode !== "server") return;
    let current = true;
    setCheck("pending");
    void backend.checkToken(token).then((result) => {
      if (current) setCheck(result);
    });
    return () => {
      current = false;
    };
  }, [backend, token]);

  return (
    <section className="panel" aria-labelledby="backend-title" lang="en">
      <h2 id="backend-title">What your backend checks</h2>
      <p>
        The browser hands this token to your backend, which checks it before it trusts the number:
        the signature (HMAC-SHA256 under your secret), the issuer, the expiry; then it reads the
        phone and accepts each challenge id once.
      </p>
      <h3>Verification token</h3>
      <pre className="token" data-testid="token">
        {token}
      </pre>
      {decoded && (
        <>
          <h3>Its claims {decoded.format === "jwt" ? "(JWT, HS256)" : "(mock token)"}</h3>
          <Claims claims={decoded.claims} />
        </>
      )}
      <h3>Your backend</h3>
      <pre className="snippet">
        <code>{SNIPPET}</code>
      </pre>
      {backend.mode === "server" ? (
        <CheckResult check={check} />
      ) : (
        <p className="muted">
          Embedded mode runs no server code: this token is the mocked server's readable, unsigned
          stand-in. <code>@otpkit/server</code> issues a signed JWT that the line above checks; run{" "}
          <code>pnpm dev:server</code> to see that check happen.
        </p>
      )}
    </section>
  );
}
