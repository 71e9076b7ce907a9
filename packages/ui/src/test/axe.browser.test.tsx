import { afterEach, describe, expect, it } from "vitest";
import { expectNoAxeViolations, loadPackageStyles, packageCss } from "./axe";

afterEach(() => {
  document.body.replaceChildren();
});

describe("expectNoAxeViolations", () => {
  it("puts the package CSS (theme first) into the page once", () => {
    expect(packageCss().startsWith("/* ../theme.css */")).toBe(true);
    loadPackageStyles();
    loadPackageStyles();
    expect(document.querySelectorAll("#otpkit-test-styles")).toHaveLength(1);
    expect(getComputedStyle(document.documentElement).getPropertyValue("--otpkit-bg")).not.toBe("");
  });

  it("passes accessible markup", async () => {
    const main = document.createElement("main");
    main.innerHTML = `<h1>Enter the code</h1><label>Code <input autocomplete="one-time-code"></label>`;
    document.body.append(main);
    await expectNoAxeViolations(main);
  });

  it("fails on low contrast, naming the rule and the element", async () => {
    const main = document.createElement("main");
    main.innerHTML = `<p id="faint" style="color:#ccc;background:#fff">Resend in 0:24</p>`;
    document.body.append(main);
    await expect(expectNoAxeViolations(main)).rejects.toThrow(/color-contrast[\s\S]*#faint/);
  });

  it("fails on an unlabelled field", async () => {
    const main = document.createElement("main");
    main.innerHTML = `<input id="nameless">`;
    document.body.append(main);
    await expect(expectNoAxeViolations(main)).rejects.toThrow(/label[\s\S]*#nameless/);
  });
});

describe("expectNoAxeViolations guards", () => {
  it("refuses a missing element (a forgotten await render)", async () => {
    await expect(expectNoAxeViolations(undefined as unknown as Element)).rejects.toThrow(
      /needs an element/,
    );
  });
});
