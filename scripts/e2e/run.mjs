// `npm run test:e2e`: the extension-host suite (test/e2e/suite) and the UI test in the real
// VS Code workbench (code-server, offline), then the packaged .vsix: its contents, and that it
// installs into a fresh code-server and activates. Sets itself up first (scripts/e2e/setup.mjs).
// Prints one line per test and ends with "N passed, N failed"; exits non-zero on any failure.
// A host that cannot start is a failure with the reason, never a skip.
// Env (development only): E2E_ONLY=host, E2E_GREP=<mocha grep>, E2E_EXTENSION_PATH=<other extension folder>.
// Env: E2E_SHOTS (screenshot folder, default test-results/e2e/screenshots), E2E_KEEP=1 keeps the
//      temporary folders (workspaces, logs) even when everything passed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchBrowser, runHostTests } from './browser.mjs';
import { installExtension, listExtensions, startCodeServer } from './code-server.mjs';
import { setup } from './setup.mjs';
import { runUiTest } from './ui.mjs';
import { runOverviewReportTest } from './overview-report.mjs';
import { runOverviewThemesTest } from './overview-themes.mjs';
import { prepareWalkthroughWorkspace, runWalkthroughTest } from './walkthrough.mjs';
import { checkVsix, packageVsix } from './vsix.mjs';
import { REPO, prepareSeedsWorkspace, prepareSuiteWorkspace, prepareUiWorkspace, tempDir } from './workspace.mjs';

