/// <reference types="vite/client" />
import "msw-storybook-addon/csf3";
import { inbox } from "@otpkit/mocks";
import { storagePersistence } from "@otpkit/react";
import { loadLocale } from "@otpkit/ui";
import type { Decorator, Preview } from "@storybook/react-vite";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { mswLoader } from "msw-storybook-addon/csf3";
import { type ReactNode, useEffect, useState } from "react";
import { configure } from "storybook/test";
import {
  BACKENDS,
  type BackendName,
  isBackendName,
  type StoryServerOptions,
  startBackendForStory,
  stopBackend,
} from "./backends";
// The kit's stylesheet as @otpkit/ui/styles.css ships it: the tokens first, then every
// component's CSS (new component folders are picked up without touching this file).
import "../packages/ui/src/theme.css";
import "./preview.css";

import.meta.glob("../packages/ui/src/**/*.css", { eager: true });

// findBy*/waitFor in play functions: a mocked round trip is quick, but the whole suite shares
// two CPU cores in CI, so allow more than Testing Library's default second.
configure({ asyncUtilTimeout: 5000 });

export interface KitGlobals {
  locale: "en" | "th" | "id" | "zh";
  theme: "light" | "dark";
  direction: "ltr" | "rtl";
  backend: BackendName;
}

declare module "storybook/internal/csf" {
  interface Parameters {
    /** Options for the mocked server of this story (cooldowns, lifetimes, latency...). */
    otpServer?: StoryServerOptions;
  }
}

function Canvas({
  globals,
  inDocs,
  children,
}: {
  globals: KitGlobals;
  inDocs: boolean;
  children: ReactNode;
}) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false } } }),
  );
  const { locale, theme, direction } = globals;
  // In the story view the whole page follows the toolbar (lang for screen readers and fonts,
  // dir for layout, data-theme for the page colour); the docs page keeps its own.
  useEffect(() => {
    if (inDocs) return;
    const html = document.documentElement;
    html.lang = locale;
    html.dir = direction;
    html.dataset.theme = theme;
  }, [inDocs, locale, direction, theme]);
  return (
    <QueryClientProvider client={client}>
      <div className="sb-otpkit-canvas" data-theme={theme} dir={direction} lang={locale}>
        {children}
      </div>
    </QueryClientProvider>
  );
}

const withKit: Decorator = (Story, context) => {
  const globals = context.globals as KitGlobals;
  // The toolbar's language reaches every component, unless a story pins its own.
  const args = { ...context.args, locale: context.args.locale ?? globals.locale };
  return (
    // A new backend is a new server: start the story over rather than keep a stale challenge.
    <Canvas key={globals.backend} globals={globals} inDocs={context.viewMode === "docs"}>
      <Story args={args} />
    </Canvas>
  );
};

const preview: Preview = {
  tags: ["autodocs"],
  parameters: {
    layout: "padded",
    a11y: {
      // Any axe violation fails the story's test (vitest project "storybook").
      test: "error",
      // WCAG 2.2 target size (44 px in DESIGN.md) on top of axe's defaults.
      config: { rules: [{ id: "target-size", enabled: true }] },
    },
    controls: { expanded: true, sort: "requiredFirst" },
    options: {
      storySort: {
        order: ["Introduction", "Components", ["OtpVerify", "PhoneInput", "CodeInput"], "*"],
      },
    },
  },
  globalTypes: {
    locale: {
      description: "Language of the components' messages",
      toolbar: {
        title: "Language",
        icon: "globe",
        items: [
          { value: "en", right: "en", title: "English" },
          { value: "th", right: "th", title: "ไทย (Thai)" },
          { value: "id", right: "id", title: "Bahasa Indonesia" },
          { value: "zh", right: "zh", title: "中文 (Chinese)" },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: "Light or dark theme (data-theme)",
      toolbar: {
        title: "Theme",
        icon: "mirror",
        items: [
          { value: "light", icon: "sun", title: "Light" },
          { value: "dark", icon: "moon", title: "Dark" },
        ],
        dynamicTitle: true,
      },
    },
    direction: {
      description: "Text direction (dir)",
      toolbar: {
        title: "Direction",
        icon: "transfer",
        items: [
          { value: "ltr", title: "Left to right" },
          { value: "rtl", title: "Right to left" },
        ],
        dynamicTitle: true,
      },
    },
    backend: {
      description: "What answers the kit's server protocol (mocked in the browser)",
      toolbar: {
        title: "Backend",
        icon: "database",
        items: Object.entries(BACKENDS).map(([value, { title }]) => ({ value, title })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: "en", theme: "light", direction: "ltr", backend: "kit" },
  loaders: [
    mswLoader(),
    // The language's messages load on demand, as in an app; waiting for them here shows the
    // story in its language from the first paint (PhoneInput on its own included).
    ({ args, globals }) => loadLocale((args.locale as string | undefined) ?? globals.locale),
  ],
  async beforeEach(context) {
    const { msw, globals, parameters, id } = context;
    const backend = isBackendName(globals.backend) ? globals.backend : "kit";
    const { server, fresh } = startBackendForStory(id, backend, parameters.otpServer);
    if (fresh) {
      // Nothing left from the story before: no saved challenge (useOtpFlow's default
      // persistence key; the rest of sessionStorage is Storybook's), no old SMS.
      storagePersistence().clear();
      inbox.clear();
    }
    // mswLoader resets the handlers on every render; the server (and its state) stays.
    msw.use(...server.handlers);
    return () => stopBackend(id);
  },
  decorators: [withKit],
};

export default preview;
