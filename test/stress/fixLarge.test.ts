// `corpus lint --fix` on a large file, as a real process: under a heap far smaller
// than the file (the text is streamed, never held whole), fixed in place to a state
// with nothing left to fix, and a process killed in the middle of the fix leaves
// the original byte for byte (it writes a temporary file and renames it at the end).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, SEEDS } from '../support/fixtures';

const CLI = path.join(ROOT, 'dist', 'cli.js');
// The seeds with a date for every document, so that the run measures the stream, not the date proposals
// (an undated article costs its proposals, about 10 ms each, as in the editor's "Fix all").
const seedsText = fs.readFileSync(path.join(SEEDS, 'seeds.corpus'), 'utf8').replace(/^(<<<FILE 00[234]_[0-9a-f]+\.txt)>>>/gm, '$1 date=2024-12-01>>>');
const HEAP_MB = 48;
let dir = '';
let original = '';
let originalHash = '';

function sha(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-fix-large-'));
  original = path.join(dir, 'original.corpus');
  // About 40 MB (twice the heap as UTF-16 text): the seeds again and again, every tenth copy with a near-miss header
  // (`<<<file …>>>`, fixed by rewriting it) and every copy's first name repeated (renamed).
  const fd = fs.openSync(original, 'w');
  let size = 0;
  for (let i = 0; size < 40 * 1024 * 1024; i++) {
    const chunk = i % 10 === 0 ? seedsText.replace('<<<FILE 000_', '<<<file 000_') : seedsText;
    fs.writeSync(fd, chunk);
    size += Buffer.byteLength(chunk);
  }
  fs.closeSync(fd);
  originalHash = sha(original);
});

after(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function lint(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, CLI, 'lint', '--no-progress', ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test(`--fix on a 40 MB file under a ${HEAP_MB} MB heap: fixed in place, nothing left to fix, no temporary file`, () => {
  const file = path.join(dir, 'fix.corpus');
  fs.copyFileSync(original, file);
  const r = lint(['--fix', '--quiet', 'fix.corpus']);
  assert.equal(r.status, 0, r.stderr.slice(0, 2000));
  assert.match(r.stdout, /problems fixed\.$/m);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['fix.corpus', 'original.corpus']);
  // What is left: nothing a second --fix would change (an empty diff), no error, no duplicate name.
  const before = sha(file);
  const again = lint(['--fix-dry-run', '--format', 'json', 'fix.corpus']);
  assert.equal(again.status, 0, again.stderr.slice(0, 2000));
  assert.equal(again.stdout, '', 'no diff: nothing left to fix');
  const json = again.stderr.slice(0, again.stderr.lastIndexOf('\n', again.stderr.length - 2));
  const report = JSON.parse(json) as { files: { diagnostics: { code: string }[] }[]; summary: { documents: number; errors: number } };
  assert.equal(report.summary.errors, 0);
  assert.ok(!report.files[0].diagnostics.some((d) => d.code === 'duplicate-name' || d.code === 'malformed-header'));
  assert.equal(sha(file), before, 'a dry run changes nothing');
});

test('a process killed while it fixes leaves the original byte for byte', async () => {
  const file = path.join(dir, 'killed.corpus');
  fs.copyFileSync(original, file);
  const child = spawn(process.execPath, [CLI, 'lint', '--fix', '--no-progress', 'killed.corpus'], { cwd: dir, stdio: 'ignore' });
  // Wait until it writes its temporary file, then kill it without warning.
  const t0 = Date.now();
  while (!fs.readdirSync(dir).some((f) => f.startsWith('.killed.corpus.corpus-fix-'))) {
    assert.ok(Date.now() - t0 < 60_000, 'the fix starts writing');
    await new Promise((r) => setTimeout(r, 5));
  }
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  assert.equal(sha(file), originalHash);
  assert.equal(sha(original), originalHash);
});
