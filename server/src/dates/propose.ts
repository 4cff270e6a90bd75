/**
 * proposeDates and datesContradict: from the evidence a text gives (./evidence.ts) to ranked, explained
 * candidates for the article's publication date, each with its strength.
 *
 * - Only dates in the places where a page states its own day count: a byline or timestamp, the dateline, the
 *   lead (first sentence), a date said to be today or yesterday, the top lines. Captions, site chrome and the
 *   body's other dates are never proposed; a lunar date is not a Gregorian one; a deadline or coming event is
 *   not the day of writing.
 * - A day without a year takes the year its own line, the byline or the lead states; else the text's one year;
 *   else the document name; else the neighbouring documents, and then only when they are close to each other
 *   and (if the text states years) to one of them.
 * - A candidate is strong (the fix may be preferred) only when the page states the full date in its byline,
 *   dateline or lead (or says it is today), or states the day and month there with the year and a weekday that
 *   agrees. Strong candidates that disagree cancel each other (a byline beats the lead's event day).
 */
import { addDays, formatIso, isValidDate, parseIso, weekdayOf } from './calendar';
import { findDateExpressions } from './find';
import { isPostDateHeader, placeDates, settleHeaders, type PlacedDate, type Zone } from './evidence';
import { WEEKDAY_NAMES } from './lexicon';
import { neighbourYear, neighbours, type Neighbour, type YearChoice } from './neighbours';
import { dateFromName, yearFromName } from './name';
import type { DateCandidate, DateContradiction, DateExpression, ProposeContext, Strength } from './types';

const MAX_CANDIDATES = 5;

function quote(s: string): string {
  return `'${s.replace(/\s+/g, ' ').trim()}'`;
}

/** Where a candidate comes from, in words, and its precedence when candidates disagree (lower wins). */
const ZONE_WORDS: Record<Zone, { words: string; rank: number }> = {
  stamp: { words: "the page's timestamp", rank: 0 },
  byline: { words: 'the byline', rank: 1 },
  dateline: { words: 'the dateline', rank: 2 },
  lead: { words: 'the first sentence', rank: 3 },
  top: { words: 'the top of the page', rank: 4 },
  header: { words: 'the page header', rank: 5 },
  caption: { words: 'a caption', rank: 9 },
  chrome: { words: 'the site navigation', rank: 9 },
  body: { words: 'the text', rank: 9 },
};

/** Zones that may give candidates at all (a page header's lone date is as often the day the page was saved). */
const CANDIDATE_ZONES: ReadonlySet<Zone> = new Set(['stamp', 'byline', 'dateline', 'lead', 'top']);

/** The four-digit years a piece of text states (1900–2100), in order. */
function yearsIn(text: string): number[] {
  const out: number[] = [];
  const re = /(?<!\d)(19\d\d|20\d\d|2100)(?!\d)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(Number(m[1]));
  return out;
}

function weekdayName(w: number): string {
  return WEEKDAY_NAMES.en[w];
}

/**
 * Ranked date candidates for a document from what its text says (see the module comment). Never throws; a text
 * that states no day where a page states its own gives no candidate.
 */
