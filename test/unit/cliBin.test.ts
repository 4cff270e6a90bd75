// The built command (`bin/corpus.js` → `dist/cli.js`) as a real process: exit
// codes, standard output and error, the "done when" of the command line issue.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, SEEDS } from '../support/fixtures';

const BIN = path.join(ROOT, 'bin', 'corpus.js');
const DIST = path.join(ROOT, 'dist', 'cli.js');

function newestSource(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

before(() => {
  // `npm test` builds first; when run alone with a missing or stale bundle, build it.
  if (!fs.existsSync(DIST) || fs.statSync(DIST).mtimeMs < newestSource(path.join(ROOT, 'server', 'src'))) {
    const b = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
  }
});

function corpus(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR; // the test runner may set it; a pipe alone must mean no colour
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('corpus lint on the seeds: three missing dates, the partial date, exit 0, nothing on the error stream', () => {
  const r = corpus(['lint', path.relative(ROOT, path.join(SEEDS, 'seeds.corpus'))], ROOT);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '', 'no progress bar when piped');
  assert.equal((r.stdout.match(/ warning missing-date /g) ?? []).length, 3);
  assert.equal((r.stdout.match(/ information partial-date /g) ?? []).length, 1);
  // A file outside the current folder is shown with its absolute path, one inside it relative to it.
  const file = path.join(SEEDS, 'seeds.corpus');
  const shown = path.relative(ROOT, file).startsWith('..') ? file : path.relative(ROOT, file);
  assert.ok(r.stdout.includes(`${shown}:47:9 warning missing-date `), r.stdout);
  assert.doesNotMatch(r.stdout, /\u001b\[/);
  assert.match(r.stdout.trim().split('\n').pop() ?? '', /^4 problems \(0 errors, 3 warnings, 1 information, 0 hints\) in 1 file \(5 documents\)\.$/);
});

test('exit codes of the real process: 1 for an invalid file, 2 for a missing one and for a usage error', () => {
  const bad = corpus(['lint', 'test/fixtures/cli/invalid/broken.corpus'], ROOT);
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, / error stray-end /);
  const missing = corpus(['lint', 'no-such.corpus'], ROOT);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no-such\.corpus: no such file or folder/);
  const usage = corpus(['lint', '--no-such-option'], ROOT);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /unknown option '--no-such-option'/);
  const sarif = corpus(['lint', '--format', 'sarif', 'test/fixtures/cli/invalid'], ROOT);
  assert.equal(sarif.status, 1);
  assert.equal((JSON.parse(sarif.stdout) as { version: string }).version, '2.1.0');
});

let packDir = '';
after(() => {
  if (packDir) fs.rmSync(packDir, { recursive: true, force: true });
});

test('pack the five articles, unpack them: byte for byte; a folder holding a corpus is refused', () => {
  packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-bin-'));
  const articles = fs
    .readdirSync(SEEDS)
    .filter((f) => /^00.*\.txt$/.test(f))
    .sort();
  const p = corpus(['pack', ...articles.map((a) => path.join(SEEDS, a)), '-o', 'x.corpus'], packDir);
  assert.equal(p.status, 0, p.stderr);
  const u = corpus(['unpack', 'x.corpus', '-o', 'y'], packDir);
  assert.equal(u.status, 0, u.stderr);
  assert.deepEqual(fs.readdirSync(path.join(packDir, 'y')).sort(), articles);
  for (const a of articles) assert.ok(fs.readFileSync(path.join(packDir, 'y', a)).equals(fs.readFileSync(path.join(SEEDS, a))), a);
  const again = corpus(['unpack', 'x.corpus', '-o', 'y'], packDir);
  assert.equal(again.status, 2);
  assert.match(again.stderr, /already exist.*--force/);
  const folder = corpus(['pack', SEEDS, '-o', 'z.corpus'], packDir);
  assert.equal(folder.status, 1);
  assert.match(folder.stderr, /seeds\.corpus is itself a corpus file/);
  fs.writeFileSync(path.join(packDir, 'evil.corpus'), '<<<FILE ../../evil.txt>>>\nx\n');
  const evil = corpus(['unpack', 'evil.corpus', '-o', 'out'], packDir);
  assert.equal(evil.status, 1);
  assert.match(evil.stderr, /goes up a folder/);
  assert.ok(!fs.existsSync(path.join(packDir, 'out')));
});
