// lang-mismatch and the language identification behind it: the gate, tag
// comparison, the rule and its fix (editor and command line alike), `lang=`
// completion and `corpus stats`. Texts are real articles (test/fixtures/langid,
// test/fixtures/codes/lang-mismatch.corpus).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyEdits, codeActions, comparedLanguage, computeDiagnostics, CorpusModel, DEFAULT_CONFIG, fixAll, identifyLanguage, streamLintText, type Diagnostic } from '../../server/src';
import { completion } from '../../server/src/features/completion';
import { main } from '../../server/src/cli/main';
import { MemoryStream } from '../../server/src/cli/io';
import { fileStats } from '../../server/src/cli/stats';
import { FIXTURES } from '../support/fixtures';

const FIXTURE = path.join(FIXTURES, 'codes', 'lang-mismatch.corpus');
const fixture = fs.readFileSync(FIXTURE, 'utf8');

/** The records of a collected file of the language set (see its CONVENTIONS.md). */
function collected(lang: string): Map<string, string> {
  const out = new Map<string, string>();
  const parts = fs.readFileSync(path.join(FIXTURES, 'langid', 'collected', `${lang}.txt`), 'utf8').split(/^@@@ /m);
  for (const p of parts.slice(1)) {
    const nl = p.indexOf('\n');
    out.set(p.slice(0, nl).split(' ')[0], p.slice(nl + 1).trim());
  }
  return out;
}

/** The Spanish article of the fixture (its first document's text, after the date). */
const spanish = fixture
  .split('\n<<<FILE ')[0]
  .split('\n')
  .slice(1)
  .join('\n')
  .replace(/^ date \S+ /, '');

const langDiags = (text: string): Diagnostic[] => computeDiagnostics(CorpusModel.parse(text), DEFAULT_CONFIG, undefined, { text: true }).filter((d) => d.code === 'lang-mismatch');
const doc = (header: string, body: string): string => `<<<FILE a.txt date=2025-10-13 ${header}>>>\n${body}\n`;

test('identification: confident on real Chinese and Russian paragraphs, never on a line', () => {
  const zh = collected('zh');
  const ru = collected('ru');
  for (const id of ['zh-02', 'zh-04', 'zh-07']) assert.deepEqual([id, identifyLanguage(zh.get(id) ?? '').lang, identifyLanguage(zh.get(id) ?? '').confident], [id, 'zh', true]);
  for (const id of ['ru-01', 'ru-05']) assert.deepEqual([id, identifyLanguage(ru.get(id) ?? '').lang, identifyLanguage(ru.get(id) ?? '').confident], [id, 'ru', true]);
  const es = identifyLanguage(spanish);
  assert.equal(es.lang, 'es');
  assert.ok(es.confident && es.sure);
  const line = identifyLanguage('Iván Morales se vistió de héroe al anotar el gol del triunfo.');
  assert.equal(line.confident, false, 'a sentence is too little text');
  assert.equal(identifyLanguage('').lang, '');
  assert.equal(identifyLanguage('https://www.example.com/a/b 2024-12-12 10:15').confident, false);
});

test('tags are compared by primary subtag, with macrolanguages and confusable languages folded', () => {
  assert.equal(comparedLanguage('en-GB'), 'en');
  assert.equal(comparedLanguage('EN'), 'en');
  assert.equal(comparedLanguage('zh-Hant'), 'zh');
  assert.equal(comparedLanguage('yue-Hant-HK'), 'zh');
  assert.equal(comparedLanguage('cmn'), 'zh');
  assert.equal(comparedLanguage('fra'), 'fr');
  assert.equal(comparedLanguage('sr-Latn'), comparedLanguage('hr'));
  assert.equal(comparedLanguage('id'), comparedLanguage('ms'));
  assert.notEqual(comparedLanguage('ru'), comparedLanguage('uk'));
  assert.equal(comparedLanguage('und'), undefined);
  assert.equal(comparedLanguage('x-private'), undefined);
});

test('lang-mismatch: a wrong tag over enough text, named in words, on the tag', () => {
  const d = langDiags(doc('lang=fr', spanish));
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'warning');
  assert.equal(d[0].message, 'The document is tagged French (fr) but the text reads as Spanish (es). Change the tag to `lang=es`, or check that the right text is under this header.');
  assert.deepEqual(d[0].range, { start: { line: 0, character: 35 }, end: { line: 0, character: 37 } });
  assert.match(langDiags(doc('lang=pt-BR', spanish))[0]?.message ?? '', /tagged Portuguese \(pt-BR\) but the text reads as Spanish \(es\)/);
  assert.match(langDiags(doc('lang="de"', spanish))[0]?.message ?? '', /tagged German \(de\)/);
});