// E2E_EXTENSION_PATH: load another extension folder instead of this repository (harness debugging)
const EXT = path.resolve(process.env.E2E_EXTENSION_PATH || REPO);
const T0 = Date.now();
const secs = () => ((Date.now() - T0) / 1000).toFixed(1);
const log = (...a) => console.log(`[e2e ${secs()}s]`, ...a);
const results = [];
const record = (r) => {
  results.push(r);
  console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.title}${r.ms !== undefined ? ` (${r.ms} ms)` : ''}`);
  if (!r.ok && r.error) console.log(r.error.replace(/^/gm, '       '));
};

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
}

function build() {
  if (EXT === REPO) run(process.execPath, ['scripts/build.mjs'], 'npm run build');
  run(process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'test/e2e/tsconfig.json'], 'compiling test/e2e');
  for (const f of ['dist/client.js', 'dist/server.js', 'out/test/e2e/index.js', 'out/test/e2e/vsix/index.js']) {
    if (f.startsWith('dist/') && EXT !== REPO) continue;
    if (!fs.existsSync(path.join(REPO, f))) throw new Error(`${f} was not built`);
  }
}

/** Runs a suite in the extension host and records its results (or why there are none). */
async function hostSuite(browser, server, opts, resultFile, logsDir, label) {
  const r = await runHostTests(browser, server.url, opts, { logsDir });
  if (!fs.existsSync(resultFile)) {
    record({
      title: `${label}: the extension-host suite reports results`,
      ok: false,
      error:
        `no result file (workbench exit: ${r.code}). The test host may not have started or run() threw before mocha ran.\n` +
        `Logs: ${logsDir}, ${server.log}\n` +
        r.console
          .filter((l) => /rror|fail|Extension Host/i.test(l))
          .slice(-25)
          .join('\n'),
    });
    return;
  }
  const summary = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  for (const t of summary.results) record({ ...t, title: `${label}: ${t.title}` });
  if (summary.results.length === 0) record({ title: `${label}: the suite ran tests`, ok: false, error: 'no tests ran' });
}

async function main() {
  const tmp = tempDir('corpus-e2e-');
  let browser;
  const servers = [];
  let keep = !!process.env.E2E_KEEP;
  try {
    log('setup');
    const entry = setup();
    log('build (extension bundle + test suite)');
    build();

    const ws = prepareSuiteWorkspace(path.join(tmp, 'workspace'));
    const uiWs = prepareUiWorkspace(path.join(tmp, 'ui-workspace'));
    const resultFile = path.join(tmp, 'host-results.json');
    log('start code-server');
    const server = await startCodeServer(entry, path.join(tmp, 'state'), { E2E_RESULT_FILE: resultFile });
    servers.push(server);
    log(`code-server at ${server.url}`);
    browser = await launchBrowser();

    log('extension-host suite (test/e2e/suite)');
    await hostSuite(
      browser,
      server,
      { folder: ws, extensionDevelopmentPath: EXT, extensionTestsPath: path.join(REPO, 'out', 'test', 'e2e', 'index.js') },
      resultFile,
      path.join(tmp, 'logs', 'host'),
      'host',
    );

    // E2E_ONLY=host: stop after the extension-host suite (for working on it; never set by npm test)
    if (process.env.E2E_ONLY === 'host') return;
    log('UI test (same code-server session)');
    const shots = path.resolve(process.env.E2E_SHOTS || path.join(REPO, 'test-results', 'e2e', 'screenshots'));
    for (const r of await runUiTest(browser, server.url, {
      folder: uiWs,
      extensionDevelopmentPath: EXT,
      shotsDir: shots,
      failuresDir: path.join(tmp, 'logs'),
      log: process.env.VERBOSE ? log : undefined,
    })) {
      record(r);
    }
    server.stop();

    log('the overview webview in high-contrast, light and dark themes (a fresh code-server: workbench.colorTheme in the user settings)');
    for (const r of await runOverviewThemesTest(browser, entry, {
      folder: prepareUiWorkspace(path.join(tmp, 'theme-workspace')),
      extensionDevelopmentPath: EXT,
      stateDir: path.join(tmp, 'state-themes'),
      shotsDir: shots,
      failuresDir: path.join(tmp, 'logs'),
      log: process.env.VERBOSE ? log : undefined,
    }))
      record(r);

    log('the HTML report of corpus stats --html in Chromium');
    for (const r of await runOverviewReportTest(browser, {
      repo: REPO,
      corpus: path.join(REPO, 'test', 'fixtures', 'overview', 'overview.corpus'),
      workDir: path.join(tmp, 'report'),
      shotsDir: shots,
    }))
      record(r);

    log('walkthrough (a fresh code-server: no step done yet)');
    const server3 = await startCodeServer(entry, path.join(tmp, 'state-walkthrough'));
    servers.push(server3);
    for (const r of await runWalkthroughTest(browser, server3.url, {
      folder: prepareWalkthroughWorkspace(path.join(tmp, 'walkthrough-workspace')),
      extensionDevelopmentPath: EXT,
      shotsDir: shots,
      failuresDir: path.join(tmp, 'logs'),
      log: process.env.VERBOSE ? log : undefined,
    })) {
      record(r);
    }
    server3.stop();
    log(`screenshots in ${shots}`);

    log('package the .vsix (minified build + vsce)');
    const vsix = path.join(tmp, 'corpus-files.vsix');
    try {
      packageVsix(vsix);
      record({ title: 'vsix: npm run package builds a .vsix', ok: true });
    } catch (e) {
      record({ title: 'vsix: npm run package builds a .vsix', ok: false, error: String(e instanceof Error ? e.message : e) });
      return;
    } finally {
      // leave dist/ as the development build the other tests use
      run(process.execPath, ['scripts/build.mjs'], 'npm run build');
    }
    const { names, problems } = checkVsix(vsix);
    record({
      title: `vsix: holds only the allow-listed files (${names.length} files)`,
      ok: problems.length === 0,
      error: problems.length ? `${problems.join('\n')}\ncontents:\n${names.join('\n')}` : undefined,
    });

    log('install the .vsix into a fresh code-server');
    const state2 = path.join(tmp, 'state-vsix');
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    const id = `${pkg.publisher}.${pkg.name}`;
    const { extensionsDir } = installExtension(entry, state2, vsix);
    const listed = listExtensions(entry, state2);
    record({
      title: `vsix: code-server --install-extension lists ${id}@${pkg.version}`,
      ok: listed.includes(`${id}@${pkg.version}`),
      error: `listed: ${JSON.stringify(listed)}`,
    });
    // extension tests need an extensionDevelopmentPath; this one is an empty stand-in, so the
    // corpus extension under test is the installed one
    const driver = path.join(tmp, 'test-driver-extension');
    fs.mkdirSync(driver, { recursive: true });
    fs.writeFileSync(path.join(driver, 'package.json'), JSON.stringify({ name: 'corpus-e2e-driver', publisher: 'corpus-files-tests', version: '0.0.0', engines: { vscode: '*' } }));
    const result2 = path.join(tmp, 'vsix-results.json');
    const server2 = await startCodeServer(entry, state2, { E2E_RESULT_FILE: result2, E2E_EXTENSIONS_DIR: extensionsDir });
    servers.push(server2);
    await hostSuite(
      browser,
      server2,
      {
        folder: prepareSeedsWorkspace(path.join(tmp, 'vsix-workspace')),
        extensionDevelopmentPath: driver,
        extensionTestsPath: path.join(REPO, 'out', 'test', 'e2e', 'vsix', 'index.js'),
      },
      result2,
      path.join(tmp, 'logs', 'vsix'),
      'vsix installed',
    );
    server2.stop();
  } catch (e) {
    record({ title: 'e2e: the VS Code host starts and runs', ok: false, error: String(e instanceof Error ? e.stack : e) });
  } finally {
    if (browser) await browser.close().catch(() => {});
    for (const s of servers) s.stop();
    const failed = results.filter((r) => !r.ok).length;
    if (failed || keep) log(`kept ${tmp} (workspaces, code-server logs, workbench logs)`);
    else fs.rmSync(tmp, { recursive: true, force: true });
    log('done');
    console.log(`${results.length - failed} passed, ${failed} failed`);
    process.exitCode = failed || results.length === 0 ? 1 : 0;
  }
}

await main();
