/**
 * The wire mock's default backend: an OtpAdapter that generates codes in the browser or
 * Node and delivers them to the simulated inbox, the way the console provider does for a
 * real server in development (same SMS text, provider "console", SMS only unless told).
 * Attempts, cooldowns and rate limits are the server layer's job, not this one's.
 */
import {
  type OtpAdapter,
  type OtpChallenge,
  type OtpChannel,
  OtpError,
  type OtpErrorKind,
} from "@otpkit/core";
import type { Inbox } from "../inbox";
import { randomDigits, randomId, randomReference } from "./random";

export interface InboxAdapterOptions {
  inbox: Inbox;
  now: () => number;
  codeLength: number;
  ttlSeconds: number;
  /** Add a reference code to every challenge and SMS, as ANTS does. */
  referenceCodes: boolean;
  /** Sender name in the SMS. */
  sender: string;
  /** The channels it delivers on; the first is the default. */
  channels: readonly OtpChannel[];
}

interface Issued {
  phone: string;
  code: string;
  channel: string;
  expiresAt: number;
  verified: boolean;
}

export interface InboxAdapter extends OtpAdapter {
  readonly channels: readonly OtpChannel[];
  /** Forget every code. */
  reset(): void;
}

export function createInboxAdapter(options: InboxAdapterOptions): InboxAdapter {
  const { inbox, now, codeLength, ttlSeconds, referenceCodes, sender, channels } = options;
  let issued = new Map<string, Issued>();

  function issue(phone: string, channel: string): OtpChallenge {
    const at = now();
    const id = randomId();
    const code = randomDigits(codeLength);
    const referenceCode = referenceCodes ? randomReference() : undefined;
    const expiresAt = at + ttlSeconds * 1000;
    issued.set(id, { phone, code, channel, expiresAt, verified: false });
    const ref = referenceCode ? ` (Ref ${referenceCode})` : "";
    inbox.deliver({
      to: phone,
      from: sender,
      text: `Your ${sender} code is ${code}${ref}. It expires in ${duration(ttlSeconds)}.`,
      provider: "console",
      channel,
      at,
    });
    return {
      id,
      phone,
      codeLength,
      expiresAt,
      resendAt: at,
      channel,
      ...(referenceCode ? { referenceCode } : {}),
    };
  }

  function find(id: string): Issued {
    const record = issued.get(id);
    if (!record) throw failure("not_found");
    if (record.verified) throw failure("already_verified");
    return record;
  }

  return {
    channels,
    async send({ phone, channel = channels[0] ?? "sms" }) {
      return issue(phone, channel);
    },
    async resend({ challenge, channel }) {
      const record = find(challenge.id);
      issued.delete(challenge.id);
      return issue(record.phone, channel ?? record.channel);
    },
    async verify({ challenge, code }) {
      const record = find(challenge.id);
      if (now() >= record.expiresAt) throw failure("expired");
      if (code !== record.code) throw failure("wrong_code");
      record.verified = true;
      return { verified: true };
    },
    reset() {
      issued = new Map();
    },
  };
}

const failure = (kind: OtpErrorKind) => new OtpError({ kind, message: kind });

function duration(seconds: number): string {
  if (seconds % 60 !== 0) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = seconds / 60;
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
