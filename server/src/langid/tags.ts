// Language tags against identified languages: primary subtags compared (en-GB is
// en), macrolanguages and their members counted as one (cmn, yue and zh-Hant are
// zh), languages the identifier confuses with each other counted as one (Bosnian,
// Croatian and Serbian; Malay and Indonesian), names in words for messages.

import type { DocFacts } from '../model/facts';
import { IDENTIFIABLE, identifyLanguage, READ_CHARS, type Identification } from './identify';

/** Three-letter codes (ISO 639-2/B, 639-2/T, 639-3 members of a macrolanguage) as the primary subtag compared. */
const ALIASES: Readonly<Record<string, string>> = {
  eng: 'en',
  fra: 'fr',
  fre: 'fr',
  spa: 'es',
  vie: 'vi',
  ara: 'ar',
  arb: 'ar',
  ary: 'ar',
  arz: 'ar',
  apc: 'ar',
  ajp: 'ar',
  acm: 'ar',
  aeb: 'ar',
  ayl: 'ar',
  afb: 'ar',
  acq: 'ar',
  ars: 'ar',
  deu: 'de',
  ger: 'de',
  ita: 'it',
  por: 'pt',
  zho: 'zh',
  chi: 'zh',
  cmn: 'zh',
  yue: 'zh',
  wuu: 'zh',
  hak: 'zh',
  nan: 'zh',
  gan: 'zh',
  hsn: 'zh',
  lzh: 'zh',
  cdo: 'zh',
  rus: 'ru',
  jpn: 'ja',
  kor: 'ko',
  ukr: 'uk',
  pol: 'pl',
  nld: 'nl',
  dut: 'nl',
  tur: 'tr',
  ron: 'ro',
  rum: 'ro',
  mo: 'ro',
  ces: 'cs',
  cze: 'cs',
  hun: 'hu',
  swe: 'sv',
  ell: 'el',
  gre: 'el',
  bul: 'bg',
  bel: 'be',
  hin: 'hi',
  ben: 'bn',
  urd: 'ur',
  fas: 'fa',
  per: 'fa',
  pes: 'fa',
  prs: 'fa',
  tha: 'th',
  ind: 'ms',
  id: 'ms',
  msa: 'ms',
  may: 'ms',
  zlm: 'ms',
  zsm: 'ms',
  tgl: 'tl',
  fil: 'tl',
  swa: 'sw',
  swh: 'sw',
  uzb: 'uz',
  uzn: 'uz',
  aze: 'az',
  azj: 'az',
  pus: 'ps',
  pbu: 'ps',
  nep: 'ne',
  npi: 'ne',
  mlg: 'mg',
  plt: 'mg',
  que: 'qu',
  qug: 'qu',
  iw: 'he',
  in: 'ms',
  ji: 'yi',
  sh: 'hr',
  bos: 'hr',
  hrv: 'hr',
  srp: 'hr',
  bs: 'hr',
  sr: 'hr',
  cnr: 'hr',
  mai: 'hi',
  bho: 'hi',
  mag: 'hi',
};

/** Tags that name no particular language: never compared. */
const NOT_A_LANGUAGE = new Set(['und', 'mul', 'zxx', 'mis', 'x', 'i']);

/** The primary subtag a tag is compared by (lower case, aliases and confusable groups folded), or undefined when it names no language. */
export function comparedLanguage(tag: string): string | undefined {
  const primary = tag.split(/[-_]/)[0].toLowerCase();
  if (primary === '' || NOT_A_LANGUAGE.has(primary) || primary.startsWith('q')) return undefined;
  return ALIASES[primary] ?? primary;
}

/** A language's name in English ("French"), or the code itself when unknown. */
export function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(code);
    return name ?? code;
  } catch {
    return code;
  }
}

/** The text a document's language is read from: the first READ_CHARS characters after the header and the date line's date. */
export function documentLead(text: string, lineStarts: readonly number[], doc: DocFacts): string {
  let from = doc.bodyStart;
  if (doc.dateLine && !doc.dateLine.attempt) from = lineStarts[doc.dateLine.line] + doc.dateLine.valueEnd;
  return text.slice(from, Math.min(doc.bodyEnd, from + READ_CHARS));
}

/** The language of a document's text (nothing for an empty document). */
export function identifyDocument(text: string, lineStarts: readonly number[], doc: DocFacts): Identification {
  return identifyLanguage(doc.empty ? '' : documentLead(text, lineStarts, doc));
}

/** The identifier's languages folded as tags are. */
const COMPARABLE: ReadonlySet<string> = new Set([...IDENTIFIABLE].map((c) => ALIASES[c] ?? c));

export interface Mismatch {
  /** The identified language (primary subtag, as the fix writes it). */
  lang: string;
  identification: Identification;
}

/** How much of the text a first, cheaper look reads. */
export const QUICK_CHARS = 300;

/** How far behind the best the tagged language may be and still count as a plausible reading (no report). */
export const TAG_BEHIND = 0.03;

/**
 * Whether the text contradicts the tag: the identification is confident, the
 * identified language differs from the tagged one (compared as above), the tagged
 * language is one the identifier knows, and it is not a close runner-up. A text
 * whose first QUICK_CHARS characters confidently agree with the tag is not read further.
 */
export function tagContradicted(tag: string, text: string): Mismatch | undefined {
  const tagged = comparedLanguage(tag);
  if (!tagged || !COMPARABLE.has(tagged)) return undefined;
  // Most tags are right: a confident agreement on the first QUICK_CHARS characters ends the check at half the cost.
  const quick = text.length > QUICK_CHARS ? identifyLanguage(text.slice(0, QUICK_CHARS)) : undefined;
  if (quick?.confident && (ALIASES[quick.lang] ?? quick.lang) === tagged) return undefined;
  const id = identifyLanguage(text);
  if (!id.confident) return undefined;
  const got = ALIASES[id.lang] ?? id.lang;
  if (got === tagged) return undefined;
  for (const [code, behind] of id.behind) if ((ALIASES[code] ?? code) === tagged && behind < TAG_BEHIND) return undefined;
  return { lang: id.lang, identification: id };
}
