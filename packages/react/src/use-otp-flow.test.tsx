import { OtpError } from "@otpkit/core";
import { createFakeAdapter, type FakeAdapter } from "@otpkit/core/testing";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { Profiler, type ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useCountdown } from "./use-countdown";
import { type OtpFlow, type UseOtpFlowOptions, useOtpFlow } from "./use-otp-flow";

const PHONE = "+66812345678";

function Flow(props: Partial<UseOtpFlowOptions> & { adapter: FakeAdapter }) {
  return <FlowView flow={useOtpFlow(props)} />;
}

function FlowView({ flow }: { flow: OtpFlow }) {
  return (
    <div>
      <p data-testid="step">{flow.step}</p>
      <p data-testid="error">{flow.error?.kind ?? "none"}</p>
      <p data-testid="resend-in">{flow.secondsUntilResend}</p>
      <p data-testid="expires-in">{flow.secondsUntilExpiry}</p>
      <p data-testid="retry-in">{flow.secondsUntilRetry}</p>
      <p data-testid="attempts">{flow.attemptsLeft ?? "?"}</p>
      <p data-testid="token">{flow.token ?? ""}</p>
      <button type="button" onClick={() => flow.send(PHONE)}>
        Send
      </button>
      <button type="button" onClick={() => flow.resend()} disabled={!flow.canResend}>
        Resend
      </button>
      <button type="button" onClick={() => flow.retry()}>
        Try again
      </button>
      <button type="button" onClick={() => flow.changeNumber()}>
        Change number
      </button>
      <p data-testid="phone">{flow.phone}</p>
      <label>
        Code
        <input value={flow.code} onChange={(e) => flow.setCode(e.target.value)} />
      </label>
    </div>
  );
}

/** Live seconds to a deadline, in a component of their own. */
function Countdown({ id, deadline }: { id: string; deadline: number | null }) {
  return <p data-testid={id}>{useCountdown(deadline)}</p>;
}

const callerRenders = vi.fn();

/** The same flow with `ticks: "deadlines"`: live seconds come from countdowns of their own. */
function DeadlineFlow(props: Partial<UseOtpFlowOptions> & { adapter: FakeAdapter }) {
  callerRenders();
  const flow = useOtpFlow({ ...props, ticks: "deadlines" });
  return (
    <div>
      <FlowView flow={flow} />
      <Countdown id="live-resend" deadline={flow.resendAvailableAt} />
      <Countdown id="live-expiry" deadline={flow.expiresAt} />
      <Countdown id="live-retry" deadline={flow.retryAvailableAt} />
    </div>
  );
}

const text = (id: string) => screen.getByTestId(id).textContent;
const click = (name: string) => fireEvent.click(screen.getByRole("button", { name }));
const typeCode = (code: string) =>
  fireEvent.change(screen.getByLabelText("Code"), { target: { value: code } });
/**
 * Let pending promises (adapter answers) settle inside act, with what TanStack Query
 * schedules at 0 ms (its notifications) run too.
 */
const settle = () =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(0);
  });
/** Move the clock a second at a time: each tick's effect schedules the next one. */
async function advance(ms: number) {
  for (let left = ms; left >= 0; left -= 1000) {
    await act(async () => {
      await vi.advanceTimersByTimeAsync(Math.min(1000, left));
    });
    if (left <= 1000) break;
  }
}

