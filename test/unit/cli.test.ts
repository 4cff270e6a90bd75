// The `corpus` command, run in-process through its main function (in-memory
// streams, temporary folders): every command, format and exit code.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { main } from '../../server/src/cli/main';
import { MemoryStream } from '../../server/src/cli/io';
import { computeDiagnostics, ConfigResolver, CorpusModel } from '../../server/src';
import { nodeFileSystem, pathToUri } from '../../server/src/node/fileSystem';
import { FIXTURES, ROOT, SEEDS } from '../support/fixtures';

const CLI_FIXTURES = path.join(FIXTURES, 'cli');
const SEEDS_CORPUS = path.join(SEEDS, 'seeds.corpus');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], options: { cwd?: string; tty?: boolean; env?: Record<string, string> } = {}): Promise<Run> {
  const stdout = new MemoryStream(options.tty ?? false);
  const stderr = new MemoryStream(options.tty ?? false);
  const code = await main(args, { cwd: options.cwd ?? ROOT, stdout, stderr, env: options.env ?? {} });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Temporary folders of the tests, removed when the file's tests are done. */
const temporary: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-cli-'));
  temporary.push(dir);
  return dir;
}

after(() => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

// ---- lint ----

test('lint the seeds: the three missing dates and the partial date, exit 0, a summary line', async () => {
  const r = await run(['lint', SEEDS_CORPUS]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  const problems = lines.slice(0, -1).map((l) => /^(.+):(\d+):(\d+) (\w+) ([a-z-]+) /.exec(l)?.slice(2, 6).join(' '));
  assert.deepEqual(problems, ['22 7 information partial-date', '47 9 warning missing-date', '68 9 warning missing-date', '81 9 warning missing-date']);
  // Shown relative to the current folder when inside it, else absolute.
  const shown = path.relative(ROOT, SEEDS_CORPUS).startsWith('..') ? SEEDS_CORPUS : path.relative(ROOT, SEEDS_CORPUS);
  assert.ok(lines.every((l, i) => i === lines.length - 1 || l.startsWith(`${shown}:`)));
  assert.equal(lines[lines.length - 1], '4 problems (0 errors, 3 warnings, 1 information, 0 hints) in 1 file (5 documents).');
  assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colour when not on a terminal');
});

test('lint: an invalid file exits 1; a missing file or a bad option exits 2', async () => {
  const bad = await run(['lint', 'test/fixtures/cli/invalid/broken.corpus']);
  assert.equal(bad.code, 1);
  assert.match(bad.stdout, /^test\/fixtures\/cli\/invalid\/broken\.corpus:1:1 error text-outside-document /m);
  assert.match(bad.stdout, /:4:1 error malformed-header /);
  assert.match(bad.stdout, /:7:1 error stray-end /);
  assert.match(bad.stdout, /\(3 errors,/);
  const missing = await run(['lint', 'no/such.corpus']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no\/such\.corpus: no such file or folder/);
  const option = await run(['lint', '--format', 'xml', SEEDS_CORPUS]);
  assert.equal(option.code, 2);
  assert.match(option.stderr, /Allowed choices are text, json, sarif/);
  assert.equal((await run(['lint', '--max-warnings', 'many'])).code, 2);
  assert.equal((await run(['frobnicate'])).code, 2);
  assert.equal((await run([])).code, 2);
  const help = await run(['lint', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Exit codes: 0 no errors/);
  assert.equal((await run(['--version'])).stdout.trim(), JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
});

test('lint --max-warnings: more warnings than allowed exits 1', async () => {
  assert.equal((await run(['lint', SEEDS_CORPUS, '--max-warnings', '3'])).code, 0);
  const over = await run(['lint', SEEDS_CORPUS, '--max-warnings', '2']);
  assert.equal(over.code, 1);
  assert.match(over.stderr, /3 warnings, more than --max-warnings 2/);
});

test('lint reads .corpusrc.json as the editor does: the same problems as the language service', async () => {
  const file = path.join(CLI_FIXTURES, 'configured', 'news.corpus');
  const r = await run(['lint', '--format', 'json', file]);
  const report = JSON.parse(r.stdout) as {
    files: { path: string; diagnostics: { code: string; severity: string; message: string; range: unknown; related?: unknown }[] }[];
    summary: Record<string, number>;
  };
  // The editor's path: the same resolver over the file's absolute path, the whole-text model.
  const resolver = new ConfigResolver(nodeFileSystem);
  const expected = computeDiagnostics(CorpusModel.parse(fs.readFileSync(file, 'utf8')), (await resolver.resolve(pathToUri(file))).config);
  const got = report.files[0].diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range, ...(d.related ? { related: d.related } : {}) }));
  assert.deepEqual(
    got,
    expected.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range, ...(d.related ? { related: d.related } : {}) })),
  );
  // The configuration mattered: no missing-date, partial-date raised to error, `author` allowed, `section` a warning.
  const codes = got.map((d) => `${d.severity} ${d.code}`);
  assert.ok(!codes.some((c) => c.endsWith('missing-date')));
  assert.ok(codes.includes('error partial-date'));
  assert.ok(codes.includes('warning unknown-attribute'));
  assert.equal(got.filter((d) => d.code === 'unknown-attribute').length, 1);
  assert.equal(r.code, 1);
  assert.deepEqual(report.summary, { files: 1, documents: 3, errors: 2, warnings: 2, information: 0, hints: 0 });
});

