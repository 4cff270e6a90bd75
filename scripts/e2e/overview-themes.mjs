// The overview webview ("Corpus: Show Overview") in real VS Code (code-server) under four colour
// themes, set through the user settings' `workbench.colorTheme`: Default High Contrast (at start),
// then, in the same window, Default High Contrast Light, Default Light Modern and Default Dark Modern.
// In each: the page's text and background are the theme's and readable (high contrast: 7:1 at least,
// the buttons too), the plots are drawn in the theme's colours (bars in --vscode-charts-blue, labels in
// --vscode-foreground, in high contrast bar borders in --vscode-contrastBorder), a click on a bar and on
// the "undated" button filters the list, and the webview logs no error. At the end the high-contrast
// pages must differ from the light and dark ones and be of higher contrast.
// Screenshots: overview-hc.png and overview-hc-light.png into shotsDir.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { workbenchUrl } from './browser.mjs';
import { startCodeServer } from './code-server.mjs';

export const THEMES = [
  { theme: 'Default High Contrast', bodyClass: 'vscode-high-contrast', highContrast: true, shot: 'overview-hc.png' },
  { theme: 'Default High Contrast Light', bodyClass: 'vscode-high-contrast-light', highContrast: true, shot: 'overview-hc-light.png' },
  // The web workbench's default theme: picking it removes workbench.colorTheme from the settings.
  { theme: 'Default Light Modern', bodyClass: 'vscode-light', highContrast: false, isDefault: true },
  { theme: 'Default Dark Modern', bodyClass: 'vscode-dark', highContrast: false },
];

