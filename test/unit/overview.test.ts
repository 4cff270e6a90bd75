// The corpus overview ("Corpus: Show Overview", `corpus stats --html`): what the
// service builds from an open file, that the command line builds the same from the
// stream, and the self-contained report (its policy, its data, its escaping).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createLanguageService, CorpusModel, DEFAULT_CONFIG, OpenDocuments, OverviewBuilder, parsePeopleFile } from '../../server/src';
import type { OverviewData } from '../../server/src';
import { main } from '../../server/src/cli/main';
import { MemoryStream } from '../../server/src/cli/io';
import { overviewHtml, overviewOf } from '../../server/src/cli/report';
import { memoryFileSystem } from '../support/memoryFileSystem';
import { FIXTURES, ROOT } from '../support/fixtures';

const FIXTURE = path.join(FIXTURES, 'overview', 'overview.corpus');
const TEXT = fs.readFileSync(FIXTURE, 'utf8');
const URI = 'file:///w/overview.corpus';

const temporary: string[] = [];
after(() => {
  for (const d of temporary) fs.rmSync(d, { recursive: true, force: true });
});

async function editorOverview(text = TEXT, files: Record<string, string> = {}): Promise<OverviewData> {
  const models = new Map<string, CorpusModel>([[URI, CorpusModel.parse(text)]]);
  const documents: OpenDocuments = { get: (u) => models.get(u), uris: () => models.keys() };
  const service = createLanguageService({ fileSystem: memoryFileSystem(files), documents });
  service.setWorkspaceFolders(['file:///w']);
  await service.start();
  service.documentOpened(URI);
  const data = service.overview(URI, DEFAULT_CONFIG);
  assert.ok(data);
  return data;
}

test('overview: each document with its date, language and length; undated, invalid and year-only dates told apart', async () => {
  const data = await editorOverview();
  assert.deepEqual(data.files, [{ name: 'overview.corpus', uri: URI }]);
  assert.deepEqual(
    data.documents.map((d) => [d.name, d.line, d.date ?? (d.badDate ? 'bad' : '-'), d.lang ?? '-']),
    [
      ['a.txt', 0, '2024-01-15', 'en'],
      ['b.txt', 3, '2024-01-20', 'en'],
      ['c.txt', 5, '2024-03-02', 'fr'],
      ['d.txt', 7, '-', 'fr'],
      ['e.txt', 9, 'bad', '-'],
      ['f.txt', 11, '2023', '-'],
      ['a.txt', 13, '2024-03-09', '-'],
    ],
  );
  // The body's characters: header and its line break excluded.
  const lines = TEXT.split('\n');
  assert.equal(data.documents[0].chars, lines[1].length + 1 + lines[2].length + 1);
});

test('overview: problems by code, with the documents that have them', async () => {
  const data = await editorOverview();
  const byCode = Object.fromEntries(data.problems.map((p) => [p.code, { count: p.count, docs: p.documents }]));
  assert.deepEqual(byCode['missing-date'], { count: 1, docs: [3] });
  assert.deepEqual(byCode['invalid-date'], { count: 1, docs: [4] });
  assert.deepEqual(byCode['partial-date'], { count: 1, docs: [5] });
  assert.deepEqual(byCode['duplicate-name'], { count: 1, docs: [6] });
  // Most frequent first, then by code.
  const counts = data.problems.map((p) => p.count);
  assert.deepEqual(
    counts,
    [...counts].sort((a, b) => b - a),
  );
});

test('overview: the most-named people with the documents that name them', async () => {
  const data = await editorOverview();
  assert.equal(data.peopleSearched, true);
  const biden = data.people.find((p) => p.name === 'Joe Biden');
  assert.ok(biden, JSON.stringify(data.people));
  assert.deepEqual(biden.documents, [0, 1]);
  assert.equal(biden.mentions, 3);
  const macron = data.people.find((p) => p.name === 'Emmanuel Macron');
  assert.deepEqual(macron?.documents, [2, 3]);
  assert.ok(data.people.length <= data.peopleLimit);
});