test('lang-mismatch: silent on right tags, regional and script variants, tags of no language, little text', () => {
  for (const tag of ['es', 'es-AR', 'ES', 'spa', 'und', 'mul', 'x-local', 'haw']) assert.deepEqual(langDiags(doc(`lang=${tag}`, spanish)), [], tag);
  const zh = collected('zh');
  for (const tag of ['zh-Hant', 'zh-TW', 'yue', 'cmn-Hant']) assert.deepEqual(langDiags(doc(`lang=${tag}`, zh.get('zh-02') ?? '')), [], tag);
  assert.equal(langDiags(doc('lang=ja', zh.get('zh-02') ?? '')).length, 1, 'Chinese tagged Japanese');
  assert.deepEqual(langDiags(doc('lang=de', 'Iván Morales se vistió de héroe al anotar el gol del triunfo.')), []);
  assert.deepEqual(langDiags(doc('', spanish)), [], 'no tag, nothing to contradict');
  const off = computeDiagnostics(CorpusModel.parse(doc('lang=fr', spanish)), { ...DEFAULT_CONFIG, rules: { 'lang-mismatch': 'off' } }, undefined, { text: true });
  assert.deepEqual(
    off.map((x) => x.code),
    [],
  );
});

test('lang-mismatch: the fix rewrites the tag, preferred only when the identification is sure', () => {
  const model = CorpusModel.parse(doc('lang=fr', spanish));
  const d = langDiags(doc('lang=fr', spanish))[0];
  const actions = codeActions(model, DEFAULT_CONFIG, d.range).filter((a) => a.diagnostic?.code === 'lang-mismatch');
  assert.deepEqual(
    actions.map((a) => [a.title, a.isPreferred]),
    [['Change the tag to `lang=es` (Spanish)', true]],
  );
  const fixed = applyEdits(model, fixAll(model, DEFAULT_CONFIG));
  assert.ok(fixed.startsWith('<<<FILE a.txt date=2025-10-13 lang=es>>>\n'));
  assert.deepEqual(langDiags(fixed), []);
  // A shorter lead: confident enough to say so, not sure enough to rewrite the tag without asking.
  let short = spanish.slice(0, 200);
  while (!(identifyLanguage(short).confident && !identifyLanguage(short).sure) && short.length > 120) short = short.slice(0, -10);
  assert.ok(identifyLanguage(short).confident && !identifyLanguage(short).sure, 'a lead that is confident but not sure');
  const m2 = CorpusModel.parse(doc('lang=fr', short));
  const d2 = langDiags(doc('lang=fr', short));
  assert.equal(d2.length, 1);
  const a2 = codeActions(m2, DEFAULT_CONFIG, d2[0].range).filter((a) => a.diagnostic?.code === 'lang-mismatch');
  assert.deepEqual(
    a2.map((a) => a.isPreferred),
    [false],
  );
  assert.deepEqual(fixAll(m2, DEFAULT_CONFIG), [], '"Fix all" leaves an unsure tag alone');
});

test('lang-mismatch: the command line reports and fixes exactly as the editor does', async () => {
  const editor = computeDiagnostics(CorpusModel.parse(fixture), DEFAULT_CONFIG, undefined, { text: true });
  for (const sizes of [[1 << 16], [7, 13, 101]]) assert.deepEqual(streamLintText(fixture, DEFAULT_CONFIG, sizes), editor);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lang-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'f.corpus');
  fs.writeFileSync(file, fixture);
  const stdout = new MemoryStream(false);
  const stderr = new MemoryStream(false);
  const code = await main(['lint', '--fix', file], { cwd: dir, stdout, stderr, env: {} });
  assert.equal(code, 0, stdout.text + stderr.text);
  const model = CorpusModel.parse(fixture);
  assert.equal(fs.readFileSync(file, 'utf8'), applyEdits(model, fixAll(model, DEFAULT_CONFIG)));
  assert.ok(fs.readFileSync(file, 'utf8').startsWith('<<<FILE morales.txt lang=es '));
});

test('lang= completion: the language of the text first, preselected when confident', () => {
  const m = CorpusModel.parse(`<<<FILE a.txt lang=>>>\n${spanish}\n`);
  const items = completion(m, DEFAULT_CONFIG, { line: 0, character: 19 });
  assert.equal(items[0].label, 'es');
  assert.equal(items[0].detail, "Spanish: the language of this document's text");
  assert.equal(items[0].preselect, true);
  assert.equal(items.filter((i: { label: string }) => i.label === 'es').length, 1, 'offered once');
  assert.deepEqual(
    completion(CorpusModel.parse(`<<<FILE a.txt lang=f>>>\n${spanish}\n`), DEFAULT_CONFIG, { line: 0, character: 20 }).map((i: { label: string }) => i.label),
    ['fr'],
  );
  const little = completion(CorpusModel.parse('<<<FILE a.txt lang=>>>\nEl presidente habló con los ministros del gobierno.\n'), DEFAULT_CONFIG, { line: 0, character: 19 });
  assert.equal(little[0].label, 'es');
  assert.match(String(little[0].detail), /little text: check it/);
  assert.equal(little[0].preselect, undefined);
});

test('corpus stats: languages tagged and identified, and tags the text contradicts', async () => {
  const s = await fileStats(FIXTURE, 'lang-mismatch.corpus');
  assert.deepEqual(s.languages, { fr: 1, 'en-GB': 1, 'zh-Hant': 1, ru: 1, de: 1 });
  assert.deepEqual(s.identifiedLanguages, { es: 1, en: 1, zh: 1, ru: 1, und: 1 });
  assert.equal(s.tagDisagrees, 1);
  assert.deepEqual(s.detectedLanguages, {});
});
