import "@otpkit/ui/styles.css";
import "./styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createEmbeddedBackend, createServerBackend } from "./backend";
import { MODE, readSettings } from "./settings";

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");

const settings = readSettings();
// Before the first paint, so the page never flashes the other theme.
document.documentElement.dataset.theme = settings.theme;
document.documentElement.lang = settings.locale;

// Embedded mode renders at once; MSW and the mocked server load as a chunk of their own and
// the first request waits for them.
const backend = MODE === "server" ? createServerBackend() : createEmbeddedBackend();

createRoot(root).render(
  <StrictMode>
    <App backend={backend} initial={settings} />
  </StrictMode>,
);
