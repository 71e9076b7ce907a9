/**
 * Structured log lines. The handler logs events with fields it chose: kinds, provider codes,
 * masked phones, ids. Never a code, a token, a credential, or a provider's answer text
 * (those stay on `OtpError.cause`, which is never logged).
 */

export type LogLevel = "info" | "warn" | "error";

export type LogValue = string | number | boolean | undefined;

export interface LogEntry {
  level: LogLevel;
  /** What happened: "otp.sent", "otp.verified", "otp.failed", "request.refused"... */
  event: string;
  [field: string]: LogValue;
}

export type OtpLogger = (entry: LogEntry) => void;

/** One JSON line per entry on stderr. */
export const jsonLogger: OtpLogger = (entry) => {
  const line = JSON.stringify({ time: new Date().toISOString(), ...entry });
  if (entry.level === "warn") console.warn(line);
  else console.error(line);
};

export const silentLogger: OtpLogger = () => {};
