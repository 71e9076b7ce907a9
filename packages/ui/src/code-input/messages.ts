import type { Catalogue } from "../i18n";

/** Every string CodeInput gives screen readers. `{length}` is formatted by Intl. */
export interface CodeInputMessages {
  /** The field's name, unless you pass `aria-label` or `aria-labelledby`. */
  label: string;
  /** Its description, digits only. */
  hintDigits: string;
  /** Its description with `alphanumeric`. */
  hintCharacters: string;
  /** Added to the description in the success state. */
  success: string;
}

/**
 * English is built in; th, id and zh are in `./locales`, each loaded on demand (a literal
 * `import()` per locale, so every bundler makes each its own small chunk).
 */
export const codeInputMessages: Catalogue<CodeInputMessages> = {
  name: "codeInput",
  en: {
    label: "Code",
    hintDigits: "{length}-digit code",
    hintCharacters: "{length}-character code",
    success: "Code verified",
  },
  load: {
    th: () => import("./locales/th").then((module) => module.th),
    id: () => import("./locales/id").then((module) => module.id),
    zh: () => import("./locales/zh").then((module) => module.zh),
  },
};
