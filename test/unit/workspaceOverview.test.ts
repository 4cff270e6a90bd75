// The workspace overview ("Corpus: Show Workspace Overview"): every corpus file of the
// workspace folders with the workspace index's ignores, open files from their models and
// the others read through the FileSystem, people grouped across files, what unopened
// files gave kept until they change, and a cancelled build answering nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLanguageService, CorpusModel, DEFAULT_CONFIG, OpenDocuments } from '../../server/src';
import type { CorpusLanguageService } from '../../server/src';
import { memoryFileSystem, MemoryFileSystem } from '../support/memoryFileSystem';
import { FIXTURES } from '../support/fixtures';

const FIRST = fs.readFileSync(path.join(FIXTURES, 'overview', 'overview.corpus'), 'utf8');
const SECOND = fs.readFileSync(path.join(FIXTURES, 'overview', 'second.corpus'), 'utf8');
const OPEN = 'file:///w/overview.corpus';
const CLOSED = 'file:///w/sub/second.corpus';

async function workspace(
  files: Record<string, string> = {},
  open: Record<string, string> = { [OPEN]: FIRST },
): Promise<{ service: CorpusLanguageService; fs: MemoryFileSystem; models: Map<string, CorpusModel> }> {
  const models = new Map(Object.entries(open).map(([u, t]) => [u, CorpusModel.parse(t)]));
  const documents: OpenDocuments = { get: (u) => models.get(u), uris: () => models.keys() };
  // The open file is on disk too, as it was before it was opened (older): the model counts, never the disk.
  const memory = memoryFileSystem({ [OPEN]: '<<<FILE old.txt>>>\nOn disk.\n', [CLOSED]: SECOND, 'file:///w/skip/ignored.corpus': SECOND, 'file:///w/.corpusignore': 'skip/\n', ...files });
  const service = createLanguageService({ fileSystem: memory, documents });
  service.setWorkspaceFolders(['file:///w']);
  await service.start();
  for (const u of models.keys()) service.documentOpened(u);
  await service.idle();
  return { service, fs: memory, models };
}

test('workspace overview: the open file from its model and an unopened one from the disk; ignored files left out', async () => {
  const { service } = await workspace();
  const data = await service.workspaceOverview();
  assert.ok(data);
  assert.equal(data.scope, 'workspace');
  assert.deepEqual(data.files, [
    { name: 'overview.corpus', uri: OPEN },
    { name: 'sub/second.corpus', uri: CLOSED },
  ]);
  assert.deepEqual(
    data.documents.map((d) => `${d.file}:${d.name}:${d.line}:${d.date ?? (d.badDate ? 'bad' : '-')}:${d.lang ?? '-'}`),
    [
      '0:a.txt:0:2024-01-15:en',
      '0:b.txt:3:2024-01-20:en',
      '0:c.txt:5:2024-03-02:fr',
      '0:d.txt:7:-:fr',
      '0:e.txt:9:bad:-',
      '0:f.txt:11:2023:-',
      '0:a.txt:13:2024-03-09:-',
      '1:g.txt:0:2024-02-10:en',
      '1:h.txt:2:-:es',
      '1:i.txt:4:2024-03-21:vi',
    ],
  );
  // The open file's part equals its own overview (documents and problems).
  const single = service.overview(OPEN, DEFAULT_CONFIG);
  assert.deepEqual(data.documents.slice(0, 7), single?.documents);
  // missing-date: d.txt of the open file and h.txt of the other, each placed in its own file.
  const missing = data.problems.find((p) => p.code === 'missing-date');
  assert.deepEqual(missing, { code: 'missing-date', count: 2, documents: [3, 8] });
});

test('workspace overview: a person named in two files is one person, with the documents of both', async () => {
  const { service } = await workspace();
  const data = await service.workspaceOverview();
  const biden = data?.people.find((p) => p.name === 'Joe Biden');
  assert.deepEqual(biden && [biden.mentions, biden.documents], [4, [0, 1, 7]]);
  assert.equal(data?.peopleSearched, true);
});

test('workspace overview: an unopened file is read once, again when file watching says it changed', async () => {
  const { service, fs: memory } = await workspace();
  await service.workspaceOverview();
  const reads = (): number => memory.reads.filter((u) => u === CLOSED).length;
  const before = reads();
  await service.workspaceOverview();
  assert.equal(reads(), before, 'kept from the first overview');
  memory.files.set(CLOSED, `${SECOND}<<<FILE j.txt date=2024-04-01 lang=en>>>\nA fourth document about the harvest in Kansas.\n`);
  service.filesChanged([{ uri: CLOSED, type: 'changed' }]);
  await service.idle(); // the workspace index reads it again too
  const indexed = reads();
  const data = await service.workspaceOverview();
  assert.equal(reads(), indexed + 1);
  assert.equal(data?.documents.filter((d) => d.file === 1).length, 4);
  memory.files.delete(CLOSED);
  service.filesChanged([{ uri: CLOSED, type: 'deleted' }]);
  assert.deepEqual(
    (await service.workspaceOverview())?.files.map((f) => f.name),
    ['overview.corpus'],
  );
});

test('workspace overview: the configuration of each unopened file applies; open files outside the folders count too', async () => {
  const { service } = await workspace(
    { 'file:///w/sub/.corpusrc.json': '{ "rules": { "missing-date": "off" } }' },
    { [OPEN]: FIRST, 'untitled:Untitled-1': '<<<FILE u.txt date=2024-05-01>>>\nUnsaved.\n' },
  );
  const data = await service.workspaceOverview();
  assert.deepEqual(
    data?.files.map((f) => f.name),
    ['overview.corpus', 'sub/second.corpus', 'Untitled-1'],
  );
  assert.deepEqual(data?.problems.find((p) => p.code === 'missing-date')?.documents, [3]);
  assert.equal(data?.documents.at(-1)?.name, 'u.txt');
});

test('workspace overview: a cancelled build answers nothing; a file too large to read is listed, not counted', async () => {
  const { service } = await workspace();
  assert.equal(await service.workspaceOverview({ isCancellationRequested: true }), undefined);
  const big = 'x'.repeat(64 * 1024 * 1024 + 1);
  const { service: other } = await workspace({ 'file:///w/big.corpus': big });
  const data = await other.workspaceOverview();
  const file = data?.files.find((f) => f.name === 'big.corpus');
  assert.match(file?.notRead ?? '', /over the 64\.0 MB/);
  assert.equal(data?.documents.filter((d) => data.files[d.file] === file).length, 0);
});
