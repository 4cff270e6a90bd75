// Workspace problems at the service level (corpus.problems.scope = workspace):
// every unopened corpus file checked in the background with the command line's
// pipeline, open files left to the editor, kept current by file events and
// configuration changes, bounded (size limit, diagnostics per file) and
// cancelled when the scope is turned off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createLanguageService,
  CorpusLanguageService,
  CorpusModel,
  DEFAULT_CONFIG,
  FileStat,
  MAX_CHECKED_FILE_SIZE,
  MAX_FILE_DIAGNOSTICS,
  mergeConfig,
  parseRcFile,
  scopeFromSettings,
  streamLintText,
} from '../../server/src';
import { memoryFileSystem, MemoryFileSystem } from '../support/memoryFileSystem';

const A = 'file:///w/a.corpus';
const B = 'file:///w/sub/b.corpus';
const TEXT_A = '<<<FILE one.txt>>>\nNo date here.\n<<<FILE>>>\n\n';
const TEXT_B = '<<<FILE two.txt date=2024-12>>>\nA month only.\n';

function setup(files: Record<string, string> = { [A]: TEXT_A, [B]: TEXT_B, 'file:///w/notes.txt': 'not a corpus' }): {
  service: CorpusLanguageService;
  mem: MemoryFileSystem;
  open: Map<string, CorpusModel>;
  changes: string[][];
} {
  const mem = memoryFileSystem(files);
  const open = new Map<string, CorpusModel>();
  const service = createLanguageService({ fileSystem: mem, documents: { get: (u) => open.get(u), uris: () => open.keys() } });
  service.setWorkspaceFolders(['file:///w']);
  const changes: string[][] = [];
  service.workspaceProblems.onDidChange((uris) => changes.push([...uris]));
  return { service, mem, open, changes };
}

const codes = (service: CorpusLanguageService, uri: string): string[] | undefined => service.workspaceProblems.get(uri)?.diagnostics.map((d) => d.code);

test('the scope comes from corpus.problems.scope; anything else is openFiles', () => {
  assert.equal(scopeFromSettings({ problems: { scope: 'workspace' } }), 'workspace');
  assert.equal(scopeFromSettings({ problems: { scope: 'all' } }), 'openFiles');
  assert.equal(scopeFromSettings(undefined), 'openFiles');
  assert.equal(scopeFromSettings({ problems: 3 }), 'openFiles');
});

test('openFiles (the default): nothing is read for problems', async () => {
  const { service, mem } = setup();
  await service.start();
  await service.idle();
  await service.workspaceProblems.idle();
  assert.deepEqual(service.workspaceProblems.all(), []);
  // The index read each corpus file once; workspace problems read nothing more.
  assert.deepEqual(mem.reads.filter((u) => u.endsWith('.corpus')).sort(), [A, B]);
});

test('workspace: every unopened corpus file gets the diagnostics the command line gives', async () => {
  const { service } = setup();
  service.setSettings({ problems: { scope: 'workspace' } });
  await service.start();
  await service.workspaceProblems.idle();
  assert.deepEqual(
    service.workspaceProblems
      .all()
      .map((f) => f.uri)
      .sort(),
    [A, B],
  );
  assert.deepEqual(service.workspaceProblems.get(A)?.diagnostics, streamLintText(TEXT_A, DEFAULT_CONFIG));
  assert.deepEqual(codes(service, A), ['missing-date', 'malformed-header', 'empty-document']);
  assert.deepEqual(codes(service, B), ['partial-date']);
});

test('open files are left to the editor; a closed file is checked again from the disk', async () => {
  const { service, mem, open, changes } = setup();
  service.setSettings({ problems: { scope: 'workspace' } });
  await service.start();
  await service.workspaceProblems.idle();
  open.set(A, CorpusModel.parse(TEXT_A));
  service.documentOpened(A);
  assert.equal(service.workspaceProblems.get(A), undefined);
  assert.deepEqual(changes.at(-1), [A]);
  // A change on disk while it is open is not the truth: the editor's text is.
  mem.files.set(A, '<<<FILE one.txt date=2024-12-12>>>\nFixed.\n');
  service.filesChanged([{ uri: A, type: 'changed' }]);
  await service.workspaceProblems.idle();
  assert.equal(service.workspaceProblems.get(A), undefined);
  open.delete(A);
  service.documentClosed(A);
  await service.workspaceProblems.idle();
  assert.deepEqual(codes(service, A), []);
});

test('file events keep the results current, each change with a new result id', async () => {
  const { service, mem } = setup();
  service.setSettings({ problems: { scope: 'workspace' } });
  await service.start();
  await service.workspaceProblems.idle();
  const before = service.workspaceProblems.get(B)?.resultId;
  mem.files.set(B, '<<<FILE two.txt date=2024-12-01>>>\nThe day.\n');
  service.filesChanged([{ uri: B, type: 'changed' }]);
  await service.workspaceProblems.idle();
  assert.deepEqual(codes(service, B), []);
  assert.notEqual(service.workspaceProblems.get(B)?.resultId, before);
  const C = 'file:///w/c.corpus';
  mem.files.set(C, '<<<FILE c.txt>>>\nNo date.\n');
  service.filesChanged([{ uri: C, type: 'created' }]);
  await service.workspaceProblems.idle();
  assert.deepEqual(codes(service, C), ['missing-date']);
  mem.files.delete(C);
  service.filesChanged([{ uri: C, type: 'deleted' }]);
  assert.equal(service.workspaceProblems.get(C), undefined);
});

