// Ignores (server/src/workspace/ignores.ts) through the one walker: the workspace
// index leaves out exactly what `corpus lint` leaves out, and walks again when an
// ignore file changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigResolver, createLanguageService, CorpusModel, Ignores, listFiles, OpenDocuments } from '../../server/src';
import { memoryFileSystem } from '../support/memoryFileSystem';

const DOC = (name: string) => `<<<FILE ${name} date=2024-01-01>>>\nx\n`;

const FILES = {
  'file:///w/.git/HEAD': 'ref: refs/heads/main\n',
  'file:///w/.gitignore': 'build/\n',
  'file:///w/build/gen.corpus': DOC('gen.txt'),
  'file:///w/a.corpus': DOC('a.txt'),
  'file:///w/drafts/.corpusignore': '*.corpus\n!keep.corpus\n',
  'file:///w/drafts/keep.corpus': DOC('keep.txt'),
  'file:///w/drafts/scratch.corpus': DOC('scratch.txt'),
  'file:///w/.corpusrc.json': '{ "ignores": ["fixtures/"] }',
  'file:///w/fixtures/f.corpus': DOC('fixture.txt'),
};

test("the walker with ignores: .gitignore of the repository, .corpusignore with a negation, the configuration's ignores", async () => {
  const fs = memoryFileSystem(FILES);
  const ignores = new Ignores(fs, new ConfigResolver(fs));
  const found = await listFiles(fs, 'file:///w', { accept: (n) => n.endsWith('.corpus'), ignores });
  assert.deepEqual(found, ['file:///w/a.corpus', 'file:///w/drafts/keep.corpus']);
  assert.equal(await ignores.ignored('file:///w/build/gen.corpus'), 'file:///w/.gitignore');
  assert.equal(await ignores.ignored('file:///w/drafts/scratch.corpus'), 'file:///w/drafts/.corpusignore');
  assert.equal(await ignores.ignored('file:///w/fixtures/f.corpus'), 'file:///w/.corpusrc.json');
  assert.equal(await ignores.ignored('file:///w/drafts/keep.corpus'), undefined);
  // Without gitignore: build/ comes back.
  const noGit = new Ignores(fs, new ConfigResolver(fs), { gitignore: false });
  assert.equal(await noGit.ignored('file:///w/build/gen.corpus'), undefined);
});

function openDocuments(): OpenDocuments {
  const models = new Map<string, CorpusModel>();
  return { get: (uri) => models.get(uri), uris: () => models.keys() };
}

test('the workspace index skips what is ignored, and walks again when an ignore file changes', async () => {
  const fs = memoryFileSystem(FILES);
  const service = createLanguageService({ fileSystem: fs, documents: openDocuments() });
  service.setWorkspaceFolders(['file:///w']);
  await service.start();
  await service.idle();
  const names = () =>
    service
      .workspaceSymbols('')
      .filter((s) => s.kind === 'document')
      .map((s) => s.name)
      .sort();
  assert.deepEqual(names(), ['a.txt', 'keep.txt']);
  // A watched file under an ignored folder is not indexed either.
  fs.files.set('file:///w/build/new.corpus', DOC('new.txt'));
  service.filesChanged([{ uri: 'file:///w/build/new.corpus', type: 'created' }]);
  await service.idle();
  assert.deepEqual(names(), ['a.txt', 'keep.txt']);
  // The .corpusignore goes: scratch.corpus is indexed; the .gitignore changes: build/ too.
  fs.files.delete('file:///w/drafts/.corpusignore');
  fs.files.set('file:///w/.gitignore', '');
  service.filesChanged([
    { uri: 'file:///w/drafts/.corpusignore', type: 'deleted' },
    { uri: 'file:///w/.gitignore', type: 'changed' },
  ]);
  await service.idle();
  assert.deepEqual(names(), ['a.txt', 'gen.txt', 'keep.txt', 'new.txt', 'scratch.txt']);
  // And back: an ignored file leaves the index.
  fs.files.set('file:///w/.corpusrc.json', '{ "ignores": ["fixtures/", "a.corpus"] }');
  service.filesChanged([{ uri: 'file:///w/.corpusrc.json', type: 'changed' }]);
  await service.idle();
  assert.ok(!names().includes('a.txt'));
});
