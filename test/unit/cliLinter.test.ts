// The conventions of a linter, in `corpus lint` run in-process: the standard input,
// GitHub annotations, --quiet, --config, --rule, exit code 2 when nothing is found,
// NO_COLOR/FORCE_COLOR, negated globs, ignore files, suppressed findings for audits,
// rule links in SARIF, and --fix / --fix-dry-run on real files.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../../server/src/cli/main';
import { MemoryStream } from '../../server/src/cli/io';
import { escapeData, escapeProperty } from '../../server/src/cli/github';
import { SEEDS } from '../support/fixtures';

const seedsText = fs.readFileSync(path.join(SEEDS, 'seeds.corpus'), 'utf8');
const temporary: string[] = [];
after(() => {
  for (const d of temporary) fs.rmSync(d, { recursive: true, force: true });
});

/** A folder with these files (paths relative to it). */
function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-linter-'));
  temporary.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

async function run(args: string[], options: { cwd: string; tty?: boolean; env?: Record<string, string>; stdin?: string }): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new MemoryStream(options.tty ?? false);
  const stderr = new MemoryStream(options.tty ?? false);
  const stdin = options.stdin !== undefined ? Readable.from([Buffer.from(options.stdin, 'utf8')]) : undefined;
  const code = await main(args, { cwd: options.cwd, stdout, stderr, env: options.env ?? {}, stdin });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const NO_DATE = '<<<FILE a.txt>>>\nno date\n';
const ERROR = '<<<FILE a.txt date=2024-13-01>>>\ntext\n';

test('"-" reads the standard input; --stdin-filename names it and finds its .corpusrc.json', async () => {
  const dir = folder({ 'sub/.corpusrc.json': '{ "rules": { "missing-date": "error" } }' });
  const plain = await run(['lint', '-'], { cwd: dir, stdin: NO_DATE });
  assert.equal(plain.code, 0);
  assert.match(plain.stdout, /^<stdin>:1:9 warning missing-date /m);
  const named = await run(['lint', '-', '--stdin-filename', 'sub/news.corpus'], { cwd: dir, stdin: NO_DATE });
  assert.equal(named.code, 1, 'the configuration of sub/ makes it an error');
  assert.match(named.stdout, /^sub\/news\.corpus:1:9 error missing-date /m);
  // --fix on the standard input writes the fixed text to the standard output, the report to the error stream.
  const fixed = await run(['lint', '--fix', '-'], { cwd: dir, stdin: '<<<file a.txt date=2024-12-01>>>\nx\n' });
  assert.equal(fixed.stdout, '<<<FILE a.txt date=2024-12-01>>>\nx\n');
  assert.match(fixed.stderr, /No problems in 1 file \(1 document\); 1 problem fixed\./);
  const mixed = await run(['lint', '-', 'a.corpus'], { cwd: dir, stdin: '' });
  assert.equal(mixed.code, 2);
  assert.match(mixed.stderr, /cannot be mixed/);
});

