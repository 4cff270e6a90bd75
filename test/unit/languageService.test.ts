// The language service as one object over an in-memory workspace: the workspace
// index (open files from the editor's models, never from the disk; unopened files
// read between yields; kept up to date by file events), a person's hover with the
// mentions elsewhere, references across files, workspace symbols, "Add … to the
// people file" as plain edits, and the status counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configDiagnostics, createLanguageService, CorpusModel, MAX_DIAGNOSTICS, OpenDocuments } from '../../server/src';
import { memoryFileSystem } from '../support/memoryFileSystem';
import { FIXTURES, SEEDS } from '../support/fixtures';

const seedsText = fs.readFileSync(path.join(SEEDS, 'seeds.corpus'), 'utf8');
const peopleText = fs.readFileSync(path.join(FIXTURES, 'people', 'seeds.people.json'), 'utf8');
const OTHER = '<<<FILE other.txt date=2024-12-13>>>\nChủ tịch nước Lương Cường tiếp Đại sứ.\n';

/** The editor's open files: a map of models. */
function openDocuments(): OpenDocuments & { models: Map<string, CorpusModel> } {
  const models = new Map<string, CorpusModel>();
  return { models, get: (uri) => models.get(uri), uris: () => models.keys() };
}

function at(text: string, needle: string, offset = 0) {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i].indexOf(needle);
    if (c >= 0) return { line: i, character: c + offset };
  }
  throw new Error(needle);
}

async function workspace() {
  const mem = memoryFileSystem({
    'file:///w/seeds.corpus': seedsText,
    'file:///w/other.corpus': OTHER,
    'file:///w/team.people.json': peopleText,
    'file:///w/node_modules/x/skipped.corpus': '<<<FILE skipped.txt>>>\nx\n',
  });
  const documents = openDocuments();
  const service = createLanguageService({ fileSystem: mem, documents });
  service.setWorkspaceFolders(['file:///w']);
  return { mem, documents, service };
}

test("the index never reads an open file from the disk; the editor's model counts", async () => {
  const { mem, documents, service } = await workspace();
  // Open, with text the disk does not hold yet.
  documents.models.set('file:///w/seeds.corpus', CorpusModel.parse(`<<<FILE unsaved.txt>>>\nText.\n${seedsText}`));
  service.documentOpened('file:///w/seeds.corpus');
  await service.start();
  await service.idle();
  assert.ok(!mem.reads.includes('file:///w/seeds.corpus'), `read: ${mem.reads.join(', ')}`);
  assert.ok(mem.reads.includes('file:///w/other.corpus'));
  assert.ok(!mem.reads.some((u) => u.includes('node_modules')));
  const names = service
    .workspaceSymbols('')
    .filter((s) => s.kind === 'document')
    .map((s) => `${s.containerName}:${s.name}`);
  assert.ok(names.includes('seeds.corpus:unsaved.txt'));
  assert.ok(names.includes('other.corpus:other.txt'));
  assert.ok(!names.includes('skipped.corpus:skipped.txt'));
  assert.equal(names.filter((n) => n.endsWith('000_49243bdc0dd67178.txt')).length, 1, 'the open file once');
  // Closed: the disk counts again.
  documents.models.delete('file:///w/seeds.corpus');
  service.documentClosed('file:///w/seeds.corpus');
  await service.idle();
  assert.ok(mem.reads.includes('file:///w/seeds.corpus'));
  assert.ok(!service.workspaceSymbols('unsaved').some((s) => s.kind === 'document'));
});

test('the index yields between files, so requests are answered while it reads', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 30; i++) files[`file:///w/f${String(i).padStart(2, '0')}.corpus`] = `<<<FILE doc-${i}.txt>>>\nText ${i}.\n`;
  const documents = openDocuments();
  const service = createLanguageService({ fileSystem: memoryFileSystem(files), documents });
  service.setWorkspaceFolders(['file:///w']);
  await service.start();
  // A "request" between files sees part of the workspace, not nothing and not all of it.
  const seen: number[] = [];
  for (let k = 0; k < 40; k++) {
    await new Promise((r) => setImmediate(r));
    seen.push(service.workspaceSymbols('doc-').length);
  }
  await service.idle();
  assert.equal(service.workspaceSymbols('doc-').length, 30);
  assert.ok(
    seen.some((n) => n > 0 && n < 30),
    `counts seen meanwhile: ${seen.join(',')}`,
  );
});

