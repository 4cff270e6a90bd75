// The encoding checks on the command line: `corpus lint` reports what the editor
// reports (mojibake, unnormalized-text from the text; not-utf8, binary-file from
// the bytes, one diagnostic each), `--fix` applies only the preferred fixes and
// never rewrites a file that is not UTF-8, and `corpus convert` writes UTF-8.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { main } from '../../server/src/cli/main';
import { MemoryStream } from '../../server/src/cli/io';
import { applyEdits, codeActions, computeDiagnostics, CorpusModel, DEFAULT_CONFIG } from '../../server/src';
import { FIXTURES, ROOT } from '../support/fixtures';

const CODES_DIR = path.join(FIXTURES, 'codes');

async function run(args: string[], options: { cwd?: string; stdin?: Buffer } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new MemoryStream();
  const stderr = new MemoryStream();
  const stdin = options.stdin ? Readable.from([options.stdin]) : undefined;
  const code = await main(args, { cwd: options.cwd ?? ROOT, stdout, stderr, env: {}, stdin });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

interface JsonReport {
  files: { path: string; diagnostics: { code: string; line: number; column: number; endLine: number; endColumn: number; message: string }[] }[];
}

async function lintJson(args: string[], cwd?: string): Promise<JsonReport> {
  const r = await run(['lint', '--format', 'json', ...args], { cwd });
  return JSON.parse(r.stdout) as JsonReport;
}

const temporary: string[] = [];
after(() => {
  for (const d of temporary) fs.rmSync(d, { recursive: true, force: true });
});
function copyFixtures(names: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-encoding-'));
  temporary.push(dir);
  for (const n of names) fs.copyFileSync(path.join(CODES_DIR, n), path.join(dir, n));
  return dir;
}

const FILES = [
  'mojibake.corpus',
  'mojibake.vi.corpus',
  'mojibake.ar.corpus',
  'unnormalized-text.corpus',
  'unnormalized-text.crlf.corpus',
  'not-utf8.corpus',
  'not-utf8.utf16.corpus',
  'binary-file.corpus',
];

test('corpus lint: exactly one diagnostic for each fault, the text rules as the editor computes them', async () => {
  const dir = copyFixtures(FILES);
  const report = await lintJson(['.'], dir);
  const byFile = new Map(report.files.map((f) => [f.path, f.diagnostics]));
  for (const name of FILES) {
    const got = byFile.get(name);
    assert.ok(got, name);
    const code = name.split('.')[0];
    assert.deepEqual(
      got.map((d) => d.code),
      [code],
      `${name}: ${JSON.stringify(got)}`,
    );
    if (code === 'mojibake' || code === 'unnormalized-text') {
      const model = CorpusModel.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
      const editor = computeDiagnostics(model, DEFAULT_CONFIG, undefined, { text: true });
      assert.deepEqual(
        got.map((d) => [d.line - 1, d.column - 1, d.endLine - 1, d.endColumn - 1, d.message]),
        editor.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.message]),
      );
    }
  }
  const latin = byFile.get('not-utf8.corpus')?.[0];
  assert.ok(latin && latin.line === 2 && /looks like (windows-1252|iso-8859-1) \(Western European\)/.test(latin.message), JSON.stringify(latin));
  // The Latin-1 file read as UTF-8 would give a replacement-character warning per accented letter.
  const asUtf8 = computeDiagnostics(CorpusModel.parse(fs.readFileSync(path.join(dir, 'not-utf8.corpus'), 'utf8')), DEFAULT_CONFIG);
  assert.ok(asUtf8.filter((d) => d.code === 'replacement-character').length > 5);
  const text = await run(['lint', 'binary-file.corpus'], { cwd: dir });
  assert.equal(text.code, 1);
  assert.match(text.stdout, /binary-file.corpus:1:1 error binary-file This is not a text file/);
  assert.match(text.stdout, /1 problem \(1 error/);
});

test('corpus lint -: the standard input is inspected too', async () => {
  const bytes = fs.readFileSync(path.join(CODES_DIR, 'not-utf8.corpus'));
  const r = await run(['lint', '--format', 'json', '-'], { stdin: bytes });
  const report = JSON.parse(r.stdout) as JsonReport;
  assert.deepEqual(
    report.files[0].diagnostics.map((d) => d.code),
    ['not-utf8'],
  );
  // --fix on the standard input passes a file that is not UTF-8 through untouched (as text read as UTF-8: no fix is applied).
  const fixed = await run(['lint', '--fix', '-'], { stdin: bytes });
  assert.equal(fixed.stdout, new TextDecoder('utf-8').decode(bytes));
  assert.match(fixed.stderr, /not-utf8/);
});