test('lint reports a broken .corpusrc.json once, as invalid-config, and applies the defaults', async () => {
  const r = await run(['lint', 'test/fixtures/cli/bad-config']);
  assert.match(r.stdout, /^test\/fixtures\/cli\/bad-config\/\.corpusrc\.json:1:\d+ error invalid-config A comma after the last entry is not allowed in JSON\. Remove this comma\./m);
  assert.match(r.stdout, /\.corpusrc\.json:1:\d+ error invalid-config "rules" must be an object/);
  assert.match(r.stdout, /news\.corpus:1:9 warning missing-date/);
  assert.equal(r.code, 1);
});

test("lint --outline prints each file's documents as the outline shows them", async () => {
  const r = await run(['lint', '--outline', SEEDS_CORPUS]);
  assert.match(r.stdout, /seeds\.corpus: 5 documents\n {2}000_49243bdc0dd67178\.txt {2}\(2024-12-12 · HÀ NỘI — State President/);
  assert.match(r.stdout, / {2}004_b79afbb6f32da4f5\.txt {2}\(no date · في السادس/);
});

test('lint with no argument checks every *.corpus below the current folder, skipping node_modules and .git; globs work', async () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'node_modules', 'x'), { recursive: true });
  fs.mkdirSync(path.join(dir, '.git'));
  fs.copyFileSync(SEEDS_CORPUS, path.join(dir, 'a', 'b', 'one.corpus'));
  fs.writeFileSync(path.join(dir, 'two.corpus'), '<<<FILE x>>>\n date 2024-01-01 ok\n');
  fs.writeFileSync(path.join(dir, 'node_modules', 'x', 'bad.corpus'), 'junk\n');
  fs.writeFileSync(path.join(dir, '.git', 'bad.corpus'), 'junk\n');
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'junk\n');
  const r = await run(['lint'], { cwd: dir });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /in 2 files \(6 documents\)/);
  assert.match(r.stdout, new RegExp(`^${path.join('a', 'b', 'one.corpus')}:47:9 `, 'm'));
  const g = await run(['lint', 'a/**/*.corpus'], { cwd: dir });
  assert.match(g.stdout, /in 1 file \(5 documents\)/);
  assert.equal((await run(['lint', 'nothing/**/*.corpus'], { cwd: dir })).code, 2);
  fs.mkdirSync(path.join(dir, 'empty'));
  // Nothing to check is a failure (exit 2), as in other linters: a mistyped folder must not pass CI.
  const none = await run(['lint'], { cwd: path.join(dir, 'empty') });
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no corpus file found in this folder/);
});

