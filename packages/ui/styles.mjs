/**
 * The one stylesheet users import (`@otpkit/ui/styles.css`): the theme's tokens first, then
 * every component's CSS, in a stable order. Used by the build and by tests and stories.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const src = new URL("./src/", import.meta.url).pathname;

export function stylesheetFiles() {
  const components = readdirSync(src, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".css") && file !== "theme.css")
    .sort();
  return ["theme.css", ...components].map((file) => join(src, file));
}

export const stylesheet = () =>
  stylesheetFiles()
    .map((file) => `/* ${file.slice(src.length)} */\n${readFileSync(file, "utf8")}`)
    .join("\n");