test('--format github: one workflow command per problem, escaped as the runner reads them', async () => {
  const dir = folder({ 'a b.corpus': `${ERROR}<<<FILE c.txt>>>\nno date\n` });
  const r = await run(['lint', '--format', 'github', 'a b.corpus'], { cwd: dir });
  assert.equal(r.code, 1);
  const lines = r.stdout.trim().split('\n');
  assert.match(lines[0], /^::error file=a b\.corpus,line=1,col=\d+,endLine=1,endColumn=\d+,title=corpus invalid-date::The /);
  assert.match(lines[1], /^::warning file=a b\.corpus,line=3,col=9,endLine=3,endColumn=14,title=corpus missing-date::The document `c\.txt` has no date\./);
  assert.match(lines[2], /^2 problems \(1 error, 1 warning/);
  assert.equal(escapeData('50% done\r\nnext'), '50%25 done%0D%0Anext');
  assert.equal(escapeProperty('a:b,c'), 'a%3Ab%2Cc');
});

test('--quiet reports errors only; --rule sets a rule over every configuration; --config replaces the nearest file', async () => {
  const dir = folder({
    'x.corpus': `${ERROR}<<<FILE c.txt>>>\nno date\n`,
    '.corpusrc.json': '{ "rules": { "missing-date": "error" } }',
    'other/strict.json': '{ "rules": { "invalid-date": "off" } }',
  });
  const quiet = await run(['lint', '--quiet', '--max-warnings', '0', 'x.corpus', '--rule', 'missing-date=warning'], { cwd: dir });
  assert.equal(quiet.code, 1);
  assert.doesNotMatch(quiet.stdout, /missing-date/);
  assert.match(quiet.stdout, /^1 problem \(1 error, 0 warnings/m);
  const rules = await run(['lint', 'x.corpus', '--rule', 'missing-date=off', '--rule', 'invalid-date=hint'], { cwd: dir });
  assert.equal(rules.code, 0);
  assert.match(rules.stdout, /^x\.corpus:1:\d+ hint invalid-date /m);
  assert.doesNotMatch(rules.stdout, /missing-date/);
  const bad = await run(['lint', 'x.corpus', '--rule', 'missing-dates=off'], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /"missing-dates" is not a diagnostic code/);
  const config = await run(['lint', '--config', 'other/strict.json', 'x.corpus'], { cwd: dir });
  assert.equal(config.code, 0, 'invalid-date is off and missing-date back to a warning');
  assert.match(config.stdout, /warning missing-date/);
  assert.equal((await run(['lint', '--config', 'nope.json', 'x.corpus'], { cwd: dir })).code, 2);
});

test('nothing to check is exit code 2 with a clear message; a missing path is said in the summary', async () => {
  const dir = folder({ 'empty/.keep': '', 'a.corpus': NO_DATE });
  const empty = await run(['lint', 'empty'], { cwd: dir });
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /no corpus file found in empty\. Give files, folders or globs of \.corpus files\./);
  const typo = await run(['lint', 'emtpy/'], { cwd: dir });
  assert.equal(typo.code, 2);
  assert.match(typo.stderr, /emtpy\/: no such file or folder/);
  // Never "No problems" when nothing was checked.
  assert.doesNotMatch(empty.stdout + typo.stdout, /No problems/);
  assert.match(typo.stdout, /^No file checked; 1 path could not be read\.$/m);
  const partly = await run(['lint', 'a.corpus', 'b.corpus'], { cwd: dir });
  assert.equal(partly.code, 2);
  assert.match(partly.stdout, /1 problem \(0 errors, 1 warning, 0 information, 0 hints\) in 1 file \(1 document\); 1 path could not be read\./);
  const warnings = await run(['lint', 'a.corpus', '--max-warnings', '0'], { cwd: dir });
  assert.equal(warnings.code, 1);
  assert.match(warnings.stderr, /corpus: 1 warning, more than --max-warnings 0\./);
});

test('colour: a terminal; not with NO_COLOR; FORCE_COLOR=0 turns it off and FORCE_COLOR=1 on; --color/--no-color win', async () => {
  const dir = folder({ 'a.corpus': NO_DATE });
  const coloured = (r: { stdout: string }): boolean => r.stdout.includes('\u001b[');
  assert.ok(coloured(await run(['lint', 'a.corpus'], { cwd: dir, tty: true })));
  assert.ok(!coloured(await run(['lint', 'a.corpus'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } })));
  assert.ok(!coloured(await run(['lint', 'a.corpus'], { cwd: dir, tty: true, env: { FORCE_COLOR: '0' } })));
  assert.ok(!coloured(await run(['lint', 'a.corpus'], { cwd: dir, tty: true, env: { FORCE_COLOR: 'false' } })));
  assert.ok(coloured(await run(['lint', 'a.corpus'], { cwd: dir, env: { FORCE_COLOR: '1' } })));
  assert.ok(coloured(await run(['lint', 'a.corpus'], { cwd: dir, env: { FORCE_COLOR: '', NO_COLOR: '1' } })), 'FORCE_COLOR wins over NO_COLOR');
  assert.ok(!coloured(await run(['lint', 'a.corpus'], { cwd: dir, tty: true, env: { TERM: 'dumb' } })));
  assert.ok(!coloured(await run(['lint', 'a.corpus', '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' } })));
  assert.ok(coloured(await run(['lint', 'a.corpus', '--color'], { cwd: dir, env: { NO_COLOR: '1' } })));
});

/** The files a lint run checked, from its JSON report. */
async function checked(args: string[], cwd: string): Promise<string[]> {
  const r = await run(['lint', '--format', 'json', ...args], { cwd });
  return (JSON.parse(r.stdout) as { files: { path: string }[] }).files.map((f) => f.path).sort();
}

