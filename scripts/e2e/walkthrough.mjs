// The first run, in the real VS Code workbench (code-server, a fresh user-data folder so no
// walkthrough step is done yet): the People view's welcome text when no corpus is open, then the
// walkthrough "Get Started with Corpus Files" step by step. Each step must be unchecked until its
// real action is done (open the sample, show the Problems panel, apply a quick fix, show the
// Outline, hover a person, create a .corpusrc.json), and checked right after it, alone. The
// workspace asks for workspace problems, so the Problems panel also lists a corpus file that is
// never opened. Screenshots: quick-fix.png, config.png, walkthrough.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { workbenchUrl } from './browser.mjs';

const STEPS = ['open-corpus', 'see-problems', 'apply-fix', 'outline', 'hover-person', 'add-config'];
const TITLE = 'Get Started with Corpus Files';

const nbsp = (s) => s.replace(/\u00a0/g, ' ');

/** The walkthrough's workspace: one corpus file that is never opened, and workspace problems on. */
export function prepareWalkthroughWorkspace(dir) {
  fs.mkdirSync(path.join(dir, 'archive'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'archive', 'unopened.corpus'), '<<<FILE old-article.txt>>>\nAn archived article that nobody opened, without a date.\n');
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, '.vscode', 'settings.json'),
    JSON.stringify({ 'corpus.problems.scope': 'workspace', 'files.exclude': { '**/.vscode': true }, 'editor.hover.delay': 150, 'workbench.reduceMotion': 'on' }, null, 2),
  );
  return dir;
}

async function runCommand(page, title, pick) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  if (pick) {
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: pick }).first();
    await row.waitFor();
    await row.click();
  }
}

/** Opens (or brings back) the walkthrough and returns the checked state of each step. */
async function openWalkthrough(page) {
  await runCommand(page, 'Welcome: Open Walkthrough...', TITLE);
  await page.locator('.gettingStartedContainer h2', { hasText: TITLE }).first().waitFor({ timeout: 20_000 });
  return stepStates(page);
}

async function stepStates(page) {
  await page.waitForTimeout(300);
  return page.evaluate((steps) => {
    const out = {};
    for (const id of steps) {
      const el = [...document.querySelectorAll('.gettingStartedContainer button.getting-started-step[data-step-id]')].find(
        (b) => b.getAttribute('data-step-id').endsWith(`#${id}`) || b.getAttribute('data-step-id') === id,
      );
      out[id] = el ? el.getAttribute('aria-checked') === 'true' : 'missing';
    }
    return out;
  }, STEPS);
}

/** Waits until exactly the first `n` steps are checked. */
async function expectDone(page, n, after) {
  const want = Object.fromEntries(STEPS.map((s, i) => [s, i < n]));
  let got;
  for (let i = 0; i < 20; i++) {
    got = await openWalkthrough(page);
    if (JSON.stringify(got) === JSON.stringify(want)) return;
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500);
  }
  assert.deepEqual(got, want, `after ${after}: the steps done so far, and only them`);
}

async function focusSample(page) {
  const tab = page.locator('.tabs-container .tab', { hasText: /Untitled/ }).first();
  await tab.click();
  await page.locator('.monaco-editor .view-line', { hasText: '<<<FILE' }).first().waitFor();
}

async function goToLine(page, line) {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input.input').fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
}

