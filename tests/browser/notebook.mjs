// Browser test of gopar in the classic Jupyter Notebook UI (Notebook 6).
//
// README: `go test ./tests -run TestBrowserNotebook -v` builds gopar, starts
// Debian's jupyter-notebook on a private port and runs this script, which
// drives Debian's Chromium (/usr/bin/chromium) through playwright-core: it
// opens lessons/07-fractals.ipynb, runs all cells, checks that the Mandelbrot
// picture is shown and no cell failed, saves a screenshot to
// tests/browser/artifacts/fractals.png, then interrupts an endless cell and
// restarts the kernel from the Kernel menu (screenshot: artifacts/restarted.png;
// a failure leaves artifacts/failure.png). GOPAR_BROWSER_NOTEBOOK=PATH checks
// another notebook instead, such as the small fixtures/fractals.ipynb.
// Set-up: `GOPAR_BROWSER_TESTS=1 scripts/deps.sh` installs chromium and runs
// `npm ci` here; scripts/test.sh sets GOPAR_BROWSER_TESTS=1, which makes a
// missing piece a failure instead of a skip.
//
// Usage: node notebook.mjs --url http://127.0.0.1:PORT --token TOKEN
//            --notebook NAME.ipynb [--artifacts DIR] [--timeout SECONDS]
//
// Exits 0 when every check passed, 1 with the failed check on stderr
// otherwise. Every wait is bounded; the browser is always closed.

import { join } from "node:path";
import { args, artifacts, bounded, left, runInBrowser, step } from "./harness.mjs";

await runInBrowser(runChecks, { viewport: { width: 1280, height: 1000 }, failureShot: "failure.png" });