test('corpus lint --fix: the preferred fixes restore mojibake and write NFC; files that are not UTF-8 or not text keep their bytes', async () => {
  const dir = copyFixtures(FILES);
  const before = new Map(FILES.map((n) => [n, fs.readFileSync(path.join(dir, n))]));
  const r = await run(['lint', '--fix', '.'], { cwd: dir });
  assert.equal(r.code, 1, r.stdout + r.stderr); // the not-utf8 and binary-file errors are left
  for (const n of ['not-utf8.corpus', 'not-utf8.utf16.corpus', 'binary-file.corpus']) assert.ok(fs.readFileSync(path.join(dir, n)).equals(before.get(n) as Buffer), `${n} is untouched`);
  for (const n of ['unnormalized-text.corpus', 'unnormalized-text.crlf.corpus']) {
    const old = (before.get(n) as Buffer).toString('utf8');
    assert.equal(fs.readFileSync(path.join(dir, n), 'utf8'), old.normalize('NFC'), n);
  }
  // The French paragraph comes back as the article has it (test/fixtures/people/dev/dev/fr-01.txt).
  const article = fs.readFileSync(path.join(FIXTURES, 'people', 'dev', 'dev', 'fr-01.txt'), 'utf8');
  const fixedFr = fs.readFileSync(path.join(dir, 'mojibake.corpus'), 'utf8').split('\n')[2];
  assert.ok(article.includes(fixedFr), fixedFr);
  const again = await lintJson(['.'], dir);
  // The two NFD fixtures hold one article (LF and CRLF): once both are NFC, each file reports the other as its copy.
  assert.deepEqual(again.files.flatMap((f) => f.diagnostics.map((d) => d.code)).sort(), ['binary-file', 'duplicate-document', 'duplicate-document', 'not-utf8', 'not-utf8']);
});

test('corpus convert --from: a UTF-8 copy that lints clean; refuses to overwrite its input and unknown charsets', async () => {
  const dir = copyFixtures(['not-utf8.corpus', 'not-utf8.utf16.corpus']);
  const out = await run(['convert', '--from', 'windows-1252', 'not-utf8.corpus'], { cwd: dir });
  assert.equal(out.code, 0, out.stderr);
  assert.equal(out.stdout, iconv.decode(fs.readFileSync(path.join(dir, 'not-utf8.corpus')), 'windows-1252'));
  assert.match(out.stdout, /aprovechó un rebote en el área/);
  const written = await run(['convert', '--from', 'utf-16le', 'not-utf8.utf16.corpus', '-o', 'vi.corpus'], { cwd: dir });
  assert.equal(written.code, 0, written.stderr);
  assert.match(written.stderr, /wrote vi\.corpus \(UTF-8, from utf-16le\)/);
  const vi = fs.readFileSync(path.join(dir, 'vi.corpus'), 'utf8');
  assert.ok(vi.startsWith('<<<FILE to-lam.txt'), 'the byte-order mark is dropped');
  assert.match(vi, /Tổng Bí thư/);
  assert.deepEqual(
    (await lintJson(['vi.corpus'], dir)).files[0].diagnostics.filter((d) => d.code !== 'date-mismatch'),
    [],
  );
  const same = await run(['convert', '--from', 'latin1', 'not-utf8.corpus', '-o', 'not-utf8.corpus'], { cwd: dir });
  assert.equal(same.code, 2);
  assert.match(same.stderr, /never|input file/);
  const unknown = await run(['convert', '--from', 'klingon-8', 'not-utf8.corpus'], { cwd: dir });
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /not known/);
  const help = await run(['convert', '--help']);
  assert.match(help.stdout, /--from <charset>/);
});

test('corpus lint --fix leaves an uncertain mojibake line alone; the editor still offers its fix, not preferred', async () => {
  // One certain span (â€™) and two that have no evidence of their own (Ã© and Ã¨ between spaces).
  const line = 'Il a dit \u00e2\u20ac\u2122 et \u00c3\u00a9 puis \u00c3\u00a8 ici.';
  const text = `<<<FILE a.txt date=2024-12-01>>>\n${line}\n`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-encoding-'));
  temporary.push(dir);
  fs.writeFileSync(path.join(dir, 'a.corpus'), text);
  const r = await run(['lint', '--fix', 'a.corpus'], { cwd: dir });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(fs.readFileSync(path.join(dir, 'a.corpus'), 'utf8'), text);
  assert.match(r.stdout, /warning mojibake .*check it, as some spans are not certain/);
  const model = CorpusModel.parse(text);
  const [d] = computeDiagnostics(model, DEFAULT_CONFIG);
  const actions = codeActions(model, DEFAULT_CONFIG, d.range).filter((a) => a.diagnostic?.code === 'mojibake');
  assert.equal(actions.length, 1);
  assert.equal(actions[0].isPreferred, false);
  assert.equal(applyEdits(model, actions[0].edits), '<<<FILE a.txt date=2024-12-01>>>\nIl a dit ’ et é puis è ici.\n');
});