test('a configuration change checks every file again under the new rules', async () => {
  const { service, mem } = setup();
  service.setSettings({ problems: { scope: 'workspace' } });
  await service.start();
  await service.workspaceProblems.idle();
  mem.files.set('file:///w/.corpusrc.json', '{ "rules": { "missing-date": "off", "partial-date": "error" } }');
  service.filesChanged([{ uri: 'file:///w/.corpusrc.json', type: 'created' }]);
  await service.workspaceProblems.idle();
  assert.deepEqual(codes(service, A), ['malformed-header', 'empty-document']);
  assert.equal(service.workspaceProblems.get(B)?.diagnostics[0].severity, 'error');
  // The editor's settings too, when they really change.
  service.setSettings({ problems: { scope: 'workspace' }, rules: { 'empty-document': 'off' } });
  await service.workspaceProblems.idle();
  assert.deepEqual(codes(service, A), ['malformed-header']);
  assert.deepEqual(mergeConfig(undefined, parseRcFile('{}').config).rules, {});
});

test('turning the scope off cancels the pass and forgets every result', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 200; i++) files[`file:///w/f${String(i).padStart(3, '0')}.corpus`] = TEXT_A;
  const { service, mem, changes } = setup(files);
  service.setSettings({ problems: { scope: 'workspace' } });
  await service.start();
  await service.idle(); // the index has read every file once
  const readsBefore = mem.reads.length;
  // Let a few files be checked, then turn it off.
  while (service.workspaceProblems.all().length < 2) await new Promise((r) => setImmediate(r));
  const known = service.workspaceProblems.all().map((f) => f.uri);
  service.setSettings({ problems: { scope: 'openFiles' } });
  // The adapter is told that each known file's problems are gone.
  assert.deepEqual([...(changes.at(-1) ?? [])].sort(), known.sort());
  await service.workspaceProblems.idle();
  assert.ok(mem.reads.length - readsBefore < 200, `the pass stopped early (${mem.reads.length - readsBefore} files read)`);
  assert.deepEqual(service.workspaceProblems.all(), []);
  service.setSettings({ problems: { scope: 'workspace' } });
  await service.workspaceProblems.idle();
  assert.equal(service.workspaceProblems.all().length, 200);
});

test('a file over the size limit is listed with an unchecked-file note, not read', async () => {
  const big = 'file:///w/big.corpus';
  const mem = memoryFileSystem({ [A]: TEXT_A, [big]: '<<<FILE x>>>\n' });
  const sized = {
    ...mem,
    stat: async (uri: string): Promise<FileStat | undefined> => {
      const s = await mem.stat(uri);
      return uri === big && s ? { ...s, size: MAX_CHECKED_FILE_SIZE + 1 } : s;
    },
  };
  const service = createLanguageService({ fileSystem: sized, documents: { get: () => undefined, uris: () => [] } });
  service.setWorkspaceFolders(['file:///w']);
  service.setSettings({ problems: { scope: 'workspace' } });
  await service.start();
  await service.idle();
  await service.workspaceProblems.idle();
  const d = service.workspaceProblems.get(big)?.diagnostics;
  assert.equal(d?.length, 1);
  assert.equal(d?.[0].code, 'unchecked-file');
  assert.equal(d?.[0].severity, 'information');
  assert.match(d?.[0].message ?? '', /not checked while it is not open: at 16\.0 MB it is over the 16\.0 MB limit.*Open it, or run `corpus lint`/);
  // "off" lists nothing for it.
  service.setSettings({ problems: { scope: 'workspace' }, rules: { 'unchecked-file': 'off' } });
  await service.workspaceProblems.idle();
  assert.deepEqual(service.workspaceProblems.get(big)?.diagnostics, []);
});

test('an unopened file keeps at most MAX_FILE_DIAGNOSTICS diagnostics, with a note', async () => {
  const many = Array.from({ length: MAX_FILE_DIAGNOSTICS + 50 }, (_, i) => `<<<FILE d${i}.txt>>>\nNo date.\n`).join('');
  const { service } = setup({ [A]: many });
  service.setSettings({ problems: { scope: 'workspace' } });
  await service.start();
  await service.workspaceProblems.idle();
  const d = service.workspaceProblems.get(A)?.diagnostics ?? [];
  assert.equal(d.length, MAX_FILE_DIAGNOSTICS + 1);
  assert.equal(d.at(-1)?.code, 'too-many-problems');
  assert.match(d.at(-1)?.message ?? '', /only the first 1,000 are shown while it is not open/);
});