async function runChecks(page) {
  const url = `${args.url}/notebooks/${encodeURIComponent(args.notebook)}?token=${args.token}`;
  step(`opening ${args.url}/notebooks/${args.notebook}`);
  await page.goto(url, { timeout: left(30_000), waitUntil: "load" });
  try {
    await page.waitForFunction(() => window.Jupyter?.notebook?.kernel?.is_connected(), null, {
      timeout: left(60_000),
      polling: 250,
    });
  } catch {
    throw new Error("timed out waiting for the notebook to connect to its kernel");
  }
  await waitKernelIdle(page, 30_000, "the kernel to start");

  step("Cell > Run All");
  await menu(page, "#celllink", "#run_all_cells");
  // Run All marks every code cell running at once; the kernel then runs them
  // in turn and, after an error, aborts the rest.
  await bounded(
    "waiting for Run All to finish",
    page.waitForFunction(
      () => {
        const cells = Jupyter.notebook.get_cells().filter((c) => c.cell_type === "code");
        return (
          cells.every((c) => !c.element.hasClass("running")) &&
          cells.some((c) => typeof c.input_prompt_number === "number")
        );
      },
      null,
      { timeout: left(150_000), polling: 250 },
    ),
  );
  await waitKernelIdle(page, 30_000, "the kernel to go idle after Run All");
  step("all cells ran");

  const errors = await page.evaluate(() =>
    Jupyter.notebook
      .get_cells()
      .map((c, i) => ({ i, c, err: c.element.find(".output_error") }))
      .filter(({ err }) => err.length > 0)
      .map(({ i, c, err }) => `cell ${i} (${c.get_text().split("\n")[0]}): ${err.text().trim()}`),
  );
  if (errors.length) {
    await page.locator("#notebook .output_error").first().scrollIntoViewIfNeeded({ timeout: 5_000 }).catch(() => {});
    throw new Error(`a cell shows an error:\n${errors.join("\n")}`);
  }
  const notRun = await page.evaluate(() =>
    Jupyter.notebook
      .get_cells()
      .map((c, i) => ({ i, c }))
      .filter(({ c }) => c.cell_type === "code" && typeof c.input_prompt_number !== "number")
      .map(({ i }) => i),
  );
  if (notRun.length) throw new Error(`cells ${notRun.join(", ")} did not run`);

  // The first picture in an output area is the Mandelbrot set: it must have
  // loaded, be on screen and be a picture, not a flat or broken image.
  const images = page.locator("#notebook .output_area img");
  const count = await images.count();
  if (count === 0) throw new Error("no image in any output area");
  await page.waitForFunction(
    () => [...document.querySelectorAll("#notebook .output_area img")].every((img) => img.complete),
    null,
    { timeout: left(15_000) },
  );
  const broken = await images.evaluateAll((imgs) => imgs.filter((img) => img.naturalWidth === 0).length);
  if (broken) throw new Error(`${broken} of ${count} output images did not load`);
  const first = images.first();
  await first.scrollIntoViewIfNeeded({ timeout: left(10_000) });
  if (!(await first.isVisible())) throw new Error("the Mandelbrot image is not visible");
  const picture = await first.evaluate((img) => {
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set();
    for (let p = 0; p < data.length; p += 4 * 7) {
      colours.add((data[p] << 16) | (data[p + 1] << 8) | data[p + 2]);
    }
    const box = img.getBoundingClientRect();
    return {
      width: img.naturalWidth,
      height: img.naturalHeight,
      shown: { width: Math.round(box.width), height: Math.round(box.height) },
      colours: colours.size,
    };
  });
  step(
    `${count} images; the first is ${picture.width}×${picture.height} ` +
      `(shown ${picture.shown.width}×${picture.shown.height}) with ${picture.colours} colours`,
  );
  if (picture.shown.width < 50 || picture.shown.height < 50) {
    throw new Error(`the Mandelbrot image is shown too small: ${JSON.stringify(picture.shown)}`);
  }
  // A colour map over escape times gives dozens of shades; a blank or
  // one-colour image gives one or two.
  if (picture.colours < 16) {
    throw new Error(`the Mandelbrot image has only ${picture.colours} colours`);
  }
  await first.evaluate((img) => img.scrollIntoView({ block: "center" }));
  const shot = join(artifacts, "fractals.png");
  await page.screenshot({ path: shot, timeout: left(15_000) });
  console.log(`screenshot: ${shot}`);

  step("a cell that never ends, interrupted from Kernel > Interrupt");
  const loop = await appendCell(page, "spins := 0\nfor {\n\tspins++\n}");
  await runCell(page, loop);
  await bounded(
    "waiting for the kernel to be busy with the endless cell",
    page.waitForSelector("#kernel_indicator_icon.kernel_busy_icon", { timeout: left(10_000) }),
  );
  await page.waitForTimeout(1000);
  if (!(await cellRunning(page, loop))) throw new Error("the endless cell stopped by itself");
  await menu(page, "#kernellink", "#int_kernel");
  const interrupted = cellLocator(page, loop).locator(".output_error");
  await bounded("waiting for the interrupted cell's error", interrupted.waitFor({ timeout: left(30_000) }));
  const message = await interrupted.innerText();
  if (!/interrupt/i.test(message)) throw new Error(`the interrupted cell shows another error: ${message}`);
  await waitKernelIdle(page, 20_000, "the kernel to go idle after the interrupt");
  step(`interrupted: ${message.split("\n")[0]}`);

  step("Kernel > Restart, confirmed");
  await page.evaluate(() => {
    window.goparRestarted = false;
    Jupyter.notebook.events.one("kernel_ready.Kernel", () => {
      window.goparRestarted = true;
    });
  });
  await menu(page, "#kernellink", "#restart_kernel");
  const dialog = page.locator(".modal-dialog");
  await bounded("waiting for the restart dialog", dialog.waitFor({ timeout: left(10_000) }));
  await dialog.locator("button", { hasText: /^Restart$/ }).click({ timeout: left(10_000) });
  await bounded(
    "waiting for the restart dialog to close",
    dialog.waitFor({ state: "detached", timeout: left(10_000) }),
  );
  await bounded(
    "waiting for the restarted kernel to be ready",
    page.waitForFunction(() => window.goparRestarted, null, { timeout: left(60_000) }),
  );
  await waitKernelIdle(page, 60_000, "the kernel to come back after the restart");
  const sum = await appendCell(page, "1 + 1");
  // The Notebook 6 server may not have re-subscribed to the new kernel's
  // iopub by the first request (ZeroMQ's slow joiner: the result is
  // published before the subscription arrives); one more run must show it.
  let shown = "";
  let after = null;
  let attempts = 0;
  while (shown !== "2" && attempts < 2) {
    attempts++;
    await runCell(page, sum);
    await bounded(
      "waiting for 1 + 1 after the restart",
      page.waitForFunction((i) => !Jupyter.notebook.get_cell(i).element.hasClass("running"), sum, {
        timeout: left(30_000),
      }),
    );
    after = await page.evaluate((i) => {
      const cell = Jupyter.notebook.get_cell(i);
      return {
        prompt: cell.input_prompt_number,
        result: cell.output_area.outputs.map((o) => (o.data && o.data["text/plain"]) || o.text || o.ename || ""),
      };
    }, sum);
    shown = (await cellLocator(page, sum).locator(".output_result, .output_text").allInnerTexts()).join("\n").trim();
    if (shown !== "2" && attempts < 2) step(`1 + 1 showed ${JSON.stringify(shown)} on run ${attempts}; running it again`);
  }
  if (shown !== "2") throw new Error(`1 + 1 after the restart shows ${JSON.stringify(shown)} (${JSON.stringify(after)})`);
  // A new kernel numbers its executions from 1 again.
  if (after.prompt !== attempts) throw new Error(`cell run ${attempts} after the restart is In [${after.prompt}], not In [${attempts}]`);
  await waitKernelIdle(page, 10_000, "the kernel to go idle after 1 + 1");
  const restartShot = join(artifacts, "restarted.png");
  await page.screenshot({ path: restartShot, timeout: left(15_000) });
  step(`restarted: In [1] 1 + 1 = ${shown}; screenshot: ${restartShot}`);
}

