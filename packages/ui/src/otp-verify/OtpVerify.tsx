"use client";
import {
  type OtpAdapter,
  type OtpChannel,
  type OtpError,
  secondsUntilExpiry,
  secondsUntilResend,
  secondsUntilRetry,
} from "@otpkit/core";
import {
  type FlowPersistence,
  type OtpFlow,
  type PhoneDetails,
  storagePersistence,
  useOtpFlow,
} from "@otpkit/react";
import type { QueryClient } from "@tanstack/react-query";
import {
  type ComponentType,
  type HTMLAttributes,
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { CodeInputProps } from "../code-input";
import { formatDuration, formatMessage, intlLocale, useMessages } from "../i18n";
import type { PhoneInputProps } from "../phone-input";
import { FlowClock, RetryCountdown, useMoment } from "./countdowns";
import { attemptsText, errorText, lastDigits, PHONE_FIELD_KINDS } from "./flow-text";
import { LiveRegion, useAnnouncer } from "./live-region";
import { type OtpVerifyMessages, otpVerifyMessages } from "./messages";
import { defaultComponents, type HeadingLevel, type OtpVerifyComponents } from "./parts";

/** Overrides of any OtpVerify string, and of the fields' own strings. */
export type OtpVerifyMessageOverrides = Partial<OtpVerifyMessages> & {
  phoneInput?: PhoneInputProps["messages"];
  codeInput?: CodeInputProps["messages"];
};

export interface OtpVerifyProps
  extends Omit<HTMLAttributes<HTMLDivElement>, "onError" | "children"> {
  /** Where codes come from: `createHttpAdapter({ baseUrl })` in the browser. */
  adapter: OtpAdapter;
  /** Start at the code step for this number (E.164): resumes its live code, else sends one. */
  phone?: string;
  /**
   * ISO 3166-1 alpha-2 for the phone field; else a region written in `locale` (`en-GB`), else
   * the browser's languages, else `locale`'s likely region, else "US".
   */
  defaultCountry?: string;
  /** BCP 47 tag; picks the catalogue (en, th, id, zh; else en) and Intl formats. */
  locale?: string;
  messages?: OtpVerifyMessageOverrides;
  onVerified?: (result: { phone: string; token: string | undefined }) => void;
  onError?: (error: OtpError) => void;
  /**
   * Channels to offer on the phone step (the first is chosen); a choice shows for two or
   * more. Default: the adapter's `channels` (`createHttpAdapter({ channels })`).
   */
  channels?: readonly OtpChannel[];
  /** Verify as soon as the code is complete. Default true. */
  autoSubmit?: boolean;
  /** Replace any part: `{ PhoneStep, CodeStep, Success, ErrorMessage }`. */
  components?: Partial<OtpVerifyComponents>;
  /** Level of each step's heading. Default 2. */
  headingLevel?: HeadingLevel;
  /** Keep a live code across reloads (sessionStorage by default); `false` turns it off. */
  persist?: boolean | FlowPersistence;
  /** Code length until the server names one. Default 6. */
  codeLength?: number;
  queryClient?: QueryClient;
  /** Clock (epoch ms), for tests. Default `Date.now`. */
  now?: () => number;
}

/** Kinds after which the code field locks and focus moves to the way out. */
const LOCKING_KINDS = new Set(["too_many_attempts", "expired", "not_found", "already_verified"]);
const NO_CHANNELS: readonly OtpChannel[] = [];
const QuietLiveRegion = memo(LiveRegion);
/** The expiry is announced once when this much time is left. */
const EXPIRES_SOON_MS = 60_000;

/** One memo wrapper per part component, kept as long as the component itself. */
const memos = new WeakMap<object, unknown>();
function memoized<P extends object>(part: ComponentType<P>): ComponentType<P> {
  let wrapped = memos.get(part) as ComponentType<P> | undefined;
  if (!wrapped) {
    wrapped = memo(part);
    memos.set(part, wrapped);
  }
  return wrapped;
}

/**
 * The flow as the parts see it: a new object only when something they show changes (the flow
 * itself renders only as deadlines pass: `ticks: "deadlines"`). Its `secondsUntil*` are read
 * from the clock, so they are right whenever a part reads them.
 */
function useShownFlow(flow: OtpFlow, clock: () => number): OtpFlow {
  const { state, canSend, canResend, canVerify, codeLength } = flow;
  const waitingToRetry = flow.secondsUntilRetry > 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the rest of `flow` is derived from these, or its stable actions; a new object each second is what this avoids
  return useMemo(
    () => ({
      ...flow,
      get secondsUntilResend() {
        return secondsUntilResend(state, clock());
      },
      get secondsUntilExpiry() {
        return secondsUntilExpiry(state, clock());
      },
      get secondsUntilRetry() {
        return secondsUntilRetry(state, clock());
      },
    }),
    [state, canSend, canResend, canVerify, codeLength, waitingToRetry, clock],
  );
}

/**
 * The whole phone verification, drop-in: phone number, code, success. Every string comes
 * from the locale's catalogue (overridable), every part is replaceable through `components`.
 */
export function OtpVerify(props: OtpVerifyProps) {
  const {
    adapter,
    phone: initialPhone,
    defaultCountry,
    locale,
    messages: overrides,
    onVerified,
    onError,
    channels = props.adapter.channels ?? NO_CHANNELS,
    autoSubmit = true,
    components: replaced,
    headingLevel = 2,
    persist,
    codeLength,
    queryClient,
    now,
    className,
    ...rest
  } = props;
  const { phoneInputMessages, codeInputMessages, own } = useMemo(() => {
    const { phoneInput, codeInput, ...rest } = overrides ?? {};
    return { phoneInputMessages: phoneInput, codeInputMessages: codeInput, own: rest };
  }, [overrides]);
  const messages = useMessages(otpVerifyMessages, locale, own);
  const tag = intlLocale(locale);
  const components = useMemo(() => ({ ...defaultComponents, ...replaced }), [replaced]);
  // Each part re-renders only when its props change (see useShownFlow).
  const parts = {
    PhoneStep: memoized(components.PhoneStep),
    CodeStep: memoized(components.CodeStep),
    Success: memoized(components.Success),
  };
  // One stable clock that reads the latest `now` prop.
  const nowRef = useRef(now);
  nowRef.current = now;
  const [clock] = useState(() => () => (nowRef.current ?? Date.now)());

  // Given a number, resume only that number's code.
  const [persistence] = useState<FlowPersistence | false>(() => {
    if (persist === false) return false;
    const inner = typeof persist === "object" ? persist : storagePersistence();
    if (!initialPhone) return inner;
    return {
      ...inner,
      load: () => {
        const stored = inner.load();
        return stored?.phone === initialPhone ? stored : null;
      },
    };
  });

  const flow = useOtpFlow({
    adapter,
    autoVerify: autoSubmit,
    locale: tag,
    onVerified,
    onError,
    now,
    persist: persistence,
    codeLength,
    queryClient,
    // Seconds are shown by the countdowns themselves: the form renders only as deadlines pass.
    ticks: "deadlines",
  });

  const [phone, setPhone] = useState<string | null>(initialPhone ?? null);
  const [details, setDetails] = useState<PhoneDetails | null>(null);
  // The user's pick while it is on offer, else the first channel (the list may change).
  const [picked, setChannel] = useState<OtpChannel | undefined>(channels[0]);
  const channel = picked !== undefined && channels.includes(picked) ? picked : channels[0];
  const [notANumber, setNotANumber] = useState(false);
  /** The doubtful number the user was warned about once (a second submit sends). */
  const [warnedFor, setWarnedFor] = useState<string | null>(null);
  /** The error the user has since edited the number after (its inline message is stale). */
  const [editedAfter, setEditedAfter] = useState<OtpError | null>(null);
  /** Showing the code step before the first send answers (started with `phone`). */
  const [awaitingFirstCode, setAwaitingFirstCode] = useState(Boolean(initialPhone));

  const phoneInputRef = useRef<HTMLInputElement>(null);
  const codeInputRef = useRef<HTMLInputElement>(null);
  const recoveryRef = useRef<HTMLButtonElement>(null);
  const successRef = useRef<HTMLHeadingElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const focusPhoneNext = useRef(false);
  const announcer = useAnnouncer();
  const { announce } = announcer;

  // Started with a number: send to it once mounted, unless its live code is being resumed.
  // A microtask, so React's StrictMode double effect sends once.
  const channelRef = useRef(channel);
  channelRef.current = channel;
  const { send } = flow;
  useEffect(() => {
    if (!initialPhone) return;
    const stored = persistence ? persistence.load() : null;
    if (stored && stored.challenge.expiresAt > clock()) return;
    let cancelled = false;
    queueMicrotask(() => {
      if (!cancelled) send(initialPhone, { channel: channelRef.current });
    });
    return () => {
      cancelled = true;
    };
  }, [initialPhone, persistence, send, clock]);

  // What changed since the last render: announce it, and move focus where the user needs it.
  const previous = useRef<OtpFlow | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = flow;
    if (!before) return;
    // Focus moves only when the user is here (or focus fell to the page as a step changed),
    // never away from another part of the page while an answer arrives.
    const focusIsOurs = () => {
      const active = document.activeElement;
      return !active || active === document.body || Boolean(rootRef.current?.contains(active));
    };
    const focus = (element: HTMLElement | null) => {
      if (focusIsOurs()) element?.focus();
    };

    if (flow.isSending && !before.isSending) announce(messages.sending);
    if (flow.isVerifying && !before.isVerifying) announce(messages.verifying);

    const newChallenge = flow.challenge && flow.challenge.id !== before.challenge?.id;
    if (newChallenge && before.isSending) {
      setAwaitingFirstCode(false);
      const digits = lastDigits(flow.phone || flow.challenge?.phone || "");
      // From the clock, not the flow's snapshot: that still holds the time the send began.
      const wait = Math.ceil(((flow.challenge?.resendAt ?? 0) - clock()) / 1000);
      announce(
        [
          formatMessage(messages.announceSent, { digits }, tag),
          wait > 0 &&
            formatMessage(
              messages.announceResendIn,
              { duration: formatDuration(wait * 1000, tag) },
              tag,
            ),
        ]
          .filter(Boolean)
          .join(" "),
      );
      focus(codeInputRef.current);
    }

    if (flow.error && flow.error !== before.error) {
      setAwaitingFirstCode(false);
      const sentence = errorText(flow, messages, tag, true);
      const attempts = attemptsText(flow, messages, tag);
      announce([sentence, attempts].filter(Boolean).join(" "));
      const kind = flow.error.kind;
      if (PHONE_FIELD_KINDS.includes(kind)) focusPhoneNext.current = true;
      else if (kind === "wrong_code") focus(codeInputRef.current);
      else if (LOCKING_KINDS.has(kind)) focus(recoveryRef.current);
    } else if (
      flow.step === "enterCode" &&
      before.secondsUntilResend > 0 &&
      flow.secondsUntilResend === 0 &&
      flow.challengeStatus !== "gone" &&
      flow.error === before.error
    ) {
      announce(messages.announceResendReady);
    } else if (
      flow.error?.kind === "rate_limited" &&
      before.secondsUntilRetry > 0 &&
      flow.secondsUntilRetry === 0
    ) {
      announce(messages.errorRateLimitedOver);
    }

    if (flow.isVerified && !before.isVerified) {
      announce(messages.announceVerified);
      focus(successRef.current);
    }
    if (focusPhoneNext.current && phoneInputRef.current) {
      focusPhoneNext.current = false;
      focus(phoneInputRef.current);
    }
  });

  // A minute before the code expires, say so once (a moment, not a render: the flow renders
  // only as deadlines pass).
  const expiresAt = flow.expiresAt;
  useMoment(
    expiresAt === null ? null : expiresAt - EXPIRES_SOON_MS,
    () => {
      const left = Math.ceil(((expiresAt ?? 0) - clock()) / 1000);
      if (left <= 0) return;
      announce(
        formatMessage(
          messages.announceExpiresSoon,
          { duration: formatDuration(left * 1000, tag) },
          tag,
        ),
      );
    },
    clock,
  );

  const error = flow.error;
  // The rate-limit sentence counts its wait down by itself; the others are fixed words.
  const errorSentence =
    error?.kind === "rate_limited" ? null : error && errorText(flow, messages, tag);
  const retryAvailableAt = flow.retryAvailableAt;
  const codeView =
    !flow.isVerified &&
    (flow.step === "enterCode" ||
      flow.step === "verifying" ||
      ((flow.step === "sending" || flow.step === "enterPhone") && awaitingFirstCode && !error) ||
      (flow.step === "sending" && flow.challenge !== null));

  // Props that keep their identity while nothing they hold changes, so a countdown second
  // re-renders no part.
  const shown = useShownFlow(flow, clock);
  const shownError = useMemo(() => {
    if (error?.kind === "rate_limited") {
      const message = (
        <RetryCountdown deadline={retryAvailableAt} messages={messages} locale={tag} />
      );
      return { kind: error.kind, message };
    }
    return error && errorSentence ? { kind: error.kind, message: errorSentence } : null;
  }, [error, errorSentence, retryAvailableAt, messages, tag]);
  const onPhoneField = error && PHONE_FIELD_KINDS.includes(error.kind) && error !== editedAfter;
  const fieldError = useMemo(
    () =>
      notANumber
        ? { kind: "invalid_number" as const, message: messages.invalidNumber }
        : onPhoneField
          ? shownError
          : null,
    [notANumber, messages.invalidNumber, onPhoneField, shownError],
  );
  const formError = error && !PHONE_FIELD_KINDS.includes(error.kind) ? shownError : null;
  const { changeNumber, send: sendTo } = flow;
  const onChangeNumber = useCallback(() => {
    setAwaitingFirstCode(false);
    focusPhoneNext.current = true;
    changeNumber();
  }, [changeNumber]);
  const onSendNewCode = useCallback(() => sendTo(flow.phone), [sendTo, flow.phone]);
  const onPhoneChange = useCallback(
    (e164: string | null, next: PhoneDetails) => {
      setPhone(e164);
      setDetails(next);
      setNotANumber(false);
      setEditedAfter(error);
    },
    [error],
  );
  const onSubmit = useCallback(() => {
    // PhoneInput shows why a number it can read is wrong (on this same submit); an
    // empty or unreadable one gets our message.
    const problem = details?.problem;
    if (!phone) setNotANumber(!problem);
    // A landline (or a number the metadata does not know) is sent to on the second
    // try: the warning shows first, and the metadata may be behind the real world.
    const doubtful = problem === "invalid" || (problem === "not_mobile" && channel !== "voice");
    if (!phone || (doubtful && warnedFor !== phone)) {
      if (phone) setWarnedFor(phone);
      phoneInputRef.current?.focus();
      return;
    }
    sendTo(phone, { channel });
  }, [details, phone, channel, warnedFor, sendTo]);
  const codeInputProps = useMemo(
    () => ({ locale, messages: codeInputMessages }),
    [locale, codeInputMessages],
  );
  const phoneInputProps = useMemo(
    () => ({ defaultCountry, locale, messages: phoneInputMessages }),
    [defaultCountry, locale, phoneInputMessages],
  );
  const attempts = attemptsText(flow, messages, tag);

  const part = { flow: shown, messages, locale: tag, headingLevel, components };
  let content: React.ReactNode;
  if (flow.isVerified) {
    content = <parts.Success {...part} headingRef={successRef} />;
  } else if (codeView) {
    content = (
      <parts.CodeStep
        {...part}
        error={shownError}
        attempts={attempts}
        onChangeNumber={onChangeNumber}
        onSendNewCode={onSendNewCode}
        codeInputRef={codeInputRef}
        recoveryRef={recoveryRef}
        codeInputProps={codeInputProps}
      />
    );
  } else {
    content = (
      <parts.PhoneStep
        {...part}
        phone={phone}
        onPhoneChange={onPhoneChange}
        fieldError={fieldError}
        formError={formError}
        channels={channels}
        channel={channel}
        onChannelChange={setChannel}
        onSubmit={onSubmit}
        phoneInputRef={phoneInputRef}
        phoneInputProps={phoneInputProps}
      />
    );
  }

  return (
    <div
      {...rest}
      ref={rootRef}
      className={className ? `otpkit-verify ${className}` : "otpkit-verify"}
      data-step={flow.isVerified ? "verified" : codeView ? "code" : "phone"}
      data-state={error ? "error" : flow.isSending || flow.isVerifying ? "busy" : undefined}
    >
      <FlowClock value={clock}>{content}</FlowClock>
      <QuietLiveRegion announcer={announcer} />
    </div>
  );
}
