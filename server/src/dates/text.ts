/** Tokens, normalisation, language guess and the "lead" (dateline / first sentence) of a document's text. */
import type { DateLanguage } from './types';

export interface Token {
  start: number;
  end: number;
  /** The token as written. */
  raw: string;
  /** Lower-cased, NFC, Arabic diacritics removed and letter variants unified; digits made ASCII. */
  norm: string;
  isNumber: boolean;
}

// One alternative per token type; each is a single character-class repetition, so matching is linear.
const TOKEN_RE = /[0-9\u0660-\u0669\u06F0-\u06F9]+|[\p{L}\p{M}]+|\S/gu;

const ARABIC_DIACRITICS_RE = /[\u064B-\u065F\u0670\u0640]/g;
const ALEF_RE = /[\u0622\u0623\u0625\u0671]/g;

/** ASCII digits for Eastern Arabic (٠-٩) and Persian (۰-۹) digits. */
export function toAsciiDigits(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0x0660 && c <= 0x0669) out += String(c - 0x0660);
    else if (c >= 0x06f0 && c <= 0x06f9) out += String(c - 0x06f0);
    else out += ch;
  }
  return out;
}

/** The form used to look words up in the data files. */
export function normalizeWord(s: string): string {
  return toAsciiDigits(
    s
      .normalize('NFC')
      .toLowerCase()
      .replace(ARABIC_DIACRITICS_RE, '')
      .replace(ALEF_RE, '\u0627')
      .replace(/\u0649/g, '\u064A')
      .replace(/\u0629/g, '\u0647'),
  );
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const raw = m[0];
    const c = raw.charCodeAt(0);
    const isNumber = (c >= 48 && c <= 57) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);
    tokens.push({ start: m.index, end: m.index + raw.length, raw, norm: normalizeWord(raw), isNumber });
  }
  return tokens;
}

const VI_LETTERS_RE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;
const ARABIC_LETTER_RE = /[\u0621-\u064A]/g;
const LATIN_WORD_RE = /[a-zà-ÿ]+/giu;

const STOPWORDS: Record<'en' | 'fr' | 'es' | 'de' | 'it' | 'pt', ReadonlySet<string>> = {
  en: new Set(['the', 'and', 'of', 'to', 'in', 'is', 'was', 'with', 'that', 'for', 'on', 'at', 'by', 'has', 'have']),
  fr: new Set(['le', 'les', 'des', 'et', 'du', 'une', 'est', 'dans', 'pour', 'avec', 'au', 'aux', 'sur', 'il', 'qui', 'été', 'ce']),
  es: new Set(['el', 'los', 'las', 'del', 'y', 'una', 'es', 'con', 'por', 'para', 'que', 'al', 'fue', 'su', 'año', 'más']),
  de: new Set(['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'den', 'dem', 'ein', 'eine', 'auf', 'für', 'sich', 'von', 'wird']),
  it: new Set(['il', 'della', 'che', 'di', 'per', 'non', 'gli', 'nel', 'alla', 'con', 'una', 'sono', 'è', 'dei', 'anche', 'delle']),
  pt: new Set(['o', 'os', 'do', 'da', 'dos', 'das', 'não', 'com', 'uma', 'para', 'que', 'em', 'foi', 'pelo', 'pela', 'ao']),
};

/** The language of a text, from a language tag when it names one we know, else guessed from letters and common words. */
export function pickLanguage(text: string, lang?: string): DateLanguage {
  const tag = typeof lang === 'string' ? lang.trim().toLowerCase().split(/[-_]/)[0] : '';
  if (tag === 'en' || tag === 'fr' || tag === 'es' || tag === 'de' || tag === 'it' || tag === 'pt' || tag === 'vi' || tag === 'ar') return tag;
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const arabic = (sample.match(ARABIC_LETTER_RE) ?? []).length;
  const latinWords = sample.match(LATIN_WORD_RE) ?? [];
  if (arabic > latinWords.length * 2) return 'ar';
  const vi = (sample.match(VI_LETTERS_RE) ?? []).length;
  if (vi > latinWords.length * 0.3) return 'vi';
  const counts: Record<keyof typeof STOPWORDS, number> = { en: 0, fr: 0, es: 0, de: 0, it: 0, pt: 0 };
  for (const w of latinWords) {
    const lw = w.toLowerCase();
    for (const l of Object.keys(counts) as (keyof typeof STOPWORDS)[]) if (STOPWORDS[l].has(lw)) counts[l]++;
  }
  let best: keyof typeof STOPWORDS = 'en';
  for (const l of Object.keys(counts) as (keyof typeof STOPWORDS)[]) if (counts[l] > counts[best]) best = l;
  return best;
}

const DATE_LINE_RE = /^[ \t]*date[ \t]+[0-9-]+/;

/**
 * Where a leading `date …` line's value ends (0 when there is none): expressions inside it are the corpus's own
 * date line, not a date stated by the article.
 */
export function dateLineValueEnd(text: string): number {
  let i = 0;
  while (i < text.length && (text[i] === '\n' || text[i] === '\r' || text[i] === ' ' || text[i] === '\t')) i++;
  const lineStart = text.lastIndexOf('\n', i) + 1;
  const m = DATE_LINE_RE.exec(text.slice(lineStart, lineStart + 80));
  return m ? lineStart + m[0].length : 0;
}

function isSentenceEnd(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === '\n' || ch === '\r') return true;
  if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '\u061F' && ch !== '\u06D4') return false;
  const next = text[i + 1];
  if (next !== undefined && next !== ' ' && next !== '\n' && next !== '\r' && next !== '\t') return false;
  // "No. 18", "Mr. X", "Mar. 5": a period right after a short word is not a sentence end.
  let j = i - 1;
  while (j >= 0 && /\p{L}/u.test(text[j])) j--;
  const wordLen = i - 1 - j;
  return !(ch === '.' && wordLen > 0 && wordLen <= 3);
}

/** End offset of the first sentence starting at `from`, skipping leading blanks. */
function sentenceEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) i++;
  for (; i < text.length; i++) if (isSentenceEnd(text, i)) return i + 1;
  return text.length;
}

/**
 * End of the "lead": the dateline and first sentence. When the first line looks like a title (short, no sentence
 * end), the lead is the title plus the first sentence after it.
 */
export function leadEnd(text: string): number {
  const first = sentenceEnd(text, dateLineValueEnd(text));
  const lineBreak = /[\r\n]/.test(text[first - 1] ?? '');
  if (lineBreak && first < text.length) {
    const firstLine = text.slice(0, first).trim();
    if (firstLine.length <= 200 && !/[.!?\u061F]$/.test(firstLine)) return sentenceEnd(text, first);
  }
  return first;
}