// menu opens a menu of the menu bar and clicks one of its items, as a
// person would.
async function menu(page, toggle, item) {
  await page.click(toggle, { timeout: left(10_000) });
  await page.click(`${item} > a`, { timeout: left(10_000) });
}

async function waitKernelIdle(page, cap, what) {
  try {
    await page.waitForSelector("#kernel_indicator_icon.kernel_idle_icon", { timeout: left(cap) });
  } catch {
    const state = await page
      .evaluate(() => document.querySelector("#kernel_indicator_icon")?.className)
      .catch(() => "unknown");
    throw new Error(`timed out waiting for ${what} (indicator: ${state})`);
  }
}

// appendCell adds a code cell below the last one, with source, and returns
// its index.
async function appendCell(page, source) {
  return page.evaluate((src) => {
    const nb = Jupyter.notebook;
    const cell = nb.insert_cell_at_bottom("code");
    cell.set_text(src);
    return nb.find_cell_index(cell);
  }, source);
}

function cellLocator(page, index) {
  return page.locator("#notebook-container > .cell").nth(index);
}

async function cellRunning(page, index) {
  return page.evaluate((i) => Jupyter.notebook.get_cell(i).element.hasClass("running"), index);
}

// runCell runs the cell at index with Ctrl+Enter from its editor (run in
// place, no new cell below).
async function runCell(page, index) {
  const cell = cellLocator(page, index);
  await cell.scrollIntoViewIfNeeded({ timeout: left(10_000) });
  await cell.locator(".CodeMirror").click({ timeout: left(10_000) });
  await page.keyboard.press("Control+Enter");
  await bounded(
    `waiting for cell ${index} to start`,
    page.waitForFunction(
      (i) => {
        const c = Jupyter.notebook.get_cell(i);
        return c.element.hasClass("running") || typeof c.input_prompt_number === "number";
      },
      index,
      { timeout: left(10_000) },
    ),
  );
}
