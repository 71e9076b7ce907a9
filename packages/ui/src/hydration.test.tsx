/**
 * Server HTML hydrated in a browser-like page (jsdom): what the server rendered must be what
 * the first client render gives, whatever the browser's language, or React throws it away
 * and renders again (a flash, lost focus, a console error). The browser-only facts (its
 * language, flag glyphs, loaded plans) arrive after hydration.
 */
import { createFakeAdapter } from "@otpkit/core/testing";
import { act, type ReactNode } from "react";
import { hydrateRoot, type Root } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CodeInput, OtpVerify, PhoneInput } from "./index";

let root: Root | undefined;
let container: HTMLElement;

beforeEach(() => {
  // React's own act (hydrateRoot is not Testing Library's render).
  Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });
  container = document.createElement("div");
  document.body.append(container);
});

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  container.remove();
  vi.restoreAllMocks();
});

/** Renders `ui` on the "server", hydrates it here, and returns what React reported. */
async function hydrate(ui: ReactNode) {
  container.innerHTML = renderToString(ui);
  const recoverable: unknown[] = [];
  const consoleErrors = vi.spyOn(console, "error");
  await act(async () => {
    root = hydrateRoot(container, ui, { onRecoverableError: (error) => recoverable.push(error) });
  });
  return { recoverable, consoleErrors };
}

/** The browser's languages as a Thai user's would be, unlike the server's (none). */
function browserSpeaks(...languages: string[]) {
  vi.spyOn(navigator, "language", "get").mockReturnValue(languages[0] ?? "");
  vi.spyOn(navigator, "languages", "get").mockReturnValue(languages);
}

describe("hydration of server HTML", () => {
  it.each<[string, () => ReactNode]>([
    ["OtpVerify, phone step", () => <OtpVerify adapter={createFakeAdapter()} persist={false} />],
    [
      "OtpVerify, code step",
      () => <OtpVerify adapter={createFakeAdapter()} phone="+66812345678" persist={false} />,
    ],
    [
      "OtpVerify, right to left with channels",
      () => (
        <div dir="rtl">
          <OtpVerify
            adapter={createFakeAdapter()}
            locale="ar"
            channels={["sms", "whatsapp"]}
            persist={false}
          />
        </div>
      ),
    ],
    ["PhoneInput", () => <PhoneInput />],
    ["CodeInput", () => <CodeInput />],
  ])("%s hydrates without a mismatch in a Thai browser", async (_, ui) => {
    browserSpeaks("th-TH", "en");
    const { recoverable, consoleErrors } = await hydrate(ui());
    expect(recoverable).toEqual([]);
    expect(consoleErrors).not.toHaveBeenCalled();
  });

  it("picks the browser's country once hydrated, not before", async () => {
    browserSpeaks("th-TH", "en");
    const { recoverable } = await hydrate(<PhoneInput />);
    expect(recoverable).toEqual([]);
    expect(container.querySelector("button")?.getAttribute("aria-label")).toContain("+66");
  });
});
