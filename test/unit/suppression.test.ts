// Suppression (docs/format.md, "Configuration"): `overrides` of .corpusrc.json turn
// rules off or on per file and per document; the editor's list, the command line's
// stream and "Fix all" honour them alike; the quick fixes "Turn off … for this
// document" and "… in .corpusrc.json" write exactly such entries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { applyEdits, computeDiagnostics, ConfigResolver, createLanguageService, CorpusModel, fixAll, OpenDocuments, parseRcFile, streamLintText } from '../../server/src';
import type { CorpusConfig, WorkspaceCodeAction } from '../../server/src';
import { memoryFileSystem } from '../support/memoryFileSystem';
import { SEEDS } from '../support/fixtures';

const seedsText = fs.readFileSync(path.join(SEEDS, 'seeds.corpus'), 'utf8');
const SEEDS_002 = '002_e77d50c1257fff65.txt';

const summary = (list: { code: string; range: { start: { line: number } }; suppressed?: boolean }[]): string[] =>
  list.map((d) => `${d.code}@${d.range.start.line + 1}${d.suppressed ? ' suppressed' : ''}`);

async function resolve(files: Record<string, string>, uri: string, adjust?: (c: CorpusConfig) => CorpusConfig): Promise<CorpusConfig> {
  const resolver = new ConfigResolver(memoryFileSystem(files), {}, { adjust });
  return (await resolver.resolve(uri)).config;
}

test('overrides and ignores are read, and every faulty part is reported with its position', () => {
  const ok = parseRcFile(
    JSON.stringify({
      overrides: [
        { files: ['archive/**'], rules: { 'missing-date': 'off' } },
        { files: ['news.corpus'], documents: ['002_*.txt'], rules: { 'date-mismatch': 'off', 'partial-date': 'error' } },
      ],
      ignores: ['drafts/', '!drafts/keep.corpus'],
    }),
  );
  assert.deepEqual(ok.problems, []);
  assert.equal(ok.config.overrides?.length, 2);
  assert.deepEqual(ok.config.ignores, ['drafts/', '!drafts/keep.corpus']);
  const text = '{ "overrides": [ { "files": "x", "rules": { "no-such": "off" } }, { "files": ["a"] }, 3, { "files": ["b"], "rules": {}, "extra": 1 } ], "ignores": [1] }';
  const bad = parseRcFile(text);
  const what = bad.problems.map((p) => `${text.slice(p.start, p.end)} | ${p.message.slice(0, 30)}`);
  assert.deepEqual(what, [
    '"x" | "files" must be a list of file',
    '"no-such" | "no-such" is not a diagnostic ',
    '{ "files": ["a"] } | This override has no "rules": ',
    '3 | Each entry of "overrides" must',
    '"extra" | "extra" is not part of an over',
    '1 | Each entry of "ignores" must b',
  ]);
  // What was right still applies: the first and the last override.
  assert.equal(bad.config.overrides?.length, 2);
});

test('per file and per document: the editor and the command line report the same, later entries win', async () => {
  const rc = JSON.stringify({
    rules: { 'partial-date': 'hint' },
    overrides: [
      { files: ['seeds.corpus'], documents: [SEEDS_002, '003_*'], rules: { 'missing-date': 'off' } },
      { files: ['seeds.corpus'], documents: ['003_dc61dc6a43fd7c34.txt'], rules: { 'missing-date': 'error' } },
      { files: ['archive/**'], rules: { 'missing-date': 'off', 'partial-date': 'off' } },
    ],
  });
  const files = { 'file:///w/.corpusrc.json': rc };
  const top = await resolve(files, 'file:///w/seeds.corpus');
  const model = CorpusModel.parse(seedsText);
  const editor = computeDiagnostics(model, top, undefined, { text: true });
  assert.deepEqual(
    editor.map((d) => `${d.code}:${d.severity}@${d.range.start.line + 1}`),
    ['partial-date:hint@22', 'missing-date:error@68', 'missing-date:warning@81'],
  );
  assert.deepEqual(streamLintText(seedsText, top, [997]), editor);
  // In archive/, the whole file is quiet; a file elsewhere keeps the defaults but the top-level rules.
  assert.deepEqual(computeDiagnostics(model, await resolve(files, 'file:///w/archive/2024/seeds.corpus')), []);
  assert.deepEqual(summary(computeDiagnostics(model, await resolve(files, 'file:///w/other/seeds.corpus'))), ['partial-date@22', 'missing-date@47', 'missing-date@68', 'missing-date@81']);
  // Audit: what is turned off comes back, marked, at the severity it would have.
  const audit = await resolve(files, 'file:///w/seeds.corpus', (c) => ({ ...c, reportSuppressed: true }));
  const all = computeDiagnostics(model, audit, undefined, { text: true });
  assert.deepEqual(summary(all), ['partial-date@22', 'missing-date@47 suppressed', 'missing-date@68', 'missing-date@81']);
  assert.equal(all[1].severity, 'warning');
  assert.deepEqual(streamLintText(seedsText, audit, [4096]), all);
});

