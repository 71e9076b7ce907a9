import {
  type ChangeEvent,
  type ClipboardEvent,
  type CompositionEvent,
  type InputHTMLAttributes,
  type MouseEvent,
  type Ref,
  type RefCallback,
  type SyntheticEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useReducer,
  useRef,
  useState,
} from "react";
import { applyEdit, type CodeEdit, reconcile, toCode } from "./normalize";

export interface UseCodeInputOptions {
  /** Characters in the code. Default 6. */
  length?: number;
  /** Controlled value (normalized on the way in). */
  value?: string;
  /** Initial value when uncontrolled. */
  defaultValue?: string;
  /** Every change, already normalized: ASCII digits (or A–Z and digits), at most `length`. */
  onChange?: (value: string) => void;
  /** The user (or WebOTP) completed the code. */
  onComplete?: (code: string) => void;
  /** Submit the closest form (`requestSubmit`) when the code is complete. */
  autoSubmit?: boolean;
  /** Letters too (upper-cased), not digits only. */
  alphanumeric?: boolean;
  disabled?: boolean;
  /** Ask the browser for the code from the SMS (WebOTP) where it can. Default true. */
  webOtp?: boolean;
  /**
   * Change it (for example to the challenge id, or a resend counter) to abort the pending
   * WebOTP request and start a new one: do so on every resend.
   */
  webOtpKey?: unknown;
  ref?: Ref<HTMLInputElement>;
}

/** One drawn slot. */
export interface CodeSlot {
  /** The character in it, or "". */
  char: string;
  /** The caret is on it (typing replaces it), or it is in the selection. */
  active: boolean;
  /** The caret stands in this empty slot: draw it. */
  caret: boolean;
}

export interface CodeInputControl {
  value: string;
  length: number;
  complete: boolean;
  focused: boolean;
  slots: CodeSlot[];
  /**
   * Props for the one real `<input>`. Pass yours to have their handlers run before ours (call
   * `preventDefault()` to stop ours).
   */
  getInputProps(
    props?: InputHTMLAttributes<HTMLInputElement>,
  ): InputHTMLAttributes<HTMLInputElement> & {
    ref: RefCallback<HTMLInputElement>;
  };
}

type Handler = (event: SyntheticEvent<HTMLInputElement>) => void;

/**
 * Headless state and key handling of a one-time-code field: one real `<input>` (so SMS
 * autofill, password managers and screen readers see a single field) that you draw as
 * `slots`. Typing refuses characters outside the code; paste, autofill and IME input are
 * normalized (see `extractCode`); WebOTP fills the code where the browser offers it.
 */
