// `npm run test:vscode`: the same extension-host suite as `npm run test:e2e` (test/e2e/suite),
// in desktop VS Code downloaded by @vscode/test-electron — on the minimum version the manifest
// allows (engines.vscode) and on the current stable release. Needs the network to
// update.code.visualstudio.com and a display (xvfb-run on Linux CI); it is therefore not part of
// `npm test`, which runs the suite offline in code-server instead.
// Env: VSCODE_VERSIONS="1.99.0,stable" to choose versions.
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, prepareSuiteWorkspace, tempDir } from './e2e/workspace.mjs';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const minimum = /(\d+\.\d+\.\d+)/.exec(pkg.engines.vscode)?.[1];
if (!minimum) throw new Error(`cannot read a minimum version from engines.vscode "${pkg.engines.vscode}"`);
const versions = (process.env.VSCODE_VERSIONS || `${minimum},stable`)
  .split(',')
  .map((v) => v.trim())
  .filter(Boolean);

for (const [cmd, args] of [
  [process.execPath, ['scripts/build.mjs']],
  [process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'test/e2e/tsconfig.json']],
]) {
  const r = spawnSync(cmd, args, { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

let passed = 0;
let failed = 0;
for (const version of versions) {
  const tmp = tempDir(`corpus-vscode-${version}-`);
  const workspace = prepareSuiteWorkspace(path.join(tmp, 'workspace'));
  const resultFile = path.join(tmp, 'results.json');
  console.log(`== VS Code ${version}`);
  try {
    await runTests({
      version,
      extensionDevelopmentPath: REPO,
      extensionTestsPath: path.join(REPO, 'out', 'test', 'e2e', 'index.js'),
      extensionTestsEnv: { E2E_RESULT_FILE: resultFile },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${path.join(tmp, 'user-data')}`],
    });
  } catch (e) {
    console.error(`VS Code ${version}: ${e instanceof Error ? e.message : e}`);
  }
  if (!fs.existsSync(resultFile)) {
    console.log(`  FAIL VS Code ${version}: the test host did not report results (it may not have started)`);
    failed++;
    continue;
  }
  const summary = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  for (const t of summary.results) {
    console.log(`  ${t.ok ? 'ok  ' : 'FAIL'} ${version}: ${t.title}`);
    if (!t.ok) console.log(String(t.error).replace(/^/gm, '       '));
  }
  passed += summary.results.filter((t) => t.ok).length;
  failed += summary.results.filter((t) => !t.ok).length;
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed || passed === 0 ? 1 : 0;
