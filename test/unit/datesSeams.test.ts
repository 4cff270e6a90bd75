import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { findDateExpressions, proposeDates } from '../../server/src/dates';
import { unglue } from '../../server/src/dates/unglue';

/** The first proposal's date and whether "Fix all" would write it. */
const first = (text: string, lang: string): [string | undefined, boolean | undefined] => {
  const c = proposeDates(text, { lang })[0];
  return [c?.iso, c?.preferred];
};

const days = (text: string, lang: string): string[] =>
  findDateExpressions(text, { lang })
    .filter((e) => e.kind === 'date')
    .map((e) => `${e.year ?? '?'}-${e.month}-${e.day} ${JSON.stringify(e.text)}`);

describe('words glued together by a scraped page do not hide a date', () => {
  it('puts a space back at a lower-case/capital seam, after a year and before a digit, and maps offsets back', () => {
    assert.equal(unglue('By Jane DoeMarch 12, 2024').text, 'By Jane Doe March 12, 2024');
    assert.equal(unglue('12 mars 2024Paris le12 mars, à 10h30').text, '12 mars 2024 Paris le 12 mars, à 10h30');
    const plain = 'Nothing glued here, 12 May 2024.';
    assert.equal(unglue(plain).text, plain);
    assert.deepEqual(unglue(plain).seams, []);
  });
  it('reads the glued dates with offsets into the original text', () => {
    assert.deepEqual(days('By Jane DoeMarch 12, 2024\nText.', 'en'), ['2024-3-12 "March 12, 2024"']);
    assert.deepEqual(days('PublishedMarch 12, 2024Updated\nText.', 'en'), ['2024-3-12 "March 12, 2024"']);
    assert.deepEqual(days('Le président a parlé le12 mars 2024Paris.', 'fr'), ['2024-3-12 "12 mars 2024"']);
    assert.deepEqual(days('Mardi12 mars 2024', 'fr'), ['2024-3-12 "Mardi12 mars 2024"']);
    assert.deepEqual(days('12 de março de 2024Lisboa', 'pt'), ['2024-3-12 "12 de março de 2024"']);
  });
  it('parts a time glued to an ISO date, and a stamp\'s "yesterday" label does not move its day (it-52)', () => {
    assert.equal(unglue('Ieri, 13:482017-08-20 13:48:00').text, 'Ieri, 13:48 2017-08-20 13:48:00');
    assert.equal(unglue('Score 12:302017').text, 'Score 12:302017');
    const text =
      'Luganese\n\nIeri, 13:482017-08-20 13:48:00\nAlfonso Reggiani @laRegione\n\nLugano, un successo la Traversata con 850 nuotatori. La manifestazione ha richiamato il pubblico delle grandi occasioni.\n';
    assert.deepEqual(first(text, 'it'), ['2017-08-20', true]);
  });
  it('keeps a long run of letters linear (no scan back from every position)', () => {
    const t = Date.now();
    unglue(`${'a'.repeat(400_000)}1`);
    assert.ok(Date.now() - t < 5_000);
  });
});

describe('a weekday followed by a numeric day and month', () => {
  it('reads "quinta-feira (25/3)", "jeudi 25/03" and "الخميس 25/3" as dates, day first', () => {
    assert.deepEqual(days('O governo anunciou nesta quinta-feira (25/3) o plano.', 'pt'), ['?-3-25 "quinta-feira (25/3)"']);
    assert.deepEqual(days('Le conseil se réunit jeudi 25/03 à Paris.', 'fr'), ['?-3-25 "jeudi 25/03"']);
    assert.deepEqual(days('أعلنت الوزارة الخميس 25/3 عن خطة جديدة', 'ar'), ['?-3-25 "الخميس 25/3"']);
  });
  it('leaves a bare "25/3" (a score, a fraction) alone, and English dates month first', () => {
    assert.deepEqual(days('Le score final: 25/3 pour les locaux.', 'fr'), []);
    // English writes the month first: "Thursday 4/3" is never the 4th of March
    assert.deepEqual(
      days('The vote on Thursday 4/3 was close.', 'en').filter((d) => d.startsWith('?-3-4')),
      [],
    );
  });
});

