// What the trained scorer is given to decide on (passes/candidates.ts, candidateRuns.ts,
// text.ts), on sentences of the development set's dev part: initials of a name are
// candidates though single letters are common words; a name glued to the word before
// it by a broken caption is its own word; an Arabic nationality adjective between a
// noun and a name is part of neither. The runs do not depend on the model's weights;
// the last tests read the whole detector on the same dev documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectPeople, foldName, trainingRuns } from '../../server/src/people';
import { tokenize, Tokens } from '../../server/src/people/text';
import { isArabicDemonym, wordLists } from '../../server/src/people/wordLists';
import { FIXTURES } from '../support/fixtures';

const devText = (id: string): string => fs.readFileSync(path.join(FIXTURES, 'people', 'dev', 'dev', `${id}.txt`), 'utf8');

/** The candidate runs of a text, as lists of folded words. */
const runs = (text: string, lang: string): string[][] => trainingRuns(text, lang).runs.map((r) => r.words);
const hasRun = (rs: string[][], phrase: string): boolean => rs.some((r) => r.join(' ') === foldName(phrase));
const inSomeRun = (rs: string[][], word: string): boolean => rs.some((r) => r.includes(foldName(word)));
const words = (text: string): string[] => {
  const tk = tokenize(text, new Tokens());
  return Array.from({ length: tk.count }, (_, i) => tk.r(i));
};

test('initials before a full stop and a name are candidates (fr-23 byline, fr-08, en-10)', () => {
  // dev/fr-23: a byline of initials and surnames
  const byline = 'Article rédigé par France 2 - C. Tixier, M.-C. Dubuc, T. De Tricornot, A. Delcourt, J. Delage';
  assert.ok(devText('fr-23').includes(byline));
  const rs = runs(byline, 'fr');
  for (const name of ['C. Tixier', 'A. Delcourt', 'J. Delage']) assert.ok(hasRun(rs, name), `${name} is one run: ${JSON.stringify(rs)}`);
  // dev/fr-08: a middle initial
  assert.ok(hasRun(runs("qui, avec l'aide de M. Timothy D. Cook, Chief Operating Officer", 'fr'), 'Timothy D. Cook'));
  // dev/en-10: initials without a full stop after the last
  assert.ok(hasRun(runs('African rom-com Potato Potahto, starring O.C Ukeje & Joselyn Dumas.', 'en'), 'O.C Ukeje'));
});

test('a single capital that is no initial stays a common word', () => {
  const rs = runs('Le club est en catégorie A, puis il a gagné la Coupe.', 'fr');
  assert.ok(!inSomeRun(rs, 'A'), JSON.stringify(rs));
});

test('a name glued to the word before it by a broken caption is a word of its own (fr-11)', () => {
  // dev/fr-11: "À lire aussi" glued to the next headline
  const line = 'À lire aussiEmmanuel Macron appelle à la "libération la plus rapide"';
  assert.ok(devText('fr-11').includes(line));
  assert.deepEqual(words(line).slice(0, 5), ['À', 'lire', 'aussi', 'Emmanuel', 'Macron']);
  assert.ok(hasRun(runs(line, 'fr'), 'Emmanuel Macron'));
  // inner capitals after fewer letters, and hyphenated names, stay whole
  assert.deepEqual(words('McDonald BlackPink YouTube DeepMind Rodríguez-Zapatero Jean-Pierre LeBron'), ['McDonald', 'BlackPink', 'YouTube', 'DeepMind', 'Rodríguez-Zapatero', 'Jean-Pierre', 'LeBron']);
});

test('Arabic nationality adjectives: from country and region names, not a name’s nisba', () => {
  const l = wordLists();
  for (const w of ['الأميركي', 'الأمريكي', 'البرازيلي', 'الفرنسية', 'الألماني', 'الروسي', 'البريطاني']) assert.ok(isArabicDemonym(foldName(w), l), w);
  for (const w of ['العبادي', 'الشاذلي', 'الحلبوسي', 'الشرقاوي', 'السيد']) assert.ok(!isArabicDemonym(foldName(w), l), w);
});

test('an Arabic nationality adjective between a noun and a name is in no run (ar-20, ar-02); a nisba name stays (ar-17)', () => {
  // dev/ar-20
  const musk = 'أكد الملياردير الأميركي إيلون ماسك، اليوم الثلاثاء';
  assert.ok(devText('ar-20').includes(musk));
  const rs = runs(musk, 'ar');
  assert.ok(hasRun(rs, 'إيلون ماسك'), JSON.stringify(rs));
  assert.ok(!inSomeRun(rs, 'الأميركي'), JSON.stringify(rs));
  // dev/ar-02
  assert.ok(!inSomeRun(runs('سجل اللاعب البرازيلي برونو سافيو الهدف الأول', 'ar'), 'البرازيلي'));
  // dev/ar-17: السوداني (the prime minister's nisba, also "Sudanese") after an indefinite noun
  assert.ok(inSomeRun(runs('وذكر بيان لمكتب السوداني ورد لوكالة شفق نيوز', 'ar'), 'السوداني'));
});

