/**
 * Evidence for an article's publication date. Every date the text states is
 * placed (which line of the page it stands in: a byline, a dateline, the lead, a
 * caption, site chrome, the body) and read in its context (today, yesterday, a
 * deadline or coming event, an earlier event, the lunar calendar). Only the
 * places where a page states its own day make candidates: a date deep in the
 * body is some other event, never the article's, so an article whose top states
 * no day gets no proposal at all.
 */
import evidenceData from './data/evidence.json';
import { normalizeWord } from './text';
import { isValidDate, weekdayOf } from './calendar';
import type { DateCandidate, DateExpression } from './types';

export type Zone = 'stamp' | 'byline' | 'dateline' | 'lead' | 'header' | 'top' | 'caption' | 'chrome' | 'body';

export type Relation = 'today' | 'yesterday' | 'future' | 'past' | 'updated' | 'plain';

export interface PlacedDate {
  expression: DateExpression;
  zone: Zone;
  relation: Relation;
  /** A date of the lunar calendar (mùng 10 tháng Giêng, … âm lịch): not a Gregorian date. */
  lunar: boolean;
  /** The line the expression stands in (offsets into the text). */
  lineStart: number;
  lineEnd: number;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

interface LineFacts {
  words: string[];
  /** The line with its white space collapsed. */
  rest: string;
  short: boolean;
  caption: boolean;
  chrome: boolean;
  /** A short line with a time, a publication or author word, or a bar. */
  bylineLike: boolean;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text.charCodeAt(i);
    if (i === text.length || c === 10 || c === 13) {
      if (i > start) {
        const t = text.slice(start, i);
        if (t.trim() !== '') out.push({ start, end: i, text: t });
      }
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return out;
}

/** Phrases as sequences of normalised words. */
function phrases(list: readonly string[]): string[][] {
  return list.map((p) => p.split(/\s+/).filter(Boolean).map(normalizeWord));
}

const WORDS = {
  publication: phrases(evidenceData.publication),
  updated: phrases(evidenceData.updated),
  author: phrases(evidenceData.author),
  caption: phrases(evidenceData.caption),
  chrome: phrases(evidenceData.chrome),
  today: phrases(evidenceData.today),
  yesterday: phrases(evidenceData.yesterday),
  future: phrases(evidenceData.future),
  futureClause: phrases(evidenceData.futureClause),
  past: phrases(evidenceData.past),
  lunar: phrases(evidenceData.lunar),
};

const WORD_RE = /[\p{L}\p{M}'’©]+/gu;

/** The normalised words of a piece of text. */
function wordsOf(s: string): string[] {
  return (s.match(WORD_RE) ?? []).map((w) => normalizeWord(w.replace(/’/g, "'")));
}

function containsPhrase(words: readonly string[], list: readonly string[][]): boolean {
  for (const p of list) {
    outer: for (let i = 0; i + p.length <= words.length; i++) {
      for (let k = 0; k < p.length; k++) if (words[i + k] !== p[k]) continue outer;
      return true;
    }
  }
  return false;
}

/** Does one of the phrases end the word list (the words right before a date)? */
function endsWithPhrase(words: readonly string[], list: readonly string[][]): boolean {
  for (const p of list) {
    if (p.length > words.length) continue;
    let ok = true;
    for (let k = 0; k < p.length && ok; k++) ok = words[words.length - p.length + k] === p[k];
    if (ok) return true;
  }
  return false;
}

/** Does one of the phrases start the word list (the words right after a date)? */
function startsWithPhrase(words: readonly string[], list: readonly string[][]): boolean {
  for (const p of list) {
    if (p.length > words.length) continue;
    let ok = true;
    for (let k = 0; k < p.length && ok; k++) ok = words[k] === p[k];
    if (ok) return true;
  }
  return false;
}

const TIME_RE = /(?<!\d)\d{1,2}\s?(?:[:hH]|[hH]:)\s?\d{2}(?!\d)|(?<!\d)\d{1,2}\s?(am|pm)(?!\p{L})|(?<!\p{L})(uhr|a\.m\.|p\.m\.|gmt|utc)(?!\p{L})|مساءً|مساء|صباحاً|صباحا/iu;
/** A sentence end: not the point of an initial, an abbreviation or a German ordinal ("U.S. Senate", "on Dec. 17",
 *  "Mr. Smith", "heute Nachmittag, 23. November"). */
const SENTENCE_END_RE =
  /(?<!(?:^|[\s.(])(?:\d{1,2}|\p{Lu}|Mr|Mrs|Ms|Dr|St|Jr|Sr|Sra|Mme|Gen|Gov|Sen|Rep|Lt|Col|Sgt|Prof|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|janv|févr|avr|juil|sept|oct|nov|déc|ene|abr|ago|dic|TP|Tp))[.!?؟。](?=\s|$)/u;

/** Does line b come right after line a, with no blank line between (one LF, CRLF or CR)? */
function follows(text: string, a: Line, b: Line): boolean {
  const gap = text.slice(a.end, b.start);
  return gap === '\n' || gap === '\r\n' || gap === '\r';
}

/** A line of running text, not a headline, a caption or site chrome: it ends a sentence, is long, or goes on in
 *  the next line (hard-wrapped wire copy). */

function isRunningText(text: string, lines: readonly Line[], i: number): boolean {
  const l = lines[i];
  const words = wordsOf(l.text);
  const t = l.text.trim();
  if (t.length <= 300 && (containsPhrase(words, WORDS.chrome) || containsPhrase(words, WORDS.caption))) return false;
  const next = lines[i + 1];
  const continues = next !== undefined && /^\p{Ll}/u.test(next.text.trim()) && follows(text, l, next);
  return words.length >= 20 || /[.!?؟:;»"”)…]$/u.test(t) || continues;
}

/** Where the lead (first sentence of the first paragraph of running text) starts and ends. */
function leadSpan(text: string, lines: readonly Line[], from: number): { start: number; end: number } | undefined {
  let first = -1;
  for (let i = from; i < lines.length && i < from + 12; i++) {
    if (wordsOf(lines[i].text).length < 8) continue;
    if (first < 0) first = i;
    if (isRunningText(text, lines, i)) {
      first = i;
      break;
    }
  }
  if (first < 0) return undefined;
  const l = lines[first];
  const rest = text.slice(l.start, l.end);
  const m = SENTENCE_END_RE.exec(rest.length > 40 ? rest.slice(20) : rest);
  const end = m ? l.start + (rest.length > 40 ? 20 : 0) + m.index + 1 : l.end;
  return { start: l.start, end: Math.min(end, l.start + 400) };
}

/** The line holding an offset. */
function lineOf(lines: readonly Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Words that may stand between a cue and its date ("until the 12th", "إلى يوم 20 سبتمبر", "jusqu'au lundi 12"). */
const FILLERS: ReadonlySet<string> = new Set(
  ['the', 'on', 'le', 'la', 'el', 'del', 'de', 'der', 'den', 'dem', 'am', 'il', 'lo', 'o', 'a', 'em', 'no', 'vào', 'في', 'ngày', 'hôm', 'يوم', 'day', 'jour', 'día', 'dia', 'tag', 'giorno'].map(
    normalizeWord,
  ),
);

/** Fillers that are words for "day": part of a cue such as "mis à jour le" when they stand in one. */
const DAY_FILLERS: ReadonlySet<string> = new Set(['ngày', 'hôm', 'يوم', 'day', 'jour', 'día', 'dia', 'tag', 'giorno'].map(normalizeWord));

/** The words before a date without the fillers at their end (or only the articles, keeping a "day" word). */
function dropFillers(words: readonly string[], keepDayWords = false): string[] {
  let end = words.length;
  while (end > 0 && FILLERS.has(words[end - 1]) && !(keepDayWords && DAY_FILLERS.has(words[end - 1]))) end--;
  return words.slice(0, end);
}

/** The words of the clause before a date on its line (back to a sentence end or a semicolon, at most 10 words). */
function clauseBefore(text: string, line: Line, at: number): string[] {
  const head = text.slice(Math.max(line.start, at - 200), at);
  const cut = Math.max(head.lastIndexOf('. '), head.lastIndexOf('; '), head.lastIndexOf('? '), head.lastIndexOf('! '));
  return wordsOf(cut >= 0 ? head.slice(cut + 2) : head).slice(-10);
}

/** A first line that reads as a title: no sentence end, short, with more lines after it that do not simply
 *  continue its sentence (hard-wrapped wire copy: "LONDON Oct 8 European shares fell on Monday" / "after a …"). */
function isTitle(text: string, lines: readonly Line[], i: number): boolean {
  if (i !== 0 || lines.length < 2) return false;
  const t = lines[0].text.trim();
  const next = lines[1].text.trim();
  const continues = /^\p{Ll}/u.test(next) && follows(text, lines[0], lines[1]);
  return t.length <= 200 && !/[.!?؟:]$/.test(t) && !continues;
}

/** A wire dateline at the start of a line: "(ANSA) - MILANO, 28 MAR -", "HANOI, March 4 (Reuters) -",
 *  "LONDON Oct 8", "MADRID, 12 (EUROPA PRESS)": an optional agency, a place in capitals, then the date, then a dash,
 *  an agency or the running text. */
function isWireDateline(text: string, line: Line, e: DateExpression): boolean {
  const head = text.slice(line.start, e.start);
  if (head.length > 60) return false;
  const place = head.replace(/^\s*(?:\([\p{L}\s.&-]{2,20}\)\s*[-–—]\s*)?/u, '');
  // (a place in capitals, or a capitalised place with its country in brackets: "Sheffield [UK], July 10 (ANI):")
  const placed = place.trim() + ' ';
  const bracketed = /^\p{Lu}[\p{L}\s.'’-]{1,30}\s\[\p{Lu}{2,5}\][,\s]*$/u.test(placed);
  if (!bracketed && (!/^\p{Lu}[\p{Lu}\s.'’-]{1,40}(?:\([\p{L}\s.]{2,20}\))?[,\s]*$/u.test(placed) || !/\p{Lu}{3}/u.test(place))) return false;
  const tail = text.slice(e.end, Math.min(line.end, e.end + 30));
  return /^\s*(?:[-–—]|\(|\.-|\s\p{Lu}|\s\p{Ll})/u.test(tail);
}

/** "(Thethaovanhoa.vn) – ", "(AIP) - ": an agency or site in brackets, then a dash. */
const AGENCY_DASH_RE = /^\s*\([\p{L}\p{M}.\s&-]{2,30}\)\s*[-–—]/u;

/** A line that is a place and a full date and nothing else: "Bruxelles, le 1er décembre 2016", "Madrid, 12 de
 *  marzo de 2024", "Hà Nội, ngày 5 tháng 3 năm 2024" (press releases, letters). */
function isPlaceDateLine(text: string, line: Line, e: DateExpression): boolean {
  const head = text.slice(line.start, e.start).trim();
  const tail = text.slice(e.end, line.end).trim();
  if (head.length === 0 || head.length > 50 || tail.length > 2) return false;
  return /^\p{Lu}[\p{L}\p{M}.'’ -]{1,40},\s*(?:(?:le|el|den|il|em|ngày|am|on)\s*)?$/u.test(head);
}

/** Places every date expression of an article and reads its context. */
export function placeDates(text: string, expressions: readonly DateExpression[]): PlacedDate[] {
  const lines = splitLines(text);
  if (lines.length === 0) return [];
  // The top of the page: the first lines before the running text, at most 6 of them within 700 characters.
  let topEnd = 0;
  while (topEnd < lines.length && topEnd < 6 && lines[topEnd].start < 700 && wordsOf(lines[topEnd].text).length < 25) topEnd++;
  const lead = leadSpan(text, lines, isTitle(text, lines, 0) ? 1 : 0);
  const out: PlacedDate[] = [];
  // the lines of a timestamp that no "published" cue names as the page's
  const timedLines = new Set<number>();
  // what a line says as a whole, worked out once per line (a line may hold thousands of dates)
  const facts = new Map<number, LineFacts>();
  const factsOf = (li: number): LineFacts => {
    let f = facts.get(li);
    if (f === undefined) {
      const words = wordsOf(lines[li].text);
      const rest = lines[li].text.replace(/\s+/g, ' ').trim();
      const short = rest.length <= 140 && words.length <= 18;
      const bylineLike = short && (TIME_RE.test(rest) || containsPhrase(words, WORDS.publication) || startsWithPhrase(words, WORDS.author) || /[|]/.test(rest));
      f = { words, rest, short, caption: containsPhrase(words, WORDS.caption), chrome: containsPhrase(words, WORDS.chrome), bylineLike };
      facts.set(li, f);
    }
    return f;
  };
  for (const e of expressions) {
    const li = lineOf(lines, e.start);
    const line = lines[li];
    const lf = factsOf(li);
    const before = wordsOf(text.slice(Math.max(line.start, e.start - 60), e.start));
    const after = wordsOf(text.slice(e.end, Math.min(line.end, e.end + 50)));
    const near = wordsOf(text.slice(Math.max(line.start, e.start - 30), Math.min(line.end, e.end + 30)));
    const rest = lf.rest;
    const short = lf.short;
    let zone: Zone;
    // a date with its time right after it ("07/03/2025 16:13", "18-11-2019 | 05:37"): the page's timestamp
    // (or with the time inside the expression: "26/01/2020 à 19:23")
    const timed =
      TIME_RE.test(text.slice(e.end, Math.min(line.end, e.end + 14))) || TIME_RE.test(text.slice(Math.max(line.start, e.start - 12), e.start)) || (e.year !== undefined && TIME_RE.test(e.text));
    const stamped = timed && !lf.caption;
    // "Publié le …", "تم نشره …", or a line "تاريخ النشر" right above: the page says this is its publication date
    const cueWords = dropFillers(before).slice(-4);
    const cueWithDay = dropFillers(before, true).slice(-4); // "mis à jour le" keeps its "jour"
    const prevLine = li > 0 ? factsOf(li - 1).words : [];
    const published =
      endsWithPhrase(cueWords, WORDS.publication) ||
      endsWithPhrase(cueWithDay, WORDS.publication) ||
      (prevLine.length <= 4 && containsPhrase(prevLine, WORDS.publication) && e.start - line.start < 40);
    const updated = endsWithPhrase(cueWords, WORDS.updated) || endsWithPhrase(cueWithDay, WORDS.updated);
    const isoStamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text.slice(e.start, e.start + 16));
    if (published && e.year !== undefined && e.start < 2500) zone = timed ? 'stamp' : 'byline';
    else if ((stamped && e.year !== undefined && li < Math.max(topEnd, 12)) || (isoStamp && e.start < 2500)) zone = 'stamp';
    else if (lf.chrome && short) zone = 'chrome';
    else if (li < Math.max(topEnd + 4, 8) && isWireDateline(text, line, e)) zone = 'dateline';
    else if (li < 12 && e.year !== undefined && isPlaceDateLine(text, line, e)) zone = 'dateline';
    else if (lf.caption && (short || (rest.length <= 300 && /[(:]/.test(line.text)))) zone = 'caption';
    else if (lf.bylineLike) zone = 'byline';
    else if (lead && e.start >= lead.start && e.start < lead.end) {
      // a date in the first few words of the lead, before a dash or an agency: the dateline
      const head = text.slice(lead.start, e.start);
      const tail = text.slice(e.end, Math.min(lead.end, e.end + 25));
      // ("(Thethaovanhoa.vn) – Tối 30/4, …": an agency in brackets and a dash before it)
      zone = wordsOf(head).length <= 6 && (/[-–—]|\(|\.-/.test(tail) || /^[\p{Lu}\s,.()-]*$/u.test(head.trim()) || /,\s*$/.test(head) || AGENCY_DASH_RE.test(head)) ? 'dateline' : 'lead';
    } else if (li < topEnd) {
      // a line that holds a date and little else: the page's first line is its header (often the day it was
      // saved, not the article's); further down the top it is the article's date line
      const dateOnly = short && wordsOf(rest.replace(e.text, ' ')).length <= 3;
      zone = dateOnly ? (li === 0 ? 'header' : 'byline') : 'top';
    } else zone = 'body';
    // the day of writing and other days, from the words right around the date
    let relation: Relation = 'plain';
    if (updated) relation = 'updated';
    else if (containsPhrase(near, WORDS.today)) relation = 'today';
    else if (containsPhrase(near, WORDS.yesterday))
      relation = zone === 'stamp' && short ? 'plain' : 'yesterday'; // "Ieri, 13:48 2017-08-20 13:48:00": a label
    else if (
      endsWithPhrase(dropFillers(before).slice(-3), WORDS.future) ||
      containsPhrase(clauseBefore(text, line, e.start), WORDS.futureClause) ||
      startsWithPhrase(after.slice(0, 3), WORDS.futureClause)
    )
      relation = 'future';
    else if (endsWithPhrase(dropFillers(before).slice(-3), WORDS.past) || startsWithPhrase(after.slice(0, 2), WORDS.past)) relation = 'past';
    const lunar = e.language === 'vi' && (containsPhrase(wordsOf(e.text), WORDS.lunar) || endsWithPhrase(before.slice(-2), WORDS.lunar) || startsWithPhrase(after.slice(0, 3), WORDS.lunar));
    out.push({ expression: e, zone, relation, lunar, lineStart: line.start, lineEnd: line.end });
    if (timed && !published && (zone === 'stamp' || zone === 'byline')) timedLines.add(line.start);
  }
  settleStampList(out, timedLines, lead?.end);
  settleLoneDateLine(text, out);
  return out;
}

/** Three or more lines of a date and its time below the lead are a list of other articles ("22:47 - 2026/02/15"
 *  under each headline of "in the same section"), not the page's timestamp: they say nothing of its day. */
function settleStampList(placed: PlacedDate[], timedLines: ReadonlySet<number>, leadEnd: number | undefined): void {
  if (timedLines.size < 3 || leadEnd === undefined) return;
  for (const p of placed) if (timedLines.has(p.lineStart) && p.lineStart >= leadEnd) p.zone = 'chrome';
}

/** A line that holds a full date and nothing else but a weekday, a time, separators or an agency's sign-off
 *  ("04/11/2009", "2 Jueves 25 de marzo de 2021", "24.07.2012 | 10:30", "MAP: 28/05/2020"). */
function isDateOnlyLine(text: string, p: PlacedDate): boolean {
  const e = p.expression;
  if (e.kind !== 'date' || e.year === undefined || e.day === undefined) return false;
  const before = text.slice(p.lineStart, e.start);
  // an agency's sign-off before the date ("MAP: 28/05/2020", "(AFP) 28/05/2020") is part of such a line
  const credit = /^\(?\p{Lu}{2,6}\)? ?[:,-]?$/u.test(before.trim());
  const rest = ((credit ? '' : before) + ' ' + text.slice(e.end, p.lineEnd)).replace(TIME_RE, ' ');
  return wordsOf(rest).filter((w) => !/^\d{1,3}$/.test(w)).length === 0 && rest.replace(/[\s\d|•·,.:;()–—-]/gu, '').length <= 3;
}

/** The one line of the text below its top that holds a full date and nothing else is the page's own date line,
 *  printed under the article or in a page footer: it counts as a byline. Several such lines (a list of related
 *  posts, a chronology) say nothing about which is the article's. */
function settleLoneDateLine(text: string, placed: PlacedDate[]): void {
  let lone: PlacedDate | undefined;
  let count = 0;
  // a date-only line holds one expression: only those lines are read (a line may hold thousands of dates)
  const perLine = new Map<number, number>();
  for (const p of placed) perLine.set(p.lineStart, (perLine.get(p.lineStart) ?? 0) + 1);
  for (const p of placed) {
    if (perLine.get(p.lineStart) !== 1 || p.lineEnd - p.lineStart > 200 || !isDateOnlyLine(text, p)) continue;
    if (p.zone !== 'body' && p.zone !== 'byline' && p.zone !== 'stamp' && p.zone !== 'header') return; // a caption's, chrome's, …
    count++;
    if (p.zone === 'body') lone = p;
  }
  if (lone && count === 1 && lone.relation === 'plain') lone.zone = 'byline';
}

/** "Today" said near a weekday or with no date at all ("Le maire a annoncé aujourd'hui"): is there one in the lead? */
export function leadSaysToday(text: string): boolean {
  const lines = splitLines(text);
  const lead = leadSpan(text, lines, 0);
  if (!lead) return false;
  return containsPhrase(wordsOf(text.slice(lead.start, lead.end)), WORDS.today);
}

/** A page's first line holding a full date with its weekday, and little else ("Friday, July 18, 2014"): a blog's post
 *  date, or a site's "today" widget (the day the page was saved), so it gives a candidate only when the weekday agrees. */
export function isPostDateHeader(p: PlacedDate): boolean {
  const e = p.expression;
  return (
    p.zone === 'header' &&
    e.year !== undefined &&
    e.month !== undefined &&
    e.day !== undefined &&
    e.weekday !== undefined &&
    isValidDate(e.year, e.month, e.day) &&
    weekdayOf(e.year, e.month, e.day) === e.weekday
  );
}

/** A blog's post-date header is the article's day only when nothing else at the top names another day (a site's
 *  "today" widget above an article with its own dateline is the day the page was saved). */
export function settleHeaders(candidates: DateCandidate[]): void {
  for (const c of candidates) {
    if (c.zone !== 'header' || c.strength !== 'strong') continue;
    if (candidates.some((o) => o !== c && o.zone !== 'header' && (o.month !== c.month || o.day !== c.day))) c.strength = 'medium';
  }
}
