import { act, render, screen } from "@testing-library/react";
import { Profiler } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useCountdown } from "./use-countdown";

function Countdown({ deadline }: { deadline: number | null }) {
  return <p>{useCountdown(deadline)}</p>;
}

const shown = () => Number(screen.getByRole("paragraph").textContent);
const advance = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("useCountdown", () => {
  it("ticks on whole seconds of the deadline and stops at zero", async () => {
    const onRender = vi.fn();
    render(
      <Profiler id="c" onRender={onRender}>
        <Countdown deadline={Date.now() + 2_500} />
      </Profiler>,
    );
    expect(shown()).toBe(3);
    await advance(499);
    expect(shown()).toBe(3);
    await advance(1);
    expect(shown()).toBe(2);
    await advance(1_000);
    expect(shown()).toBe(1);
    await advance(1_000);
    expect(shown()).toBe(0);
    const renders = onRender.mock.calls.length;
    await advance(10_000);
    expect(onRender).toHaveBeenCalledTimes(renders);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("is right at once when a sleeping tab wakes", async () => {
    render(<Countdown deadline={Date.now() + 60_000} />);
    // Background tabs throttle timers: the clock moves on without them firing.
    vi.setSystemTime(Date.now() + 45_000);
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
    await act(() => {
      document.dispatchEvent(new Event("visibilitychange"));
    });
    expect(shown()).toBe(15);
  });

  it("shows zero without a deadline and for one in the past", () => {
    const { rerender } = render(<Countdown deadline={null} />);
    expect(shown()).toBe(0);
    rerender(<Countdown deadline={Date.now() - 5_000} />);
    expect(shown()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("cleans up its timer on unmount", () => {
    const { unmount } = render(<Countdown deadline={Date.now() + 60_000} />);
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
