import path from "node:path";
import { fileURLToPath } from "node:url";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import { defineProject } from "vitest/config";
import { chromium, sourceResolve } from "./vitest.shared.ts";

const dirname = path.dirname(fileURLToPath(import.meta.url));

/**
 * Every story is a test in Debian Chromium: it renders, its play function passes, and the
 * a11y addon finds no axe violation (`parameters.a11y.test = "error"` in .storybook/preview).
 */
export default defineProject({
  ...sourceResolve,
  plugins: [storybookTest({ configDir: path.join(dirname, ".storybook") })],
  test: {
    name: "storybook",
    browser: chromium(),
  },
});