test('the detector on the same dev documents: initials in the span, no caption, no nationality', () => {
  const found = (id: string, lang: string, from: string, length: number): string[] => {
    const text = devText(id);
    const at = text.indexOf(from);
    assert.ok(at >= 0);
    return detectPeople(text, { lang })
      .filter((m) => m.start >= at && m.end <= at + length)
      .map((m) => m.text);
  };
  assert.deepEqual(found('fr-08', 'fr', "avec l'aide de M. Timothy D. Cook", 40), ['Timothy D. Cook']);
  assert.deepEqual(found('fr-11', 'fr', 'À lire aussiEmmanuel Macron', 30), ['Emmanuel Macron']);
  assert.deepEqual(found('ar-20', 'ar', 'أكد الملياردير الأميركي إيلون ماسك', 40), ['إيلون ماسك']);
});

test('Arabic spans: a name does not end on "عبد", "و" before a name seen alone starts another, a name that begins with و keeps it', () => {
  const within = (id: string, from: string, length: number): string[] => {
    const text = devText(id);
    const at = text.indexOf(from);
    assert.ok(at >= 0, from);
    return detectPeople(text, { lang: 'ar' })
      .filter((m) => m.start >= at && m.end <= at + length)
      .map((m) => m.text);
  };
  // dev/ar-05: the title's complement is followed by a compound name whose second word has the article
  assert.deepEqual(within('ar-05', 'بقيادة رئيس الجمهورية عبد المجيد تبون', 40), ['عبد المجيد تبون']);
  // dev/ar-08: a heading "ترامب وبوتين"; بوتين stands alone elsewhere in the article
  assert.deepEqual(within('ar-08', 'ترامب وبوتين', 12), ['ترامب', 'بوتين']);
  // train/ar-51: a long Gulf name, its joining words (بن, آل) not counted among its words; train/ar-50: مولاي
  const train = (id: string, from: string): string[] => {
    const text = fs.readFileSync(path.join(FIXTURES, 'people', 'dev', 'train', `${id}.txt`), 'utf8');
    const at = text.indexOf(from);
    assert.ok(at >= 0, from);
    return detectPeople(text, { lang: 'ar' })
      .filter((m) => m.start >= at && m.end <= at + from.length)
      .map((m) => m.text);
  };
  assert.deepEqual(train('ar-51', 'سمو الشيخ حمدان بن محمد بن راشد آل مكتوم'), ['حمدان بن محمد بن راشد آل مكتوم']);
  assert.deepEqual(train('ar-50', 'الأميرُ مولاي الحسن'), ['مولاي الحسن']);
  // dev/ar-25: ويتكوف (Witkoff) is written with its و each time and never without it
  assert.deepEqual(within('ar-25', 'أمر سهل. ويتكوف يقوم', 25), ['ويتكوف']);
});

test('initials inside a name, ranks after it outside (train/en-53, en-504, en-505, en-507, en-508)', () => {
  const trainText = (id: string): string => fs.readFileSync(path.join(FIXTURES, 'people', 'dev', 'train', `${id}.txt`), 'utf8');
  const within = (id: string, from: string): string[] => {
    const text = trainText(id);
    const at = text.indexOf(from);
    assert.ok(at >= 0, from);
    return detectPeople(text, { lang: 'en' })
      .filter((m) => m.start >= at && m.end <= at + from.length)
      .map((m) => m.text);
  };
  // a full stop after an initial does not end the name, though "Bush" is a common word
  assert.deepEqual(within('en-53', 'appointed by President George W. Bush'), ['George W. Bush']);
  // an initial without a full stop, in the middle or first
  assert.deepEqual(within('en-508', 'Mark Ciavarella and Michael T Conahan'), ['Mark Ciavarella', 'Michael T Conahan']);
  assert.ok(hasRun(runs('the spin of R Ashwin starting with the seventh over', 'en'), 'R Ashwin'));
  // a rank or an office after the name is not part of it
  assert.deepEqual(within('en-507', 'Judge Patrick Lynch QC said'), ['Patrick Lynch']);
  assert.deepEqual(within('en-505', 'Godwin Emefiele GMD/CEO'), ['Godwin Emefiele']);
  // one-letter words of headlines are no initials
  assert.ok(!inSomeRun(runs('Why I Love Paris', 'en'), 'I'));
});

test('runs that are items of one list are linked for the second pass (en-22; "und")', () => {
  // dev/en-22: a caption listing four surnames
  const caption = 'Meets Lawan, Gbajabiamila, Abbas, Kalu at Aso Villa';
  assert.ok(devText('en-22').includes(caption));
  const out = trainingRuns(caption, 'en');
  const linked = out.runs.map((r, i) => `${r.words.join(' ')}:${out.links[i]}`);
  assert.deepEqual(linked, ['meets lawan:2', 'gbajabiamila:3', 'abbas:3', 'kalu:1', 'aso villa:0']);
  const und = trainingRuns('mit Thomas Müller und Manuel Neuer auf dem Platz', 'de');
  assert.deepEqual(und.links, [2, 1]);
});