test('a file rule honours document overrides, and "Fix all" leaves a suppressed finding alone', async () => {
  const text = '<<<FILE a.txt>>>\nA\n<<<END>>>\n<<<FILE b.txt>>>\nB\n<<<FILE c.txt>>>\nC\n<<<FILE a.txt>>>\nD\n';
  const rc = JSON.stringify({ rules: { 'missing-date': 'off' }, overrides: [{ documents: ['b.txt', 'a.txt'], rules: { 'unterminated-document': 'off', 'duplicate-name': 'off' } }] });
  const config = await resolve({ 'file:///w/.corpusrc.json': rc }, 'file:///w/x.corpus');
  const model = CorpusModel.parse(text);
  assert.deepEqual(summary(computeDiagnostics(model, config)), ['unterminated-document@6']);
  assert.deepEqual(streamLintText(text, config), computeDiagnostics(model, config));
  // Only c.txt gets its end line; the second a.txt keeps its name.
  assert.equal(applyEdits(model, fixAll(model, config)), '<<<FILE a.txt>>>\nA\n<<<END>>>\n<<<FILE b.txt>>>\nB\n<<<FILE c.txt>>>\nC\n<<<END>>>\n<<<FILE a.txt>>>\nD\n');
});

test('the resolver gives one file the same configuration object every time (the incremental diagnostics rely on it)', async () => {
  const resolver = new ConfigResolver(memoryFileSystem({ 'file:///w/.corpusrc.json': '{ "overrides": [{ "files": ["a.corpus"], "rules": { "missing-date": "off" } }] }' }));
  const a1 = await resolver.resolve('file:///w/a.corpus');
  const a2 = await resolver.resolve('file:///w/a.corpus');
  const b = await resolver.resolve('file:///w/b.corpus');
  assert.equal(a1.config, a2.config);
  assert.equal(a1.config.rules['missing-date'], 'off');
  assert.equal(b.config.rules['missing-date'], undefined);
  assert.equal(a1.config.base, 'file:///w');
});

// ---------------------------------------------------------------- the quick fixes

function openDocuments(): OpenDocuments & { models: Map<string, CorpusModel> } {
  const models = new Map<string, CorpusModel>();
  return { models, get: (uri) => models.get(uri), uris: () => models.keys() };
}

async function actionsAt(files: Record<string, string>, line: number): Promise<{ actions: WorkspaceCodeAction[]; mem: ReturnType<typeof memoryFileSystem> }> {
  const mem = memoryFileSystem(files);
  const documents = openDocuments();
  const service = createLanguageService({ fileSystem: mem, documents });
  service.setWorkspaceFolders(['file:///w']);
  documents.models.set('file:///w/sub/seeds.corpus', CorpusModel.parse(seedsText));
  const range = { start: { line, character: 10 }, end: { line, character: 10 } };
  return { actions: await service.codeActions('file:///w/sub/seeds.corpus', range), mem };
}

/** The configuration after an action's edit (created or edited). */
function after(action: WorkspaceCodeAction, before: string | undefined): unknown {
  const change = action.changes[0];
  const model = CorpusModel.parse(change.create ? '' : (before ?? ''));
  return JSON.parse(applyEdits(model, change.edits));
}

