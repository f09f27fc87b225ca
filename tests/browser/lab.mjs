// Browser test of JupyterLab 4's debugger on gopar.
//
// README: `go test ./tests -run TestBrowserLabDebugger -v` builds gopar,
// serves the JupyterLab application of tests/browser/lab (pinned npm
// packages bundled with @jupyterlab/builder and webpack) with Debian's
// jupyter_server and jupyterlab_server on a private port, and runs this
// script, which drives Debian's Chromium through playwright-core: it opens
// fixtures/debugger.ipynb, turns the debugger on, sets a breakpoint by
// clicking the gutter of line 7 of the first cell (inside a func), runs both
// cells, and checks that the goroutine that calls the func stops there: the
// Call Stack shows its frame at line 7, the Variables panel its argument;
// it steps to line 8 and sees the new variable, saves a screenshot to
// tests/browser/artifacts/lab-debugger.png, continues, and checks the
// cell's output (a failure leaves artifacts/lab-failure.png).
//
// Usage: node lab.mjs --url http://127.0.0.1:PORT --token TOKEN
//            --notebook NAME.ipynb [--artifacts DIR] [--timeout SECONDS]
//
// Exits 0 when every check passed, 1 with the failed check on stderr
// otherwise. Every wait is bounded; the browser is always closed.

import { join } from "node:path";
import { args, artifacts, bounded, left, runInBrowser, step } from "./harness.mjs";

// textIn waits until locator's text matches re, and returns the text.
async function textIn(what, locator, re, cap) {
  let text = "";
  const until = Date.now() + left(cap);
  while (Date.now() < until) {
    text = (await locator.allInnerTexts().catch(() => [])).join("\n");
    if (re.test(text)) return text;
    await locator.page().waitForTimeout(200);
  }
  throw new Error(`${what}: ${JSON.stringify(text)} does not match ${re}`);
}

async function runChecks(page) {
  step(`opening ${args.notebook}`);
  await page.goto(`${args.url}/lab/tree/${args.notebook}?token=${args.token}`, { timeout: left(60_000) });
  const notebook = page.locator(".jp-NotebookPanel");
  await bounded("waiting for the notebook", notebook.waitFor({ timeout: left(60_000) }));
  const cells = notebook.locator(".jp-Cell");
  await bounded("waiting for the cells", cells.nth(1).waitFor({ timeout: left(30_000) }));
  await bounded(
    "waiting for the kernel to be idle",
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").first().waitFor({ timeout: left(60_000) }),
  );

  step("turning the debugger on");
  const bug = notebook.locator("jp-button.jp-DebuggerBugButton").first();
  await bounded("waiting for the debugger button", bug.waitFor({ timeout: left(30_000) }));
  // The button is enabled once JupyterLab has checked the kernel's spec
  // for a debugger; it is made anew then, so it is looked up each time.
  const bugState = (attr) => document.querySelector(".jp-NotebookPanel jp-button.jp-DebuggerBugButton")?.getAttribute(attr);
  await bounded(
    "waiting for the debugger button to be enabled",
    page.waitForFunction((get) => eval(get)("aria-disabled") === "false", bugState.toString(), { timeout: left(30_000) }),
  );
  // On, the debugger gives the cells' editors a breakpoint gutter. A click
  // that comes before the notebook's debugger handler is ready does
  // nothing; the button says whether it is on, and is clicked again only
  // when it is not.
  const first = cells.nth(0);
  const gutter = first.locator(".cm-gutter.cm-breakpoint-gutter").first();
  let on = false;
  for (let attempt = 1; attempt <= 3 && !on; attempt++) {
    if ((await page.evaluate(bugState, "aria-pressed")) !== "true") {
      await page.locator(".jp-NotebookPanel jp-button.jp-DebuggerBugButton").first().click({ timeout: left(10_000) });
    }
    on = await gutter.waitFor({ timeout: left(20_000) }).then(() => true, () => false);
  }
  if (!on) throw new Error("the debugger did not start: no breakpoint gutter after 3 tries");
  // Starting the debugger opens its panel; a click on its tab would close it.
  const sidebar = page.locator("#jp-debugger-sidebar");
  if (!(await sidebar.waitFor({ timeout: left(10_000) }).then(() => true, () => false))) {
    await page.locator(".jp-SideBar li[data-id='jp-debugger-sidebar']").click({ timeout: left(10_000) });
    await bounded("waiting for the debugger panel", sidebar.waitFor({ timeout: left(10_000) }));
  }

  step("setting a breakpoint on line 7 of the first cell (in the func)");
  const line = first.locator(".cm-line").nth(6);
  // The Breakpoints panel lists it once the kernel has it (dumpCell, then
  // setBreakpoints), with the cell's source file as the kernel named it.
  const listed = page.locator(".jp-DebuggerBreakpoint");
  let set = false;
  for (let attempt = 1; attempt <= 2 && !set; attempt++) {
    const g = await gutter.boundingBox();
    const l = await line.boundingBox();
    await page.mouse.click(g.x + g.width / 2, l.y + l.height / 2);
    set = await listed.first().waitFor({ timeout: left(15_000) }).then(() => true, () => false);
  }
  if (!set) throw new Error("the breakpoint is not in the Breakpoints panel after 2 clicks on the gutter");
  await textIn("the Breakpoints panel", listed, /gopar_\d+\/\d+\.go\s*7$/, 10_000);

  step("running both cells");
  await first.locator(".cm-content").click({ timeout: left(10_000) });
  await page.keyboard.press("Shift+Enter");
  await page.keyboard.press("Shift+Enter");

  step("waiting for the goroutine to stop in square");
  const frames = page.locator(".jp-DebuggerCallstackFrame");
  const stack = await textIn("the Call Stack", frames, /square/, 60_000);
  await textIn("the Call Stack's location", page.locator(".jp-DebuggerCallstackFrame-location").first(), /:7$/, 10_000);
  const variables = page.locator(".jp-DebuggerVariables");
  const vars = await textIn("the Variables panel", variables, /\bn\b[\s\S]*\b7\b/, 20_000);
  step(`stopped: ${stack.split("\n").join(" | ")}; variables: ${vars.split("\n").join(" ")}`);

  step("stepping to the next line");
  await page.locator("button[data-command='debugger:next'], [data-command='debugger:next'] button").first().click({
    timeout: left(10_000),
  });
  await textIn("the Call Stack after the step", page.locator(".jp-DebuggerCallstackFrame-location").first(), /:8$/, 30_000);
  await textIn("the Variables panel after the step", variables, /\bsq\b[\s\S]*\b49\b/, 20_000);
  const shot = join(artifacts, "lab-debugger.png");
  await page.screenshot({ path: shot, timeout: left(10_000) });
  step(`screenshot: ${shot}`);

  step("continuing");
  await page.locator("button[data-command='debugger:continue'], [data-command='debugger:continue'] button").first().click({
    timeout: left(10_000),
  });
  await textIn("the second cell's output", cells.nth(1).locator(".jp-OutputArea"), /got 49/, 60_000);
  step("the cell printed got 49");
}

await runInBrowser(runChecks, { viewport: { width: 1400, height: 900 }, failureShot: "lab-failure.png" });
