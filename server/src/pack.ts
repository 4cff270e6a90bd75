// Packing text files into one corpus file and unpacking it again: the pure part
// (names, header lines, the structural-line refusal, the trailing line break rule,
// path-escape checks, language detection and date lifting). The command line does
// the file work around these functions. Nothing here throws on bad input: every
// refusal comes back as a message for the corpus editor.
//
// Byte-identity rule: pack writes each document as its header line, "\n", the
// file's text unchanged, and one more "\n". Unpack writes a document's text minus
// exactly one final line break: "\r\n" when the header line itself ends with
// "\r\n" (a corpus written by hand with CRLF) and the text ends so, otherwise "\n"
// when the text ends with one. So pack then unpack gives back every file byte for
// byte: empty files, files without a final line break, files ending in "\r", CRLF
// files.

import { formatHeader, formatName, isDocumentStart, isEndLine, parseHeader } from './model/header';
import { checkIsoDate } from './model/isoDate';
import { readDateLine } from './model/dateLine';
import { lineText, scanLines } from './model/lines';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

function fail<T>(error: string): Result<T> {
  return { ok: false, error };
}

/** Compares by Unicode code points (not UTF-16 units), the stable order of packed documents. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n;) {
    const ca = a.codePointAt(i) ?? 0;
    const cb = b.codePointAt(i) ?? 0;
    if (ca !== cb) return ca < cb ? -1 : 1;
    i += ca > 0xffff ? 2 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** A document name from a relative path: its parts joined with "/". */
export function nameFromRelativePath(relativePath: string): string {
  return relativePath
    .split(/[\\/]+/)
    .filter((p) => p !== '' && p !== '.')
    .join('/');
}

/**
 * The header line for a name and attributes, in the canonical form, checked to
 * read back as exactly that name (quoted when a bare name would not).
 */
export function headerLine(name: string, attributes: readonly { key: string; value: string }[] = []): Result<string> {
  if (name === '') return fail('A document needs a name.');
  if (/[\r\n\u2028\u2029]/.test(name)) return fail(`The name ${JSON.stringify(name)} holds a line break, which a header line cannot hold. Rename the file.`);
  const attrText = attributes.map((a) => ` ${a.key}=${formatName(a.value)}`).join('');
  const candidates = [formatHeader(name, attributes), `<<<FILE "${name.replace(/[\\"]/g, (c) => `\\${c}`)}"${attrText}>>>`];
  for (const line of candidates) {
    const h = parseHeader(line);
    if (!h.fault && h.name === name && h.attributes.length === attributes.length && h.attributes.every((a, i) => a.key === attributes[i].key && a.value === attributes[i].value)) {
      return { ok: true, value: line };
    }
  }
  return fail(`The name ${JSON.stringify(name)} cannot be written in a header line so that it reads back the same. Rename the file.`);
}

/**
 * The first line of a text that a corpus reader would take as structure (a header,
 * a near miss of one such as ` <<<FILE x>>>` or `<<<file x>>>`, or an end line),
 * as a 1-based line number and the line; undefined when there is none.
 */
export function findStructuralLine(text: string): { line: number; text: string } | undefined {
  if (text.indexOf('<<') === -1) return undefined;
  const { lineStarts } = scanLines(text);
  for (let i = 0; i < lineStarts.length; i++) {
    const s = lineStarts[i];
    const e = i + 1 < lineStarts.length ? lineStarts[i + 1] : text.length;
    if (text.slice(s, e).indexOf('<<') === -1) continue;
    const line = lineText(text, lineStarts, i);
    if (isDocumentStart(line) || isEndLine(line)) return { line: i + 1, text: line };
  }
  return undefined;
}

export interface PackOptions {
  /** Add `lang=` with the detected language (nothing when unsure). */
  lang?: boolean;
  /** Move a first-line ` date X` into `date=X` (the text then changes: unpack cannot give back the original bytes). */
  liftDate?: boolean;
}

export interface PackedDocument {
  name: string;
  /** The header line, without its line break. */
  header: string;
  /** The text written after the header line and its "\n" (then one "\n" follows). */
  text: string;
  lang?: string;
  date?: string;
}