export function useCodeInput(options: UseCodeInputOptions = {}): CodeInputControl {
  const { length = 6, alphanumeric, disabled, webOtp = true, webOtpKey, ref } = options;
  const clean = (text = "") => toCode(text, alphanumeric).slice(0, length);
  const [own, setOwn] = useState(() => clean(options.defaultValue));
  // Cleaned on every render: a controlled value, or a length the server changed, never shows more.
  const value = clean(options.value ?? own);
  // null while the field is not focused.
  const [selection, setSelection] = useState<readonly [number, number] | null>(null);
  // The selection last asked for: asking again for the same one must not even queue an
  // update, or moving the caret after a keystroke would cost a second commit.
  const selected = useRef(selection);
  const select = (next: readonly [number, number] | null) => {
    const old = selected.current;
    if (old === next || (old && next && old[0] === next[0] && old[1] === next[1])) return;
    selected.current = next;
    setSelection(next);
  };
  // The field's raw text while an IME composes: shown as is, normalized when it ends.
  const [draft, setDraft] = useState<string | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const input = useRef<HTMLInputElement | null>(null);
  const caret = useRef<number | null>(null);
  const submit = useRef(false);
  const composing = useRef(false);

  const commit = ({ value: next, caret: at }: CodeEdit) => {
    caret.current = at;
    // The caret's new place goes into the same render as the value: set after it (when the
    // layout effect moves the caret) it would cost every keystroke a second commit.
    if (input.current && input.current === document.activeElement) select([at, at]);
    if (next !== value) {
      setOwn(next);
      options.onChange?.(next);
      if (next.length === length) {
        options.onComplete?.(next);
        submit.current = !!options.autoSubmit;
      }
    }
    rerender();
  };
  const edit = (text: string, paste: boolean, el = input.current) =>
    el &&
    // Nothing a code can hold: the key or paste does nothing at all (the selection stays).
    toCode(text, alphanumeric) !== "" &&
    commit(
      applyEdit(
        value,
        el.selectionStart ?? 0,
        el.selectionEnd ?? 0,
        text,
        paste,
        length,
        alphanumeric,
      ),
    );
  const syncSelection = () => {
    const el = input.current;
    if (el && el === document.activeElement) {
      select([el.selectionStart ?? 0, el.selectionEnd ?? 0]);
    }
  };
  // Native listeners are added once per element; they call the latest render's handlers.
  const fill = (code: string) =>
    commit(applyEdit(value, 0, value.length, code, true, length, alphanumeric));
  const latest = useRef({ edit, fill });
  latest.current = { edit, fill };

  // biome-ignore lint/correctness/useExhaustiveDependencies: syncSelection reads only refs and a state setter
  const ownRef = useCallback(
    (el: HTMLInputElement | null) => {
      input.current = el;
      setRef(ref, el);
      if (!el) return;
      // Typing, autofill, drop: cancel the browser's edit and apply ours. Composition,
      // deletions and whatever cannot be cancelled are left to the browser and reconciled in
      // onChange.
      const beforeInput = (event: InputEvent) => {
        const text = event.data ?? event.dataTransfer?.getData("text/plain");
        if (
          !event.cancelable ||
          event.isComposing ||
          !event.inputType.startsWith("insert") ||
          !text
        ) {
          return;
        }
        event.preventDefault();
        latest.current.edit(text, event.inputType !== "insertText" || text.length > 1);
      };
      el.addEventListener("beforeinput", beforeInput);
      document.addEventListener("selectionchange", syncSelection);
      return () => {
        el.removeEventListener("beforeinput", beforeInput);
        document.removeEventListener("selectionchange", syncSelection);
        input.current = null;
        setRef(ref, null);
      };
    },
    [ref],
  );

  useLayoutEffect(() => {
    const el = input.current;
    if (el && caret.current !== null && el === document.activeElement) {
      el.setSelectionRange(caret.current, caret.current);
      syncSelection();
    }
    caret.current = null;
    if (submit.current) {
      submit.current = false;
      el?.form?.requestSubmit();
    }
  });

  const complete = value.length === length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new webOtpKey (a resend) restarts the request
  useEffect(() => {
    if (!webOtp || disabled || complete || !("OTPCredential" in window)) return;
    const abort = new AbortController();
    navigator.credentials
      .get({ otp: { transport: ["sms"] }, signal: abort.signal } as CredentialRequestOptions)
      .then(
        (credential) => {
          const code = (credential as { code?: string } | null)?.code;
          if (code) latest.current.fill(code);
        },
        () => {}, // aborted, refused or timed out: the user types the code
      );
    return () => abort.abort();
  }, [webOtp, disabled, complete, webOtpKey]);

  const [start, end] = selection ?? [-1, -1];
  const handlers = {
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const text = event.target.value;
      if (composing.current) setDraft(text);
      else commit(reconcile(value, text, length, alphanumeric));
    },
    onPaste: (event: ClipboardEvent<HTMLInputElement>) => {
      event.preventDefault();
      edit(event.clipboardData.getData("text/plain"), true);
    },
    onCompositionStart: (event: CompositionEvent<HTMLInputElement>) => {
      composing.current = true;
      setDraft(event.currentTarget.value);
    },
    onCompositionEnd: (event: CompositionEvent<HTMLInputElement>) => {
      composing.current = false;
      setDraft(null);
      commit(reconcile(value, event.currentTarget.value, length, alphanumeric));
    },
    onFocus: syncSelection,
    onBlur: () => select(null),
    // The text itself is invisible: a click puts the caret on the slot under the pointer.
    onMouseUp: (event: MouseEvent<HTMLInputElement>) => {
      const el = event.currentTarget;
      const box = el.getBoundingClientRect();
      if (el.selectionStart !== el.selectionEnd || !box.width) return;
      const at = Math.min(
        Math.floor(((event.clientX - box.left) / box.width) * length),
        value.length,
      );
      el.setSelectionRange(at, at);
      syncSelection();
    },
  };

  return {
    value,
    length,
    complete,
    focused: selection !== null,
    slots: Array.from({ length }, (_, i) => ({
      char: value[i] ?? "",
      active: start === end ? i === Math.min(start, length - 1) : i >= start && i < end,
      caret: start === i && end === i && !value[i],
    })),
    getInputProps(props = {}) {
      const merged: Record<string, unknown> = { ...props };
      for (const [name, ours] of Object.entries(handlers) as [string, Handler][]) {
        const theirs = (props as Record<string, Handler | undefined>)[name];
        merged[name] = (event: SyntheticEvent<HTMLInputElement>) => {
          theirs?.(event);
          event.isDefaultPrevented() || ours(event);
        };
      }
      return {
        ...merged,
        ref: ownRef,
        value: draft ?? value,
        disabled,
        type: "text",
        autoComplete: "one-time-code",
        inputMode: alphanumeric ? "text" : "numeric",
        pattern: `[${alphanumeric ? "A-Z" : ""}0-9]{${length}}`,
        // No maxLength: the value is capped here, and a browser that enforces it drops an
        // IME's (or Android keyboard's) character typed over a full field, and cuts an
        // autofilled message before the code in it.
        autoCapitalize: "characters",
        autoCorrect: "off",
        spellCheck: false,
      };
    },
  };
}

function setRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === "function") ref(value);
  else if (ref) ref.current = value;
}