test('globs: "!glob" leaves files out, and a glob takes only corpus files (a people file is not one)', async () => {
  const dir = folder({ 'samples/a.corpus': NO_DATE, 'samples/seeds.corpus': seedsText, 'samples/people.people.json': '{ "people": [] }', 'samples/b.txt': NO_DATE, 'samples/c.txt': 'plain text\n' });
  assert.deepEqual(await checked(['samples/**'], dir), ['samples/a.corpus', 'samples/b.txt', 'samples/seeds.corpus']);
  assert.deepEqual(await checked(['samples/**', '!**/seeds.corpus'], dir), ['samples/a.corpus', 'samples/b.txt']);
  assert.deepEqual(await checked(['samples', '!samples/a.corpus'], dir), ['samples/seeds.corpus']);
});

test('ignores: .gitignore inside a repository, .corpusignore, "ignores" of .corpusrc.json, with negation; --no-gitignore and --no-ignore', async () => {
  const dir = folder({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.gitignore': 'build/\n*.tmp.corpus\n',
    'build/out.corpus': NO_DATE,
    'keep.tmp.corpus': NO_DATE,
    'a.corpus': NO_DATE,
    'drafts/.corpusignore': '*\n!keep.corpus\n',
    'drafts/keep.corpus': NO_DATE,
    'drafts/scratch.corpus': NO_DATE,
    '.corpusrc.json': '{ "ignores": ["test/fixtures/", "!test/fixtures/wanted.corpus"] }',
    'test/fixtures/broken.corpus': ERROR,
    'test/other.corpus': NO_DATE,
    'nested/.gitignore': '!keep.tmp.corpus\n',
    'nested/keep.tmp.corpus': NO_DATE,
  });
  assert.deepEqual(await checked([], dir), ['a.corpus', 'drafts/keep.corpus', 'nested/keep.tmp.corpus', 'test/other.corpus']);
  assert.deepEqual(await checked(['--no-gitignore'], dir), ['a.corpus', 'build/out.corpus', 'drafts/keep.corpus', 'keep.tmp.corpus', 'nested/keep.tmp.corpus', 'test/other.corpus']);
  assert.equal((await checked(['--no-ignore'], dir)).length, 8);
  // A file named on the command line is left out too, and says why; only ignored files named (a commit
  // hook's list) is not a failure, but an ignored file beside a missing one is.
  const named = await run(['lint', 'test/fixtures/broken.corpus'], { cwd: dir });
  assert.equal(named.code, 0);
  assert.equal((await run(['lint', 'test/fixtures/broken.corpus', 'missing.corpus'], { cwd: dir })).code, 2);
  assert.match(named.stderr, /test\/fixtures\/broken\.corpus: this file is ignored \(by \.corpusrc\.json\); --no-ignore checks it\./);
  assert.equal((await run(['lint', '--no-ignore', 'test/fixtures/broken.corpus'], { cwd: dir })).code, 1);
  // Outside a git repository, .gitignore files mean nothing.
  const loose = folder({ '.gitignore': '*.corpus\n', 'a.corpus': NO_DATE });
  assert.deepEqual(await checked([], loose), ['a.corpus']);
});

test('--report-suppressed lists what the configuration turns off, marked and not counted, in every format', async () => {
  const dir = folder({ 'x.corpus': NO_DATE, '.corpusrc.json': JSON.stringify({ overrides: [{ files: ['x.corpus'], documents: ['a.txt'], rules: { 'missing-date': 'off' } }] }) });
  const plain = await run(['lint', 'x.corpus', '--max-warnings', '0'], { cwd: dir });
  assert.equal(plain.code, 0);
  assert.match(plain.stdout, /^No problems in 1 file/m);
  const audit = await run(['lint', 'x.corpus', '--report-suppressed', '--max-warnings', '0'], { cwd: dir });
  assert.equal(audit.code, 0, 'suppressed findings do not count');
  assert.match(audit.stdout, /^x\.corpus:1:9 warning missing-date \(suppressed\) The document/m);
  assert.match(audit.stdout, /^No problems in 1 file \(1 document\); 1 suppressed\.$/m);
  const json = JSON.parse((await run(['lint', 'x.corpus', '--report-suppressed', '--format', 'json'], { cwd: dir })).stdout) as {
    files: { diagnostics: { suppressed?: boolean }[] }[];
    summary: { suppressed: number; warnings: number };
  };
  assert.equal(json.files[0].diagnostics[0].suppressed, true);
  assert.deepEqual([json.summary.suppressed, json.summary.warnings], [1, 0]);
  const sarif = JSON.parse((await run(['lint', 'x.corpus', '--report-suppressed', '--format', 'sarif'], { cwd: dir })).stdout) as { runs: { results: { suppressions?: { kind: string }[] }[] }[] };
  assert.equal(sarif.runs[0].results[0].suppressions?.[0].kind, 'external');
});

