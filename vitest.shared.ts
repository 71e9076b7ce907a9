import { defaultClientConditions, defaultServerConditions } from "vite";

/**
 * Workspace packages resolve to their TypeScript sources (the "@otpkit/source" export
 * condition) in tests, so nothing needs building first.
 */
export const sourceResolve = {
  resolve: { conditions: ["@otpkit/source", ...defaultClientConditions] },
  ssr: { resolve: { conditions: ["@otpkit/source", ...defaultServerConditions] } },
};
