// `node scripts/e2e/report.mjs [sizes in MB…]`: what a corpus editor waits for in real VS Code
// (code-server, headless Chromium, this folder's extension), on the seeds repeated to 1, 10 and
// 20 MB (about 200 problems per MB). For each size, measured in the page (what is drawn):
//   - open → first squiggles (the workbench loaded with the file, then a jump to the first undated document);
//   - jump → squiggles: Ctrl+G to an undated document far away, until every undated header on
//     screen has its warning squiggle (the window of 1,000 must move there);
//   - scroll → squiggles: the mouse wheel, same condition;
//   - key → squiggle: a space after a header's `<<<` (the header breaks: an error squiggle), then
//     Backspace (it goes), each until drawn;
//   - first hover after an edit: a letter typed, then the mouse onto a date, until the hover shows.
// Prints a table (p50 / p95 per figure) and writes test-results/e2e/report.json. No assertion
// on timings: figures go to docs/performance.md. Env: REPORT_SAMPLES (key presses, default 10);
// REPORT_SETTINGS (JSON of extra workspace settings, to see what a setting changes); REPORT_PROFILE (a
// file: the page's CPU profile during the hovers at 20 MB and above, for Chrome DevTools).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchBrowser, workbenchUrl } from './browser.mjs';
import { startCodeServer } from './code-server.mjs';
import { setup } from './setup.mjs';
import { REPO, seedsCorpus, tempDir } from './workspace.mjs';

const MB = 1024 * 1024;
const SIZES = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const sizes = SIZES.length > 0 ? SIZES : [1, 10, 20];
const SAMPLES = Number(process.env.REPORT_SAMPLES || 10);
const UNDATED = ['002_e77d50c1257fff65', '003_dc61dc6a43fd7c34', '004_b79afbb6f32da4f5'];
const log = (...a) => console.log('[report]', ...a);

