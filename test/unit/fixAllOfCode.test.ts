// "Fix all <code> in this file" (the Corpus Problems view): the fix-all rules, for one code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, computeDiagnostics, CorpusModel, createLanguageService, DEFAULT_CONFIG, fixAll, OpenDocuments } from '../../server/src';
import { memoryFileSystem } from '../support/memoryFileSystem';

// A control character, a duplicate attribute, text outside any document, and (ends on some documents only) unterminated ones.
const TEXT =
  'stray words\n<<<FILE a.txt date=2024-12-01 lang=fr lang=en>>>\nTexte\u0007 ici — 😀.\n<<<END>>>\n<<<FILE b.txt date=2024-12-02>>>\nمرحبا\u0007.\n<<<FILE c.txt date=2024-12-03>>>\nCafé.\n';

const codes = (text: string): string[] => computeDiagnostics(CorpusModel.parse(text), DEFAULT_CONFIG).map((d) => d.code);

test('fixAll with a code fixes only that code, as "Fix all" would', () => {
  const before = codes(TEXT);
  assert.ok(before.includes('control-character') && before.includes('duplicate-attribute'), before.join(', '));
  const model = CorpusModel.parse(TEXT);
  const onlyControl = applyEdits(model, fixAll(model, DEFAULT_CONFIG, undefined, 'control-character'));
  assert.deepEqual(
    codes(onlyControl),
    before.filter((c) => c !== 'control-character'),
  );
  const onlyDuplicate = applyEdits(model, fixAll(model, DEFAULT_CONFIG, undefined, 'duplicate-attribute'));
  assert.deepEqual(
    codes(onlyDuplicate),
    before.filter((c) => c !== 'duplicate-attribute'),
  );
  // The edits of one code are among those of "Fix all".
  const all = JSON.stringify(fixAll(model, DEFAULT_CONFIG));
  for (const e of fixAll(model, DEFAULT_CONFIG, undefined, 'control-character')) assert.ok(all.includes(JSON.stringify(e)));
  // A code nobody has, or with no fix that is always right: nothing.
  assert.deepEqual(fixAll(model, DEFAULT_CONFIG, undefined, 'missing-date'), []);
  assert.deepEqual(fixAll(model, DEFAULT_CONFIG, undefined, 'no-such-code'), []);
});

test('the service answers kind source.fixAll.corpus.<code> only when asked by name', async () => {
  const models = new Map<string, CorpusModel>();
  const documents: OpenDocuments = { get: (uri) => models.get(uri), uris: () => models.keys() };
  const service = createLanguageService({ fileSystem: memoryFileSystem({}), documents });
  const uri = 'file:///w/x.corpus';
  models.set(uri, CorpusModel.parse(TEXT));
  const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const kinds = async (only?: string[]): Promise<string[]> => (await service.codeActions(uri, at, only)).filter((a) => a.kind.startsWith('source')).map((a) => a.kind);
  assert.deepEqual(await kinds(['source.fixAll']), ['source.fixAll.corpus']);
  assert.deepEqual(await kinds(['source.fixAll.corpus.control-character']), ['source.fixAll.corpus.control-character']);
  assert.deepEqual(await kinds(['source.fixAll.corpus.control-character', 'source.fixAll.corpus.duplicate-attribute']), [
    'source.fixAll.corpus.control-character',
    'source.fixAll.corpus.duplicate-attribute',
  ]);
  assert.deepEqual(await kinds(['source.fixAll.corpus.missing-date']), []);
  assert.deepEqual(await kinds(undefined), []);
});
