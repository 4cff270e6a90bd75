// Correcting the people detector from the editor, on sentences of the people
// development set (dev part): "Not a person" on a detected organisation records
// the spelling in the people file's notPeople list, and "Mark … as a person" on a
// missed name adds it; after the people files reload, every feature agrees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService, CorpusModel, OpenDocuments, WorkspaceCodeAction } from '../../server/src';
import { memoryFileSystem } from '../support/memoryFileSystem';

// dev/vi-20 of the people development set: the name pass takes the commune of "vụ án Đồng Tâm" (the Đồng Tâm case) for a person
const COURT =
  '<<<FILE vi-20.txt date=2020-09-14 lang=vi>>>\nTheo dự kiến, 15 giờ ngà 14/9, HĐXX phiên tòa sơ thẩm vụ án Đồng Tâm sẽ tuyên án 29 bị cáo. Các bị cáo Lê Đình Công, Lê Đình Chức bị đề nghị mức án Tử hình.\nCác bị cáo trong phiên xét xử sơ thẩm vụ Đồng Tâm. (Ảnh: Hùng Anh)\n';
// dev/vi-11: the stage name "Tóc Tiên" is missed.
const VI = '<<<FILE vi-11.txt date=2024-03-03 lang=vi>>>\nTối 3/3, Minh Hằng chính thức ra mắt MV Hoa hồng ai vun trồng - lần đầu tiên kết hợp với Tóc Tiên nhân dịp 8/3.\n';

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

/** Applies a workspace action's edits to the in-memory files (as the editor would). */
function apply(files: Map<string, string>, a: WorkspaceCodeAction): void {
  for (const c of a.changes) {
    const text = c.create ? '' : (files.get(c.uri) ?? '');
    const lines = text.split('\n');
    const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    let out = text;
    for (const e of [...c.edits].sort((x, y) => offset(y.range.start) - offset(x.range.start))) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
    files.set(c.uri, out);
  }
}

async function setup(peopleFile?: string) {
  const initial: Record<string, string> = { 'file:///w/vi20.corpus': COURT, 'file:///w/vi.corpus': VI };
  if (peopleFile !== undefined) initial['file:///w/team.people.json'] = peopleFile;
  const mem = memoryFileSystem(initial);
  const documents = openDocuments();
  documents.models.set('file:///w/vi20.corpus', CorpusModel.parse(COURT));
  documents.models.set('file:///w/vi.corpus', CorpusModel.parse(VI));
  const service = createLanguageService({ fileSystem: mem, documents });
  service.setWorkspaceFolders(['file:///w']);
  await service.start();
  return { mem, service };
}

const names = async (service: Awaited<ReturnType<typeof setup>>['service'], uri: string) => service.peopleView(uri).map((p) => p.name);

test('"Not a person" records the spelling in notPeople; the commune is gone from every feature', async () => {
  const { mem, service } = await setup('{\n  "people": []\n}\n');
  assert.ok((await names(service, 'file:///w/vi20.corpus')).includes('Đồng Tâm'), 'the detector takes it at first');
  const pos = at(COURT, 'Đồng Tâm', 2);
  const actions = await service.codeActions('file:///w/vi20.corpus', { start: pos, end: pos });
  const not = actions.find((a) => a.title.startsWith('Not a person'));
  assert.equal(not?.title, 'Not a person: “Đồng Tâm” (listed in notPeople of team.people.json)');
  apply(mem.files, not!);
  assert.deepEqual(JSON.parse(mem.files.get('file:///w/team.people.json') ?? ''), { people: [], notPeople: ['Đồng Tâm'] });
  await service.reloadPeople();
  const after = await names(service, 'file:///w/vi20.corpus');
  assert.ok(!after.includes('Đồng Tâm'), after.join(', '));
  assert.ok(after.includes('Lê Đình Công'), 'the real person stays');
  assert.equal(service.hover('file:///w/vi20.corpus', pos), undefined);
  assert.equal(service.highlights('file:///w/vi20.corpus', pos).length, 0);
  // no "Not a person" where there is no person
  const plain = at(COURT, 'tuyên án', 2);
  assert.ok(!(await service.codeActions('file:///w/vi20.corpus', { start: plain, end: plain })).some((a) => a.title.startsWith('Not a person')));
});

test('"Mark … as a person" adds the selection; it becomes a person everywhere, and leaves notPeople', async () => {
  const { mem, service } = await setup('{\n  "people": [],\n  "notPeople": ["Tóc Tiên", "Le Figaro"]\n}\n');
  assert.ok(!(await names(service, 'file:///w/vi.corpus')).includes('Tóc Tiên'));
  const start = at(VI, 'Tóc Tiên');
  const end = { line: start.line, character: start.character + 'Tóc Tiên'.length };
  const mark = (await service.codeActions('file:///w/vi.corpus', { start, end })).find((a) => a.title.startsWith('Mark'));
  assert.equal(mark?.title, 'Mark “Tóc Tiên” as a person (added to team.people.json)');
  apply(mem.files, mark!);
  assert.deepEqual(JSON.parse(mem.files.get('file:///w/team.people.json') ?? ''), { people: [{ name: 'Tóc Tiên' }], notPeople: ['Le Figaro'] });
  await service.reloadPeople();
  assert.ok((await names(service, 'file:///w/vi.corpus')).includes('Tóc Tiên'));
  const hover = service.hover('file:///w/vi.corpus', { line: start.line, character: start.character + 1 });
  assert.match(hover?.markdown ?? '', /Tóc Tiên.*from your people file/);
  // a selection that is a person already, or spans lines, or is no name, offers nothing
  const again = (await service.codeActions('file:///w/vi.corpus', { start, end })).find((a) => a.title.startsWith('Mark'));
  assert.equal(again, undefined);
  assert.equal(
    (await service.codeActions('file:///w/vi.corpus', { start: { line: 0, character: 0 }, end: { line: 1, character: 3 } })).find((a) => a.title.startsWith('Mark')),
    undefined,
  );
  const digits = at(VI, '8/3');
  assert.equal(
    (await service.codeActions('file:///w/vi.corpus', { start: digits, end: { line: digits.line, character: digits.character + 3 } })).find((a) => a.title.startsWith('Mark')),
    undefined,
  );
});

test('without a people file, both actions create people.people.json at the top of the workspace', async () => {
  const { service } = await setup();
  const pos = at(COURT, 'Đồng Tâm', 2);
  const not = (await service.codeActions('file:///w/vi20.corpus', { start: pos, end: pos })).find((a) => a.title.startsWith('Not a person'));
  assert.equal(not?.title, 'Not a person: “Đồng Tâm” (listed in notPeople of people.people.json, a new file)');
  assert.deepEqual(
    not?.changes.map((c) => [c.uri, c.create]),
    [['file:///w/people.people.json', true]],
  );
  assert.deepEqual(JSON.parse(not?.changes[0].edits[0].newText ?? ''), { notPeople: ['Đồng Tâm'] });
});