export function proposeDates(text: string, context?: ProposeContext): DateCandidate[] {
  try {
    const ctx: ProposeContext = context ?? {};
    const all = findDateExpressions(text, { lang: ctx.lang });
    const placed = placeDates(text, all);
    const byline = placed.find((p) => (p.zone === 'stamp' || p.zone === 'byline') && p.expression.year !== undefined && !p.lunar);
    const leadYears = new Set<number>();
    const textYears = new Set<number>();
    for (const p of placed) {
      const y = p.expression.year;
      if (y === undefined || p.lunar) continue;
      textYears.add(y);
      if (p.zone === 'lead' || p.zone === 'dateline' || p.zone === 'byline' || p.zone === 'stamp') leadYears.add(y);
    }
    for (const y of yearsIn(text)) if (y >= 1900) textYears.add(y);
    const ns = neighbours(ctx);
    const nameYear = yearFromName(ctx.documentName);
    const nameDate = dateFromName(ctx.documentName);
    const candidates: DateCandidate[] = [];
    // the first weekday stated on its own in each line of the dateline or lead (by line start)
    const lineWeekdays = new Map<number, number>();
    for (const q of placed) {
      const w = q.expression.weekday;
      if (
        q.expression.kind === 'weekday' &&
        w !== undefined &&
        !lineWeekdays.has(q.lineStart) &&
        (q.zone === 'lead' || q.zone === 'dateline' || q.zone === 'top') &&
        (q.relation === 'plain' || q.relation === 'today')
      )
        lineWeekdays.set(q.lineStart, w);
    }
    for (const p of placed) {
      const e = p.expression;
      if (e.kind !== 'date' || e.month === undefined || e.day === undefined) continue;
      if (!(CANDIDATE_ZONES.has(p.zone) || isPostDateHeader(p)) || p.lunar || p.relation === 'future' || p.relation === 'past') continue;
      // the day the page was changed is not the day it was published: offered only when nothing else is
      if (p.relation === 'updated' && placed.some((q) => q !== p && (q.zone === 'stamp' || q.zone === 'byline') && q.relation !== 'updated' && q.expression.kind === 'date')) continue;
      const c = candidateFor(text, p, e, { byline, leadYears, textYears, ns, nameYear, nameDate, documentName: ctx.documentName, lineWeekday: lineWeekdays.get(p.lineStart) });
      if (c) candidates.push(c);
    }
    // A weekday alone ("on Tuesday", "ce mardi") resolves between close dated neighbours: a weak proposal.
    if (!candidates.some((c) => c.iso)) {
      const wd = placed.find((p) => p.expression.kind === 'weekday' && (p.zone === 'lead' || p.zone === 'dateline') && p.relation !== 'future' && p.relation !== 'past');
      const c = wd && weekdayBetweenNeighbours(wd, ns);
      if (c) candidates.push(c);
    }
    settleHeaders(candidates);
    // Strong candidates that disagree cancel each other's preference, unless one comes from a place of higher precedence.
    const strong = candidates.filter((c) => c.strength === 'strong');
    if (strong.length > 0) {
      const rank = (c: DateCandidate): number => ZONE_WORDS[c.zone].rank;
      const top = Math.min(...strong.map(rank));
      const best = strong.filter((c) => rank(c) === top);
      const isos = new Set(best.map((c) => c.iso));
      if (isos.size === 1) for (const c of best) c.preferred = true;
    }
    candidates.sort((a, b) => b.score - a.score || a.expression.start - b.expression.start);
    const seen = new Set<string>();
    const out: DateCandidate[] = [];
    for (const c of candidates) {
      const key = c.iso ?? `open-${c.month}-${c.day ?? 0}`;
      if (seen.has(key)) {
        // the same date from a second place: a preferred twin passes its preference on
        const kept = out.find((x) => (x.iso ?? '') === (c.iso ?? ''));
        if (kept && c.preferred) kept.preferred = true;
        continue;
      }
      seen.add(key);
      out.push(c);
      if (out.length >= MAX_CANDIDATES) break;
    }
    // Preferred first, whatever the scores.
    out.sort((a, b) => Number(b.preferred) - Number(a.preferred));
    return out;
  } catch {
    return [];
  }
}

interface Evidence {
  byline: PlacedDate | undefined;
  leadYears: ReadonlySet<number>;
  textYears: ReadonlySet<number>;
  ns: readonly Neighbour[];
  nameYear: number | undefined;
  /** The full date the document name gives ("vna_20250313.txt"). */
  nameDate?: { year: number; month: number; day: number };
  documentName: string | undefined;
  /** A weekday stated on its own in the candidate's line of the dateline or lead ("… fell on Monday"). */
  lineWeekday?: number;
}

