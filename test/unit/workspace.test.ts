// Files at the service level: URIs, the one walker (order, skip list, links), the
// one people-file resolver (patterns, staying inside the workspace, the limit),
// and that the command line and the language server take the same people files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { canonicalUri, ConfigResolver, createLanguageService, findPeopleFiles, isInside, listFiles, MAX_PEOPLE_FILES, relativePath, uriBasename, uriDirname, uriJoin } from '../../server/src';
import { nodeFileSystem, pathToUri } from '../../server/src/node/fileSystem';
import { peopleFilesFor } from '../../server/src/cli/people';
import { main } from '../../server/src/cli/main';
import { MemoryStream } from '../../server/src/cli/io';
import { memoryFileSystem } from '../support/memoryFileSystem';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-ws-'));
}

function write(root: string, rel: string, text = ''): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

test('URIs: folder, join, name, inside, and one spelling per file', () => {
  assert.equal(uriDirname('file:///w/sub/a.corpus'), 'file:///w/sub');
  assert.equal(uriDirname('file:///w'), 'file:///');
  assert.equal(uriDirname('file:///'), undefined);
  assert.equal(uriDirname('untitled:Untitled-1'), undefined);
  assert.equal(uriDirname('vscode-vfs://github/owner/repo/a.corpus'), 'vscode-vfs://github/owner/repo');
  // Segments are encoded as VS Code encodes them.
  assert.equal(uriJoin('file:///w/', 'Lương Cường (1).corpus'), 'file:///w/L%C6%B0%C6%A1ng%20C%C6%B0%E1%BB%9Dng%20%281%29.corpus');
  assert.equal(uriBasename('file:///w/L%C6%B0%C6%A1ng%20C%C6%B0%E1%BB%9Dng.corpus'), 'Lương Cường.corpus');
  assert.equal(canonicalUri('FILE:///w/a b/c%3a.corpus'), 'file:///w/a%20b/c%3A.corpus');
  assert.equal(canonicalUri(pathToUri('/w/a b.corpus')), 'file:///w/a%20b.corpus');
  assert.ok(isInside('file:///w', 'file:///w/sub/a.corpus'));
  assert.ok(!isInside('file:///w', 'file:///wx/a.corpus'));
  assert.equal(relativePath('file:///w/', 'file:///w/data/a%20b.json'), 'data/a b.json');
});

test('the walker: depth first in code-point order, node_modules and .git skipped, hidden files on request', async () => {
  const mem = memoryFileSystem({
    'file:///w/b.corpus': '',
    'file:///w/a/z.corpus': '',
    'file:///w/a/node_modules/dep/x.corpus': '',
    'file:///w/.git/x.corpus': '',
    'file:///w/.hidden/h.corpus': '',
    'file:///w/Z.txt': '',
    'file:///w/%C3%A9.corpus': '',
  });
  assert.deepEqual(await listFiles(mem, 'file:///w'), ['file:///w/.hidden/h.corpus', 'file:///w/Z.txt', 'file:///w/a/z.corpus', 'file:///w/b.corpus', 'file:///w/%C3%A9.corpus']);
  assert.deepEqual(await listFiles(mem, 'file:///w', { skipHidden: true, accept: (n) => n.endsWith('.corpus') }), ['file:///w/a/z.corpus', 'file:///w/b.corpus', 'file:///w/%C3%A9.corpus']);
  const unreadable: string[] = [];
  assert.deepEqual(await listFiles(mem, 'file:///nowhere', { onUnreadable: (u) => unreadable.push(u) }), []);
  assert.deepEqual(unreadable, ['file:///nowhere']);
});