/** Plans one document of a packed corpus, or says why the file cannot be packed. */
export function packDocument(name: string, text: string, options: PackOptions = {}): Result<PackedDocument> {
  const attributes: { key: string; value: string }[] = [];
  let body = text;
  let date: string | undefined;
  if (options.liftDate) {
    const lifted = liftDate(text);
    if (lifted) {
      date = lifted.date;
      body = lifted.text;
      attributes.push({ key: 'date', value: date });
    }
  }
  const structural = findStructuralLine(body);
  if (structural) {
    const line = structural.line + (body === text ? 0 : countLines(text) - countLines(body));
    return fail(
      `${name}, line ${line}: this line would be read as ${isEndLine(structural.text) ? 'an end line' : 'a header line'} (${JSON.stringify(shorten(structural.text))}), so the document could not be read back from the corpus. Change that line (for example put a word before it) and pack again.`,
    );
  }
  let lang: string | undefined;
  if (options.lang) {
    lang = detectLanguage(text);
    if (lang) attributes.push({ key: 'lang', value: lang });
  }
  const header = headerLine(name, attributes);
  if (!header.ok) return fail(`${name}: ${header.error}`);
  return { ok: true, value: { name, header: header.value, text: body, lang, date } };
}

/** The bytes-to-be of one packed document: header, "\n", text, "\n". */
export function documentText(doc: PackedDocument): string {
  return `${doc.header}\n${doc.text}\n`;
}

/** Sorts names in the stable pack order and refuses duplicates. */
export function orderNames(names: readonly string[]): Result<string[]> {
  const sorted = [...names].sort(compareCodePoints);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) return fail(`Two files would both be named "${sorted[i]}" in the corpus. Rename one of them, or pack a folder so that names keep their sub-folders.`);
  }
  return { ok: true, value: sorted };
}

/**
 * Lifts a first-line date: when the first non-blank line is a valid date line
 * (` date 2024-12-12 HÀ NỘI — …`), returns the date and the text without
 * `date <value>` (and without the whole line when nothing else is on it).
 */
export function liftDate(text: string): { date: string; text: string } | undefined {
  const { lineStarts } = scanLines(text);
  for (let i = 0; i < lineStarts.length; i++) {
    const line = lineText(text, lineStarts, i);
    if (line.trim() === '') continue;
    const d = readDateLine(line);
    if (!d || d.attempt || !checkIsoDate(d.value).ok) return undefined;
    const start = lineStarts[i];
    let rest = d.valueEnd;
    while (rest < line.length && (line.charCodeAt(rest) === 32 || line.charCodeAt(rest) === 9)) rest++;
    if (rest >= line.length) {
      // Nothing else on the line: remove it with its line break.
      const next = i + 1 < lineStarts.length ? lineStarts[i + 1] : text.length;
      return { date: d.value, text: text.slice(0, start) + text.slice(next) };
    }
    return { date: d.value, text: text.slice(0, start) + text.slice(start + rest) };
  }
  return undefined;
}

const STOPWORDS: Record<'en' | 'fr' | 'es', ReadonlySet<string>> = {
  en: new Set(['the', 'and', 'of', 'to', 'is', 'that', 'for', 'with', 'was', 'has', 'have', 'by', 'at', 'this', 'from', 'which', 'it', 'are', 'be', 'on']),
  fr: new Set(['le', 'les', 'des', 'et', 'du', 'une', 'est', 'dans', 'pour', 'qui', 'sur', 'au', 'aux', 'avec', 'ce', 'cette', 'il', 'sont', 'été', 'ont']),
  es: new Set(['el', 'los', 'las', 'y', 'del', 'una', 'es', 'por', 'con', 'para', 'se', 'al', 'su', 'como', 'más', 'pero', 'fue', 'han', 'este', 'esta']),
};
const VIETNAMESE_WORD = /[ăâđêôơưĂÂĐÊÔƠƯ\u1EA0-\u1EF9]/;
const WORD_SPLIT = /[\s\d.,;:!?()[\]{}"'«»“”‘’\-–—/\\|*+=<>@#%&_~^]+/;

/**
 * A small language guess for `lang=`: Arabic script gives `ar`; Vietnamese
 * letters (ơ, ư, ă, đ, ạ, ế, …) in many words give `vi`; otherwise counts of
 * common words decide between `en`, `fr` and `es`. Undefined when unsure (too
 * little text, or no clear winner): then no `lang=` is written. Reads at most
 * the first 4000 characters.
 */
export function detectLanguage(text: string): string | undefined {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  let letters = 0;
  let arabic = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff)) letters++;
    else if ((c >= 0x620 && c <= 0x64a) || (c >= 0x66e && c <= 0x6d3) || (c >= 0x750 && c <= 0x77f) || (c >= 0x8a0 && c <= 0x8ff) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc)) {
      letters++;
      arabic++;
    } else if (c >= 0x370 && c !== 0x2000 && !(c >= 0x2000 && c <= 0x206f) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xd800 && c <= 0xdfff)) letters++;
  }
  if (letters < 20) return undefined;
  if (arabic / letters > 0.3) return 'ar';
  const words = sample
    .toLowerCase()
    .split(WORD_SPLIT)
    .filter((w) => w !== '');
  if (words.length < 5) return undefined;
  let viWords = 0;
  const score = { en: 0, fr: 0, es: 0 };
  for (const w of words) {
    if (VIETNAMESE_WORD.test(w)) viWords++;
    if (STOPWORDS.en.has(w)) score.en++;
    if (STOPWORDS.fr.has(w)) score.fr++;
    if (STOPWORDS.es.has(w)) score.es++;
  }
  if (viWords / words.length > 0.2) return 'vi';
  const scores = (Object.keys(score) as ('en' | 'fr' | 'es')[]).map((lang) => ({ lang, score: score[lang] }));
  scores.sort((a, b) => b.score - a.score);
  const [best, second] = scores;
  if (best.score >= 3 && best.score >= 2 * second.score && best.score / words.length >= 0.05) return best.lang;
  return undefined;
}

