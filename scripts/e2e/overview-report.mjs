// The HTML report of `corpus stats --html` in headless Chromium: the plots are drawn,
// a click on a bar or a button filters the document list, the page asks for nothing
// remote and logs no error (a Content Security Policy violation included), in a light
// and a dark colour scheme. Saves docs/images-ready screenshots into shotsDir.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where on a canvas a pixel of the given colour is (the first, top to bottom), in CSS pixels. */
async function pixelOf(page, canvas, rgb) {
  return canvas.evaluate((c, target) => {
    const ctx = c.getContext('2d');
    const { width, height } = c;
    const data = ctx.getImageData(0, 0, width, height).data;
    const ratio = width / c.getBoundingClientRect().width;
    for (let y = 0; y < height; y += 2)
      for (let x = 0; x < width; x += 2) {
        const i = (y * width + x) * 4;
        if (Math.abs(data[i] - target[0]) < 8 && Math.abs(data[i + 1] - target[1]) < 8 && Math.abs(data[i + 2] - target[2]) < 8 && data[i + 3] > 200) return { x: x / ratio, y: y / ratio };
      }
    return undefined;
  }, rgb);
}

/** Returns [{ title, ok, error? }]. opts: { repo, corpus, workDir, shotsDir } */
export async function runOverviewReportTest(browser, opts) {
  const results = [];
  const report = path.join(opts.workDir, 'overview.html');
  const step = async (title, fn) => {
    const t0 = Date.now();
    try {
      await fn();
      results.push({ title, ok: true, ms: Date.now() - t0 });
    } catch (e) {
      results.push({ title, ok: false, error: String(e instanceof Error ? e.stack : e) });
    }
  };
  fs.mkdirSync(opts.workDir, { recursive: true });
  fs.mkdirSync(opts.shotsDir, { recursive: true });
  await step('report: corpus stats --html writes one self-contained file', async () => {
    const r = spawnSync(process.execPath, [path.join(opts.repo, 'bin', 'corpus.js'), 'stats', opts.corpus, '--html', report], { cwd: opts.repo, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`exit ${r.status}: ${r.stdout}${r.stderr}`);
    if (!/Wrote the overview of \d+ documents/.test(r.stdout)) throw new Error(r.stdout);
  });
  if (!fs.existsSync(report)) return results;

  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width: 1200, height: 1000 }, colorScheme: scheme });
    const page = await context.newPage();
    const problems = [];
    const requests = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url());
    });
    try {
      await step(`report (${scheme}): the five plots are drawn, nothing remote is asked for, no error is logged`, async () => {
        await page.goto(pathToFileURL(report).href);
        await page.locator('figure.plot').nth(4).waitFor({ timeout: 20_000 });
        const figures = await page.locator('figure.plot figcaption').allTextContents();
        const want = ['Documents per month', 'Documents per language', 'Length of the text (characters)', 'Problems by code', 'Most-named people'];
        if (JSON.stringify(figures) !== JSON.stringify(want)) throw new Error(`plots: ${JSON.stringify(figures)}`);
        const canvases = page.locator('figure.plot canvas');
        const n = await canvases.count();
        if (n !== 5) throw new Error(`${n} canvases`);
        for (let i = 0; i < n; i++) {
          const painted = await canvases.nth(i).evaluate((c) => {
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let count = 0;
            for (let k = 3; k < d.length; k += 4) if (d[k] > 0) count++;
            return count;
          });
          if (painted < 200) throw new Error(`plot ${i + 1} is blank (${painted} pixels drawn)`);
        }
        if (requests.length > 0) throw new Error(`remote requests: ${requests.join(', ')}`);
        if (problems.length > 0) throw new Error(problems.join('\n'));
      });
      await step(`report (${scheme}): a click on "undated" lists the undated document`, async () => {
        await page.locator('.plot-months .apart button', { hasText: 'undated' }).click();
        await page.locator('.documents h2', { hasText: 'undated' }).waitFor({ timeout: 5_000 });
        const rows = await page.locator('.documents tbody tr td:first-child').allTextContents();
        if (JSON.stringify(rows) !== JSON.stringify(['d.txt'])) throw new Error(`rows: ${JSON.stringify(rows)}`);
      });
      await step(`report (${scheme}): a click on a bar of "Problems by code" lists that code's documents`, async () => {
        const canvas = page.locator('.plot-problems canvas');
        await canvas.scrollIntoViewIfNeeded();
        const at = await pixelOf(page, canvas, [0x37, 0x94, 0xff]);
        if (!at) throw new Error('no bar found on the plot');
        await canvas.click({ position: { x: at.x + 2, y: at.y + 2 } });
        const title = await page.locator('.documents h2', { hasText: 'Problems by code' }).textContent({ timeout: 5_000 });
        if (!/^Problems by code: [a-z-]+ — 1 document$/.test(title ?? '')) throw new Error(`list title: ${title}`);
        if ((await page.locator('.documents tbody tr').count()) !== 1) throw new Error('one document expected');
        if (problems.length > 0) throw new Error(problems.join('\n'));
      });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(opts.shotsDir, `overview-report-${scheme}.png`), fullPage: true });
    } finally {
      await context.close();
    }
  }
  return results;
}
