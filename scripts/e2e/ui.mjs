// UI test: drives the real VS Code workbench (code-server) in headless Chromium and checks
// what a corpus editor sees on seeds.corpus: warning squiggles, the Problems panel rows, the
// Outline rows named after the five documents, the server's output channel, the overview
// webview. Saves a screenshot of each into shotsDir (docs/images/ through `npm run screenshots`).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { workbenchUrl } from './browser.mjs';

const SEED_NAMES = ['000_49243bdc0dd67178.txt', '001_665790bf4786f678.txt', '002_e77d50c1257fff65.txt', '003_dc61dc6a43fd7c34.txt', '004_b79afbb6f32da4f5.txt'];

const nbsp = (s) => s.replace(/\u00a0/g, ' ');

async function runCommand(page, title) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/**
 * Returns [{ title, ok, error? }]. opts: { folder (contains seeds.corpus), extensionDevelopmentPath?, shotsDir, log }
 */
export async function runUiTest(browser, serverUrl, opts) {
  const log = opts.log ?? (() => {});
  const results = [];
  fs.mkdirSync(opts.shotsDir, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  let broken = false;
  const step = async (title, fn) => {
    if (broken) {
      results.push({ title, ok: false, error: 'not run: an earlier step left the workbench unusable' });
      return;
    }
    const t0 = Date.now();
    try {
      await fn();
      results.push({ title, ok: true, ms: Date.now() - t0 });
    } catch (e) {
      const shot = path.join(opts.failuresDir ?? opts.shotsDir, `failed-${results.length + 1}.png`);
      await page.screenshot({ path: shot }).catch(() => {});
      results.push({ title, ok: false, error: `${e instanceof Error ? e.stack : e}\n(screenshot: ${shot})` });
    }
  };
  const shot = (name) => page.screenshot({ path: path.join(opts.shotsDir, name) });

  try {
    await step('UI: the workbench opens seeds.corpus in the Corpus language', async () => {
      const seeds = path.join(opts.folder, 'seeds.corpus');
      await page.goto(workbenchUrl(serverUrl, { folder: opts.folder, extensionDevelopmentPath: opts.extensionDevelopmentPath, openFile: seeds }));
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.monaco-editor .view-line', { hasText: SEED_NAMES[0] }).first().waitFor({ timeout: 60_000 });
      await page.locator('#status\\.editor\\.mode', { hasText: 'Corpus' }).waitFor();
      log('UI: editor shows seeds.corpus');
    }).then(() => {
      if (!results.at(-1).ok) broken = true;
    });

    await step('UI: warning squiggles under the documents without a date', async () => {
      // bring documents 002 and 003 (both missing a date) into view
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget input.input').fill(':58');
      await page.keyboard.press('Enter');
      await page.locator('.monaco-editor .view-line', { hasText: SEED_NAMES[3] }).first().waitFor();
      await page.waitForFunction(() => document.querySelectorAll('.monaco-editor .squiggly-warning').length >= 2, null, { timeout: 30_000 });
      await page.waitForTimeout(300);
      await shot('squiggles.png');
    });

    await step('UI: the Problems panel lists 3 missing-date warnings and 1 partial-date', async () => {
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      await page.waitForFunction(() => [...document.querySelectorAll('.markers-panel .monaco-list-row')].filter((r) => /missing-date|partial-date/.test(r.textContent)).length >= 4, null, {
        timeout: 30_000,
      });
      const texts = (await rows.allInnerTexts()).map(nbsp);
      log('UI: problems rows', JSON.stringify(texts));
      assert.equal(texts.filter((t) => /missing-date/.test(t)).length, 3, `rows: ${JSON.stringify(texts)}`);
      assert.equal(texts.filter((t) => /partial-date/.test(t)).length, 1, `rows: ${JSON.stringify(texts)}`);
      assert.ok(
        texts.some((t) => /seeds\.corpus/.test(t)),
        'a file row for seeds.corpus',
      );
      // the markers carry warning / info icons
      assert.equal(await page.locator('.markers-panel .monaco-list-row .codicon-warning').count(), 3);
      await shot('problems.png');
    });

    await step('UI: the Outline shows the five documents by name', async () => {
      await runCommand(page, 'Explorer: Focus on Outline View');
      const rows = page.locator('.outline-pane .monaco-list-row');
      await rows.filter({ hasText: SEED_NAMES[4] }).first().waitFor();
      // each row: the name (.label-name) then its detail (date and first words)
      const names = (await rows.locator('.label-name').allInnerTexts()).map((s) => nbsp(s).trim());
      log('UI: outline rows', JSON.stringify(names));
      assert.deepEqual(
        names.filter((n) => /^\d{3}_/.test(n)),
        SEED_NAMES,
      );
      await page.waitForTimeout(300);
      await shot('outline.png');
    });

    await step('UI: with corpus.trace.server on, the "Corpus" output channel shows the server messages', async () => {
      // the UI workspace's .vscode/settings.json sets "corpus.trace.server": "messages" (Monaco renders spaces as U+00A0: match \s)
      await runCommand(page, 'Output: Show Output Channels...');
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: /Corpus/ }).first();
      await row.waitFor();
      log('UI: output channel', JSON.stringify(nbsp(await row.innerText()).trim()));
      await row.click();
      await page.locator('.panel .output-view').waitFor();
      await page.waitForFunction(
        () => /Sending\s(request|notification)|Received\s(response|notification)/.test([...document.querySelectorAll('.panel .output-view .view-line')].map((l) => l.textContent).join('\n')),
        null,
        { timeout: 15_000 },
      );
      await shot('server-log.png');
    });

    await step("UI: hovering a person shows who it is, with the people file's description", async () => {
      await page.keyboard.press('Escape');
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget input.input').fill(':2');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
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
      const hover = page.locator('.monaco-hover:visible', { hasText: 'State President of Viet Nam' }).first();
      await hover.waitFor({ timeout: 20_000 });
      const text = nbsp(await hover.innerText());
      log('UI: person hover', JSON.stringify(text.slice(0, 200)));
      assert.match(text, /Lương Cường/);
      assert.match(text, /001_665790bf4786f678\.txt/);
      await page.waitForTimeout(300);
      await shot('hover-person.png');
    });

    await step('UI: "Corpus: Show Overview" draws the plots in a webview; a click lists the undated documents; the switch shows the workspace', async () => {
      // Errors of the webview's page (a Content Security Policy violation is one).
      const errors = [];
      const onConsole = (m) => {
        const where = m.location()?.url ?? '';
        if ((m.type() === 'error' || /Content Security Policy/.test(m.text())) && (/webview|overview/.test(where) || /Content Security Policy/.test(m.text()))) errors.push(`${m.text()} (${where})`);
      };
      page.on('console', onConsole);
      try {
        await page.keyboard.press('Escape');
        // Room for the picture: the output panel of the previous step is not needed.
        await runCommand(page, 'View: Hide Panel').catch(() => page.keyboard.press('Escape'));
        await runCommand(page, 'Corpus: Show Overview');
        const view = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
        await view.locator('figure.plot').nth(4).waitFor({ timeout: 30_000 });
        const captions = await view.locator('figure.plot figcaption').allTextContents();
        assert.deepEqual(captions, ['Documents per month', 'Documents per language', 'Length of the text (characters)', 'Problems by code', 'Most-named people']);
        const canvases = await view.locator('figure.plot canvas').count();
        assert.ok(canvases >= 4, `${canvases} plots drawn`);
        await view.locator('.plot-months .apart button', { hasText: 'undated' }).click();
        await view.locator('.documents h2', { hasText: 'undated' }).waitFor({ timeout: 10_000 });
        const rows = await view.locator('.documents tbody tr').count();
        assert.equal(rows, 3, 'seeds.corpus has three undated documents');
        await page.waitForTimeout(300);
        await shot('overview.png');
        // A click on a document opens it in the editor, at its header.
        await view.locator('.documents tbody a.doc').first().click();
        await page.locator('.monaco-editor .view-line', { hasText: '<<<FILE' }).first().waitFor({ timeout: 10_000 });
        // The switch: the whole workspace (here seeds.corpus alone), then this file again.
        await view.locator('nav#scope button', { hasText: 'Whole workspace' }).click();
        await view.locator('h1', { hasText: 'Overview of the workspace (1 file)' }).waitFor({ timeout: 30_000 });
        assert.equal(await view.locator('nav#scope button[aria-pressed="true"]').textContent(), 'Whole workspace');
        await view.locator('nav#scope button', { hasText: 'This file' }).click();
        await view.locator('h1', { hasText: 'Overview of seeds.corpus' }).waitFor({ timeout: 30_000 });
        assert.deepEqual(errors, []);
      } finally {
        page.off('console', onConsole);
      }
    });
  } finally {
    await context.close();
  }
  return results;
}