/** The quick input's row whose label (or other part) is exactly `name`, not one that only contains it. */
function rowNamed(page, name, part = '.label-name') {
  return page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator(part, { hasText: new RegExp(`^\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) }) })
    .first();
}

async function runCommand(page, title) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await rowNamed(page, title).click();
}

/** WCAG contrast ratio of two [r, g, b] colours (1 to 21). */
export function contrast(a, b) {
  const lum = ([r, g, bl]) => {
    const f = (c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(bl);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const hex = (rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;

/**
 * What the page shows, read inside the webview: the theme's variables and the computed colours
 * of the page and of a button, as [r, g, b] (null when the variable is not set).
 */
function readColours(body) {
  return body.evaluate((b) => {
    const probe = document.createElement('span');
    document.body.append(probe);
    const rgb = (css) => {
      if (!css) return null;
      probe.style.color = '';
      probe.style.color = css;
      const m = /rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)/.exec(getComputedStyle(probe).color);
      return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
    };
    const v = (name) => rgb(getComputedStyle(b).getPropertyValue(name).trim());
    const cs = getComputedStyle(b);
    const button = document.querySelector('.plot-months .apart button');
    const bs = button && getComputedStyle(button);
    const out = {
      classes: b.className,
      theme: {
        foreground: v('--vscode-foreground'),
        background: v('--vscode-editor-background'),
        bar: v('--vscode-charts-blue'),
        contrastBorder: v('--vscode-contrastBorder'),
        activeBorder: v('--vscode-contrastActiveBorder'),
      },
      page: { color: rgb(cs.color), background: rgb(cs.backgroundColor) },
      button: bs ? { color: rgb(bs.color), background: rgb(bs.backgroundColor), border: rgb(bs.borderTopColor), borderWidth: parseFloat(bs.borderTopWidth) } : null,
      figureBorder: rgb(getComputedStyle(document.querySelector('figure.plot')).borderTopColor),
    };
    probe.remove();
    return out;
  });
}

/** How many pixels of each colour (within tol per channel, opaque) a canvas holds, and how many are painted at all. */
function countColours(canvas, colours, tol = 6) {
  return canvas.evaluate(
    (c, { colours, tol }) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const counts = colours.map(() => 0);
      let painted = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3] === 0) continue;
        painted++;
        if (d[i + 3] < 230) continue;
        colours.forEach((rgb, k) => {
          if (rgb && Math.abs(d[i] - rgb[0]) <= tol && Math.abs(d[i + 1] - rgb[1]) <= tol && Math.abs(d[i + 2] - rgb[2]) <= tol) counts[k]++;
        });
      }
      return { painted, counts };
    },
    { colours, tol },
  );
}

/** The first pixel of a colour on a canvas, in CSS pixels from its top left corner. */
function pixelOf(canvas, rgb) {
  return canvas.evaluate((c, target) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const ratio = c.width / c.getBoundingClientRect().width;
    for (let y = 0; y < c.height; y += 2)
      for (let x = 0; x < c.width; x += 2) {
        const i = (y * c.width + x) * 4;
        if (Math.abs(d[i] - target[0]) < 8 && Math.abs(d[i + 1] - target[1]) < 8 && Math.abs(d[i + 2] - target[2]) < 8 && d[i + 3] > 200) return { x: x / ratio, y: y / ratio };
      }
    return undefined;
  }, rgb);
}

/** The user settings' workbench.colorTheme, once it is `want` (or what it is after a few seconds). */
async function waitForSetting(file, want) {
  let value;
  for (let i = 0; i < 50; i++) {
    try {
      value = JSON.parse(fs.readFileSync(file, 'utf8'))['workbench.colorTheme'];
    } catch {
      value = undefined;
    }
    if (value === want) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return value;
}

function check(ok, message) {
  if (!ok) throw new Error(message);
}

/**
 * Starts its own code-server (state folder opts.stateDir) with `workbench.colorTheme` in the user
 * settings, and returns [{ title, ok, ms?, error? }], one per theme and one comparing them.
 * opts: { folder (contains seeds.corpus), extensionDevelopmentPath?, stateDir, shotsDir, failuresDir?, log?, themes? }
 */
export async function runOverviewThemesTest(browser, entry, opts) {
  const log = opts.log ?? (() => {});
  const themes = opts.themes ?? THEMES;
  const results = [];
  const seen = [];
  fs.mkdirSync(opts.shotsDir, { recursive: true });
  const settingsFile = path.join(opts.stateDir, 'user-data', 'User', 'settings.json');
  let server;
  let context;
  try {
    server = await startCodeServer(entry, opts.stateDir, {}, 60_000, { 'workbench.colorTheme': themes[0].theme });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const errors = [];
    page.on('console', (m) => {
      const where = m.location()?.url ?? '';
      if ((m.type() === 'error' || /Content Security Policy/.test(m.text())) && (/webview|overview/.test(where) || /Content Security Policy/.test(m.text()))) errors.push(`${m.text()} (${where})`);
    });
    const view = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const body = view.locator('body');

    for (const [k, t] of themes.entries()) {
      const t0 = Date.now();
      const title = `UI theme "${t.theme}": the overview in the theme's colours${t.highContrast ? ' (7:1 contrast, contrast borders)' : ''}, plots drawn, clicks filter, no webview error`;
      try {
        if (k === 0) {
          const seeds = path.join(opts.folder, 'seeds.corpus');
          await page.goto(workbenchUrl(server.url, { folder: opts.folder, extensionDevelopmentPath: opts.extensionDevelopmentPath, openFile: seeds }));
          await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
          await page.locator('#status\\.editor\\.mode', { hasText: 'Corpus' }).waitFor({ timeout: 60_000 });
          await runCommand(page, 'Corpus: Show Overview');
        } else {
          // In the open window, through the theme picker (code-server does not watch the settings
          // file): it writes workbench.colorTheme to the user settings, and the webview draws again.
          await runCommand(page, 'Preferences: Color Theme');
          const input = page.locator('.quick-input-widget input.input');
          await page.locator('.quick-input-widget input.input[placeholder^="Select Color Theme"]').waitFor();
          // A row's label is the theme's name ("Light High Contrast"), its description the setting's value.
          await input.fill(t.theme);
          await rowNamed(page, t.theme, '.label-description').click();
          await input.waitFor({ state: 'hidden' });
        }
        await view.locator(`body.${t.bodyClass}`).waitFor({ timeout: 30_000 });
        await view.locator('figure.plot').nth(4).waitFor({ timeout: 30_000 });
        const colours = await readColours(body);
        log(`theme ${t.theme}: ${JSON.stringify(colours)}`);
        const { theme, page: pg, button } = colours;
        check(theme.foreground && theme.background && theme.bar, `the theme's variables are not set in the webview: ${JSON.stringify(theme)}`);
        // The page's own colours are the theme's, not the style sheet's fall-backs.
        check(hex(pg.color) === hex(theme.foreground), `page text ${hex(pg.color)}, the theme's foreground is ${hex(theme.foreground)}`);
        check(hex(pg.background) === hex(theme.background), `page background ${hex(pg.background)}, the theme's editor background is ${hex(theme.background)}`);
        const need = t.highContrast ? 7 : 4.5;
        const ratio = contrast(pg.color, pg.background);
        check(ratio >= need, `page text ${hex(pg.color)} on ${hex(pg.background)}: contrast ${ratio.toFixed(2)}:1, under ${need}:1`);
        check(button, 'no "undated" button under the months plot');
        const buttonRatio = contrast(button.color, button.background);
        check(buttonRatio >= need, `button text ${hex(button.color)} on ${hex(button.background)}: contrast ${buttonRatio.toFixed(2)}:1, under ${need}:1`);
        if (t.highContrast) {
          check(theme.contrastBorder, 'a high-contrast theme without --vscode-contrastBorder in the webview');
          check(
            button.borderWidth >= 1 && hex(button.border) === hex(theme.contrastBorder),
            `button border ${button.borderWidth}px ${button.border && hex(button.border)}, not the contrast border ${hex(theme.contrastBorder)}`,
          );
          check(hex(colours.figureBorder) === hex(theme.contrastBorder), `plot frame ${hex(colours.figureBorder)}, not the contrast border ${hex(theme.contrastBorder)}`);
        }
        // The plots: drawn, bars in the theme's chart colour, labels in its foreground, high contrast: bar borders.
        const canvases = view.locator('figure.plot canvas');
        const n = await canvases.count();
        check(n >= 4, `${n} plots drawn`);
        for (let i = 0; i < n; i++) {
          const { painted, counts } = await countColours(canvases.nth(i), [theme.bar, theme.foreground, theme.contrastBorder]);
          const what = `plot ${i + 1} of ${n}`;
          check(painted >= 200, `${what} is blank (${painted} pixels drawn)`);
          check(counts[0] >= 20, `${what}: no bar in the theme's --vscode-charts-blue ${hex(theme.bar)} (${counts[0]} pixels)`);
          check(counts[1] >= 5, `${what}: no label in the theme's foreground ${hex(theme.foreground)} (${counts[1]} pixels)`);
          if (t.highContrast) check(counts[2] >= 20, `${what}: no bar border or grid line in the contrast border ${hex(theme.contrastBorder)} (${counts[2]} pixels)`);
        }
        // A click on a bar of "Problems by code" lists that code's documents; a second click clears it.
        const problems = view.locator('.plot-problems canvas');
        const at = await pixelOf(problems, theme.bar);
        check(at, 'no bar found on "Problems by code"');
        await problems.click({ position: { x: at.x + 3, y: at.y + 3 } });
        const h2 = await view.locator('.documents h2', { hasText: 'Problems by code' }).textContent({ timeout: 10_000 });
        check(/^Problems by code: [a-z-]+ — \d+ documents?$/.test(h2 ?? ''), `list title after a click on a bar: ${h2}`);
        if (t.highContrast) {
          // The selected bar is framed in the theme's active border.
          const { counts } = await countColours(problems, [theme.activeBorder]);
          check(theme.activeBorder && counts[0] >= 20, `the selected bar has no frame in --vscode-contrastActiveBorder ${theme.activeBorder && hex(theme.activeBorder)} (${counts[0]} pixels)`);
        }
        if (t.shot) {
          // The picture: "Problems by code" with its selected bar framed, and the documents it lists.
          await view.locator('.plot-problems').evaluate((e) => e.scrollIntoView({ block: 'start' }));
          await page.waitForTimeout(300);
          await page.screenshot({ path: path.join(opts.shotsDir, t.shot) });
        }
        await view.locator('.plot-problems canvas').click({ position: { x: at.x + 3, y: at.y + 3 } });
        await view.locator('.documents .hint').waitFor({ timeout: 10_000 });
        // The "undated" button lists the three undated seed documents.
        await view.locator('.plot-months .apart button', { hasText: 'undated' }).click();
        await view.locator('.documents h2', { hasText: 'undated' }).waitFor({ timeout: 10_000 });
        const rows = await view.locator('.documents tbody tr').count();
        check(rows === 3, `${rows} documents listed for "undated", seeds.corpus has 3`);
        // The pressed button (the filter in use) stays readable.
        const pressed = await view.locator('.plot-months .apart button[aria-pressed="true"]').evaluate((b) => {
          const cs = getComputedStyle(b);
          return { color: cs.color, background: cs.backgroundColor };
        });
        const rgbOf = (css) => (/rgba?\((\d+), (\d+), (\d+)/.exec(css) ?? []).slice(1, 4).map(Number);
        const pressedRatio = contrast(rgbOf(pressed.color), rgbOf(pressed.background));
        check(pressedRatio >= need, `the pressed "undated" button: ${pressed.color} on ${pressed.background}, contrast ${pressedRatio.toFixed(2)}:1, under ${need}:1`);
        await view.locator('.plot-months .apart button', { hasText: 'undated' }).click();
        await view.locator('.documents .hint').waitFor({ timeout: 10_000 });
        check(errors.length === 0, `webview errors:\n${errors.join('\n')}`);
        if (k > 0) {
          const want = t.isDefault ? undefined : t.theme;
          const setting = await waitForSetting(settingsFile, want);
          check(setting === want, `the user settings say "workbench.colorTheme": ${JSON.stringify(setting)}, not ${JSON.stringify(want)}`);
        }
        seen.push({ ...t, colours, ratio });
        results.push({ title: `${title}: text ${hex(pg.color)} on ${hex(pg.background)}, ${ratio.toFixed(1)}:1`, ok: true, ms: Date.now() - t0 });
      } catch (e) {
        const shot = path.join(opts.failuresDir ?? opts.shotsDir, `failed-theme-${k + 1}.png`);
        await page.screenshot({ path: shot }).catch(() => {});
        results.push({ title, ok: false, error: `${e instanceof Error ? e.stack : e}\n(screenshot: ${shot})` });
        if (k === 0) break;
      }
    }
  } catch (e) {
    results.push({ title: 'UI theme: code-server starts with workbench.colorTheme set', ok: false, error: String(e instanceof Error ? e.stack : e) });
  } finally {
    await context?.close().catch(() => {});
    server?.stop();
  }

  // High contrast must be a page of its own: other colours than light and dark, and more contrast.
  const title = 'UI theme: the high-contrast pages differ from the light and dark ones and have more contrast';
  const hc = seen.filter((s) => s.highContrast);
  const normal = seen.filter((s) => !s.highContrast);
  if (hc.length === 0 || normal.length === 0) {
    results.push({ title, ok: false, error: `themes checked: ${seen.map((s) => s.theme).join(', ') || 'none'}` });
  } else {
    const pair = (s) => `${hex(s.colours.page.color)} on ${hex(s.colours.page.background)}`;
    const problems = [];
    for (const h of hc)
      for (const o of normal) {
        if (pair(h) === pair(o)) problems.push(`${h.theme} and ${o.theme} both show ${pair(h)}`);
        if (h.ratio <= o.ratio) problems.push(`${h.theme} (${h.ratio.toFixed(2)}:1) has no more contrast than ${o.theme} (${o.ratio.toFixed(2)}:1)`);
      }
    results.push({ title, ok: problems.length === 0, error: problems.length ? `${problems.join('\n')}\n${seen.map((s) => `${s.theme}: ${pair(s)}, ${s.ratio.toFixed(2)}:1`).join('\n')}` : undefined });
  }
  return results;
}
