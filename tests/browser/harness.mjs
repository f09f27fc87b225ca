// What the browser tests share (notebook.mjs, lab.mjs): their command line,
// the deadline every wait takes its bound from, and a run of checks in
// Debian's Chromium that always closes the browser and leaves a screenshot
// of a failure.
//
// Command line: --url URL --token TOKEN --notebook NAME.ipynb
//               [--artifacts DIR] [--timeout SECONDS] [--chromium PATH]

import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

export const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    token: { type: "string" },
    notebook: { type: "string" },
    artifacts: { type: "string", default: "artifacts" },
    timeout: { type: "string", default: "170" },
    chromium: { type: "string", default: "/usr/bin/chromium" },
  },
});
for (const name of ["url", "token", "notebook"]) {
  if (!args[name]) {
    console.error(`--${name} is required`);
    process.exit(2);
  }
}

const started = Date.now();
const deadline = started + Number(args.timeout) * 1000;
export const artifacts = resolve(args.artifacts);
mkdirSync(artifacts, { recursive: true });

// left is the time that remains before the overall deadline, capped at cap
// milliseconds: every wait takes its bound from it.
export function left(cap) {
  const ms = deadline - Date.now();
  if (ms <= 0) throw new Error("the test ran past its deadline");
  return Math.min(ms, cap);
}

export function step(what) {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${what}`);
}

// bounded awaits a bounded wait and names what was awaited if it fails.
export async function bounded(what, wait) {
  try {
    return await wait;
  } catch (err) {
    throw new Error(`${what}: ${err.message.split("\n")[0]}`);
  }
}

// The flags the machine's Chromium needs headless as root: no sandbox, no
// GPU, and none of the background connections a closed network refuses.
const chromiumFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// runInBrowser runs checks(page) in a fresh Chromium profile and exits the
// process: 0 when they passed, 1 with the failed check on stderr and a
// screenshot named failureShot in the artifacts otherwise.
export async function runInBrowser(checks, { viewport, failureShot }) {
  const profile = mkdtempSync(join(tmpdir(), "gopar-chromium-"));
  let context;
  let page;
  let failed = false;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: args.chromium,
      headless: true,
      args: chromiumFlags,
      viewport,
      timeout: left(30_000),
    });
    page = context.pages()[0] ?? (await context.newPage());
    const pageErrors = [];
    page.on("pageerror", (err) => pageErrors.push(err.message));
    page.on("dialog", (d) => d.dismiss());
    await checks(page);
    if (pageErrors.length) {
      console.log(`page script errors (not fatal): ${pageErrors.join("; ")}`);
    }
  } catch (err) {
    failed = true;
    console.error(`FAIL: ${err.message}`);
    if (page) {
      const shot = join(artifacts, failureShot);
      await page.screenshot({ path: shot, timeout: 10_000 }).catch(() => {});
      console.error(`screenshot of the failure: ${shot}`);
    }
  } finally {
    if (context) await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
  step(failed ? "failed" : "passed");
  process.exit(failed ? 1 : 0);
}
