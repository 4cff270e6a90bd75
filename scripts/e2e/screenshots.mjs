// `npm run screenshots`: regenerates docs/images/*.png with the UI test (scripts/e2e/ui.mjs) and
// the walkthrough test (scripts/e2e/walkthrough.mjs) in the real VS Code workbench (code-server),
// after setting it up like `npm run test:e2e`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchBrowser } from './browser.mjs';
import { startCodeServer } from './code-server.mjs';
import { setup } from './setup.mjs';
import { runUiTest } from './ui.mjs';
import { runOverviewReportTest } from './overview-report.mjs';
import { runOverviewThemesTest } from './overview-themes.mjs';
import { prepareWalkthroughWorkspace, runWalkthroughTest } from './walkthrough.mjs';
import { REPO, prepareUiWorkspace, tempDir } from './workspace.mjs';

const out = path.join(REPO, 'docs', 'images');
const tmp = tempDir('corpus-screenshots-');
let server;
let browser;
let failed = 0;
try {
  const entry = setup();
  const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: 'inherit' });
  if (b.status !== 0) throw new Error('npm run build failed');
  server = await startCodeServer(entry, path.join(tmp, 'state'));
  browser = await launchBrowser();
  const results = await runUiTest(browser, server.url, {
    folder: prepareUiWorkspace(path.join(tmp, 'ui-workspace')),
    extensionDevelopmentPath: REPO,
    shotsDir: out,
    failuresDir: tmp,
  });
  server.stop();
  // The overview in the high-contrast themes (overview-hc.png, overview-hc-light.png), in a code-server of its own.
  results.push(
    ...(await runOverviewThemesTest(browser, entry, {
      folder: prepareUiWorkspace(path.join(tmp, 'theme-workspace')),
      extensionDevelopmentPath: REPO,
      stateDir: path.join(tmp, 'state-themes'),
      shotsDir: out,
      failuresDir: tmp,
    })),
  );
  // The HTML report of `corpus stats --html` (overview-report-light.png, -dark.png).
  results.push(...(await runOverviewReportTest(browser, { repo: REPO, corpus: path.join(REPO, 'test', 'fixtures', 'overview', 'overview.corpus'), workDir: path.join(tmp, 'report'), shotsDir: out })));
  // The walkthrough's pictures (quick-fix.png, config.png, …), in a fresh code-server: no step done yet.
  server = await startCodeServer(entry, path.join(tmp, 'state-walkthrough'));
  results.push(
    ...(await runWalkthroughTest(browser, server.url, {
      folder: prepareWalkthroughWorkspace(path.join(tmp, 'walkthrough-workspace')),
      extensionDevelopmentPath: REPO,
      shotsDir: out,
      failuresDir: tmp,
    })),
  );
  for (const r of results) {
    console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.title}`);
    if (!r.ok) console.log(String(r.error).replace(/^/gm, '       '));
  }
  failed = results.filter((r) => !r.ok).length;
  console.log(
    `screenshots in ${path.relative(REPO, out)}: ${fs
      .readdirSync(out)
      .filter((f) => f.endsWith('.png'))
      .join(', ')}`,
  );
} catch (e) {
  console.error(e instanceof Error ? e.stack : e);
  failed++;
} finally {
  await browser?.close().catch(() => {});
  server?.stop();
  if (!failed) fs.rmSync(tmp, { recursive: true, force: true });
  else console.log(`logs kept in ${tmp}`);
}
process.exitCode = failed ? 1 : 0;