function candidateFor(text: string, p: PlacedDate, e: DateExpression, ev: Evidence): DateCandidate | undefined {
  const month = e.month as number;
  const day = e.day as number;
  const where = ZONE_WORDS[p.zone].words;
  // the year
  let choice: YearChoice | undefined;
  if (e.year !== undefined) {
    const ys = e.yearSpan;
    choice = { year: e.year, source: { kind: 'expression', text: ys ? text.slice(ys.start, ys.end) : String(e.year), start: ys?.start, end: ys?.end }, near: true, words: '' };
  } else if (ev.nameDate?.month === month && ev.nameDate.day === day && p.relation !== 'yesterday') {
    // the name gives the same day and month ("vna_20250313.txt" over "HANOI, March 13 (VNA) -"): two sources agree
    const words = `year from the document name ${quote(ev.documentName ?? '')}, which names the same day`;
    choice = { year: ev.nameDate.year, source: { kind: 'name', text: ev.documentName }, near: true, beside: true, words };
  } else {
    const line = text.slice(p.lineStart, Math.min(p.lineEnd, p.lineStart + 2000));
    const lineYears = yearsIn(line);
    if (lineYears.length > 0) {
      const y = Math.max(...lineYears);
      const beside = yearsIn(text.slice(e.end, Math.min(p.lineEnd, e.end + 12))).includes(y) || (line.trim().split(/\s+/).length <= 12 && lineYears.length === 1);
      choice = { year: y, source: { kind: 'text', text: String(y) }, near: true, beside, words: `year from '${y}' on the same line` };
    } else if (ev.byline?.expression.year !== undefined && p.zone !== 'byline' && p.zone !== 'stamp') {
      const y = ev.byline.expression.year;
      // the page's timestamp naming the same day and month ("ANI | Updated: Jul 10, 2019" over "Sheffield [UK], July
      // 10 (ANI):"): two sources agree on the day, and the year is the stamp's
      const sameDay = ev.byline.expression.month === month && ev.byline.expression.day === day && p.relation !== 'yesterday';
      const words = sameDay ? `year from ${quote(ev.byline.expression.text)} at the top, which names the same day` : `year from the byline ${quote(ev.byline.expression.text)}`;
      choice = { year: y, source: { kind: 'text', text: String(y) }, near: true, beside: true, sameDay, words };
    } else if (ev.leadYears.size === 1) {
      const y = [...ev.leadYears][0];
      choice = { year: y, source: { kind: 'text', text: String(y) }, near: true, words: `year from '${y}' in the first lines` };
    } else if (ev.textYears.size >= 1) {
      const years = [...ev.textYears].sort((a, b) => b - a);
      const y = years[0];
      const said = years.length === 1 ? `'${y}' in the text` : `'${y}', the latest of the years the text mentions (${years.join(', ')})`;
      // a weekday said with the day (or in a dateline's line) and not true of it in that year: the year next to it
      // on which it is ("LONDON, Feb 15 (Reuters) - … on Friday", the text naming 2012 and earlier: 2013)
      const wd = e.weekday ?? (p.zone === 'dateline' && p.relation !== 'yesterday' ? ev.lineWeekday : undefined);
      const other = wd !== undefined && weekdayOf(y, month, day) !== wd ? [y + 1, y - 1].filter((x) => isValidDate(x, month, day) && weekdayOf(x, month, day) === wd) : [];
      choice =
        other.length === 1
          ? { year: other[0], source: { kind: 'text', text: String(y) }, near: false, words: `year ${other[0]}, next to ${said}, the one on which the day is a ${weekdayName(wd as number)} — check` }
          : { year: y, source: { kind: 'text', text: String(y) }, near: false, words: years.length === 1 ? `year from '${y}' in the text — check` : `year from ${said} — check` };
    } else if (ev.nameYear !== undefined) {
      choice = { year: ev.nameYear, source: { kind: 'name', text: ev.documentName }, near: false, words: `year from the document name ${quote(ev.documentName ?? '')} — check` };
    } else {
      choice = neighbourYear(month, day, ev.ns, ev.textYears);
    }
  }
  const from = `from ${quote(e.text)} in ${where}`;
  const candidate: DateCandidate = {
    yearOpen: choice === undefined,
    precision: 'day',
    month,
    day,
    expression: e,
    zone: p.zone,
    strength: 'weak',
    preferred: false,
    reason: from,
    detail: from,
    score: 0,
  };
  if (!choice) {
    candidate.reason = `${from}; no year in the text, the document name or close neighbouring documents: the year is left open`;
    candidate.detail = candidate.reason;
    return candidate;
  }
  let y = choice.year;
  let m = month;
  let d = day;
  if (!isValidDate(y, m, d)) return undefined;
  // "yesterday, 12 March": the article was written the day after
  if (p.relation === 'yesterday') ({ year: y, month: m, day: d } = addDays(y, m, d, 1));
  const parts: string[] = [from];
  if (p.relation === 'today') parts.push('said to be today');
  if (p.relation === 'updated') parts.push('the day the page was updated — check');
  if (p.relation === 'yesterday') parts.push(`said to be yesterday, so written the next day`);
  if (choice.words) parts.push(choice.words);
  let weekdayAgrees: boolean | undefined;
  const actual = weekdayOf(e.year ?? choice.year, month, day);
  if (e.weekday !== undefined) {
    weekdayAgrees = actual === e.weekday;
    parts.push(weekdayAgrees ? `${weekdayName(e.weekday)} agrees` : `but ${formatIso(e.year ?? choice.year, month, day)} is a ${weekdayName(actual)}, not a ${weekdayName(e.weekday)} — check`);
  } else if (ev.lineWeekday !== undefined && e.year === undefined && p.zone === 'dateline' && p.relation !== 'yesterday') {
    // "LONDON, Oct 8 (Reuters) - shares fell on Monday": the weekday of the dateline's line checks the year taken for
    // the day; naming the day before ("WASHINGTON, Dec 18 - The Senate on Tuesday") says nothing either way. (In the
    // lead, a weekday that agrees with an event's day confirms its year, not that it is the day of writing.)
    const wd = ev.lineWeekday;
    if (wd === actual) weekdayAgrees = true;
    else if ((wd + 1) % 7 !== actual) weekdayAgrees = false;
    if (weekdayAgrees !== undefined)
      parts.push(weekdayAgrees ? `${weekdayName(wd)} in the same line agrees` : `but ${formatIso(choice.year, month, day)} is a ${weekdayName(actual)}, and the line says ${weekdayName(wd)} — check`);
  } else if (ev.lineWeekday !== undefined && e.year !== undefined && p.zone === 'lead' && p.relation === 'plain') {
    // "Le Conseil, réuni jeudi, a approuvé une convention signée le 9 avril 2019": the lead's event has its own
    // weekday; a full date on another weekday (nor the day before) is an earlier event mentioned in passing
    const wd = ev.lineWeekday;
    if (wd !== actual && (wd + 1) % 7 !== actual) {
      weekdayAgrees = false;
      parts.push(`but ${formatIso(y, m, d)} is a ${weekdayName(actual)}, and the lead's event is on a ${weekdayName(wd)} — check`);
    }
  }
  candidate.year = y;
  candidate.month = m;
  candidate.day = d;
  candidate.iso = formatIso(y, m, d);
  candidate.yearSource = choice.source;
  if (weekdayAgrees !== undefined) candidate.weekdayAgrees = weekdayAgrees;
  candidate.reason = parts.join(', ');
  candidate.detail = candidate.reason;
  // strength
  // "today" makes a date of the lead or dateline the day of writing; next to a byline or timestamp it is as often a
  // site's own "today is …" widget (the day the page was saved), so there it adds nothing
  const widget = p.relation === 'today' && (p.zone === 'stamp' || p.zone === 'byline');
  const placeStrong = (p.zone === 'stamp' || p.zone === 'byline' || p.zone === 'dateline' || p.zone === 'lead' || p.relation === 'today') && p.relation !== 'updated' && !widget;
  const fullDate = e.year !== undefined;
  let strength: Strength = 'weak';
  if (weekdayAgrees === false) strength = 'weak';
  else if (placeStrong && fullDate) strength = 'strong';
  // "Sunday, October 06, 2013" alone on the first line: the post date of a blog or a press-release page
  else if (p.zone === 'header' && fullDate && weekdayAgrees === true) strength = 'strong';
  else if (placeStrong && choice.near && weekdayAgrees === true) strength = 'strong';
  else if ((p.zone === 'dateline' || p.zone === 'lead') && p.relation !== 'updated' && choice.sameDay === true) strength = 'strong';
  else if (placeStrong && choice.beside === true && (p.relation === 'today' || choice.source.kind === 'name')) strength = 'strong';
  // a dateline or byline with its year right by it ("11 de marzo de 2015Santos", "PARIS, 12 mai 2024 …")
  else if ((p.zone === 'dateline' || p.zone === 'byline' || p.zone === 'stamp') && choice.beside === true && choice.words.endsWith('on the same line')) strength = 'strong';
  else if (p.zone !== 'header' && (choice.near || choice.source.kind === 'text' || choice.source.kind === 'name')) strength = 'medium';
  candidate.strength = strength;
  candidate.score = (strength === 'strong' ? 300 : strength === 'medium' ? 200 : 100) - 10 * ZONE_WORDS[p.zone].rank - e.start / Math.max(1, text.length);
  return candidate;
}

