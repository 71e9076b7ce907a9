#!/usr/bin/env node
/**
 * The whole test suite, as the README and CI run it: build, typecheck, lint, every test
 * project, and the size budgets. Every step runs even when an earlier one failed, so one
 * run shows everything that is wrong. Ends with one line: "tests: N passed, N failed".
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const report = join(mkdtempSync(join(tmpdir(), "otpkit-test-")), "vitest.json");

const steps = [
  ["build", "pnpm", ["build"]],
  ["typecheck", "pnpm", ["typecheck"]],
  ["lint", "pnpm", ["lint"]],
  [
    "tests",
    "pnpm",
    [
      "exec",
      "vitest",
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
    ],
  ],
  ["size budgets", "node", ["scripts/size.mjs", "--check"]],
];

const failedSteps = [];
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}: ${command} ${args.join(" ")}`);
  const { status } = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (status !== 0) failedSteps.push(name);
}

let passed = 0;
let failed = 0;
try {
  const json = JSON.parse(readFileSync(report, "utf8"));
  passed = json.numPassedTests;
  failed = json.numFailedTests;
} catch {
  if (!failedSteps.includes("tests")) failedSteps.push("tests (no report)");
}
// A step that failed outside a test (a type error, a suite that did not load, a budget)
// counts as one failure, so the closing line never says "0 failed" on a red run.
for (const step of failedSteps) if (step !== "tests" || failed === 0) failed += 1;
if (failedSteps.length) console.log(`\nfailed steps: ${failedSteps.join(", ")}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failedSteps.length ? 1 : 0);