test('SARIF rules carry the rule page: helpUri, the full description and the help text', async () => {
  const dir = folder({ 'a.corpus': NO_DATE });
  const log = JSON.parse((await run(['lint', '--format', 'sarif', 'a.corpus'], { cwd: dir })).stdout) as {
    runs: { tool: { driver: { rules: { id: string; helpUri: string; fullDescription: { text: string }; help: { text: string; markdown?: string } }[] } } }[];
  };
  const mismatch = log.runs[0].tool.driver.rules.find((r) => r.id === 'date-mismatch');
  assert.ok(mismatch);
  assert.equal(mismatch.helpUri, 'https://github.com/corpus-files/corpus-files/blob/main/docs/rules/date-mismatch.md');
  assert.match(mismatch.fullDescription.text, /^The document has a valid date, but its dateline or first sentence states a day or month/);
  assert.match(mismatch.help.markdown ?? '', /## Example/);
  for (const r of log.runs[0].tool.driver.rules) assert.ok(r.fullDescription.text !== r.id && r.fullDescription.text.length > 30, r.id);
});

test('--fix fixes files in place and reports what is left; --fix-dry-run prints a diff that git apply takes, changing nothing', async () => {
  const broken = '<<<file a.txt>>>\n date 2024-1-5 text\n<<<FILE a.txt>>>\n date 2024/12/01 x\n<<<END>>>\n<<<FILE b.txt>>>\nno date\n';
  const dir = folder({ 'x.corpus': broken, 'y.corpus': NO_DATE });
  const dry = await run(['lint', '--fix-dry-run', '.'], { cwd: dir });
  assert.equal(dry.code, 0, dry.stderr);
  assert.ok(dry.stdout.startsWith('--- a/x.corpus\n+++ b/x.corpus\n@@ '), dry.stdout);
  assert.match(dry.stderr, /x\.corpus:7:9 warning missing-date/, 'the report goes to the error stream, after the problems of the fixed text');
  assert.equal(fs.readFileSync(path.join(dir, 'x.corpus'), 'utf8'), broken);
  fs.writeFileSync(path.join(dir, 'fix.patch'), dry.stdout);
  const apply = spawnSync('git', ['apply', '--check', 'fix.patch'], { cwd: dir, encoding: 'utf8' });
  assert.equal(apply.status, 0, apply.stderr);
  const fix = await run(['lint', '--fix', '.'], { cwd: dir });
  assert.equal(fix.code, 0);
  assert.match(fix.stdout, /^2 problems \(0 errors, 2 warnings, 0 information, 0 hints\) in 2 files \(4 documents\); \d+ problems fixed\.$/m);
  const copy = folder({ 'x.corpus': broken });
  const git = spawnSync('git', ['apply', path.join(dir, 'fix.patch')], { cwd: copy, encoding: 'utf8' });
  assert.equal(git.status, 0, git.stderr);
  assert.equal(fs.readFileSync(path.join(copy, 'x.corpus'), 'utf8'), fs.readFileSync(path.join(dir, 'x.corpus'), 'utf8'), 'the diff gives what --fix writes');
  assert.equal(
    fs.readFileSync(path.join(dir, 'x.corpus'), 'utf8'),
    '<<<FILE a.txt>>>\n date 2024-01-05 text\n<<<END>>>\n<<<FILE a-2.txt>>>\n date 2024-12-01 x\n<<<END>>>\n<<<FILE b.txt>>>\nno date\n<<<END>>>\n',
  );
  assert.equal(fs.readFileSync(path.join(dir, 'y.corpus'), 'utf8'), NO_DATE, 'nothing to fix: untouched');
  assert.equal((await run(['lint', '--fix', '--fix-dry-run', '.'], { cwd: dir })).code, 2);
});