let adapter: FakeAdapter;

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 10, 22, 9, 0, 0) });
  adapter = createFakeAdapter({ codes: ["123456", "654321", "111111"], resendSeconds: 30 });
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("useOtpFlow", () => {
  it("sends, counts down from the server's times, verifies and reports the token", async () => {
    const onVerified = vi.fn();
    render(<Flow adapter={adapter} onVerified={onVerified} />);
    click("Send");
    expect(text("step")).toBe("sending");
    await settle();
    expect(text("step")).toBe("enterCode");
    expect(text("resend-in")).toBe("30");
    expect(text("expires-in")).toBe("300");

    typeCode("123456");
    await settle();
    expect(text("step")).toBe("verified");
    expect(text("token")).toBe("fake-token-fake-1");
    expect(onVerified).toHaveBeenCalledWith({ phone: PHONE, token: "fake-token-fake-1" });
    expect(adapter.calls.map((c) => c.method)).toEqual(["send", "verify"]);
  });

  it("keeps resend disabled until the cooldown ends, then resends with a new code", async () => {
    render(<Flow adapter={adapter} />);
    click("Send");
    await settle();
    const resend = screen.getByRole("button", { name: "Resend" });
    expect(resend).toBeDisabled();
    click("Resend");
    expect(adapter.calls).toHaveLength(1);

    await advance(29_000);
    expect(text("resend-in")).toBe("1");
    expect(resend).toBeDisabled();
    await advance(1_000);
    expect(text("resend-in")).toBe("0");
    expect(resend).toBeEnabled();

    click("Resend");
    await settle();
    expect(adapter.calls.map((c) => c.method)).toEqual(["send", "resend"]);
    expect(text("resend-in")).toBe("30");
    typeCode("654321");
    await settle();
    expect(text("step")).toBe("verified");
  });

  it("ends the challenge when the code expires, without asking the server", async () => {
    render(<Flow adapter={adapter} />);
    click("Send");
    await settle();
    await advance(299_000);
    expect(text("expires-in")).toBe("1");
    expect(text("error")).toBe("none");
    await advance(1_000);
    expect(text("expires-in")).toBe("0");
    expect(text("error")).toBe("expired");
    typeCode("123456");
    await settle();
    expect(adapter.calls.map((c) => c.method)).toEqual(["send"]);
    expect(screen.getByRole("button", { name: "Resend" })).toBeEnabled();
  });

  it("shows attempts left after a wrong code, then verifies the right one", async () => {
    render(<Flow adapter={adapter} />);
    click("Send");
    await settle();
    typeCode("000000");
    await settle();
    expect(text("error")).toBe("wrong_code");
    expect(text("attempts")).toBe("4");
    expect(screen.getByLabelText("Code")).toHaveValue("");
    typeCode("123456");
    await settle();
    expect(text("step")).toBe("verified");
  });

  it("locks the code after too many attempts and offers resend when the cooldown allows", async () => {
    adapter = createFakeAdapter({ codes: ["123456", "222222"], maxAttempts: 2 });
    render(<Flow adapter={adapter} />);
    click("Send");
    await settle();
    typeCode("000000");
    await settle();
    typeCode("000001");
    await settle();
    expect(text("error")).toBe("too_many_attempts");
    expect(text("attempts")).toBe("0");
    typeCode("123456");
    await settle();
    expect(text("step")).toBe("enterCode");
    expect(adapter.calls.filter((c) => c.method === "verify")).toHaveLength(2);
    await advance(30_000);
    expect(screen.getByRole("button", { name: "Resend" })).toBeEnabled();
  });

  it("keeps the phone and offers a retry after a network failure", async () => {
    adapter.failNext("send", { kind: "network", status: 0 });
    const onError = vi.fn();
    render(<Flow adapter={adapter} onError={onError} />);
    click("Send");
    await settle();
    expect(text("step")).toBe("enterPhone");
    expect(text("error")).toBe("network");
    expect(text("phone")).toBe(PHONE);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: "network" }));
    click("Try again");
    await settle();
    expect(text("step")).toBe("enterCode");
    expect(adapter.calls.map((c) => c.method)).toEqual(["send", "send"]);
  });

  it("counts down a rate limit from the server's Retry-After", async () => {
    adapter.failNext("send", { kind: "rate_limited", status: 429, retryAfterMs: 20_000 });
    render(<Flow adapter={adapter} />);
    click("Send");
    await settle();
    expect(text("error")).toBe("rate_limited");
    expect(text("retry-in")).toBe("20");
    click("Send");
    expect(adapter.calls).toHaveLength(1);
    await advance(20_000);
    expect(text("retry-in")).toBe("0");
    click("Send");
    await settle();
    expect(text("step")).toBe("enterCode");
  });

  it("sends once on a double click", async () => {
    render(<Flow adapter={adapter} />);
    click("Send");
    click("Send");
    await settle();
    expect(adapter.calls).toHaveLength(1);
  });

  it("ignores the answer for a number the user already changed", async () => {
    const held = adapter.hold("send");
    render(<Flow adapter={adapter} />);
    click("Send");
    click("Change number");
    held.release();
    await settle();
    expect(text("step")).toBe("enterPhone");
    expect(text("phone")).toBe(PHONE);
  });

  it("uses the app's QueryClient when there is one", async () => {
    const client = new QueryClient();
    const seen = vi.fn();
    client.getMutationCache().subscribe((event) => seen(event.type));
    render(
      <QueryClientProvider client={client}>
        <Flow adapter={adapter} />
      </QueryClientProvider>,
    );
    click("Send");
    await settle();
    expect(text("step")).toBe("enterCode");
    expect(seen).toHaveBeenCalledWith("added");
  });

  it("counts an already_verified answer after a lost verify answer as success", async () => {
    render(<Flow adapter={adapter} />);
    click("Send");
    await settle();
    adapter.failNext("verify", new OtpError({ kind: "network", status: 0 }));
    typeCode("123456");
    await settle();
    expect(text("error")).toBe("network");
    adapter.failNext("verify", new OtpError({ kind: "already_verified", status: 409 }));
    click("Try again");
    await settle();
    expect(text("step")).toBe("verified");
  });
});