describe('the one date-only line of a page is its own date, wherever it stands (it-05, es-04 in the dev set)', () => {
  const body =
    'Arrestato un latitante che si preparava a fuggire di nuovo\n\nGli uomini della squadra mobile della questura di Milano hanno arrestato un uomo che era latitante dal giugno scorso.\nNel giugno scorso si era reso irreperibile non appena la condanna era diventata effettiva.\n\n';
  it('proposes the date of a lone date line under the article, preferred', () => {
    assert.deepEqual(first(`${body}04/11/2009\nParole chiave:\n`, 'it'), ['2009-11-04', true]);
  });
  it('prefers nothing when several date-only lines stand in the text (a list of related posts)', () => {
    const cs = proposeDates(`${body}04/11/2009\nAltri articoli\n12/10/2009\n`, { lang: 'it' });
    assert.equal(cs.filter((c) => c.preferred).length, 0);
  });
  it('reads a newspaper footer "2 Jueves 25 de marzo de 2021" (page number, weekday, date) as such a line', () => {
    const text =
      'Logo\n\nEl Grupo Parlamentario desmintió la viabilidad de la oferta hecha por el Presidente, de incrementar el monto de las becas.\nLa propuesta alimenta una política de clientela electoral que no prevé nuevos ingresos.\n2 Jueves 25 de marzo de 2021\n';
    assert.deepEqual(first(text, 'es'), ['2021-03-25', true]);
  });
  it('reads an agency sign-off with the date under the article, "MAP: 28/05/2020" (fr-52), as such a line', () => {
    const text =
      'Le Conseil de gouvernement, réuni jeudi en visioconférence, a approuvé une convention couvrant les domaines de la sécurité sanitaire des produits alimentaires, signée le 9 avril 2019.\n\nCette convention vise à renforcer la coopération bilatérale.\n\nMAP: 28/05/2020\n';
    assert.deepEqual(first(text, 'fr'), ['2020-05-28', true]);
  });
  it('does not read a line of words before a date as a sign-off ("Mise à jour le 28/05/2020")', () => {
    const text = `${body}Mise à jour le 28/05/2020\n04/11/2009\n`;
    assert.deepEqual(first(text, 'it'), ['2009-11-04', true]);
  });
});

describe('a dateline day confirmed by the page stamp, and a lead date on another weekday (en-56, fr-52 in the dev set)', () => {
  it('prefers a dateline day whose year comes from a timestamp naming the same day, even an "Updated" one', () => {
    const text =
      'Chris Wilder signs three-year extension with Sheffield United as manager\n\nANI | Updated: Jul 10, 2019 11:23 IST\n\nSheffield [UK], July 10 (ANI): Chris Wilder signed a new three-year deal with Sheffield United as manager ahead of Premier League on Tuesday.\nWilder has led United back to the top-flight after a 12-year exile.\n';
    const cs = proposeDates(text, { lang: 'en' });
    assert.equal(cs[0]?.iso, '2019-07-10');
    assert.equal(cs[0]?.preferred, true);
    assert.match(cs[0]?.reason ?? '', /names the same day/);
  });
  it('does not prefer a full date of the lead when the lead puts its own event on another weekday', () => {
    const text =
      'Le Conseil de gouvernement, réuni jeudi en visioconférence, a approuvé une convention signée par les gouvernements du Maroc et du Koweït, le 9 avril 2019 à Koweït city.\n\nCette convention vise à renforcer la coopération bilatérale.\n';
    const cs = proposeDates(text, { lang: 'fr' });
    assert.equal(cs.filter((c) => c.preferred).length, 0);
    assert.match(cs.find((c) => c.iso === '2019-04-09')?.reason ?? '', /Tuesday, and the lead's event is on a Thursday/);
  });
});