test('the walker on disk: links to files are files, links to folders are not followed', async () => {
  const dir = tempDir();
  const outside = tempDir();
  try {
    write(dir, 'a.corpus');
    write(outside, 'far.corpus');
    fs.symlinkSync(path.join(outside, 'far.corpus'), path.join(dir, 'link.corpus'));
    fs.symlinkSync(outside, path.join(dir, 'linked-folder'));
    fs.symlinkSync(path.join(outside, 'missing.corpus'), path.join(dir, 'dangling.corpus'));
    const found = await listFiles(nodeFileSystem, pathToUri(dir));
    assert.deepEqual(found.map(uriBasename), ['a.corpus', 'link.corpus']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  }
});

test('people files: every *.people.json by default, the configured globs relative to .corpusrc.json otherwise', async () => {
  const mem = memoryFileSystem({
    'file:///w/team.people.json': '{}',
    'file:///w/sub/more.people.json': '{}',
    'file:///w/node_modules/pkg/dep.people.json': '{}',
    'file:///w/data/a.json': '{}',
    'file:///w/data/b.people.json': '{}',
    'file:///w/data/deep/c.json': '{}',
  });
  const resolver = new ConfigResolver(mem);
  assert.deepEqual(await findPeopleFiles(mem, ['file:///w'], resolver), ['file:///w/data/b.people.json', 'file:///w/sub/more.people.json', 'file:///w/team.people.json']);
  mem.files.set('file:///w/.corpusrc.json', '{ "people": ["data/*.json", "./sub/more.people.json", "!data/b.people.json"] }');
  resolver.invalidate();
  assert.deepEqual(await findPeopleFiles(mem, ['file:///w'], resolver), ['file:///w/data/a.json', 'file:///w/sub/more.people.json']);
});

test('people files stay inside the workspace: absolute patterns, ".." and folders above are never read', async () => {
  const mem = memoryFileSystem({
    'file:///top/.corpusrc.json': '{ "people": ["*.people.json", "ws/*.people.json", "../etc/*.json", "/etc/*.json", "C:/x/*.json", "ws/../outside.people.json"] }',
    'file:///top/outside.people.json': '{}',
    'file:///top/ws/inside.people.json': '{}',
    'file:///etc/passwd.json': '{}',
  });
  const resolver = new ConfigResolver(mem);
  // The configuration above the workspace folder applies, but only the folder is walked.
  assert.deepEqual(await findPeopleFiles(mem, ['file:///top/ws'], resolver), ['file:///top/ws/inside.people.json']);
  assert.ok(!mem.reads.some((u) => u.includes('passwd') || u.endsWith('outside.people.json')));
});

test(`people files: at most ${MAX_PEOPLE_FILES} are taken`, async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < MAX_PEOPLE_FILES + 20; i++) files[`file:///w/p/${String(i).padStart(4, '0')}.people.json`] = '{}';
  const mem = memoryFileSystem(files);
  const found = await findPeopleFiles(mem, ['file:///w'], new ConfigResolver(mem));
  assert.equal(found.length, MAX_PEOPLE_FILES);
  assert.equal(found[0], 'file:///w/p/0000.people.json');
});

test('"people": ["data/*.json"]: the command line and the language server take the same people files', async () => {
  const dir = tempDir();
  try {
    write(dir, '.corpusrc.json', JSON.stringify({ people: ['data/*.json'] }));
    write(dir, 'data/team.json', JSON.stringify({ people: [{ name: 'Tô Lâm', aliases: ['To Lam'], description: 'General Secretary' }] }));
    write(dir, 'data/more.json', JSON.stringify({ people: [{ name: 'Lương Cường' }] }));
    write(dir, 'ignored.people.json', JSON.stringify({ people: [{ name: 'Phạm Minh Chính' }] }));
    write(dir, 'news/a.corpus', '<<<FILE a.txt date=2024-12-12>>>\nGeneral Secretary To Lam met Luong Cuong.\n');
    // The language server: the workspace folder, through the service.
    const service = createLanguageService({ fileSystem: nodeFileSystem, documents: { get: () => undefined, uris: () => [] } });
    service.setWorkspaceFolders([pathToUri(dir)]);
    await service.start();
    await service.idle();
    const editor = service.peopleFileUris();
    assert.deepEqual(editor.map(uriBasename), ['more.json', 'team.json']);
    // The command line, run in a subfolder of the project: the same files.
    const io = { cwd: path.join(dir, 'news'), stdout: new MemoryStream(), stderr: new MemoryStream(), env: {} };
    const cli = await peopleFilesFor(io, [], [path.join(dir, 'news', 'a.corpus')], new ConfigResolver(nodeFileSystem));
    assert.deepEqual(cli.files.map(pathToUri), editor);
    // And `corpus people` marks them known.
    const code = await main(['people', '--json', 'a.corpus'], io);
    assert.equal(code, 0, io.stderr.text);
    const out = JSON.parse(io.stdout.text) as { people: { name: string; known: boolean }[] };
    assert.ok(
      out.people.some((p) => p.name === 'Tô Lâm' && p.known),
      io.stdout.text,
    );
    assert.ok(!out.people.some((p) => p.name === 'Phạm Minh Chính'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
