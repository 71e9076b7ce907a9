import { type OtpChallenge, readChallenge } from "@otpkit/core";

/** Where a live challenge is kept so the flow survives a reload. */
export interface FlowPersistence {
  load(): { phone: string; challenge: OtpChallenge } | null;
  save(value: { phone: string; challenge: OtpChallenge }): void;
  clear(): void;
}

type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/**
 * Persistence in a Web Storage (sessionStorage by default: one tab, gone when it closes).
 * Holds the phone and the challenge handle, never a code. Unreadable or foreign data is
 * ignored and removed.
 */
export function storagePersistence(
  storage: StorageLike | undefined = typeof sessionStorage === "undefined"
    ? undefined
    : sessionStorage,
  key = "otpkit:flow",
): FlowPersistence {
  const attempt = <T>(run: (storage: StorageLike) => T): T | null => {
    try {
      return storage ? run(storage) : null;
    } catch {
      // Storage can throw (quota, privacy mode): persistence is best effort.
      return null;
    }
  };
  return {
    load: () =>
      attempt((s) => {
        const raw = s.getItem(key);
        if (raw === null) return null;
        const { phone, challenge } = JSON.parse(raw) ?? {};
        const parsed = readChallenge(challenge);
        if (parsed && typeof phone === "string") return { phone, challenge: parsed };
        s.removeItem(key);
        return null;
      }),
    save: (value) => attempt((s) => s.setItem(key, JSON.stringify(value))),
    clear: () => attempt((s) => s.removeItem(key)),
  };
}