test('file events keep the index up to date', async () => {
  const { mem, service } = await workspace();
  await service.start();
  await service.idle();
  mem.files.set('file:///w/new.corpus', '<<<FILE fresh.txt>>>\nText.\n');
  assert.deepEqual(service.filesChanged([{ uri: 'file:///w/new.corpus', type: 'created' }]), { configChanged: false, peopleChanged: false });
  await service.idle();
  assert.ok(service.workspaceSymbols('fresh').some((s) => s.uri === 'file:///w/new.corpus'));
  mem.files.delete('file:///w/other.corpus');
  service.filesChanged([{ uri: 'file:///w/other.corpus', type: 'deleted' }]);
  await service.idle();
  assert.ok(!service.workspaceSymbols('').some((s) => s.uri === 'file:///w/other.corpus'), 'documents and people of a deleted file are gone');
  // A people file or a configuration file: the adapter is told to reload.
  assert.deepEqual(service.filesChanged([{ uri: 'file:///w/team.people.json', type: 'changed' }]), { configChanged: false, peopleChanged: true });
  assert.deepEqual(service.filesChanged([{ uri: 'file:///w/.corpusrc.json', type: 'created' }]), { configChanged: true, peopleChanged: true });
});

test('a change to a file the "people" globs name reloads the people; other JSON files do not', async () => {
  const { mem, service } = await workspace();
  mem.files.set('file:///w/.corpusrc.json', '{ "people": ["data/*.json"] }');
  mem.files.set('file:///w/data/team.json', peopleText);
  await service.start();
  assert.deepEqual(service.peopleFileUris(), ['file:///w/data/team.json']);
  const changed = (uri: string) => service.filesChanged([{ uri, type: 'created' }]).peopleChanged;
  assert.equal(changed('file:///w/data/new.json'), true);
  assert.equal(changed('file:///w/data/team.json'), true);
  assert.equal(changed('file:///w/package.json'), false);
  assert.equal(changed('file:///w/data/sub/deeper.json'), false);
  assert.equal(changed('file:///elsewhere/data/x.json'), false);
});

