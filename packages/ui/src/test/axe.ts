/// <reference types="vite/client" />
/**
 * axe for the browser tests, with packages/ui's real CSS in the page (theme first, then every
 * component's stylesheet, as `@otpkit/ui/styles.css` ships it) so colour contrast, target size
 * and focus styles are checked for real, not against unstyled defaults.
 *
 *   import { expectNoAxeViolations } from "../test/axe";
 *   await expectNoAxeViolations(screen.container);
 */
import axe from "axe-core";

// Every .css under src, inlined by Vite; new component folders are picked up automatically.
const sheets = import.meta.glob<string>("../**/*.css", {
  query: "?inline",
  import: "default",
  eager: true,
});

const STYLE_ID = "otpkit-test-styles";

/** Rules about a whole page (one main, one h1, landmarks...), not about a component in it. */
const PAGE_RULES = [
  "landmark-one-main",
  "page-has-heading-one",
  "region",
  "bypass",
  "document-title",
  "html-has-lang",
];

/** The package's CSS in the order the build concatenates it: theme.css, then the rest sorted. */
export function packageCss(): string {
  const files = Object.keys(sheets).sort((a, b) =>
    a === "../theme.css" ? -1 : b === "../theme.css" ? 1 : a.localeCompare(b),
  );
  return files.map((file) => `/* ${file} */\n${sheets[file]}`).join("\n");
}

/** Puts the package's CSS into the page once (idempotent). */
export function loadPackageStyles(doc: Document = document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement("style");
  style.id = STYLE_ID;
  style.textContent = packageCss();
  doc.head.append(style);
}

// In the page from the moment a test file imports this helper, before anything renders: a
// stylesheet added later would start CSS transitions that axe could measure half-way.
if (typeof document !== "undefined") loadPackageStyles();

/** One line per failing node: rule, impact, what to fix, where. */
export function describeViolations(violations: readonly axe.Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => {
          const summary = node.failureSummary?.replace(/\s+/g, " ").trim();
          return `    at ${node.target.join(" ")}: ${node.html}${summary ? `\n      ${summary}` : ""}`;
        })
        .join("\n");
      return `  [${violation.impact ?? "?"}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}`;
    })
    .join("\n");
}

/**
 * Runs axe on `element` (or a whole `document`) with the package CSS loaded and throws
 * a readable error listing every violation. Rules are axe's defaults plus WCAG 2.2 target
 * size; for an element (not a whole document) the page-level rules are off. Pass `options` to
 * adjust (for example `{ rules: { "color-contrast": { enabled: false } } }`).
 */
export async function expectNoAxeViolations(
  element: Element | Document,
  options: axe.RunOptions = {},
): Promise<void> {
  // A forgotten `await render(...)` would otherwise check nothing or the wrong thing.
  if (!(element instanceof Element || element instanceof Document)) {
    throw new TypeError(`expectNoAxeViolations needs an element or a document, got ${element}`);
  }
  const whole = element instanceof Document;
  loadPackageStyles(whole ? element : element.ownerDocument);
  const { violations } = await axe.run(element as axe.ElementContext, {
    ...options,
    rules: {
      "target-size": { enabled: true },
      // A component is not a page: rules about the document as a whole only for a document.
      ...(whole ? {} : Object.fromEntries(PAGE_RULES.map((rule) => [rule, { enabled: false }]))),
      ...options.rules,
    },
  });
  if (violations.length > 0) {
    throw new Error(
      `axe found ${violations.length} accessibility violation(s):\n${describeViolations(violations)}`,
    );
  }
}
