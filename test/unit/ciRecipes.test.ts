// The CI recipes as they run: each hook of .pre-commit-hooks.yaml, called the way
// pre-commit calls it (its entry, then the staged files its `files` pattern takes,
// from the repository root), and the GitHub Actions job of docs/cli.md.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/fixtures';

const BIN = path.join(ROOT, 'bin', 'corpus.js');
const temporary: string[] = [];
after(() => {
  for (const d of temporary) fs.rmSync(d, { recursive: true, force: true });
});

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
}

/** The hooks: a list of flat mappings, read line by line (the file is kept that simple). */
function hooks(): Hook[] {
  const out: Partial<Hook>[] = [];
  for (const line of fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8').split('\n')) {
    const m = /^(- | {2})(\w+): (.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === '- ') out.push({});
    const value = m[3].startsWith("'") ? m[3].slice(1, -1).replace(/''/g, "'") : m[3];
    (out[out.length - 1] as Record<string, string>)[m[2]] = value;
  }
  return out as Hook[];
}

function repo(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-ci-'));
  temporary.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** Runs a command line that starts with `corpus` (or `npx corpus`) with the built command. */
function corpus(commandLine: string, extra: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const words = commandLine.trim().split(/\s+/);
  if (words[0] === 'npx') words.shift();
  assert.equal(words[0], 'corpus', commandLine);
  const r = spawnSync(process.execPath, [BIN, ...words.slice(1), ...extra], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const staged = (hook: Hook, files: string[]) => files.filter((f) => new RegExp(hook.files).test(f));

const FILES = {
  'news.corpus': '<<<FILE a.txt date=2024-05-01>>>\nText.\n<<<FILE b.txt>>>\nNo date.\n',
  'broken.corpus': '<<<file c.txt date=2024-05-01>>>\nText.\n',
  'fixtures/skip.corpus': '<<<END>>>\n',
  '.corpusignore': 'fixtures/\n',
  'notes.txt': 'Not a corpus.\n',
};

test('.pre-commit-hooks.yaml: two node hooks whose entry is corpus lint', () => {
  const list = hooks();
  assert.deepEqual(
    list.map((h) => [h.id, h.language, h.entry]),
    [
      ['corpus-lint', 'node', 'corpus lint --no-progress'],
      ['corpus-lint-fix', 'node', 'corpus lint --no-progress --fix'],
    ],
  );
  // The package gives pre-commit's node install the `corpus` command.
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  assert.equal(pkg.bin.corpus, 'bin/corpus.js');
});

test('hook corpus-lint: fails the commit on an error, passes warnings, and lets ignored files be', () => {
  const hook = hooks().find((h) => h.id === 'corpus-lint');
  assert.ok(hook);
  const dir = repo(FILES);
  const files = staged(hook, Object.keys(FILES));
  assert.deepEqual(files, ['news.corpus', 'broken.corpus', 'fixtures/skip.corpus']);
  const all = corpus(hook.entry, files, dir);
  assert.equal(all.code, 1, all.stdout + all.stderr);
  assert.match(all.stdout, /^broken\.corpus:1:1 error malformed-header /m);
  assert.match(all.stdout, /^news\.corpus:3:9 warning missing-date /m);
  assert.match(all.stderr, /fixtures\/skip\.corpus: this file is ignored \(by \.corpusignore\)/);
  const warningsOnly = corpus(hook.entry, ['news.corpus'], dir);
  assert.equal(warningsOnly.code, 0, warningsOnly.stdout);
  // A commit of ignored files only: said, and not a failure.
  const ignoredOnly = corpus(hook.entry, ['fixtures/skip.corpus'], dir);
  assert.equal(ignoredOnly.code, 0, ignoredOnly.stderr);
  assert.match(ignoredOnly.stderr, /this file is ignored/);
  assert.match(ignoredOnly.stdout, /^No file checked\.$/m);
});

test('hook corpus-lint-fix: fixes the files in place (pre-commit then fails on the change), then checks what is left', () => {
  const hook = hooks().find((h) => h.id === 'corpus-lint-fix');
  assert.ok(hook);
  const dir = repo(FILES);
  const r = corpus(hook.entry, staged(hook, ['news.corpus', 'broken.corpus']), dir);
  assert.equal(fs.readFileSync(path.join(dir, 'broken.corpus'), 'utf8'), '<<<FILE c.txt date=2024-05-01>>>\nText.\n');
  // No date can be known for b.txt: left as it was, and reported.
  assert.equal(fs.readFileSync(path.join(dir, 'news.corpus'), 'utf8'), FILES['news.corpus']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^news\.corpus:3:9 warning missing-date /m);
  assert.match(r.stdout, /1 problem fixed/);
});

test("docs/cli.md's GitHub Actions job writes workflow annotations and fails on warnings", () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'cli.md'), 'utf8');
  const jobs = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]).filter((y) => y.includes('--format github'));
  assert.equal(jobs.length, 1);
  const step = /run: (npx corpus lint .*)$/m.exec(jobs[0]);
  assert.ok(step, jobs[0]);
  const dir = repo({ 'news.corpus': FILES['news.corpus'] });
  const r = corpus(step[1], [], dir);
  assert.equal(r.code, 1, 'more warnings than --max-warnings 0');
  assert.match(r.stdout, /^::warning file=news\.corpus,line=3,col=9,endLine=3,endColumn=14,title=corpus missing-date::The document `b\.txt` has no date\./m);
});