/** The hook's requests run as TanStack Query mutations with the app's client, else by itself. */
const clients = [
  { name: "without a QueryClient", wrap: (ui: ReactNode) => ui },
  {
    name: "with the app's QueryClient",
    wrap: (ui: ReactNode) => (
      <QueryClientProvider client={new QueryClient()}>{ui}</QueryClientProvider>
    ),
  },
];

describe.each(clients)("useOtpFlow requests, $name", ({ wrap }) => {
  it("retries a provider failure of a verify once by itself, after a pause", async () => {
    render(wrap(<Flow adapter={adapter} />));
    click("Send");
    await settle();
    adapter.failNext("verify", { kind: "provider_error", status: 502 });
    typeCode("123456");
    await settle();
    expect(text("step")).toBe("verifying");
    await advance(900);
    expect(adapter.calls.filter((c) => c.method === "verify")).toHaveLength(1);
    await advance(100);
    await settle();
    expect(text("step")).toBe("verified");
    expect(adapter.calls.filter((c) => c.method === "verify")).toHaveLength(2);
  });

  it("retries a verify once only: a second provider failure is the error", async () => {
    render(wrap(<Flow adapter={adapter} />));
    click("Send");
    await settle();
    adapter.failNext("verify", { kind: "provider_error", status: 502 });
    adapter.failNext("verify", { kind: "provider_error", status: 503 });
    typeCode("123456");
    await settle();
    await advance(5_000);
    await settle();
    expect(text("error")).toBe("provider_error");
    expect(text("step")).toBe("enterCode");
    expect(adapter.calls.filter((c) => c.method === "verify")).toHaveLength(2);
  });

  it("does not retry a wrong code", async () => {
    render(wrap(<Flow adapter={adapter} />));
    click("Send");
    await settle();
    typeCode("000000");
    await settle();
    await advance(5_000);
    expect(text("error")).toBe("wrong_code");
    expect(adapter.calls.filter((c) => c.method === "verify")).toHaveLength(1);
  });

  it("does not repeat a failed send by itself (the server counts every send)", async () => {
    adapter.failNext("send", { kind: "provider_error", status: 502 });
    render(wrap(<Flow adapter={adapter} />));
    click("Send");
    await settle();
    await advance(5_000);
    expect(text("error")).toBe("provider_error");
    expect(adapter.calls).toHaveLength(1);
  });

  it("leaves no timer and no warning behind when unmounted during a request", async () => {
    const errors = vi.spyOn(console, "error");
    adapter.hold("send");
    const { unmount } = render(wrap(<Flow adapter={adapter} />));
    click("Send");
    unmount();
    await settle();
    await advance(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(errors).not.toHaveBeenCalled();
  });

  it("makes no second verify when unmounted while waiting to retry", async () => {
    const { unmount } = render(wrap(<Flow adapter={adapter} />));
    click("Send");
    await settle();
    adapter.failNext("verify", { kind: "provider_error", status: 502 });
    typeCode("123456");
    await settle();
    unmount();
    await advance(5_000);
    await settle();
    expect(adapter.calls.filter((c) => c.method === "verify")).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("useOtpFlow persistence", () => {
  it("resumes a live challenge after a reload with the right countdowns", async () => {
    const first = render(<Flow adapter={adapter} />);
    click("Send");
    await settle();
    await advance(10_000);
    first.unmount();

    render(<Flow adapter={adapter} />);
    await settle();
    expect(text("step")).toBe("enterCode");
    expect(text("phone")).toBe(PHONE);
    expect(text("resend-in")).toBe("20");
    expect(text("expires-in")).toBe("290");
    typeCode("123456");
    await settle();
    expect(text("step")).toBe("verified");
    expect(sessionStorage.length).toBe(0);
  });

  it("drops an expired challenge instead of resuming it", async () => {
    const first = render(<Flow adapter={adapter} />);
    click("Send");
    await settle();
    first.unmount();
    vi.setSystemTime(Date.now() + 301_000);

    render(<Flow adapter={adapter} />);
    await settle();
    expect(text("step")).toBe("enterPhone");
    expect(sessionStorage.length).toBe(0);
  });

  it("ignores storage that does not hold a challenge", async () => {
    sessionStorage.setItem("otpkit:flow", '{"phone":"+66812345678","challenge":{"id":1}}');
    render(<Flow adapter={adapter} />);
    await settle();
    expect(text("step")).toBe("enterPhone");
    expect(sessionStorage.getItem("otpkit:flow")).toBeNull();
  });

  it("persists nothing when turned off", async () => {
    render(<Flow adapter={adapter} persist={false} />);
    click("Send");
    await settle();
    expect(sessionStorage.length).toBe(0);
  });
});

function Counted({ children, onRender }: { children: ReactNode; onRender: () => void }) {
  return (
    <Profiler id="flow" onRender={onRender}>
      {children}
    </Profiler>
  );
}

describe("useOtpFlow renders (React Profiler)", () => {
  it("renders once per second while counting down and never once every countdown is at zero", async () => {
    const onRender = vi.fn();
    render(
      <Counted onRender={onRender}>
        <Flow adapter={adapter} />
      </Counted>,
    );
    click("Send");
    await settle();
    onRender.mockClear();
    await advance(10_000);
    expect(onRender).toHaveBeenCalledTimes(10);

    await advance(290_000); // the code expires
    onRender.mockClear();
    await advance(60_000);
    expect(onRender).toHaveBeenCalledTimes(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("costs one render per keystroke in the code", async () => {
    const onRender = vi.fn();
    render(
      <Counted onRender={onRender}>
        <Flow adapter={adapter} />
      </Counted>,
    );
    click("Send");
    await settle();
    onRender.mockClear();
    typeCode("1");
    typeCode("12");
    typeCode("123");
    expect(onRender).toHaveBeenCalledTimes(3);
  });
});

describe("useOtpFlow answers", () => {
  it("counts the resend wait from the answer's arrival, not from the click", async () => {
    const held = adapter.hold("send");
    render(<Flow adapter={adapter} />);
    click("Send");
    await advance(1_500); // the server takes its time
    held.release();
    await settle();
    expect(text("resend-in")).toBe("30");
  });

  it("passes its locale to the adapter on send, for the SMS wording", async () => {
    const send = vi.spyOn(adapter, "send");
    render(<Flow adapter={adapter} locale="th-TH" />);
    click("Send");
    await settle();
    expect(send).toHaveBeenCalledWith(expect.objectContaining({ phone: PHONE, locale: "th-TH" }));
  });
});

describe('useOtpFlow with ticks: "deadlines"', () => {
  beforeEach(() => callerRenders.mockClear());

  it("re-renders its caller only as deadlines pass while countdowns of their own tick", async () => {
    const commits = vi.fn();
    render(
      <Counted onRender={commits}>
        <DeadlineFlow adapter={adapter} />
      </Counted>,
    );
    click("Send");
    await settle();
    expect(text("live-resend")).toBe("30");
    callerRenders.mockClear();
    commits.mockClear();

    await advance(10_000);
    expect(callerRenders).toHaveBeenCalledTimes(0);
    expect(commits).toHaveBeenCalledTimes(10); // the countdowns, once a second
    expect(text("live-resend")).toBe("20");
    expect(text("live-expiry")).toBe("290");
    expect(text("resend-in")).toBe("30"); // as of the caller's last render
    expect(screen.getByRole("button", { name: "Resend" })).toBeDisabled();

    await advance(20_000); // the resend cooldown ends
    expect(callerRenders).toHaveBeenCalledTimes(1);
    expect(text("resend-in")).toBe("0");
    expect(screen.getByRole("button", { name: "Resend" })).toBeEnabled();

    await advance(270_000); // the code expires
    expect(callerRenders).toHaveBeenCalledTimes(2);
    expect(text("error")).toBe("expired");
    expect(text("expires-in")).toBe("0");
    await advance(60_000);
    expect(callerRenders).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("re-renders its caller when a rate limit ends, and not before", async () => {
    adapter.failNext("send", { kind: "rate_limited", status: 429, retryAfterMs: 20_000 });
    render(<DeadlineFlow adapter={adapter} />);
    click("Send");
    await settle();
    expect(text("retry-in")).toBe("20");
    callerRenders.mockClear();
    await advance(19_000);
    expect(callerRenders).toHaveBeenCalledTimes(0);
    expect(text("live-retry")).toBe("1");
    await advance(1_000);
    expect(callerRenders).toHaveBeenCalledTimes(1);
    expect(text("retry-in")).toBe("0");
    click("Send");
    await settle();
    expect(text("step")).toBe("enterCode");
  });

  it("notices within a second when the clock jumps past a deadline (a machine that slept)", async () => {
    render(<DeadlineFlow adapter={adapter} />);
    click("Send");
    await settle();
    callerRenders.mockClear();
    vi.setSystemTime(Date.now() + 301_000); // no timer ran while asleep
    await advance(1000);
    expect(text("error")).toBe("expired");
    expect(text("live-expiry")).toBe("0");
    expect(callerRenders).toHaveBeenCalledTimes(1);
  });
});
