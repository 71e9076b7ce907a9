import {
  type ChangeEvent,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { type CountryNames, type PhoneCountry, searchCountries } from "./countries";
import type { CountryCode } from "./phone-number";

export interface UseCountryPickerOptions {
  /** The selected country. */
  country: CountryCode | undefined;
  /** The user chose a country (Enter or click). Focus is yours to move (to the number, say). */
  onSelect: (country: CountryCode) => void;
  /** Names in this locale (Intl.DisplayNames), searched in it and in English. */
  locale?: string;
  /** Listed first when there is no query ("recent/likely"). */
  preferred?: readonly string[];
  /** Names that replace Intl's (`{ HK: "Hong Kong" }`); Intl's are still searched. */
  names?: CountryNames;
}

export interface CountryPicker {
  open: boolean;
  query: string;
  /** The options for the query, best first; without a query the first `preferredCount` are the preferred ones. */
  countries: PhoneCountry[];
  preferredCount: number;
  activeIndex: number;
  openPicker: (query?: string) => void;
  /** Closes; with `returnFocus`, focus goes back to the country button. */
  close: (returnFocus?: boolean) => void;
  buttonProps: {
    ref: (element: HTMLButtonElement | null) => void;
    type: "button";
    "aria-haspopup": "listbox";
    "aria-expanded": boolean;
    "aria-controls": string | undefined;
    onClick: () => void;
    onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
  };
  /** The popup around the search field and the list: closes when focus leaves it. */
  popupProps: { onBlur: (event: FocusEvent<HTMLElement>) => void };
  /** The search field: an editable combobox with list autocomplete (ARIA APG). */
  searchProps: {
    ref: (element: HTMLInputElement | null) => void;
    role: "combobox";
    type: "text";
    value: string;
    "aria-expanded": true;
    "aria-controls": string;
    "aria-autocomplete": "list";
    "aria-activedescendant": string | undefined;
    autoComplete: "off";
    spellCheck: false;
    onChange: (event: ChangeEvent<HTMLInputElement>) => void;
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  };
  listboxProps: {
    id: string;
    role: "listbox";
    tabIndex: -1;
    onMouseDown: (event: MouseEvent) => void;
  };
  optionProps: (index: number) => {
    id: string;
    role: "option";
    "aria-selected": boolean;
    /** Present on the country the field has now. */
    "data-current": "" | undefined;
    onClick: () => void;
    onMouseMove: () => void;
  };
}

const PAGE = 10;

/**
 * Headless country picker, the APG "combobox with listbox popup" pattern: a button opens a
 * popup whose search field (role="combobox", aria-activedescendant) drives a listbox. Keys:
 * on the button, arrows open it and a letter opens it searching for that letter; in the
 * search, Up/Down and PageUp/PageDown move, Home/End move the caret in the text, Enter picks,
 * Escape closes and returns focus to the button, Tab leaves. The selected country is active and scrolled into view on
 * opening.
 */
export function useCountryPicker(options: UseCountryPickerOptions): CountryPicker {
  const { country, onSelect, locale, preferred, names } = options;
  const id = useId();
  const listboxId = `${id}listbox`;
  const optionId = (index: number) => `${id}option-${index}`;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [activeIndex, setActiveIndex] = useState(0);
  const button = useRef<HTMLButtonElement | null>(null);
  const search = useRef<HTMLInputElement | null>(null);

  const preferredKey = preferred?.join();
  // The list (245 names from Intl.DisplayNames, sorted) is only built once the picker opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: preferredKey stands for preferred's content
  const { countries, preferredCount } = useMemo(
    () =>
      open
        ? searchCountries(query, locale, preferred, names)
        : { countries: [], preferredCount: 0 },
    [open, query, locale, preferredKey, names],
  );

  const openPicker = (initial = "") => {
    const start = searchCountries(initial, locale, preferred, names).countries;
    setQuery(initial);
    setActiveIndex(
      initial
        ? 0
        : Math.max(
            0,
            start.findIndex((c) => c.code === country),
          ),
    );
    setOpen(true);
  };
  const close = (returnFocus = false) => {
    setOpen(false);
    setQuery("");
    if (returnFocus) button.current?.focus();
  };
  const select = (index: number) => {
    const chosen = countries[index];
    if (!chosen) return;
    close();
    onSelect(chosen.code);
  };

  // Focus the search when the popup opens; keep the active option in view.
  useEffect(() => {
    if (open) search.current?.focus();
  }, [open]);
  useEffect(() => {
    if (!open) return;
    const option = document.getElementById(`${id}option-${activeIndex}`);
    option?.scrollIntoView?.({ block: "nearest" });
  }, [open, activeIndex, id]);

  const move = (to: number) => setActiveIndex(Math.max(0, Math.min(countries.length - 1, to)));

  return {
    open,
    query,
    countries,
    preferredCount,
    activeIndex,
    openPicker,
    close,
    buttonProps: {
      ref: (element) => {
        button.current = element;
      },
      type: "button",
      "aria-haspopup": "listbox",
      "aria-expanded": open,
      "aria-controls": open ? listboxId : undefined,
      onClick: () => (open ? close(true) : openPicker()),
      onKeyDown: (event) => {
        if (event.key === "ArrowDown" || event.key === "ArrowUp") {
          event.preventDefault();
          openPicker();
        } else if (
          event.key.length === 1 &&
          event.key !== " " &&
          !event.ctrlKey &&
          !event.metaKey &&
          !event.altKey
        ) {
          // Type-ahead: a letter (or "+", a digit) starts a search for it.
          event.preventDefault();
          openPicker(event.key);
        }
      },
    },
    popupProps: {
      onBlur: (event) => {
        const next = event.relatedTarget as Node | null;
        if (next && (event.currentTarget.contains(next) || next === button.current)) return;
        close();
      },
    },
    searchProps: {
      ref: (element) => {
        search.current = element;
      },
      role: "combobox",
      type: "text",
      value: query,
      "aria-expanded": true,
      "aria-controls": listboxId,
      "aria-autocomplete": "list",
      "aria-activedescendant": countries.length ? optionId(activeIndex) : undefined,
      autoComplete: "off",
      spellCheck: false,
      onChange: (event) => {
        setQuery(event.target.value);
        setActiveIndex(0);
      },
      onKeyDown: (event) => {
        if (event.altKey || event.ctrlKey || event.metaKey) return;
        // Home and End stay the text box's: they move the caret in the search (APG editable
        // combobox).
        const target =
          event.key === "ArrowDown"
            ? activeIndex + 1
            : event.key === "ArrowUp"
              ? activeIndex - 1
              : event.key === "PageDown"
                ? activeIndex + PAGE
                : event.key === "PageUp"
                  ? activeIndex - PAGE
                  : undefined;
        if (target !== undefined) move(target);
        else if (event.key === "Enter") select(activeIndex);
        else if (event.key === "Escape") close(true);
        else return;
        event.preventDefault();
        event.stopPropagation();
      },
    },
    listboxProps: {
      id: listboxId,
      role: "listbox",
      // Focus stays in the search (aria-activedescendant); a scrolling list would otherwise
      // be a Tab stop of its own in Chrome.
      tabIndex: -1,
      // Keep focus in the search field while clicking an option.
      onMouseDown: (event) => event.preventDefault(),
    },
    optionProps: (index) => ({
      id: optionId(index),
      role: "option",
      // APG: the active option (aria-activedescendant) is the selected one.
      "aria-selected": index === activeIndex,
      "data-current": countries[index]?.code === country ? "" : undefined,
      onClick: () => select(index),
      onMouseMove: () => {
        if (index !== activeIndex) setActiveIndex(index);
      },
    }),
  };
}
