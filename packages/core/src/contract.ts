/** How a code reaches the user. Providers may offer more than SMS. */
export type OtpChannel = "sms" | "whatsapp" | "voice" | (string & {});

/** A code that was sent and can be verified. Times are absolute epoch milliseconds. */
export interface OtpChallenge {
  /** Opaque handle. In the browser it is the server's id; on the server, the provider's. */
  id: string;
  /** E.164 number the code went to; masked when it comes from the server ("+66 ••• ••• 678"). */
  phone: string;
  codeLength: number;
  /** When the code stops being accepted. */
  expiresAt: number;
  /** When a resend is allowed. */
  resendAt: number;
  /** Verify attempts the server will still accept, when it says. */
  attemptsLeft?: number;
  channel: OtpChannel;
  /** Channels a resend may use, when the server offers more than one. */
  channels?: OtpChannel[];
  /** Short reference shown beside the code (ANTS: "Ref IpA6k"). */
  referenceCode?: string;
}

export interface OtpVerified {
  verified: true;
  /** Proof of verification for the app's own backend (a signed token from @otpkit/server). */
  token?: string;
}

export interface OtpSendInput {
  /** E.164, for example "+66812345678". */
  phone: string;
  channel?: OtpChannel;
  /** BCP 47 tag for the SMS wording, where the provider supports it. */
  locale?: string;
  /** Bot-check (captcha) token, checked by the server before it sends. */
  botToken?: string;
  signal?: AbortSignal;
}

export interface OtpResendInput {
  challenge: OtpChallenge;
  channel?: OtpChannel;
  signal?: AbortSignal;
}

export interface OtpVerifyInput {
  challenge: OtpChallenge;
  code: string;
  signal?: AbortSignal;
}

/**
 * The one contract. Implemented in the browser by `createHttpAdapter`, on the server by
 * the provider adapters. Failures reject with an `OtpError`.
 */
export interface OtpAdapter {
  /**
   * Channels a send may use, when the backend offers more than SMS (the first is the
   * default). OtpVerify offers the choice from it. After a send, the challenge's own
   * `channels` says what a resend may use.
   */
  readonly channels?: readonly OtpChannel[];
  send(input: OtpSendInput): Promise<OtpChallenge>;
  resend(input: OtpResendInput): Promise<OtpChallenge>;
  verify(input: OtpVerifyInput): Promise<OtpVerified>;
}