/** The seeds repeated to `bytes`, each copy's documents named `<name>-<copy>.txt`; the header lines of each document. */
function corpus(bytes) {
  const docs = fs.readFileSync(seedsCorpus(), 'utf8').split(/(?=^<<<FILE )/m);
  const parts = [];
  const headers = [];
  let size = 0;
  let line = 0;
  for (let copy = 0; size < bytes; copy++) {
    for (const d of docs) {
      const name = /^<<<FILE (\S+?)\.txt/.exec(d)[1];
      const s = d.replace(/^<<<FILE (\S+?)\.txt/, `<<<FILE ${name}-${String(copy).padStart(5, '0')}.txt`);
      const text = s.endsWith('\n') ? s : `${s}\n`;
      headers.push({ line, name, copy });
      line += text.split('\n').length - 1;
      parts.push(text);
      size += Buffer.byteLength(text);
    }
  }
  return { text: parts.join(''), headers };
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const fmt = (xs) => (xs.length ? `${Math.round(quantile(xs, 0.5))} / ${Math.round(quantile(xs, 0.95))} ms` : 'n/a');

// ---------------------------------------------------------------- in the page

/** Squiggle classes drawn on the view line that shows `needle` (null: the line is not on screen). */
function squigglesOn(needle) {
  const line = [...document.querySelectorAll('.monaco-editor .view-lines .view-line')].find((l) => l.textContent.includes(needle));
  if (!line) return null;
  const top = line.style.top;
  return [...document.querySelectorAll('.monaco-editor .view-overlays > div')]
    .filter((d) => d.style.top === top)
    .flatMap((d) => [...d.querySelectorAll('[class*="squiggly-"]')].map((e) => [...e.classList].find((c) => c.startsWith('squiggly-'))));
}

/** Undated headers on screen, and how many of them have a warning squiggle. */
function undatedOnScreen(undated) {
  // VS Code draws spaces as no-break spaces.
  const lines = [...document.querySelectorAll('.monaco-editor .view-lines .view-line')].filter((l) => undated.some((u) => l.textContent.replace(/\u00a0/g, ' ').startsWith(`<<<FILE ${u}`)));
  const overlays = [...document.querySelectorAll('.monaco-editor .view-overlays > div')];
  let squiggled = 0;
  for (const l of lines) if (overlays.some((d) => d.style.top === l.style.top && d.querySelector('.squiggly-warning'))) squiggled++;
  return { onScreen: lines.length, squiggled };
}

// ---------------------------------------------------------------- driving the workbench

/** Ctrl+G to a line; returns when Enter was pressed (the jump itself). */
async function goToLine(page, line) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line + 1}`);
  const t = Date.now();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
  return t;
}

async function until(page, fn, arg, timeout = 30_000) {
  await page.waitForFunction(fn, arg, { timeout, polling: 'raf' });
}

async function measure(page, size, ws) {
  const file = path.join(ws, `seeds-${size}mb.corpus`);
  const { text, headers } = corpus(size * MB);
  fs.writeFileSync(file, text);
  const undatedHeaders = headers.filter((h) => UNDATED.includes(h.name));
  const row = { size, problems: undefined, open: [], jump: [], jumpMissed: 0, scroll: [], key: [], hover: [] };

  const t0 = Date.now();
  await page.goto(workbenchUrl(page.serverUrl, { folder: ws, extensionDevelopmentPath: REPO, openFile: file }));
  // The web workbench asks before showing a file over 10 MB (workbench.editorLargeFileConfirmation is not read from a folder's settings).
  const firstLine = page.locator('.monaco-editor .view-line', { hasText: '000_49243bdc0dd67178-00000' }).first();
  const openAnyway = page.getByRole('button', { name: 'Open Anyway' });
  await firstLine.or(openAnyway).first().waitFor({ timeout: 120_000 });
  if (await openAnyway.isVisible()) await openAnyway.click();
  await firstLine.waitFor({ timeout: 120_000 });
  // The first undated document, near the top.
  await goToLine(page, undatedHeaders[0].line);
  await until(page, () => document.querySelectorAll('.monaco-editor .squiggly-warning').length > 0, null, 120_000);
  row.open.push(Date.now() - t0);
  await page.evaluate(`window.squigglesOn = ${squigglesOn.toString()}; window.undatedOnScreen = ${undatedOnScreen.toString()};`);
  await page.waitForTimeout(1500);

  // Jumps to undated documents spread over the file.
  for (const at of [0.5, 0.3, 0.7, 0.9, 0.15, 0.6]) {
    const h = undatedHeaders[Math.floor(at * (undatedHeaders.length - 1))];
    const t = await goToLine(page, h.line);
    try {
      await until(
        page,
        (u) => {
          const r = window.undatedOnScreen(u);
          return r.onScreen > 0 && r.squiggled === r.onScreen;
        },
        UNDATED,
        10_000,
      );
      row.jump.push(Date.now() - t);
    } catch {
      row.jumpMissed++;
    }
  }

  // Mouse-wheel scrolls from the middle.
  await goToLine(page, undatedHeaders[Math.floor(undatedHeaders.length / 2)].line);
  const box = await page.locator('.monaco-editor .view-lines').first().boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 5; i++) {
    const t = Date.now();
    await page.mouse.wheel(0, 2400);
    await page.waitForTimeout(50);
    try {
      await until(
        page,
        (u) => {
          const r = window.undatedOnScreen(u);
          return r.onScreen > 0 && r.squiggled === r.onScreen;
        },
        UNDATED,
        10_000,
      );
      row.scroll.push(Date.now() - t);
    } catch {
      // No undated header on this screen: not a sample.
    }
  }

  // Key → squiggle on a header in the middle.
  const target = undatedHeaders[Math.floor(undatedHeaders.length / 2) + 1];
  const needle = `${target.name}-${String(target.copy).padStart(5, '0')}.txt`;
  await goToLine(page, target.line);
  // After `<<<`: a space there makes a near-miss header (malformed-header, an error).
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await until(page, (n) => (window.squigglesOn(n) ?? []).includes('squiggly-warning'), needle).catch(() => undefined);
  for (let i = 0; i < SAMPLES; i++) {
    let t = Date.now();
    await page.keyboard.type(' ');
    await until(page, (n) => (window.squigglesOn(n) ?? []).includes('squiggly-error'), needle);
    row.key.push(Date.now() - t);
    t = Date.now();
    await page.keyboard.press('Backspace');
    await until(
      page,
      (n) => {
        const s = window.squigglesOn(n);
        return s !== null && !s.includes('squiggly-error') && s.includes('squiggly-warning');
      },
      needle,
    );
    row.key.push(Date.now() - t);
  }

  // First hover after an edit: a letter on the blank line under a date line, then the mouse onto the date.
  let cdp;
  if (process.env.REPORT_PROFILE && size >= 20) {
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  const dated = headers.find((h) => h.name.startsWith('000_') && h.line > target.line);
  for (let i = 0; i < 5; i++) {
    await goToLine(page, dated.line + 2);
    await page.mouse.move(box.x + 5, box.y + box.height - 5);
    await page.keyboard.type('x');
    const at = await page.evaluate(() => {
      const line = [...document.querySelectorAll('.monaco-editor .view-lines .view-line')].find((l) => l.textContent.replace(/\u00a0/g, ' ').startsWith(' date 2024-12-12'));
      if (!line) return null;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const k = n.textContent.indexOf('2024-12-12');
        if (k < 0) continue;
        const r = document.createRange();
        r.setStart(n, k + 3);
        r.setEnd(n, k + 5);
        const b = r.getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
      return null;
    });
    if (!at) continue;
    const t = Date.now();
    await page.mouse.move(at.x - 2, at.y);
    await page.mouse.move(at.x, at.y);
    try {
      await until(page, () => [...document.querySelectorAll('.monaco-hover')].some((h) => h.offsetParent !== null && /2024/.test(h.textContent)), null, 10_000);
      row.hover.push(Date.now() - t);
    } catch {
      row.hoverMissed = (row.hoverMissed ?? 0) + 1;
    }
    await page.mouse.move(box.x + 5, box.y + box.height - 5);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Backspace');
    await page.waitForTimeout(300);
  }
  // VS Code's own count (errors, warnings, infos) in the status bar: what it holds of the file.
  row.problems = await page.evaluate(() => (document.querySelector('#status\\.problems')?.textContent ?? '').trim().replace(/\s+/g, ' '));
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    fs.writeFileSync(process.env.REPORT_PROFILE, JSON.stringify(profile));
  }
  return row;
}

async function main() {
  const entry = setup();
  const tmp = tempDir('corpus-report-');
  const server = await startCodeServer(entry, path.join(tmp, 'state'));
  const browser = await launchBrowser();
  const rows = [];
  try {
    for (const size of sizes) {
      log(`${size} MB`);
      // A folder and a page of its own per size: no editor restored from the previous one.
      const ws = path.join(tmp, `workspace-${size}mb`);
      fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
      // No hover delay (the figure is the extension's, not VS Code's 300 ms wait); no minimap.
      fs.writeFileSync(
        path.join(ws, '.vscode', 'settings.json'),
        JSON.stringify(
          {
            'workbench.editorLargeFileConfirmation': 1024,
            'editor.hover.delay': 0,
            'editor.minimap.enabled': false,
            'workbench.startupEditor': 'none',
            'files.exclude': { '**/.vscode': true },
            // REPORT_SETTINGS='{"editor.stickyScroll.enabled":false}': what a setting changes in the figures
            ...JSON.parse(process.env.REPORT_SETTINGS ?? '{}'),
          },
          null,
          2,
        ),
      );
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      page.serverUrl = server.url;
      page.setDefaultTimeout(60_000);
      const row = await measure(page, size, ws).catch(async (e) => {
        const shot = path.join(REPO, 'test-results', 'e2e', `report-failed-${size}mb.png`);
        fs.mkdirSync(path.dirname(shot), { recursive: true });
        await page.screenshot({ path: shot }).catch(() => {});
        throw new Error(`${size} MB: ${e instanceof Error ? e.message : e} (screenshot: ${shot})`);
      });
      await context.close();
      rows.push(row);
      log(JSON.stringify({ ...row, open: row.open[0] }));
    }
  } finally {
    await browser.close().catch(() => {});
    server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const out = path.join(REPO, 'test-results', 'e2e', 'report.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), samples: SAMPLES, rows }, null, 2));
  console.log(
    '\n| corpus | open → first squiggles | jump → squiggles on screen p50 / p95 | scroll → squiggles p50 / p95 | key → squiggle p50 / p95 | first hover after an edit p50 / p95 | status bar |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    console.log(
      `| ${r.size} MB | ${r.open[0]} ms | ${fmt(r.jump)}${r.jumpMissed ? ` (${r.jumpMissed} of ${r.jump.length + r.jumpMissed} never shown)` : ''} | ${fmt(r.scroll)} (${r.scroll.length}) | ${fmt(r.key)} (${r.key.length}) | ${fmt(r.hover)} (${r.hover.length}${r.hoverMissed ? `, ${r.hoverMissed} never shown` : ''}) | ${r.problems ?? ''} |`,
    );
  }
  console.log(`\nwritten to ${path.relative(REPO, out)}`);
}

await main();