test('overview: a problem above the first header belongs to no document; an empty file has no documents', async () => {
  const data = await editorOverview(`stray text\n${TEXT}`);
  const outside = data.problems.find((p) => p.code === 'text-outside-document');
  assert.deepEqual(outside?.documents, [-1]);
  const empty = await editorOverview('');
  assert.deepEqual([empty.documents, empty.problems, empty.people], [[], [], []]);
});

test('overview: the command line builds the same documents, problems and people as the editor', async () => {
  const io = { cwd: ROOT, stdout: new MemoryStream(false), stderr: new MemoryStream(false), env: {} };
  const cli = await overviewOf(io, [FIXTURE], { people: [path.join(FIXTURES, 'people', 'seeds.people.json')] });
  const peopleFile = fs.readFileSync(path.join(FIXTURES, 'people', 'seeds.people.json'), 'utf8');
  assert.equal(parsePeopleFile(peopleFile).problems.length, 0);
  const editor = await editorOverview(TEXT, { 'file:///w/seeds.people.json': peopleFile });
  assert.deepEqual(cli.documents, editor.documents);
  assert.deepEqual(cli.problems, editor.problems);
  assert.deepEqual(
    cli.people.map((p) => [p.name, p.mentions, p.documents]),
    editor.people.map((p) => [p.name, p.mentions, p.documents]),
  );
  assert.equal(cli.files[0].name, 'test/fixtures/overview/overview.corpus');
});

test('overview: several files, each document placed in its own file', () => {
  const b = new OverviewBuilder();
  b.addFile('one.corpus');
  const facts = CorpusModel.parse('<<<FILE x.txt>>>\nText.\n').documents[0].facts;
  b.addDocument('x.txt', 0, facts);
  b.addProblem('missing-date', 0);
  b.addFile('two.corpus');
  b.addDocument('y.txt', 0, facts);
  b.addDocument('z.txt', 2, facts);
  b.addProblem('missing-date', 3);
  const r = b.result();
  assert.deepEqual(r.problems, [{ code: 'missing-date', count: 2, documents: [0, 2] }]);
  assert.deepEqual(
    r.documents.map((d) => d.file),
    [0, 1, 1],
  );
  assert.equal(r.peopleSearched, false);
});

test('overview report: one self-contained file under a strict policy, the data readable and escaped', async () => {
  const data = await editorOverview(`<<<FILE </script><script>alert(1)</script>.txt>>>\nText.\n`);
  const html = overviewHtml(data, { script: 'console.log("page");\n//# sourceMappingURL=overview.js.map', style: 'body{}\n/*# sourceMappingURL=overview.css.map */' });
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'nonce-[^']+'/);
  assert.doesNotMatch(csp, /unsafe/);
  // Nothing remote, no source map to fetch, the name cannot close the data element.
  assert.doesNotMatch(html, /\b(src|href)=/);
  assert.doesNotMatch(html, /sourceMappingURL/);
  assert.equal((html.match(/<\/script>/g) ?? []).length, 2);
  const json = /<script type="application\/json" id="corpus-overview-data">(.*?)<\/script>/s.exec(html)?.[1];
  assert.ok(json);
  assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(data)));
  // Every script and style element carries the policy's nonce.
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  assert.ok(html.includes(`<style nonce="${nonce}">`) && html.includes(`<script nonce="${nonce}">`));
});

test('corpus stats --html writes the report, with the page built next to the command', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-overview-'));
  temporary.push(dir);
  const out = path.join(dir, 'report.html');
  const stdout = new MemoryStream(false);
  const stderr = new MemoryStream(false);
  const code = await main(['stats', FIXTURE, '--html', out], { cwd: ROOT, stdout, stderr, env: {} });
  assert.equal(code, 0, stderr.text);
  assert.match(stdout.text, /Wrote the overview of 7 documents in 1 file to /);
  const html = fs.readFileSync(out, 'utf8');
  assert.match(html, /Chart/, 'the page script (with its charting library) is inlined');
  assert.match(html, /"name":"b\.txt"/);
  const bad = await main(['stats', FIXTURE, '--html', path.join(dir, 'no', 'such', 'dir', 'r.html')], { cwd: ROOT, stdout: new MemoryStream(false), stderr, env: {} });
  assert.notEqual(bad, 0);
  assert.match(stderr.text, /cannot write/);
});