test("a person's hover counts and links the mentions elsewhere, computed in the service; references cross files", async () => {
  const { documents, service } = await workspace();
  const uri = 'file:///w/seeds.corpus';
  documents.models.set(uri, CorpusModel.parse(seedsText));
  await service.start();
  await service.idle();
  const h = service.hover(uri, at(seedsText, 'President Cường', 11));
  assert.ok(h);
  assert.match(h.markdown, /State President of Viet Nam/);
  assert.match(h.markdown, /8 in this file, 9 in the workspace/);
  assert.match(h.markdown, /Elsewhere: \[other\\\.corpus › other\\\.txt\]\(file:\/\/\/w\/other\.corpus#L2\)/);
  const refs = service.references(uri, at(seedsText, 'Lương Cường', 1));
  assert.equal(refs.filter((r) => r.uri === uri).length, 8);
  assert.deepEqual(
    refs.filter((r) => r.uri !== uri).map((r) => [r.uri, r.range.start.line]),
    [['file:///w/other.corpus', 1]],
  );
  assert.equal(service.highlights(uri, at(seedsText, 'Lương Cường', 1)).length, 8);
  assert.ok(service.workspaceSymbols('luong cuong').some((s) => s.kind === 'person' && s.uri === 'file:///w/other.corpus'));
  // A date hover still comes from the same entry point.
  assert.match(service.hover(uri, { line: 1, character: 9 })?.markdown ?? '', /Thursday 12 December 2024/);
});

test('"Add … to the people file" is a plain edit of the first people file, or a new file', async () => {
  const { mem, documents, service } = await workspace();
  const uri = 'file:///w/seeds.corpus';
  documents.models.set(uri, CorpusModel.parse(seedsText));
  await service.start();
  const pos = at(seedsText, 'Hoang Dang Quang', 1);
  const add = (await service.codeActions(uri, { start: pos, end: pos })).find((a) => a.title.startsWith('Add “Hoang Dang Quang” to team.people.json'));
  assert.ok(add);
  assert.equal(add.changes.length, 1);
  assert.equal(add.changes[0].uri, 'file:///w/team.people.json');
  assert.equal(add.changes[0].create, false);
  assert.match(JSON.stringify(add.changes[0].edits), /Hoang Dang Quang/);
  // Without a people file: a new one at the top of the workspace.
  mem.files.delete('file:///w/team.people.json');
  await service.reloadPeople();
  const fresh = (await service.codeActions(uri, { start: pos, end: pos })).find((a) => a.title.includes('(new file)'));
  assert.equal(fresh?.title, 'Add “Hoang Dang Quang” to people.people.json (new file)');
  assert.deepEqual(
    fresh?.changes.map((c) => [c.uri, c.create]),
    [['file:///w/people.people.json', true]],
  );
  // Only fixes when only quick fixes of a source kind are asked for: on the seeds "Fix all" has nothing it may
  // write (their date proposals are offered, not preferred); on a broken header it has.
  assert.deepEqual(
    (await service.codeActions(uri, { start: pos, end: pos }, ['source.fixAll'])).map((a) => a.kind),
    [],
  );
  const broken = 'file:///w/broken.corpus';
  documents.models.set(broken, CorpusModel.parse('<<<file a.txt date=2024-01-01>>>\nText.\n'));
  const start = { line: 0, character: 0 };
  assert.deepEqual(
    (await service.codeActions(broken, { start, end: start }, ['source.fixAll'])).map((a) => a.kind),
    ['source.fixAll.corpus'],
  );
});

test('people-file problems come back as diagnostics, and an empty list once fixed', async () => {
  const { mem, service } = await workspace();
  mem.files.set('file:///w/broken.people.json', '{ "people": [ { "aliases": ["x"] }, ');
  const first = await service.start();
  assert.deepEqual(
    first.map((f) => f.uri),
    ['file:///w/broken.people.json'],
  );
  assert.ok(first[0].diagnostics.length > 0 && first[0].diagnostics.every((d) => d.code === 'invalid-people-file' && d.severity === 'error'));
  mem.files.set('file:///w/broken.people.json', '{ "people": [] }');
  assert.deepEqual(await service.reloadPeople(), [{ uri: 'file:///w/broken.people.json', diagnostics: [] }]);
  assert.deepEqual(await service.reloadPeople(), []);
});

test('status counts come from the diagnostics last computed; the shown list is capped with a note', async () => {
  const { documents, service } = await workspace();
  const uri = 'file:///w/seeds.corpus';
  documents.models.set(uri, CorpusModel.parse(seedsText));
  // Asked before any validation: computed then, as the first validation would.
  assert.deepEqual(await service.status(uri), { documents: 5, problems: 4, errors: 0, warnings: 3 });
  const { config } = await service.configFor(uri);
  const broken = 'file:///w/broken.corpus';
  documents.models.set(broken, CorpusModel.parse('<<FILE a.txt>>>\nText.\n'));
  const result = service.diagnostics(broken, config, { text: true });
  assert.equal(result?.shown.length, 2);
  assert.deepEqual(await service.status(broken), { documents: 1, problems: 2, errors: 1, warnings: 1 });
  assert.equal(await service.status('file:///w/not-open.corpus'), undefined);
  const many = 'file:///w/many.corpus';
  documents.models.set(many, CorpusModel.parse('<<<FILE a>>>\n'.repeat(MAX_DIAGNOSTICS + 10)));
  const capped = service.diagnostics(many, config);
  assert.ok(capped && capped.all.length > MAX_DIAGNOSTICS);
  assert.equal(capped.shown.length, MAX_DIAGNOSTICS + 1);
  assert.equal(capped.shown[MAX_DIAGNOSTICS].code, 'too-many-problems');
  assert.equal((await service.status(many))?.problems, MAX_DIAGNOSTICS + 1);
});

test('the auxiliary codes follow their settings: a severity, or "off"', async () => {
  const { mem, documents, service } = await workspace();
  mem.files.set('file:///w/broken.people.json', '{ "people": [ { "aliases": ["x"] } ] }');
  mem.files.set('file:///w/.corpusrc.json', '{ "rules": { "invalid-people-file": "hint", "too-many-problems": "off" }, "colour": 1 }');
  const people = await service.start();
  assert.ok(people[0].diagnostics.length > 0 && people[0].diagnostics.every((d) => d.severity === 'hint'));
  const resolved = await service.configFor('file:///w/a.corpus');
  assert.deepEqual(
    configDiagnostics(resolved)?.diagnostics.map((d) => `${d.code}:${d.severity}`),
    ['invalid-config:warning'],
  );
  const many = 'file:///w/many.corpus';
  documents.models.set(many, CorpusModel.parse('<<<FILE a>>>\n'.repeat(MAX_DIAGNOSTICS + 10)));
  assert.equal(service.diagnostics(many, resolved.config)?.shown.length, MAX_DIAGNOSTICS, 'no note when too-many-problems is off');
  // Off: the people file's problems are cleared; an rc problem at a set severity.
  mem.files.set('file:///w/.corpusrc.json', '{ "rules": { "invalid-people-file": "off", "invalid-config": "error" }, "colour": 1 }');
  service.filesChanged([{ uri: 'file:///w/.corpusrc.json', type: 'changed' }]);
  assert.deepEqual(await service.reloadPeople(), [{ uri: 'file:///w/broken.people.json', diagnostics: [] }]);
  const again = await service.configFor('file:///w/a.corpus');
  assert.deepEqual(
    configDiagnostics(again)?.diagnostics.map((d) => `${d.code}:${d.severity}`),
    ['invalid-config:error'],
  );
  mem.files.set('file:///w/.corpusrc.json', '{ "rules": { "invalid-config": "off" }, "colour": 1 }');
  service.filesChanged([{ uri: 'file:///w/.corpusrc.json', type: 'changed' }]);
  assert.deepEqual(configDiagnostics(await service.configFor('file:///w/a.corpus'))?.diagnostics, []);
});
