import {
  type ChangeEvent,
  type CompositionEvent,
  type FocusEvent,
  type RefCallback,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import {
  hasNumberingPlan,
  loadNumberingPlan,
  metadataRevision,
  subscribeToMetadata,
} from "./metadata";
import {
  type CountryCode,
  callingCodeOf,
  defaultCountryFor,
  describe,
  formatPhoneText,
  missingNumberingPlan,
  type PhoneDetails,
  type PhoneProblem,
  significant,
  textOfE164,
} from "./phone-number";

export interface UsePhoneInputOptions {
  /** E.164 ("+66812345678") or null: controlled. */
  value?: string | null;
  defaultValue?: string | null;
  /**
   * Every edit: the number in E.164 once it has a possible length (else null), and what it
   * means. `details.problem` says why it cannot be used yet; "not_mobile" is a warning.
   */
  onChange?: (e164: string | null, details: PhoneDetails) => void;
  /**
   * ISO 3166-1 alpha-2. Else a region written in `locale` ("en-GB"), else the browser's
   * (`navigator.languages`: the first tag with a region, else the likely region of the first
   * language), else the likely region of `locale` ("th" -> TH), else "US". Never an IP look-up.
   */
  defaultCountry?: string;
  /** The UI's language (BCP 47); a region written in it ("en-GB") is the default country. */
  locale?: string;
}

export interface PhoneInput {
  /** What the field shows, formatted ("081 234 5678", "+62 821 2306 0001"). */
  text: string;
  /** The country of the number, or the one picked; undefined for "+999…" (no such code). */
  country: CountryCode | undefined;
  /** The country before the user chose one (see `UsePhoneInputOptions.defaultCountry`). */
  defaultCountry: CountryCode;
  e164: string | null;
  details: PhoneDetails;
  /**
   * The problem to show now. Set on blur and on submit of the field's form (or by `report`),
   * never while typing; hidden again as soon as the number changes to something else.
   */
  shownProblem: PhoneProblem | undefined;
  /** The user picked a country: the national number stays, formatted for it. */
  setCountry: (country: CountryCode) => void;
  /** Shows the current problem now (call before sending a code) and returns it. */
  report: () => PhoneProblem | undefined;
  /** Spread on the number's `<input>`. */
  inputProps: {
    ref: RefCallback<HTMLInputElement>;
    value: string;
    onChange: (event: ChangeEvent<HTMLInputElement>) => void;
    onBlur: (event: FocusEvent<HTMLInputElement>) => void;
    onCompositionEnd: (event: CompositionEvent<HTMLInputElement>) => void;
    type: "tel";
    inputMode: "tel";
    autoComplete: "tel";
  };
  /** The number's input element, once mounted. */
  input: () => HTMLInputElement | null;
}

interface State {
  text: string;
  country: CountryCode | undefined;
  /** The country to read a national number in (the picker's), kept when the text is "+…". */
  picked: CountryCode;
  /** The `value` this text stands for: compared with the prop to tell a new value apart. */
  source: string | null | undefined;
  /** The user (or a value) set the country: the locale's default no longer applies. */
  chosen: boolean;
  shown: PhoneProblem | undefined;
  /**
   * The text was set before its numbering plan arrived: as typed ("text") or the E.164 of a
   * value ("value"). It is formatted as soon as the plan is there.
   */
  raw?: "text" | "value";
}

const subscribeToLanguages = (onChange: () => void) => {
  window.addEventListener("languagechange", onChange);
  return () => window.removeEventListener("languagechange", onChange);
};
/** The user's languages, most preferred first, as one string: a snapshot that stays equal. */
const languagesOfBrowser = () =>
  navigator.languages?.length ? navigator.languages.join(",") : navigator.language;

function fromValue(value: string | null | undefined, fallback: CountryCode): State {
  const { text, country, pending } = value
    ? textOfE164(value, fallback)
    : { text: "", country: fallback, pending: false };
  return {
    text,
    country,
    picked: country ?? fallback,
    source: value,
    shown: undefined,
    chosen: !!value,
    raw: pending ? "value" : undefined,
  };
}

/**
 * Headless phone number field: as-you-type formatting (libphonenumber-js) with a caret that
 * stays after the digit it was after, paste and autofill of any form of a number (the country
 * follows "+…" and "00…"; a national number keeps the picked country), E.164 out, and the
 * reason a number cannot be used, shown at a sensible moment.
 */
export function usePhoneInput(options: UsePhoneInputOptions = {}): PhoneInput {
  const { value, defaultValue, onChange, defaultCountry, locale } = options;
  // The browser's languages only on the client, after hydration (the server has none).
  const browserLanguages = useSyncExternalStore(
    subscribeToLanguages,
    languagesOfBrowser,
    () => undefined,
  );
  const fallback = defaultCountryFor(defaultCountry, locale, browserLanguages?.split(","));
  // Numbering plans load on demand: read the number again when one arrives.
  const revision = useSyncExternalStore(subscribeToMetadata, metadataRevision, metadataRevision);
  const [state, setState] = useState<State>(() => fromValue(value ?? defaultValue, fallback));

  // A new `value` from the parent (not the one we just reported) replaces the text.
  let current = state;
  if (value !== undefined && value !== state.source) {
    current = fromValue(value, state.picked);
    setState(current);
  }
  // Until the user picks or types a country, the default follows the locale and the
  // browser's languages (known only after hydration).
  const country = current.chosen ? current.country : fallback;
  const picked = current.chosen ? current.picked : fallback;
  const { e164, ...details } = describe(current.text, country ?? picked);

  const inputRef = useRef<HTMLInputElement | null>(null);
  const caretRef = useRef<number | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  const commit = (next: Omit<State, "source" | "shown" | "chosen" | "raw">, pending?: boolean) => {
    const described = describe(next.text, next.country ?? next.picked);
    const { e164: nextE164, ...nextDetails } = described;
    setState({
      ...next,
      chosen: true,
      source: nextE164,
      // A shown problem stays until the number changes what is wrong with it.
      shown: current.shown === nextDetails.problem ? current.shown : undefined,
      raw: pending ? "text" : undefined,
    });
    onChangeRef.current?.(nextE164, nextDetails);
  };

  const format = (target: Pick<HTMLInputElement, "value" | "selectionStart">, inputType = "") => {
    const next = formatPhoneText(
      target.value,
      target.selectionStart ?? target.value.length,
      picked,
      {
        previous: current.text,
        deleted: /Forward/.test(inputType) ? "forward" : "backward",
      },
    );
    caretRef.current = next.caret;
    // Typing "+44…" switches the country; a national number keeps the picked one.
    commit(
      {
        text: next.text,
        country: next.country,
        picked: (next.international && next.country) || picked,
      },
      next.pending,
    );
  };

  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    const native = event.nativeEvent as InputEvent;
    // An IME (full-width digits, say) is still composing: leave its text alone until it ends.
    if (native.isComposing) {
      const text = event.target.value;
      setState((s) => ({ ...s, text }));
      return;
    }
    format(event.target, native.inputType);
  };

  const setCountry = (code: CountryCode) => {
    const digits = current.text.startsWith("+")
      ? details.nationalNumber
      : significant(current.text).chars;
    const next = formatPhoneText(digits, digits.length, code);
    caretRef.current = null;
    commit({ text: next.text, country: next.country ?? code, picked: code }, next.pending);
  };

  // Load the numbering plan the text needs; once it is there, format what was kept as typed.
  const formatRef = useRef(format);
  formatRef.current = format;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `revision` changes when a plan arrives, which changes what is missing.
  useEffect(() => {
    // The picked country's plan loads at once, before the first digit is typed.
    const own = callingCodeOf(picked);
    const missing =
      missingNumberingPlan(current.text, picked) ?? (hasNumberingPlan(own) ? undefined : own);
    if (missing) {
      // Offline: the text stays as typed, the next edit tries again, and a held submit goes on.
      loadNumberingPlan(missing).catch(() => releaseSubmit(true));
    } else if (current.raw === "value") {
      setState((s) => (s.raw ? { ...fromValue(s.source, s.picked), chosen: s.chosen } : s));
    } else if (current.raw === "text") {
      formatRef.current(inputRef.current ?? { value: current.text, selectionStart: null });
    }
  }, [current.text, current.raw, picked, revision]);

  const problem = details.problem;
  const show = useCallback((shown: PhoneProblem | undefined) => {
    setState((s) => (s.shown === shown ? s : { ...s, shown }));
  }, []);
  const report = () => {
    show(problem);
    return problem;
  };

  // Submitting the field's form shows what is wrong, like leaving the field does. A submit
  // while the number's plan is loading would read a number not understood yet: it is held
  // (the app's handler does not run) and made again, by the same button, once the plan is in.
  const reportRef = useRef(report);
  reportRef.current = report;
  const pendingRef = useRef(false);
  pendingRef.current = !!details.pending;
  const held = useRef<{ submitter: HTMLElement | null; release?: boolean } | null>(null);
  useEffect(() => {
    const form = inputRef.current?.form;
    if (!form) return;
    const onSubmit = (event: SubmitEvent) => {
      if (pendingRef.current && !held.current?.release) {
        event.preventDefault();
        event.stopImmediatePropagation();
        held.current = { submitter: event.submitter };
        return;
      }
      held.current = null;
      reportRef.current();
    };
    form.addEventListener("submit", onSubmit);
    return () => form.removeEventListener("submit", onSubmit);
  }, []);
  const releaseSubmit = (anyway = false) => {
    const form = inputRef.current?.form;
    if (!held.current || !form || (pendingRef.current && !anyway)) return;
    const { submitter } = held.current;
    held.current = { submitter, release: true };
    const button = submitter as HTMLButtonElement | null;
    form.requestSubmit(button?.form === form ? button : undefined);
  };
  // Once the formatted number has been rendered (and reported: the app's handler reads it).
  useEffect(() => {
    if (!details.pending && !current.raw) releaseSubmit();
  });

  // Put the caret back after the digit it followed, once React has written the new text.
  useLayoutEffect(() => {
    const input = inputRef.current;
    const caret = caretRef.current;
    caretRef.current = null;
    if (input && caret !== null && input.ownerDocument.activeElement === input) {
      input.setSelectionRange(caret, caret);
    }
  });

  const ref = useCallback<RefCallback<HTMLInputElement>>((element) => {
    inputRef.current = element;
  }, []);

  return {
    text: current.text,
    country,
    defaultCountry: fallback,
    e164,
    details,
    shownProblem: current.shown,
    setCountry,
    report,
    input: () => inputRef.current,
    inputProps: {
      ref,
      value: current.text,
      onChange: handleChange,
      onBlur: () => show(current.text ? problem : undefined),
      onCompositionEnd: (event) => format(event.currentTarget),
      type: "tel",
      inputMode: "tel",
      autoComplete: "tel",
    },
  };
}