test('lint --format json: valid JSON with 1-based positions and a summary', async () => {
  const r = await run(['lint', '--format', 'json', SEEDS_CORPUS, 'test/fixtures/cli/invalid/broken.corpus']);
  assert.equal(r.code, 1);
  const report = JSON.parse(r.stdout) as { version: number; files: { path: string; diagnostics: { line: number; column: number; code: string }[] }[]; summary: { errors: number; files: number } };
  assert.equal(report.files.length, 2);
  assert.deepEqual(
    report.files[0].diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`),
    ['22:7 partial-date', '47:9 missing-date', '68:9 missing-date', '81:9 missing-date'],
  );
  assert.equal(report.summary.errors, 3);
  assert.match(r.stderr, /problems/, 'the summary goes to the error stream so the standard output stays JSON');
});

test('lint --format sarif: valid SARIF 2.1.0 (checked against the schema), relative locations, levels', async () => {
  const schema = JSON.parse(fs.readFileSync(path.join(CLI_FIXTURES, 'sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<string, unknown>;
  // The schema is draft-04; Ajv 8 reads it once its draft-04 keywords are renamed.
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  for (const args of [[SEEDS_CORPUS, 'test/fixtures/cli/invalid/broken.corpus', 'test/fixtures/cli/configured'], ['test/fixtures/cli/bad-config'], ['no/such.corpus']]) {
    const r = await run(['lint', '--format', 'sarif', ...args]);
    const log = JSON.parse(r.stdout) as {
      version: string;
      runs: {
        results: {
          ruleId: string;
          level: string;
          locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } } }[];
          relatedLocations?: unknown[];
        }[];
        invocations: { executionSuccessful: boolean }[];
      }[];
    };
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
    assert.equal(log.version, '2.1.0');
    if (args[0] === 'no/such.corpus') {
      assert.equal(r.code, 2);
      assert.equal(log.runs[0].invocations[0].executionSuccessful, false);
    }
  }
  const r = await run(['lint', '--format', 'sarif', 'test/fixtures/cli/configured/news.corpus', 'test/fixtures/cli/invalid']);
  const results = (
    JSON.parse(r.stdout) as {
      runs: {
        results: {
          ruleId: string;
          level: string;
          locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } } }[];
          relatedLocations?: unknown[];
        }[];
      }[];
    }
  ).runs[0].results;
  const dup = results.find((x) => x.ruleId === 'duplicate-name');
  assert.ok(dup && dup.relatedLocations?.length === 1);
  assert.deepEqual(dup.locations[0].physicalLocation.artifactLocation, { uri: 'test/fixtures/cli/configured/news.corpus', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(dup.locations[0].physicalLocation.region, { startLine: 5, startColumn: 9, endLine: 5, endColumn: 14 });
  assert.ok(results.some((x) => x.ruleId === 'stray-end' && x.level === 'error'));
  assert.ok(results.some((x) => x.ruleId === 'unknown-attribute' && x.level === 'warning'));
});

test('lint -o writes the report to a file', async () => {
  const dir = tempDir();
  const out = path.join(dir, 'report.sarif');
  const r = await run(['lint', '--format', 'sarif', '-o', out, SEEDS_CORPUS]);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, '');
  assert.equal((JSON.parse(fs.readFileSync(out, 'utf8')) as { runs: { results: unknown[] }[] }).runs[0].results.length, 4);
  assert.equal((await run(['lint', '-o', path.join(dir, 'no', 'such', 'dir', 'r.txt'), SEEDS_CORPUS])).code, 2);
});

test('colour and progress appear on a terminal only (or when asked)', async () => {
  const tty = await run(['lint', SEEDS_CORPUS], { tty: true });
  assert.match(tty.stdout, /\u001b\[33mwarning\u001b\[0m/);
  assert.doesNotMatch((await run(['lint', SEEDS_CORPUS], { tty: true, env: { NO_COLOR: '1' } })).stdout, /\u001b\[/);
  assert.match((await run(['lint', '--color', SEEDS_CORPUS])).stdout, /\u001b\[/);
  assert.doesNotMatch((await run(['lint', '--no-color', SEEDS_CORPUS], { tty: true })).stdout, /\u001b\[/);
  const piped = await run(['lint', SEEDS_CORPUS]);
  assert.equal(piped.stderr, '', 'no progress bar when piped');
});

test('the problem matcher in package.json reads the text lines', async () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { problemMatchers: { name: string; owner: string; pattern: { regexp: string; file: number; line: number; column: number; severity: number; code: number; message: number } }[] };
  };
  const m = pkg.contributes.problemMatchers.find((x) => x.name === 'corpus');
  assert.ok(m);
  assert.equal(m.owner, 'corpus-cli', "its own owner: sharing the language client's collection name let the client clear the task's problems");
  const re = new RegExp(m.pattern.regexp);
  const r = await run(['lint', 'test/fixtures/cli/invalid/broken.corpus', 'test/fixtures/cli/configured']);
  const lines = r.stdout.trim().split('\n').slice(0, -1);
  assert.ok(lines.length >= 6);
  const severities = new Set<string>();
  for (const line of lines) {
    const g = re.exec(line);
    assert.ok(g, line);
    assert.match(g[m.pattern.file], /\.corpus$/);
    assert.ok(Number(g[m.pattern.line]) >= 1 && Number(g[m.pattern.column]) >= 1);
    assert.match(g[m.pattern.code], /^[a-z-]+$/);
    assert.ok(g[m.pattern.message].length > 10);
    severities.add(g[m.pattern.severity]);
  }
  // VS Code knows error, warning and info: "information" is read as "info".
  assert.ok(
    [...severities].every((s) => ['error', 'warning', 'info', 'hint'].includes(s)),
    [...severities].join(),
  );
  assert.equal(re.exec('x.corpus:1:2 information partial-date The date line gives only the month.')?.[m.pattern.severity], 'info');
});

// ---- pack / unpack ----

const SEED_FILES = fs
  .readdirSync(SEEDS)
  .filter((f) => /^00.*\.txt$/.test(f))
  .sort();

test('pack the five seed articles one by one, unpack them: byte for byte, base names', async () => {
  const dir = tempDir();
  const p = await run(['pack', ...SEED_FILES.map((f) => path.join(SEEDS, f)), '-o', 'x.corpus'], { cwd: dir });
  assert.equal(p.code, 0, p.stderr);
  assert.match(p.stdout, /Packed 5 files into x\.corpus/);
  const corpus = fs.readFileSync(path.join(dir, 'x.corpus'), 'utf8');
  assert.deepEqual(
    [...corpus.matchAll(/^<<<FILE (.*)>>>$/gm)].map((m) => m[1]),
    SEED_FILES,
  );
  const u = await run(['unpack', 'x.corpus', '-o', 'y'], { cwd: dir });
  assert.equal(u.code, 0, u.stderr);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'y')).sort(), SEED_FILES);
  for (const f of SEED_FILES) assert.ok(fs.readFileSync(path.join(dir, 'y', f)).equals(fs.readFileSync(path.join(SEEDS, f))), f);
  // The packed corpus lints like the seeds corpus.
  const l = await run(['lint', 'x.corpus'], { cwd: dir });
  assert.equal(l.code, 0);
  assert.match(l.stdout, /3 warnings, 1 information/);
});

test('pack a folder: names relative to it, sub-folders and spaces (quoted), stable order; unpack restores the tree', async () => {
  const dir = tempDir();
  const src = path.join(dir, 'src');
  fs.mkdirSync(path.join(src, 'sub dir'), { recursive: true });
  fs.mkdirSync(path.join(src, '.hidden'));
  const files: Record<string, Buffer> = {
    'b.txt': Buffer.from('crlf\r\ntext\r\n'),
    'a.txt': Buffer.from(''),
    'sub dir/Tô Lâm.txt': Buffer.from('\ufeffends with CR\r', 'utf8'),
    'sub dir/z.txt': Buffer.from(' date 2024-12-12 Le président a visité le ministère et les équipes du secteur des affaires.'),
  };
  for (const [name, data] of Object.entries(files)) fs.writeFileSync(path.join(src, ...name.split('/')), data);
  fs.writeFileSync(path.join(src, '.hidden', 'skip.txt'), 'not packed');
  fs.writeFileSync(path.join(src, '.DS_Store'), 'not packed');
  assert.equal((await run(['pack', 'src', '-o', 'out.corpus'], { cwd: dir })).code, 0);
  const corpus = fs.readFileSync(path.join(dir, 'out.corpus'), 'utf8');
  assert.deepEqual(
    corpus.split('\n').filter((l) => l.startsWith('<<<FILE')),
    ['<<<FILE a.txt>>>', '<<<FILE b.txt>>>', '<<<FILE "sub dir/Tô Lâm.txt">>>', '<<<FILE "sub dir/z.txt">>>'],
  );
  // Packing again refuses to replace the output, unless --force.
  assert.equal((await run(['pack', 'src', '-o', 'out.corpus'], { cwd: dir })).code, 2);
  assert.equal((await run(['pack', 'src', '-o', 'out.corpus', '--force'], { cwd: dir })).code, 0);
  assert.equal((await run(['unpack', 'out.corpus', '-o', 'back'], { cwd: dir })).code, 0);
  for (const [name, data] of Object.entries(files)) assert.ok(fs.readFileSync(path.join(dir, 'back', ...name.split('/'))).equals(data), name);
  assert.ok(!fs.existsSync(path.join(dir, 'back', '.hidden')));
  // --lang and --lift-date change the headers (and say that the bytes change).
  const l = await run(['pack', 'src', '-o', 'lang.corpus', '--lang', '--lift-date'], { cwd: dir });
  assert.equal(l.code, 0);
  assert.match(l.stdout, /cannot give back|without their first-line dates/);
  assert.match(fs.readFileSync(path.join(dir, 'lang.corpus'), 'utf8'), /^<<<FILE "sub dir\/z\.txt" date=2024-12-12 lang=fr>>>\nLe président/m);
});

test('pack refuses a corpus inside a corpus, header-like lines, duplicate names, non-UTF-8 files', async () => {
  const dir = tempDir();
  const f = path.join(dir, 'folder');
  fs.mkdirSync(f);
  fs.copyFileSync(path.join(SEEDS, SEED_FILES[0]), path.join(f, 'a.txt'));
  fs.copyFileSync(SEEDS_CORPUS, path.join(f, 'old.corpus'));
  const inner = await run(['pack', 'folder', '-o', 'x.corpus'], { cwd: dir });
  assert.equal(inner.code, 1);
  assert.match(inner.stderr, /old\.corpus is itself a corpus file/);
  assert.ok(!fs.existsSync(path.join(dir, 'x.corpus')));
  const seeds = await run(['pack', SEEDS, '-o', 'x.corpus'], { cwd: dir });
  assert.equal(seeds.code, 1);
  assert.match(seeds.stderr, /seeds\.corpus is itself a corpus file/);

  fs.writeFileSync(path.join(dir, 'near.txt'), 'first line\r\n <<<FILE x>>>\r\n');
  const near = await run(['pack', 'near.txt', path.join(SEEDS, SEED_FILES[0]), '-o', 'n.corpus'], { cwd: dir });
  assert.equal(near.code, 1);
  assert.match(near.stderr, /near\.txt, line 2: this line would be read as a header line/);
  assert.ok(!fs.existsSync(path.join(dir, 'n.corpus')), 'no half-written corpus');
  assert.deepEqual(
    fs.readdirSync(dir).filter((n) => n.endsWith('.tmp')),
    [],
  );

  fs.mkdirSync(path.join(dir, 'other'));
  fs.writeFileSync(path.join(dir, 'other', 'near.txt'), 'x');
  const dup = await run(['pack', 'near.txt', 'other/near.txt', '-o', 'd.corpus'], { cwd: dir });
  assert.equal(dup.code, 1);
  assert.match(dup.stderr, /Two files would both be named "near\.txt"/);

  fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
  const enc = await run(['pack', 'latin1.txt', '-o', 'e.corpus'], { cwd: dir });
  assert.equal(enc.code, 1);
  assert.match(enc.stderr, /latin1\.txt is not UTF-8 text/);

  assert.equal((await run(['pack', 'missing.txt', '-o', 'm.corpus'], { cwd: dir })).code, 2);
  assert.equal((await run(['pack', 'near.txt'], { cwd: dir })).code, 2, '-o is required');
});

test('unpack refuses names that escape the folder, writes nothing, and does not overwrite without --force', async () => {
  const dir = tempDir();
  const cases: [string, RegExp][] = [
    ['<<<FILE ../evil.txt>>>\nx\n', /goes up a folder/],
    ['<<<FILE /etc/evil.txt>>>\nx\n', /absolute path/],
    ['<<<FILE "a/../../evil.txt">>>\nx\n', /goes up a folder/],
    ['<<<FILE ok.txt>>>\nx\n<<<FILE C:\\evil.txt>>>\ny\n', /drive letter/],
    ['<<<FILE ok.txt>>>\nx\n<<<FILE ok.txt>>>\ny\n', /Two documents are named "ok\.txt"/],
    ['<<<FILE a>>>\nx\n<<<FILE a/b>>>\ny\n', /both a document and the folder/],
    ['text outside\n<<<FILE ok.txt>>>\nx\n', /structural problem/],
    ['<<<file ok.txt>>>\nx\n', /malformed-header/],
  ];
  for (const [text, why] of cases) {
    fs.writeFileSync(path.join(dir, 'in.corpus'), text);
    const r = await run(['unpack', 'in.corpus', '-o', 'out'], { cwd: dir });
    assert.equal(r.code, 1, text);
    assert.match(r.stderr, why);
    assert.ok(!fs.existsSync(path.join(dir, 'out')), `nothing written for ${JSON.stringify(text)}`);
    assert.ok(!fs.existsSync(path.join(dir, 'evil.txt')) && !fs.existsSync('/etc/evil.txt'));
  }
  // A link inside the target folder that points elsewhere is not followed.
  const outside = path.join(dir, 'outside');
  fs.mkdirSync(outside);
  fs.mkdirSync(path.join(dir, 'target'));
  fs.symlinkSync(outside, path.join(dir, 'target', 'link'));
  fs.writeFileSync(path.join(dir, 'in.corpus'), '<<<FILE link/x.txt>>>\nx\n');
  const link = await run(['unpack', 'in.corpus', '-o', 'target'], { cwd: dir });
  assert.equal(link.code, 1);
  assert.match(link.stderr, /is a link/);
  assert.deepEqual(fs.readdirSync(outside), []);
  // Existing files: refused without --force (nothing written), replaced with it.
  fs.writeFileSync(path.join(dir, 'in.corpus'), '<<<FILE a.txt>>>\nnew a\n<<<FILE b.txt>>>\nnew b\n');
  fs.mkdirSync(path.join(dir, 'existing'));
  fs.writeFileSync(path.join(dir, 'existing', 'b.txt'), 'old b');
  const keep = await run(['unpack', 'in.corpus', '-o', 'existing'], { cwd: dir });
  assert.equal(keep.code, 2);
  assert.match(keep.stderr, /1 file already exists .*"b\.txt".*--force/);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'existing')), ['b.txt']);
  assert.equal(fs.readFileSync(path.join(dir, 'existing', 'b.txt'), 'utf8'), 'old b');
  assert.equal((await run(['unpack', 'in.corpus', '-o', 'existing', '--force'], { cwd: dir })).code, 0);
  assert.equal(fs.readFileSync(path.join(dir, 'existing', 'b.txt'), 'utf8'), 'new b');
  assert.equal((await run(['unpack', 'nope.corpus', '-o', 'x'], { cwd: dir })).code, 2);
});

test('property: files packed and unpacked through the command come back byte for byte', async () => {
  // A fixed pseudo-random generator: varied contents (line breaks of every kind, final CR, empty, BOM).
  let seed = 12345;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const pieces = ['a', 'é', 'Lương', 'ﻉ', '👋', ' ', '\t', '\n', '\r\n', '\r', '<<', ' date 2024-01-01', '\ufeff', '\u0001'];
  for (let round = 0; round < 15; round++) {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'in'));
    const made: Record<string, Buffer> = {};
    const count = 1 + rnd(5);
    for (let i = 0; i < count; i++) {
      let text = '';
      const len = rnd(20);
      for (let k = 0; k < len; k++) text += pieces[rnd(pieces.length)];
      const name = `f${i}.txt`;
      made[name] = Buffer.from(text, 'utf8');
      fs.writeFileSync(path.join(dir, 'in', name), made[name]);
    }
    assert.equal((await run(['pack', 'in', '-o', 'p.corpus'], { cwd: dir })).code, 0);
    const u = await run(['unpack', 'p.corpus', '-o', 'out'], { cwd: dir });
    assert.equal(u.code, 0, u.stderr);
    for (const [name, data] of Object.entries(made)) assert.ok(fs.readFileSync(path.join(dir, 'out', name)).equals(data), `${name}: ${JSON.stringify(data.toString())}`);
  }
});

// ---- stats ----

test('stats: documents, dates, languages and sizes (text and JSON)', async () => {
  const t = await run(['stats', SEEDS_CORPUS]);
  assert.equal(t.code, 0);
  assert.match(t.stdout, /documents: {2}5\n/);
  assert.match(t.stdout, /2 dated \(40%\): 1 to the day, 1 to the month, 0 to the year; 3 missing, 0 invalid/);
  assert.match(t.stdout, /date range: 2024-12 to 2024-12-12/);
  assert.match(t.stdout, /languages: {2}none \(from lang=\); from the text: en 2, fr 2, ar 1\n {14}5 without lang= \(en 2, fr 2, ar 1\)\n/);
  const j = await run(['stats', '--json', SEEDS_CORPUS, 'test/fixtures/cli/configured']);
  const data = JSON.parse(j.stdout) as {
    files: { documents: number; bytes: number; dates: { day: number; month: number; invalid: number }; languages: Record<string, number>; characters: { total: number } }[];
  };
  assert.equal(data.files.length, 2);
  assert.equal(data.files[0].bytes, fs.statSync(SEEDS_CORPUS).size);
  assert.equal(data.files[0].characters.total, fs.readFileSync(SEEDS_CORPUS, 'utf8').length);
  assert.deepEqual(data.files[1].dates.invalid, 1);
  assert.equal((await run(['stats', 'no/such'])).code, 2);
});

// ---- people ----

test('people: the detected people with spellings and counts (text and JSON), people files marking the known ones', async () => {
  const dir = tempDir();
  fs.copyFileSync(SEEDS_CORPUS, path.join(dir, 'seeds.corpus'));
  const t = await run(['people', 'seeds.corpus'], { cwd: dir });
  assert.equal(t.code, 0, t.stderr);
  assert.match(t.stdout, /^Lương Cường: \d+ mentions in \d+ documents$/m);
  assert.match(t.stdout, /\n\d+ people in 5 documents; no people file in \. \(every \*\.people\.json of the project is read, or the "people" of \.corpusrc\.json\)\.\n$/);
  const j = await run(['people', '--json', 'seeds.corpus'], { cwd: dir });
  const data = JSON.parse(j.stdout) as {
    documents: number;
    people: { name: string; known: boolean; mentions: number; spellings: { text: string; count: number }[]; documents: { file: string; name: string; count: number }[] }[];
  };
  assert.equal(data.documents, 5);
  const cuong = data.people.find((p) => p.name === 'Lương Cường');
  assert.ok(cuong && !cuong.known);
  assert.equal(
    cuong.mentions,
    cuong.spellings.reduce((n, s) => n + s.count, 0),
  );
  assert.equal(
    cuong.mentions,
    cuong.documents.reduce((n, d) => n + d.count, 0),
  );
  assert.ok(cuong.documents.every((d) => d.file === 'seeds.corpus' && /^00\d_/.test(d.name)));
  // A people file found in the folder makes a person known.
  fs.writeFileSync(path.join(dir, 'team.people.json'), JSON.stringify({ people: [{ name: 'Tô Lâm', aliases: ['To Lam'], description: 'General Secretary' }] }));
  const k = JSON.parse((await run(['people', '--json', '--min', '1'], { cwd: dir })).stdout) as { people: { name: string; known: boolean; description?: string }[] };
  const lam = k.people.find((p) => p.name === 'Tô Lâm');
  assert.ok(lam && lam.known && lam.description === 'General Secretary');
  const many = JSON.parse((await run(['people', '--json', '--min', '1000'], { cwd: dir })).stdout) as { people: unknown[] };
  assert.deepEqual(many.people, []);
  assert.equal((await run(['people', 'none.corpus'], { cwd: dir })).code, 2);
});

test('people: a spelling the people file lists in notPeople is not a person; one it lists as a person is', async () => {
  const dir = tempDir();
  // dev/vi-20 of the people development set: the name pass takes the commune of "vụ án Đồng Tâm" (the Đồng Tâm case) for a person
  fs.writeFileSync(
    path.join(dir, 'vi20.corpus'),
    '<<<FILE vi-20.txt date=2020-09-14 lang=vi>>>\nTheo dự kiến, 15 giờ ngà 14/9, HĐXX phiên tòa sơ thẩm vụ án Đồng Tâm sẽ tuyên án 29 bị cáo. Các bị cáo Lê Đình Công, Lê Đình Chức bị đề nghị mức án Tử hình.\nCác bị cáo trong phiên xét xử sơ thẩm vụ Đồng Tâm. (Ảnh: Hùng Anh)\n',
  );
  const names = async () => (JSON.parse((await run(['people', '--json', 'vi20.corpus'], { cwd: dir })).stdout) as { people: { name: string; known: boolean }[] }).people;
  assert.ok((await names()).some((p) => p.name === 'Đồng Tâm'));
  fs.writeFileSync(path.join(dir, 'team.people.json'), JSON.stringify({ people: [{ name: 'Lê Đình Chức' }], notPeople: ['đồng tâm'] }));
  const after = await names();
  assert.ok(!after.some((p) => p.name === 'Đồng Tâm'), 'listed in lower case, still matched');
  assert.ok(after.some((p) => p.name === 'Lê Đình Công' && !p.known));
  assert.ok(after.some((p) => p.name === 'Lê Đình Chức' && p.known));
});

test('people: counts the people found, names the people files used, and gives the same answer from any folder', async () => {
  const dir = tempDir();
  const project = path.join(dir, 'project');
  fs.mkdirSync(path.join(project, 'news'), { recursive: true });
  fs.mkdirSync(path.join(project, '.git'));
  fs.copyFileSync(SEEDS_CORPUS, path.join(project, 'news', 'seeds.corpus'));
  // One entry found in the corpus, one not: the count is of the people found.
  fs.writeFileSync(path.join(project, 'team.people.json'), JSON.stringify({ people: [{ name: 'Lương Cường', aliases: ['Luong Cuong'] }, { name: 'Nobody Here' }, { name: 'Another Absent' }] }));
  // A people file outside the project (above its .git) is never read.
  fs.writeFileSync(path.join(dir, 'outside.people.json'), JSON.stringify({ people: [{ name: 'Tô Lâm', aliases: ['To Lam'] }] }));
  const fromNews = await run(['people', 'seeds.corpus'], { cwd: path.join(project, 'news') });
  const fromProject = await run(['people', 'news'], { cwd: project });
  const fromAbove = await run(['people', path.join('project', 'news', 'seeds.corpus')], { cwd: dir });
  const last = (r: Run): string => r.stdout.trim().split('\n').pop() ?? '';
  assert.match(last(fromNews), /^(\d+) people in 5 documents; 1 of them listed in the people file \/.*\/project\/team\.people\.json\.$/);
  assert.match(last(fromProject), /; 1 of them listed in the people file team\.people\.json\.$/);
  assert.match(last(fromAbove), /; 1 of them listed in the people file project\/team\.people\.json\.$/);
  const count = (r: Run): string => /^(\d+) people/.exec(last(r))?.[1] ?? '';
  assert.equal(count(fromNews), count(fromProject));
  assert.equal(count(fromNews), count(fromAbove));
  assert.ok(!fromAbove.stdout.includes('Tô Lâm (people file)'));
  const json = JSON.parse((await run(['people', '--json', 'news'], { cwd: project })).stdout) as { peopleFiles: string[] };
  assert.deepEqual(json.peopleFiles, ['team.people.json']);
});