/** The one day with a stated weekday between two close neighbours' dates (a week apart at most), as a weak candidate. */
function weekdayBetweenNeighbours(p: PlacedDate, ns: readonly Neighbour[]): DateCandidate | undefined {
  const e = p.expression;
  if (e.weekday === undefined || ns.length < 2) return undefined;
  const lo = Math.min(...ns.map((n) => n.range[0]));
  const hi = Math.max(...ns.map((n) => n.range[1]));
  if (hi - lo > 7) return undefined;
  const days: number[] = [];
  for (let d = lo - 3; d <= hi + 3; d++) {
    const date = new Date(d * 86_400_000);
    if (date.getUTCDay() === e.weekday) days.push(d);
  }
  if (days.length !== 1) return undefined;
  const date = new Date(days[0] * 86_400_000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  const reason = `from ${quote(e.text)} in ${ZONE_WORDS[p.zone].words}: the only ${weekdayName(e.weekday)} near the neighbouring documents (${ns.map((n) => n.iso).join(' and ')}) — check`;
  return {
    zone: p.zone,
    strength: 'weak',
    preferred: false,
    iso: formatIso(year, month, day),
    yearOpen: false,
    precision: 'day',
    year,
    month,
    day,
    expression: e,
    yearSource: { kind: 'neighbour', text: ns.map((n) => n.iso).join(' and ') },
    weekdayAgrees: true,
    reason,
    detail: reason,
    score: 50,
  };
}

function describeStated(c: DateCandidate): string {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const statedYear = c.yearSource?.kind === 'expression' ? ` ${c.year}` : '';
  return c.day !== undefined ? `${c.day} ${months[c.month - 1]}${statedYear}` : `${months[c.month - 1]}${statedYear}`;
}

/**
 * When the page's own statement of its day (byline, dateline or lead; not a caption or an event mentioned in
 * passing) cannot fall within the document's date, the contradiction; otherwise undefined. Only what the text
 * states is compared: a year the text does not give in the same expression is not held against the document.
 * Never throws.
 */
export function datesContradict(docIso: string, candidates: readonly DateCandidate[]): DateContradiction | undefined {
  try {
    const doc = parseIso(docIso);
    if (!doc || !Array.isArray(candidates)) return undefined;
    const own = candidates.filter((c) => c.zone === 'stamp' || c.zone === 'byline' || c.zone === 'dateline' || c.zone === 'lead');
    const lead = own.find((c) => c.preferred) ?? own[0];
    if (!lead) return undefined;
    const statedYear = lead.yearSource?.kind === 'expression' ? lead.year : undefined;
    let contradicts = statedYear !== undefined && statedYear !== doc.year;
    if (doc.precision !== 'year' && lead.month !== doc.month) contradicts = true;
    if (doc.precision === 'day' && lead.day !== undefined && lead.day !== doc.day) contradicts = true;
    if (!contradicts) return undefined;
    return {
      documentDate: docIso.trim(),
      candidate: lead,
      message: `The text says ${quote(lead.expression.text)} (${describeStated(lead)}), which cannot fall within the document's date ${docIso.trim()}.`,
    };
  } catch {
    return undefined;
  }
}
