// Language identification of a document's text, for `lang-mismatch`, the `lang=`
// completion, `corpus pack --lang` and `corpus stats`. The identifier is franc-min
// (trigram profiles of 82 languages); docs/rules/lang-mismatch.md compares it with
// eld, tinyld and cld3-asm on short news text (`npm run eval:langid`).
//
// An answer is `confident` only with enough text and a clear margin over the
// runner-up; `sure` asks more of both (the rule's fix is preferred only then). The
// thresholds were chosen on the dev part of test/fixtures/langid and scored once on
// its held-out part (the figures are in the docs page).

// franc-min is an ES module and the service compiles as CommonJS (module node16): the
// bundles (esbuild) and the tests (tsx on Node ≥ 20.19, which loads ES modules with
// require) both import it fine; only tsc's CommonJS check objects. Its types still apply.
// @ts-expect-error TS1479 (an ES module imported from CommonJS), see above.
import { francAll } from 'franc-min';

/** How much of a text is read (franc reads at most 2048 characters; the lead says enough). */
export const READ_CHARS = 600;
/** Letters needed for a confident answer (a Han, kana or Hangul character counts 3). */
export const MIN_LETTERS = 120;
/** Margin over the runner-up for a confident answer (franc scores: the best is 1). */
export const MIN_MARGIN = 0.02;
/** The same for a sure answer. */
export const SURE_LETTERS = 250;
export const SURE_MARGIN = 0.04;

export const GATE_SUMMARY = `reads ${READ_CHARS} characters; confident: ≥ ${MIN_LETTERS} letters and margin ≥ ${MIN_MARGIN}; sure: ≥ ${SURE_LETTERS} letters and margin ≥ ${SURE_MARGIN}`;

/** franc's ISO 639-3 codes as BCP 47 primary subtags (the two-letter code where there is one). */
const TO_BCP47: Readonly<Record<string, string>> = {
  spa: 'es',
  eng: 'en',
  por: 'pt',
  ind: 'id',
  fra: 'fr',
  deu: 'de',
  jav: 'jv',
  vie: 'vi',
  ita: 'it',
  tur: 'tr',
  pol: 'pl',
  swh: 'sw',
  sun: 'su',
  ron: 'ro',
  hau: 'ha',
  fuv: 'ff',
  bos: 'bs',
  hrv: 'hr',
  nld: 'nl',
  srp: 'sr',
  yor: 'yo',
  uzn: 'uz',
  zlm: 'ms',
  ibo: 'ig',
  tgl: 'tl',
  hun: 'hu',
  azj: 'az',
  ces: 'cs',
  run: 'rn',
  plt: 'mg',
  qug: 'qu',
  nya: 'ny',
  zyb: 'za',
  kin: 'rw',
  zul: 'zu',
  swe: 'sv',
  lin: 'ln',
  som: 'so',
  rus: 'ru',
  ukr: 'uk',
  bel: 'be',
  bul: 'bg',
  kaz: 'kk',
  arb: 'ar',
  urd: 'ur',
  pes: 'fa',
  pbu: 'ps',
  hin: 'hi',
  mar: 'mr',
  npi: 'ne',
  cmn: 'zh',
  ben: 'bn',
  jpn: 'ja',
  kor: 'ko',
  tel: 'te',
  tam: 'ta',
  guj: 'gu',
  kan: 'kn',
  mal: 'ml',
  mya: 'my',
  pan: 'pa',
  amh: 'am',
  tha: 'th',
  sin: 'si',
  ell: 'el',
  koi: 'kv',
};

export interface Identification {
  /** The language as a BCP 47 primary subtag (`en`, `zh`, `ckb`), or '' when none. */
  lang: string;
  /** Enough text and a clear margin. */
  confident: boolean;
  /** More text and a wider margin: safe to rewrite a tag without asking. */
  sure: boolean;
  /** The best score minus the runner-up's (1 when the script alone decides). */
  margin: number;
  letters: number;
  /** Each candidate's distance from the best (0 for the best), by primary subtag; absent: far. */
  behind: ReadonlyMap<string, number>;
}

const NONE: Identification = { lang: '', confident: false, sure: false, margin: 0, letters: 0, behind: new Map() };

const WIDE = /[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/u;
const LETTER = /\p{L}/u;
const WORD = /\S+/gu;
const isAddress = (w: string): boolean => w.includes('://') || w.startsWith('www.') || w.includes('@');

/** Letters of a text, a Han, kana or Hangul character counting 3. */
export function letterWeight(text: string): number {
  let n = 0;
  for (const ch of text) {
    if (WIDE.test(ch)) n += 3;
    else if (LETTER.test(ch)) n++;
  }
  return n;
}

/** The language of a text (its first READ_CHARS characters), with how sure the answer is. */
export function identifyLanguage(text: string): Identification {
  // Web and mail addresses are in no language (and mostly English letters): left out.
  const sample = (text.length > READ_CHARS ? text.slice(0, READ_CHARS) : text).replace(WORD, (w) => (isAddress(w) ? ' ' : w));
  const letters = letterWeight(sample);
  if (letters < 20) return { ...NONE, letters };
  const ranked = francAll(sample, { minLength: 1 });
  const [top, second] = ranked;
  if (!top || top[0] === 'und') return { ...NONE, letters };
  const lang = TO_BCP47[top[0]] ?? top[0];
  const margin = second ? top[1] - second[1] : 1;
  const behind = new Map<string, number>();
  for (const [code, score] of ranked.slice(0, 12)) {
    const tag = TO_BCP47[code] ?? code;
    if (!behind.has(tag)) behind.set(tag, top[1] - score);
  }
  const confident = letters >= MIN_LETTERS && margin >= MIN_MARGIN;
  const sure = confident && letters >= SURE_LETTERS && margin >= SURE_MARGIN;
  return { lang, confident, sure, margin, letters, behind };
}

/** Every language the identifier can answer, as primary subtags. */
export const IDENTIFIABLE: ReadonlySet<string> = new Set(Object.values(TO_BCP47));
