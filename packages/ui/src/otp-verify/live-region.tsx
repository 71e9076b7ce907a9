"use client";
import { useCallback, useState } from "react";

export interface Announcement {
  text: string;
  /** Bumped on every announcement, so the same sentence twice is read twice. */
  count: number;
}

/** State for a polite live region: `announce(text)` queues one sentence for screen readers. */
export function useAnnouncer(): [Announcement, (text: string) => void] {
  const [announcement, setAnnouncement] = useState<Announcement>({ text: "", count: 0 });
  const announce = useCallback(
    (text: string) => setAnnouncement((last) => ({ text, count: last.count + 1 })),
    [],
  );
  return [announcement, announce];
}

/**
 * A polite, visually hidden status region. It is in the page from the first render (also on
 * the server) so assistive technology is listening before the first announcement.
 */
export function LiveRegion({ announcement }: { announcement: Announcement }) {
  return (
    <div className="otpkit-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {announcement.text}
      {/* A zero-width space on every other announcement makes a repeated text a new text. */}
      {announcement.count % 2 === 1 ? "\u200b" : ""}
    </div>
  );
}