test('"Turn off … for this document" and "… in .corpusrc.json": with no configuration, one is created in the workspace folder', async () => {
  const { actions } = await actionsAt({}, 46);
  const titles = actions.map((a) => a.title);
  assert.ok(titles.includes('Insert a date line to fill in (date YYYY-MM-DD)'), titles.join(' | '));
  const doc = actions.find((a) => a.title === 'Turn off `missing-date` for this document');
  const everywhere = actions.find((a) => a.title === 'Turn off `missing-date` in .corpusrc.json');
  assert.ok(doc && everywhere, titles.join(' | '));
  assert.equal(doc.isPreferred, false);
  assert.deepEqual(doc.diagnostic?.range.start, { line: 46, character: 8 });
  assert.equal(doc.changes[0].uri, 'file:///w/.corpusrc.json');
  assert.equal(doc.changes[0].create, true);
  assert.deepEqual(after(doc, undefined), { overrides: [{ files: ['sub/seeds.corpus'], documents: [SEEDS_002], rules: { 'missing-date': 'off' } }] });
  assert.deepEqual(after(everywhere, undefined), { rules: { 'missing-date': 'off' } });
  // What the action writes silences exactly that document, and the file stays valid.
  const rc = JSON.stringify(after(doc, undefined));
  assert.deepEqual(parseRcFile(rc).problems, []);
  const config = await resolve({ 'file:///w/.corpusrc.json': rc }, 'file:///w/sub/seeds.corpus');
  assert.deepEqual(summary(computeDiagnostics(CorpusModel.parse(seedsText), config)), ['partial-date@22', 'missing-date@68', 'missing-date@81']);
});

test('the quick fixes edit the .corpusrc.json that applies, keeping its text, and add to a matching override', async () => {
  const rcText =
    '{\n  "rules": { "partial-date": "hint" },\n  "overrides": [\n    { "files": ["sub/seeds.corpus"], "documents": ["002_e77d50c1257fff65.txt"], "rules": { "date-mismatch": "off" } }\n  ]\n}\n';
  const { actions } = await actionsAt({ 'file:///w/.corpusrc.json': rcText }, 46);
  const doc = actions.find((a) => a.title === 'Turn off `missing-date` for this document');
  const everywhere = actions.find((a) => a.title === 'Turn off `missing-date` in .corpusrc.json');
  assert.ok(doc && everywhere);
  assert.equal(doc.changes[0].create, undefined);
  assert.deepEqual(after(doc, rcText), {
    rules: { 'partial-date': 'hint' },
    overrides: [{ files: ['sub/seeds.corpus'], documents: [SEEDS_002], rules: { 'date-mismatch': 'off', 'missing-date': 'off' } }],
  });
  assert.deepEqual((after(everywhere, rcText) as { rules: unknown }).rules, { 'partial-date': 'hint', 'missing-date': 'off' });
  // Another document gets its own entry.
  const other = (await actionsAt({ 'file:///w/.corpusrc.json': rcText }, 67)).actions.find((a) => a.title === 'Turn off `missing-date` for this document');
  assert.ok(other);
  assert.equal((after(other, rcText) as { overrides: unknown[] }).overrides.length, 2);
  // A broken configuration is not edited (its own diagnostics say what is wrong).
  const broken = await actionsAt({ 'file:///w/.corpusrc.json': '[ "rules" ]' }, 46);
  assert.deepEqual(
    broken.actions.filter((a) => a.title.startsWith('Turn off')),
    [],
  );
});

test('a name with glob characters is written so that it names only that document', async () => {
  const text = '<<<FILE "a [1]*.txt">>>\nno date\n<<<FILE "a 1x.txt">>>\nno date\n';
  const mem = memoryFileSystem({});
  const documents = openDocuments();
  const service = createLanguageService({ fileSystem: mem, documents });
  service.setWorkspaceFolders(['file:///w']);
  documents.models.set('file:///w/x.corpus', CorpusModel.parse(text));
  const actions = await service.codeActions('file:///w/x.corpus', { start: { line: 0, character: 9 }, end: { line: 0, character: 9 } });
  const doc = actions.find((a) => a.title === 'Turn off `missing-date` for this document');
  assert.ok(doc);
  const rc = JSON.stringify(after(doc, undefined));
  const config = await resolve({ 'file:///w/.corpusrc.json': rc }, 'file:///w/x.corpus');
  assert.deepEqual(summary(computeDiagnostics(CorpusModel.parse(text), config)), ['missing-date@3']);
});

test('the .corpusrc.json schema knows overrides and ignores', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'schemas', 'corpusrc.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ strict: false }).compile(schema);
  assert.ok(validate({ overrides: [{ files: ['a.corpus'], documents: ['x.txt'], rules: { 'missing-date': 'off' } }], ignores: ['drafts/'] }), JSON.stringify(validate.errors));
  assert.ok(!validate({ overrides: [{ files: ['a.corpus'] }] }), 'an override needs rules');
  assert.ok(!validate({ overrides: [{ rules: { 'no-such-code': 'off' } }] }));
  assert.ok(!validate({ ignores: 'drafts/' }));
});
