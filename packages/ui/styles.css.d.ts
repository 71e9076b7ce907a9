// Types for `import "@otpkit/ui/styles.css"`: the stylesheet exports nothing. Without this,
// TypeScript 6 (noUncheckedSideEffectImports) rejects the import in apps with no `*.css` module.
export {};
