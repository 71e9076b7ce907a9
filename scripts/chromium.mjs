/**
 * The browser every real-browser run uses: Debian's Chromium (`apt-get install chromium`),
 * never one a tool downloads, with the flags that keep it off the network (TOOLCHAIN.md).
 * Read by Vitest's browser projects, the demo's Playwright tests and report, and pack-check.
 */
export const CHROMIUM_PATH = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
