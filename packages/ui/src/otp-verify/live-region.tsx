"use client";
import { useState, useSyncExternalStore } from "react";

export interface Announcement {
  text: string;
  /** Bumped on every announcement, so the same sentence twice is read twice. */
  count: number;
}

export interface Announcer {
  /** Queues one sentence for screen readers. */
  announce(text: string): void;
  subscribe(listener: () => void): () => void;
  get(): Announcement;
}

const SILENCE: Announcement = { text: "", count: 0 };

function createAnnouncer(): Announcer {
  let announcement = SILENCE;
  const listeners = new Set<() => void>();
  return {
    announce(text) {
      announcement = { text, count: announcement.count + 1 };
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    get: () => announcement,
  };
}

/**
 * A polite live region's sentences, held outside React state: announcing re-renders only the
 * region, never the component that announces.
 */
export function useAnnouncer(): Announcer {
  const [announcer] = useState(createAnnouncer);
  return announcer;
}

const silence = () => SILENCE;

/**
 * A polite, visually hidden status region. It is in the page from the first render (also on
 * the server) so assistive technology is listening before the first announcement.
 */
export function LiveRegion({ announcer }: { announcer: Announcer }) {
  const announcement = useSyncExternalStore(announcer.subscribe, announcer.get, silence);
  return (
    <div className="otpkit-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {announcement.text}
      {/* A zero-width space on every other announcement makes a repeated text a new text. */}
      {announcement.count % 2 === 1 ? "\u200b" : ""}
    </div>
  );
}