/** Returns [{ title, ok, error? }]. opts: { folder, extensionDevelopmentPath, shotsDir, failuresDir?, log? } */
export async function runWalkthroughTest(browser, serverUrl, opts) {
  const log = opts.log ?? (() => {});
  const results = [];
  fs.mkdirSync(opts.shotsDir, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  let broken = false;
  const step = async (title, fn) => {
    if (broken) {
      results.push({ title, ok: false, error: 'not run: an earlier step failed, and each step builds on the one before' });
      return;
    }
    const t0 = Date.now();
    try {
      await fn();
      results.push({ title, ok: true, ms: Date.now() - t0 });
    } catch (e) {
      broken = true;
      const shot = path.join(opts.failuresDir ?? opts.shotsDir, `walkthrough-failed-${results.length + 1}.png`);
      await page.screenshot({ path: shot }).catch(() => {});
      results.push({ title, ok: false, error: `${e instanceof Error ? e.stack : e}\n(screenshot: ${shot})` });
    }
  };
  const shot = (name) => page.screenshot({ path: path.join(opts.shotsDir, name) });

  try {
    await step('first run: with no corpus open, the People view shows its welcome text and buttons', async () => {
      await page.goto(workbenchUrl(serverUrl, { folder: opts.folder, extensionDevelopmentPath: opts.extensionDevelopmentPath }));
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      // The view sits collapsed at the foot of the Explorer, as Outline and Timeline do: open it.
      const header = page.locator('.pane-header', { hasText: /^People$/i }).first();
      await header.waitFor({ timeout: 60_000 });
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      const welcome = page.locator('.welcome-view-content', { hasText: 'No corpus file is open' }).first();
      await welcome.waitFor({ timeout: 60_000 });
      const text = nbsp(await welcome.innerText());
      log('walkthrough: People welcome', JSON.stringify(text));
      assert.match(text, /Open a Corpus File…/);
      assert.match(text, /Open the Sample Corpus/);
    });

    await step('walkthrough: six steps, none done before its action', async () => {
      assert.deepEqual(await openWalkthrough(page), Object.fromEntries(STEPS.map((s) => [s, false])));
    });

    await step('walkthrough step 1: "Open the Sample Corpus" opens the sample and completes the step', async () => {
      const button = page.locator('.gettingStartedContainer .getting-started-step.expanded').getByText('Open the Sample Corpus', { exact: true }).first();
      await button.click();
      await page.locator('.monaco-editor .view-line', { hasText: '000_49243bdc0dd67178.txt' }).first().waitFor({ timeout: 30_000 });
      await page.locator('#status\\.editor\\.mode', { hasText: 'Corpus' }).waitFor();
      await expectDone(page, 1, 'opening the sample');
    });

    await step('walkthrough step 2: showing the Problems panel completes it; it lists a file never opened', async () => {
      await page.keyboard.press('Control+Shift+M');
      await page.waitForFunction(() => /unopened\.corpus/.test(document.querySelector('.markers-panel')?.textContent ?? ''), null, { timeout: 30_000 });
      const rows = (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map(nbsp);
      log('walkthrough: problems rows', JSON.stringify(rows));
      assert.ok(
        rows.some((r) => /unopened\.corpus/.test(r)),
        `a row for the unopened file: ${JSON.stringify(rows)}`,
      );
      assert.ok(
        rows.some((r) => /old-article\.txt` has no date/.test(r)),
        `its missing-date: ${JSON.stringify(rows)}`,
      );
      await expectDone(page, 2, 'showing the Problems panel');
    });

    await step('walkthrough step 3: applying a quick fix completes it', async () => {
      await focusSample(page);
      // document 002 has no date: its name on line 47
      await goToLine(page, 47);
      await page.keyboard.press('Home');
      for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight'); // inside the document's name
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget .monaco-list-row', { hasText: /Insert/ }).first();
      await menu.waitFor({ timeout: 20_000 });
      await page.waitForTimeout(300);
      await shot('quick-fix.png');
      // The first fix is selected; Enter applies it (a click would land on the menu's pointer guard).
      await page.keyboard.press('Enter');
      await menu.waitFor({ state: 'hidden' });
      await page
        .locator('.monaco-editor .view-line', { hasText: /^\s*date\s(YYYY-MM-DD|\d{4}-\d{2}-\d{2})\s*$/ })
        .first()
        .waitFor();
      await expectDone(page, 3, 'applying a quick fix');
    });

    await step('walkthrough step 4: showing the Outline completes it', async () => {
      await focusSample(page);
      await runCommand(page, 'Explorer: Focus on Outline View');
      await page.locator('.outline-pane .monaco-list-row', { hasText: '000_49243bdc0dd67178.txt' }).first().waitFor();
      await expectDone(page, 4, 'showing the Outline');
    });

    await step('walkthrough step 5: hovering a person completes it', async () => {
      await focusSample(page);
      await goToLine(page, 2);
      const point = await page.evaluate(() => {
        for (const line of document.querySelectorAll('.monaco-editor .view-line')) {
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const i = (n.textContent ?? '').indexOf('Cường');
            if (i < 0) continue;
            const r = document.createRange();
            r.setStart(n, i + 1);
            r.setEnd(n, i + 3);
            const b = r.getBoundingClientRect();
            return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
          }
        }
        return undefined;
      });
      assert.ok(point, 'the name "Lương Cường" is on screen');
      await page.mouse.move(point.x, point.y);
      await page.locator('.monaco-hover:visible', { hasText: 'Lương Cường' }).first().waitFor({ timeout: 20_000 });
      await page.waitForTimeout(1000);
      await page.mouse.move(5, 400);
      await expectDone(page, 5, 'hovering a person');
    });

    await step('walkthrough step 6: "Create a .corpusrc.json" creates it, with completion of the codes, and completes the step', async () => {
      await page.locator('.gettingStartedContainer button.getting-started-step', { hasText: 'Add a .corpusrc.json' }).first().click();
      const button = page.locator('.gettingStartedContainer .getting-started-step.expanded').getByText('Create a .corpusrc.json', { exact: true }).first();
      await button.click();
      await page.locator('.tabs-container .tab', { hasText: '.corpusrc.json' }).first().waitFor();
      // The JSON language server starts on the first JSON file: ask for completion until the schema's codes come
      // (in alphabetical order, a dozen rows shown: wait for one near the top).
      const code = page.locator('.suggest-widget .monaco-list-row', { hasText: 'control-character' }).first();
      for (let i = 0; i < 30 && !(await code.isVisible()); i++) {
        await page.waitForTimeout(1000);
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+Space');
      }
      await code.waitFor({ timeout: 5_000 });
      await page.waitForTimeout(300);
      await shot('config.png');
      assert.ok(fs.existsSync(path.join(opts.folder, '.corpusrc.json')), 'the file is in the workspace folder');
      await page.keyboard.press('Escape');
      await expectDone(page, 6, 'creating a .corpusrc.json');
      await runCommand(page, 'View: Hide Panel');
      await page.waitForTimeout(500);
      await shot('walkthrough.png');
    });
  } finally {
    await context.close();
  }
  return results;
}
