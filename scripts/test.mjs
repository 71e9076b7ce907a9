#!/usr/bin/env node
/**
 * The whole test suite, as the README and CI run it: build, typecheck, lint, every test
 * project, the node-side projects again on Node 22 and 24 (the packages claim Node >= 20),
 * the size budgets, then what we would publish: publint and arethetypeswrong on every package,
 * and the packed tarballs installed into a fresh Vite app (scripts/pack-check.mjs). Every step
 * runs even when an earlier one failed, so one run shows everything that is wrong. Ends with
 * one line: "tests: N passed, N failed".
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const reports = mkdtempSync(join(tmpdir(), "otpkit-test-"));
const vitest = join(root, "node_modules/vitest/vitest.mjs");
/** Projects that run in Node (not in a browser): checked on every Node we claim. */
const NODE_PROJECTS = ["core", "react", "providers", "mocks", "server"];

const vitestRun = (report, args) => [
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${join(reports, report)}`,
  ...args,
];

const onNode = (version) => {
  const projects = NODE_PROJECTS.flatMap((p) => ["--project", p]);
  return [
    `tests on Node ${version}`,
    "npx",
    [
      "-y",
      "-p",
      `node@${version}`,
      "node",
      vitest,
      "run",
      ...vitestRun(`node${version}.json`, projects),
    ],
    `node${version}.json`,
  ];
};

const steps = [
  // Debian's chromium and redis-server, installed when missing (as root), else a clear message.
  ["system packages", "bash", ["scripts/system-deps.sh"]],
  ["build", "pnpm", ["build"]],
  ["typecheck", "pnpm", ["typecheck"]],
  ["lint", "pnpm", ["lint"]],
  ["tests", "node", [vitest, "run", ...vitestRun("all.json", [])], "all.json"],
  onNode(22),
  onNode(24),
  [
    "end-to-end (demo, Chromium)",
    "pnpm",
    ["--filter", "@otpkit/demo", "exec", "playwright", "test", "--reporter=list,json"],
    "e2e.json",
  ],
  ["storybook build (static)", "pnpm", ["build-storybook"]],
  ["size budgets", "node", ["scripts/size.mjs", "--check"]],
  ["publint (every package)", "pnpm", ["publint"]],
  ["arethetypeswrong (every package, ESM only)", "pnpm", ["attw"]],
  [
    "pack check (tarballs in a fresh Vite app, OtpVerify in Chromium)",
    "node",
    // Built by the first step.
    ["scripts/pack-check.mjs", "--no-build"],
  ],
];

let passed = 0;
let failed = 0;
const failedSteps = [];
for (const [name, command, args, report] of steps) {
  console.log(`\n▶ ${name}: ${command} ${args.join(" ")}`);
  const env = { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: join(reports, "e2e.json") };
  const { status } = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  let failedTests = 0;
  if (report && existsSync(join(reports, report))) {
    const json = JSON.parse(readFileSync(join(reports, report), "utf8"));
    // Vitest's JSON report, or Playwright's (`stats`).
    passed += json.numPassedTests ?? json.stats.expected + json.stats.flaky;
    failedTests = json.numFailedTests ?? json.stats.unexpected;
  }
  failed += failedTests;
  if (status !== 0) {
    failedSteps.push(name);
    // A step that failed outside a test (a type error, a suite that did not load, a
    // budget) counts as one failure, so the closing line never says "0 failed" on a red run.
    if (failedTests === 0) failed += 1;
  }
}

if (failedSteps.length) console.log(`\nfailed steps: ${failedSteps.join(", ")}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failedSteps.length ? 1 : 0);