// ---- Unpacking ----

/**
 * Checks a document name before it becomes a file path under the target folder:
 * it must be relative, with no `..`, `.` or empty parts, no backslash (Windows
 * reads it as a folder separator), no drive letter, no NUL. Returns its parts.
 */
export function safeRelativePath(name: string): Result<string[]> {
  const why = unsafeReason(name);
  if (why) return fail(`The document name ${JSON.stringify(shorten(name))} ${why}; unpacking it could write outside the target folder, so nothing was written. Rename the document in the corpus.`);
  return { ok: true, value: name.split('/') };
}

function unsafeReason(name: string): string | undefined {
  if (name === '') return 'is empty';
  if (name.includes('\u0000')) return 'holds a NUL character';
  if (name.startsWith('/')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'starts with a drive letter';
  if (name.includes('\\')) return 'holds a backslash, which Windows reads as a folder separator';
  const parts = name.split('/');
  if (parts.some((p) => p === '..')) return 'goes up a folder with ".."';
  if (parts.some((p) => p === '' || p === '.')) return 'has an empty or "." part';
  return undefined;
}

/**
 * Names that cannot all be files under one folder: duplicates, and a name that is
 * also the folder of another (`a` and `a/b`). Returns the first conflict.
 */
export function nameConflict(names: readonly string[]): string | undefined {
  const set = new Set<string>();
  for (const n of names) {
    if (set.has(n)) return `Two documents are named "${shorten(n)}"; unpacking would write one over the other. Rename one of them in the corpus.`;
    set.add(n);
  }
  for (const n of names) {
    const parts = n.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (set.has(dir)) return `"${shorten(dir)}" is both a document and the folder of "${shorten(n)}". Rename one of them in the corpus.`;
    }
  }
  return undefined;
}

/**
 * A document's text as unpack writes it, from the document's segment text (its
 * header line first) and the line of its end line, if any: everything after the
 * header line's break, up to the end line (or the segment's end), minus one final
 * line break ("\r\n" when the header line ends with "\r\n", else "\n").
 */
export function unpackedText(segmentText: string, endLine?: number): string {
  const { lineStarts } = scanLines(segmentText);
  if (lineStarts.length < 2) return '';
  const headerEnd = lineStarts[1];
  const headerCrlf = segmentText.charCodeAt(headerEnd - 1) === 10 && segmentText.charCodeAt(headerEnd - 2) === 13;
  const end = endLine !== undefined && endLine < lineStarts.length ? lineStarts[endLine] : segmentText.length;
  let body = segmentText.slice(headerEnd, end);
  if (headerCrlf && body.endsWith('\r\n')) body = body.slice(0, -2);
  else if (body.endsWith('\n')) body = body.slice(0, -1);
  return body;
}

function countLines(text: string): number {
  return scanLines(text).lineStarts.length;
}

function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
