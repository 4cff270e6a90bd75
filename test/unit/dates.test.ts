import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { datesContradict, describeDate, findDateExpressions, proposeDates, type DateExpression, type ProposeContext } from '../../server/src/dates';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'dates');
function fixture(prefix: string): string {
  const name = fs.readdirSync(FIXTURES).find((f) => f.startsWith(prefix));
  assert.ok(name, `fixture ${prefix} exists`);
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** The expressions of one kind, reduced to what a test compares. */
function found(text: string, lang?: string): Array<Partial<DateExpression>> {
  return findDateExpressions(text, lang ? { lang } : undefined).map((e) => {
    const o: Partial<DateExpression> = { kind: e.kind, text: e.text, language: e.language };
    if (e.year !== undefined) o.year = e.year;
    if (e.month !== undefined) o.month = e.month;
    if (e.day !== undefined) o.day = e.day;
    if (e.weekday !== undefined) o.weekday = e.weekday;
    return o;
  });
}

function isoList(text: string, ctx: ProposeContext = {}): Array<string | undefined> {
  return proposeDates(text, ctx).map((c) => c.iso);
}

describe('findDateExpressions: English', () => {
  it('finds a full date with its weekday, a day and month, and a year mention', () => {
    const text = 'The museum reopened on Thursday, 13 March 2025. Its director spoke on the evening of April 2 about plans made in 2024.';
    assert.deepEqual(found(text), [
      { kind: 'date', text: 'Thursday, 13 March 2025', language: 'en', year: 2025, month: 3, day: 13, weekday: 4 },
      { kind: 'date', text: 'April 2', language: 'en', month: 4, day: 2 },
      { kind: 'year', text: 'in 2024', language: 'en', year: 2024 },
    ]);
  });

  it('finds a month with a year and a weekday alone', () => {
    const text = 'Talks resumed in June 2023 and ended on Friday.';
    assert.deepEqual(found(text), [
      { kind: 'month', text: 'June 2023', language: 'en', year: 2023, month: 6 },
      { kind: 'weekday', text: 'Friday', language: 'en', weekday: 5 },
    ]);
  });

  it('gives UTF-16 offsets, also after astral characters', () => {
    const text = '🎉🎉 Celebrations began on 4 July 2024 in the capital.';
    const [e] = findDateExpressions(text);
    assert.equal(e.start, text.indexOf('4 July'));
    assert.equal(text.slice(e.start, e.end), '4 July 2024');
    assert.deepEqual(e.yearSpan, { start: text.indexOf('2024'), end: text.indexOf('2024') + 4 });
  });
});

describe('findDateExpressions: French', () => {
  it('finds "le 12 décembre 2024", a weekday joined to its date, and "en 2025"', () => {
    const text = 'Le maire a inauguré le pont le 12 décembre 2024. Il reviendra mardi matin 3 juin pour le bilan prévu en 2025.';
    assert.deepEqual(found(text), [
      { kind: 'date', text: '12 décembre 2024', language: 'fr', year: 2024, month: 12, day: 12 },
      { kind: 'date', text: 'mardi matin 3 juin', language: 'fr', month: 6, day: 3, weekday: 2 },
      { kind: 'year', text: 'en 2025', language: 'fr', year: 2025 },
    ]);
  });

  it('reads "1er mars" and "mars 2026"', () => {
    const text = 'La saison commence le 1er mars et la récolte sera vendue en mars 2026.';
    const kinds = found(text);
    assert.deepEqual(kinds[0], { kind: 'date', text: '1er mars', language: 'fr', month: 3, day: 1 });
    assert.deepEqual(kinds[1], { kind: 'month', text: 'mars 2026', language: 'fr', year: 2026, month: 3 });
  });
});

describe('findDateExpressions: Spanish', () => {
  it('finds "el jueves 13 de marzo de 2025", "marzo de 2024" and "en 2023"', () => {
    const text = 'La feria abrió el jueves 13 de marzo de 2025, un año después de la de marzo de 2024; la idea nació en 2023.';
    assert.deepEqual(found(text), [
      { kind: 'date', text: 'jueves 13 de marzo de 2025', language: 'es', year: 2025, month: 3, day: 13, weekday: 4 },
      { kind: 'month', text: 'marzo de 2024', language: 'es', year: 2024, month: 3 },
      { kind: 'year', text: 'en 2023', language: 'es', year: 2023 },
    ]);
  });
});

describe('findDateExpressions: Vietnamese', () => {
  it('finds "ngày 13 tháng 3 năm 2025", "13/3/2025", "tháng 3/2025" and "năm 2025"', () => {
    const text = 'Hội nghị khai mạc ngày 13 tháng 3 năm 2025 tại Hà Nội. Báo cáo ký 20/3/2025 nêu kế hoạch tháng 4/2025 và mục tiêu năm 2026.';
    assert.deepEqual(found(text), [
      { kind: 'date', text: 'ngày 13 tháng 3 năm 2025', language: 'vi', year: 2025, month: 3, day: 13 },
      { kind: 'date', text: '20/3/2025', language: 'vi', year: 2025, month: 3, day: 20 },
      { kind: 'month', text: 'tháng 4/2025', language: 'vi', year: 2025, month: 4 },
      { kind: 'year', text: 'năm 2026', language: 'vi', year: 2026 },
    ]);
  });

  it('reads a weekday with a short date, a cue word before "13/3" and a month word', () => {
    const text = 'Thứ Năm (13/3), đoàn đến Huế. Sáng 14/3, đoàn rời đi; lễ hội kéo dài đến tháng Ba năm 2025.';
    assert.deepEqual(found(text), [
      { kind: 'date', text: 'Thứ Năm (13/3)', language: 'vi', month: 3, day: 13, weekday: 4 },
      { kind: 'date', text: '14/3', language: 'vi', month: 3, day: 14 },
      { kind: 'month', text: 'tháng Ba năm 2025', language: 'vi', year: 2025, month: 3 },
    ]);
  });

  it('does not read fractions as dates', () => {
    assert.deepEqual(found('Khoảng 1/2 số hộ dân và 3/4 số trường học đã có điện.'), []);
  });
});

describe('findDateExpressions: Arabic', () => {
  it('reads ordinal day words with both month names and a year mention', () => {
    const text = 'في السادس من يناير/كانون الثاني، افتتح الوزير المعرض الذي يختتم أعمال عام 2024.';
    assert.deepEqual(found(text), [
      { kind: 'date', text: 'السادس من يناير/كانون الثاني', language: 'ar', month: 1, day: 6 },
      { kind: 'year', text: 'عام 2024', language: 'ar', year: 2024 },
    ]);
  });

  it('reads compound and feminine ordinals, Levantine and Gulf/Egyptian months', () => {
    const text = 'انتهى الموسم في الحادي والثلاثين من كانون الأول، وبدأ التسجيل في الحادية والعشرين من شهر فبراير.';
    assert.deepEqual(found(text), [
      { kind: 'date', text: 'الحادي والثلاثين من كانون الأول', language: 'ar', month: 12, day: 31 },
      { kind: 'date', text: 'الحادية والعشرين من شهر فبراير', language: 'ar', month: 2, day: 21 },
    ]);
  });

  it('reads Eastern Arabic digits, a weekday and a year', () => {
    const text = 'وصل الوفد يوم الخميس ١٣ آذار/مارس ٢٠٢٥ إلى العاصمة، ويعود في تموز ٢٠٢٦.';
    assert.deepEqual(found(text), [
      { kind: 'date', text: 'يوم الخميس ١٣ آذار/مارس ٢٠٢٥', language: 'ar', year: 2025, month: 3, day: 13, weekday: 4 },
      { kind: 'month', text: 'تموز ٢٠٢٦', language: 'ar', year: 2026, month: 7 },
    ]);
  });

  it('strips one-letter prefixes from year words ("لعام 2025")', () => {
    assert.deepEqual(found('وضعت الوزارة خطة لعام 2025.'), [{ kind: 'year', text: 'لعام 2025', language: 'ar', year: 2025 }]);
  });
});

describe('invalid dates are rejected', () => {
  for (const text of [
    'The report is dated 31 February 2025.',
    'Le rapport est daté du 31 février.',
    'Báo cáo ngày 30 tháng 2 năm 2025.',
    'صدر التقرير في الحادي والثلاثين من نيسان.',
    'The vote was held on 29 February 2023.',
  ]) {
    it(`finds no date in "${text}"`, () => {
      assert.deepEqual(
        findDateExpressions(text).filter((e) => e.kind === 'date'),
        [],
      );
      assert.deepEqual(proposeDates(text), []);
    });
  }

  it('does not offer 29 February in a year without it', () => {
    const text = 'The festival took place on February 29, according to the programme for 2023.';
    const [c] = proposeDates(text);
    assert.equal(c.iso, undefined);
    assert.equal(c.yearOpen, true);
    assert.match(c.reason, /does not exist in 2023/);
    assert.deepEqual(isoList(text.replace('2023', '2024')), ['2024-02-29']);
  });
});

describe('year resolution', () => {
  it('uses the year stated in the expression', () => {
    const [c] = proposeDates('The bridge opened on 13 March 2025, after the storms of 2024.');
    assert.equal(c.iso, '2025-03-13');
    assert.equal(c.yearSource?.kind, 'expression');
  });

  it('takes the year from a year mention in the text, and says which', () => {
    const text = 'The bridge opened on the morning of March 13. It had been planned in 2025 budget talks.';
    const [c] = proposeDates(text);
    assert.equal(c.iso, '2025-03-13');
    assert.equal(c.yearSource?.kind, 'text');
    assert.equal(c.yearSource?.text, '2025');
    assert.equal(c.yearSource?.start, text.indexOf('2025'));
    assert.match(c.reason, /^from 'March 13' in the text, year from '2025'/);
  });

  it('prefers the latest of several years the text mentions, and keeps the other as an alternative', () => {
    const text = 'On 6 January the ministry reviewed its work in 2024 and set its goals for 2025.';
    const cs = proposeDates(text);
    assert.deepEqual(cs.map((c) => c.iso), ['2025-01-06', '2024-01-06']);
    assert.ok(cs[0].score > cs[1].score);
    assert.equal(cs[0].reason, "from '6 January' in the text, year from '2025'");
    assert.match(cs[0].detail, /the latest year the text mentions; it also mentions 2024/);
  });

  it('takes the year from the document name when the text has none', () => {
    for (const documentName of ['2025-03-13_bridge.txt', 'vna_20250313.txt']) {
      const [c] = proposeDates('The bridge opened on March 13 after long delays.', { documentName });
      assert.equal(c.iso, '2025-03-13');
      assert.deepEqual(c.yearSource, { kind: 'name', text: documentName });
      assert.match(c.reason, /year from the document name/);
    }
  });

  it('prefers a year in the text over the document name', () => {
    const [c] = proposeDates('The bridge opened on March 13, two years after the 2021 floods, in 2023.', { documentName: 'x_2025.txt' });
    assert.equal(c.iso, '2023-03-13');
  });

  it('takes the year from the neighbouring documents, choosing the closest date', () => {
    const aug = proposeDates('La séance de travail a eu lieu le 29 août à Hanoï.', { previousDate: '2024-12' });
    assert.equal(aug[0].iso, '2024-08-29');
    assert.deepEqual(aug[0].yearSource, { kind: 'neighbour', text: '2024-12' });
    assert.match(aug[0].reason, /earlier document dated 2024-12/);
    // Across the turn of the year: early January after a December neighbour is the next year.
    const jan = proposeDates('The conference opened on January 6 in Hanoi.', { previousDate: '2024-12-20' });
    assert.equal(jan[0].iso, '2025-01-06');
    const next = proposeDates('The conference opened on December 30 in Hanoi.', { nextDate: '2025-01-02' });
    assert.equal(next[0].iso, '2024-12-30');
  });

  it('leaves the year open, with no iso, when nothing gives one', () => {
    const [c] = proposeDates('La séance de travail a eu lieu le 29 août à Hanoï.');
    assert.equal(c.yearOpen, true);
    assert.equal(c.iso, undefined);
    assert.equal(c.month, 8);
    assert.equal(c.day, 29);
    assert.match(c.reason, /year is left open/);
  });
});

describe('ranking', () => {
  it('puts the date of the first sentence first', () => {
    const text = 'The summit opened on 5 May 2025 in Hanoi.\nDelegates recalled the first meeting on 2 April 2019 and the last one on 9 June 2024.';
    assert.deepEqual(isoList(text), ['2025-05-05', '2019-04-02', '2024-06-09']);
    assert.equal(proposeDates(text)[0].expression.inLead, true);
  });

  it('treats a short first line as a title and the next sentence as the lead', () => {
    const text = 'Minister visits the north\n\nAs the ministry said in its note of 2 March 2025, the minister arrived on 3 March 2025.\n\nLater, on 4 March 2025, he left.';
    const cs = proposeDates(text);
    assert.deepEqual(cs.filter((c) => c.expression.inLead).map((c) => c.iso), ['2025-03-02', '2025-03-03']);
    assert.equal(cs[2].iso, '2025-03-04');
  });

  it('raises a date whose weekday agrees and lowers one whose weekday contradicts', () => {
    const agree = proposeDates('The court ruled on Thursday, 13 March 2025, after a long trial.')[0];
    const plain = proposeDates('The court ruled on 13 March 2025, after a long trial.')[0];
    const wrong = proposeDates('The court ruled on Friday, 13 March 2025, after a long trial.')[0];
    assert.equal(agree.weekdayAgrees, true);
    assert.equal(wrong.weekdayAgrees, false);
    assert.equal(plain.weekdayAgrees, undefined);
    assert.ok(agree.score > plain.score && plain.score > wrong.score);
    assert.match(wrong.reason, /2025-03-13 is a Thursday, not a Friday/);
    assert.match(agree.reason, /Thursday agrees/);
  });

  it('returns at most five candidates, one per date', () => {
    const text = Array.from({ length: 9 }, (_, i) => `Event ${i} was on ${i + 1} May 2024.`).join(' ') + ' Event 1 was on 2 May 2024.';
    const cs = proposeDates(text);
    assert.equal(cs.length, 5);
    assert.equal(new Set(cs.map((c) => c.iso)).size, 5);
  });
});

describe('no support, no offer', () => {
  for (const [label, text, ctx] of [
    ['a text without dates', 'The minister praised the diplomats for their work and their loyalty.', {}],
    ['an empty text', '', {}],
    ['a weekday alone, even with neighbours', 'The minister met the diplomats on Thursday.', { previousDate: '2024-12-12', documentName: 'vna_20241212.txt' }],
    ['a year alone', 'The ministry will be restructured in 2025.', { previousDate: '2024-12' }],
    ['numbers that are not dates', 'About 30 countries and 1/2 of the 100 delegates, 18-NQ/TW, 2,000 people.', { previousDate: '2024-12' }],
  ] as const) {
    it(`offers nothing for ${label}`, () => {
      assert.deepEqual(proposeDates(text, ctx), []);
    });
  }

  it('skips the corpus date line at the top of the body', () => {
    assert.deepEqual(findDateExpressions(' date 2024-12-12 HÀ NỘI — The president met the diplomats.'), []);
  });

  it('never throws on odd input', () => {
    const odd: unknown[] = [undefined, null, 42, '\u0000\uFFFD', '\uD800', 'ngày ngày ngày tháng tháng', '٣١/٢/٢٠٢٥', 'في في في من من', '1/'.repeat(5000), 'March '.repeat(5000)];
    for (const value of odd) {
      // Deliberately wrong types: callers may pass anything.
      const text = value as string;
      assert.ok(Array.isArray(findDateExpressions(text)));
      assert.ok(Array.isArray(proposeDates(text, { previousDate: 'garbage', nextDate: '2024-02-30' })));
    }
    assert.equal(datesContradict('not a date', []), undefined);
    assert.equal(describeDate('2024-13-01'), "'2024-13-01' is not a valid date");
  });
});

describe('describeDate', () => {
  it('describes each precision', () => {
    assert.equal(describeDate('2024-12-12'), 'Thursday 12 December 2024 (day precision)');
    assert.equal(describeDate('2024-12'), 'December 2024 (month precision)');
    assert.equal(describeDate('2024'), '2024 (year precision)');
  });

  it('uses the document language for the date words', () => {
    assert.equal(describeDate('2024-08-29', 'fr'), 'jeudi 29 août 2024 (day precision)');
    assert.equal(describeDate('2025-03-13', 'es'), 'jueves 13 de marzo de 2025 (day precision)');
    assert.equal(describeDate('2025-03-13', 'vi'), 'Thứ Năm, ngày 13 tháng 3 năm 2025 (day precision)');
    assert.equal(describeDate('2025-01-06', 'ar'), 'الاثنين 6 يناير (كانون الثاني) 2025 (day precision)');
  });
});

describe('datesContradict', () => {
  const text = fixture('002');
  it('reports a date line of another month than the text states', () => {
    const c = datesContradict('2024-12', proposeDates(text));
    assert.ok(c);
    assert.equal(c.candidate.expression.text, '29 août');
    assert.match(c.message, /29 August/);
  });

  it('is silent when the text agrees or says nothing', () => {
    assert.equal(datesContradict('2024-08', proposeDates(text)), undefined);
    assert.equal(datesContradict('2024-08-29', proposeDates(text)), undefined);
    assert.equal(datesContradict('2024', proposeDates(text)), undefined);
    assert.equal(datesContradict('2024-12', proposeDates('No date here at all.')), undefined);
  });

  it('holds a stated year against the document', () => {
    const cs = proposeDates('The summit opened on 5 May 2025 in Hanoi.');
    assert.ok(datesContradict('2024', cs));
    assert.equal(datesContradict('2025', cs), undefined);
  });
});

describe('the seed articles', () => {
  it('002: "le 29 août" takes 2024 from the earlier document dated 2024-12, or stays open without neighbours', () => {
    const text = fixture('002');
    const [best] = proposeDates(text, { documentName: '002_e77d50c1257fff65.txt', previousDate: '2024-12', lang: 'fr' });
    assert.equal(best.iso, '2024-08-29');
    assert.equal(best.yearSource?.kind, 'neighbour');
    assert.equal(best.expression.text, '29 août');
    const [open] = proposeDates(text, { documentName: '002_e77d50c1257fff65.txt' });
    assert.equal(open.yearOpen, true);
    assert.equal(open.iso, undefined);
  });

  it('003: "the morning of March 13" with "amnesty in 2025" gives 2025-03-13', () => {
    const text = fixture('003');
    const cs = proposeDates(text, { documentName: '003_dc61dc6a43fd7c34.txt', previousDate: '2024-12' });
    assert.equal(cs[0].iso, '2025-03-13');
    assert.equal(cs[0].yearSource?.text, '2025');
    assert.match(cs[0].reason, /^from 'March 13' in the text, year from '2025'/);
    assert.equal(proposeDates(text)[0].iso, '2025-03-13');
  });

  it('004: "في السادس من يناير" with "عام 2024 … لعام 2025" gives 2025-01-06', () => {
    const text = fixture('004');
    assert.equal(proposeDates(text, { documentName: '004_b79afbb6f32da4f5.txt', previousDate: '2024-12' })[0].iso, '2025-01-06');
    const cs = proposeDates(text);
    assert.equal(cs[0].iso, '2025-01-06');
    assert.equal(cs[0].expression.language, 'ar');
    assert.equal(cs[0].expression.day, 6);
  });
});
