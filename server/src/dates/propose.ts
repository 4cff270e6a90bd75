/** proposeDates and datesContradict: from the expressions in a text to ranked, explained date candidates. */
import { dayNumber, formatIso, isValidDate, isoRange, parseIso, weekdayOf, type IsoParts } from './calendar';
import { findDateExpressions } from './find';
import { WEEKDAY_NAMES } from './lexicon';
import type { DateCandidate, DateContradiction, DateExpression, ProposeContext, YearSource } from './types';

const MAX_CANDIDATES = 5;
/** Alternative years (other years the text mentions) offered per expression, besides the best one. */
const MAX_ALTERNATIVE_YEARS = 1;

interface YearOption {
  year: number;
  source: YearSource;
  score: number;
  /** Extra words for the reason, e.g. "the latest year the text mentions". */
  note?: string;
  /** May be offered as an alternative year: a bare year mention or the document name (not another date's year). */
  alternative: boolean;
}

const NAME_DATE_RE = /(?<![0-9A-Za-z])(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?![0-9A-Za-z])/;
const NAME_YEAR_RE = /(?<![0-9A-Za-z])((?:19|20)\d{2})(?![0-9A-Za-z])/;

/** The year a document name gives: "2025-03-13_x.txt", "vna_20250313.txt", "report 2025.txt". */
export function yearFromName(name: string | undefined): number | undefined {
  if (typeof name !== 'string') return undefined;
  const full = NAME_DATE_RE.exec(name);
  if (full && isValidDate(Number(full[1]), Number(full[2]), Number(full[3]))) return Number(full[1]);
  const y = NAME_YEAR_RE.exec(name);
  return y ? Number(y[1]) : undefined;
}

/** The representative day of an expression in a year: the day itself, or the 15th for a month. */
function dayIn(year: number, e: DateExpression): number | undefined {
  const month = e.month ?? 1;
  const day = e.day ?? 15;
  return isValidDate(year, month, day) ? dayNumber(year, month, day) : undefined;
}

function distanceToRange(d: number, range: [number, number]): number {
  return d < range[0] ? range[0] - d : d > range[1] ? d - range[1] : 0;
}

interface Neighbour {
  iso: string;
  parts: IsoParts;
  range: [number, number];
  which: 'earlier' | 'later';
}

function neighbours(ctx: ProposeContext): Neighbour[] {
  const out: Neighbour[] = [];
  for (const [iso, which] of [[ctx.previousDate, 'earlier'], [ctx.nextDate, 'later']] as const) {
    const parts = parseIso(iso);
    if (parts && iso !== undefined) out.push({ iso: iso.trim(), parts, range: isoRange(parts), which });
  }
  return out;
}

/** Closeness (0-10) of a date to the nearest neighbouring document's date, and that neighbour. */
function neighbourFit(day: number, ns: readonly Neighbour[]): { bonus: number; neighbour?: Neighbour } {
  let best: { bonus: number; neighbour?: Neighbour } = { bonus: 0 };
  for (const n of ns) {
    const bonus = Math.max(0, 10 * (1 - distanceToRange(day, n.range) / 366));
    if (bonus > best.bonus) best = { bonus, neighbour: n };
  }
  return best;
}

interface Mention {
  text: string;
  start: number;
  end: number;
}

/** The years the text states, each with its mentions in text order: bare mentions first (base 30), else other dates' years (base 20). */
interface TextYear {
  year: number;
  base: number;
  alternative: boolean;
  mentions: Mention[];
}

function collectTextYears(all: readonly DateExpression[]): Map<number, TextYear> {
  const years = new Map<number, TextYear>();
  for (const x of all) {
    if (x.year === undefined || x.yearSpan === undefined || (x.kind !== 'year' && x.day === undefined && x.month === undefined)) continue;
    const base = x.kind === 'year' ? 30 : 20;
    const mention = { text: x.text.slice(x.yearSpan.start - x.start, x.yearSpan.end - x.start), start: x.yearSpan.start, end: x.yearSpan.end };
    const old = years.get(x.year);
    if (!old || old.base < base) years.set(x.year, { year: x.year, base, alternative: x.kind === 'year', mentions: [mention] });
    else if (old.base === base) old.mentions.push(mention);
  }
  return years;
}

/** The mention nearest to an offset (mentions are in text order). */
function nearest(mentions: readonly Mention[], at: number): Mention {
  let lo = 0;
  let hi = mentions.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  const after = mentions[lo];
  const before = mentions[lo - 1];
  return before !== undefined && Math.abs(before.start - at) <= Math.abs(after.start - at) ? before : after;
}

/** Every year the evidence supports for an expression without a year, best first. */
function yearOptions(e: DateExpression, textYears: ReadonlyMap<number, TextYear>, ctx: ProposeContext): { options: YearOption[]; impossible: number[] } {
  const options = new Map<number, YearOption>();
  const add = (o: YearOption): void => {
    const old = options.get(o.year);
    if (!old || old.score < o.score) options.set(o.year, o);
  };
  // 1. Years the text states: bare mentions ("in 2025") first, then the years of other full dates.
  for (const ty of textYears.values()) {
    const m = nearest(ty.mentions, e.start);
    add({ year: ty.year, score: ty.base, alternative: ty.alternative, source: { kind: 'text', text: m.text, start: m.start, end: m.end } });
  }
  const statedYears = [...options.keys()];
  if (statedYears.length > 1) {
    const latest = Math.max(...statedYears);
    for (const o of options.values()) {
      const others = statedYears.filter((y) => y !== o.year).sort().join(', ');
      if (o.year === latest) {
        o.score += 5;
        o.note = `the latest year the text mentions; it also mentions ${others}`;
      } else {
        o.note = `one of the years the text mentions, besides ${others}`;
      }
    }
  }
  // 2. The document name.
  const nameYear = yearFromName(ctx.documentName);
  if (nameYear !== undefined) {
    const o = options.get(nameYear);
    if (o) {
      o.score += 8;
      o.note = (o.note ? o.note + '; ' : '') + `the document name '${ctx.documentName}' agrees`;
    } else {
      add({ year: nameYear, score: 25, alternative: true, source: { kind: 'name', text: ctx.documentName } });
    }
  }
  // 3. The neighbouring documents' dates: they break ties between text years, or give the year when nothing else does.
  const ns = neighbours(ctx);
  for (const o of options.values()) {
    const d = dayIn(o.year, e);
    if (d === undefined) continue;
    const fit = neighbourFit(d, ns);
    o.score += fit.bonus;
    if (fit.neighbour && fit.bonus >= 5 && options.size > 1) {
      o.note = (o.note ? o.note + '; ' : '') + `the ${fit.neighbour.which} document dated ${fit.neighbour.iso} is close to it`;
    }
  }
  if (options.size === 0) {
    let best: YearOption | undefined;
    for (const n of ns) {
      for (const year of [n.parts.year - 1, n.parts.year, n.parts.year + 1]) {
        const d = dayIn(year, e);
        if (d === undefined) continue;
        const fit = neighbourFit(d, [n]);
        // On equal closeness, the neighbour's own year wins.
        const score = 15 + fit.bonus + (year === n.parts.year ? 0.01 : 0);
        if (!best || score > best.score) best = { year, score, alternative: false, source: { kind: 'neighbour', text: n.iso } };
      }
    }
    if (best) add(best);
  }
  const all_ = [...options.values()];
  return {
    options: all_.filter((o) => dayIn(o.year, e) !== undefined).sort((a, b) => b.score - a.score || b.year - a.year),
    impossible: all_.filter((o) => dayIn(o.year, e) === undefined).map((o) => o.year).sort(),
  };
}

function quote(s: string): string {
  return `'${s.replace(/\s+/g, ' ')}'`;
}

/** The short reason (for a quick-fix title) and the longer explanation of a year choice. */
function yearReason(o: YearOption, ctx: ProposeContext): { short: string; detail: string } {
  const src = o.source;
  if (src.kind === 'text') {
    const short = `year from ${quote(src.text ?? String(o.year))}`;
    return { short, detail: o.note ? `${short}: ${o.note}` : `${short}, the only year the text mentions` };
  }
  if (src.kind === 'name') {
    const short = `year from the document name ${quote(ctx.documentName ?? '')}`;
    return { short, detail: `${short}; the text mentions no year` };
  }
  const n = neighbours(ctx).find((x) => x.iso === src.text);
  const short = `year ${o.year} from the ${n?.which ?? 'neighbouring'} document dated ${src.text ?? ''}`;
  return { short, detail: `${short}, the closest fit; neither the text nor the document name gives a year` };
}

function weekdayCheck(e: DateExpression, year: number | undefined): { agrees?: boolean; words: string; score: number } {
  if (e.weekday === undefined || year === undefined || e.day === undefined || e.month === undefined) return { words: '', score: 0 };
  const actual = weekdayOf(year, e.month, e.day);
  const stated = WEEKDAY_NAMES.en[e.weekday];
  if (actual === e.weekday) return { agrees: true, words: `, ${stated} agrees`, score: 15 };
  return { agrees: false, words: `; but ${formatIso(year, e.month, e.day)} is a ${WEEKDAY_NAMES.en[actual]}, not a ${stated}`, score: -50 };
}

function positionScore(e: DateExpression, textLength: number): number {
  if (e.inLead) return 100;
  return 60 - 40 * (textLength > 0 ? e.start / textLength : 0);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Ranked date candidates for a document from what its text says (see index.ts). Never throws; no expression with a
 * day or a month-and-year in the text means no candidate.
 */
export function proposeDates(text: string, context?: ProposeContext): DateCandidate[] {
  try {
    const ctx: ProposeContext = context ?? {};
    const all = findDateExpressions(text, { lang: ctx.lang });
    const dated = all.filter((e) => (e.kind === 'date' || e.kind === 'month') && e.month !== undefined);
    const textYears = collectTextYears(all);
    const sameDay = new Map<string, number>();
    for (const e of dated) sameDay.set(`${e.month}-${e.day}`, (sameDay.get(`${e.month}-${e.day}`) ?? 0) + 1);
    const candidates: DateCandidate[] = [];
    for (const e of dated) {
      const month = e.month ?? 1;
      const precision = e.kind === 'date' ? 'day' : 'month';
      const repeats = (sameDay.get(`${e.month}-${e.day}`) ?? 1) - 1;
      const base = positionScore(e, text.length) + (precision === 'day' ? 10 : 0) + Math.min(6, 3 * repeats);
      const from = `from ${quote(e.text)} in the text`;
      const make = (year: number | undefined, source: YearSource | undefined, yearScore: number, yearWords: string, yearDetail = yearWords): DateCandidate => {
        const wd = weekdayCheck(e, year);
        const c: DateCandidate = {
          yearOpen: year === undefined,
          precision,
          month,
          expression: e,
          reason: from + yearWords + wd.words,
          detail: from + yearDetail + wd.words,
          score: round(base + yearScore + wd.score),
        };
        if (year !== undefined) {
          c.year = year;
          c.iso = formatIso(year, month, precision === 'day' ? e.day : undefined);
        }
        if (e.day !== undefined) c.day = e.day;
        if (source) c.yearSource = source;
        if (wd.agrees !== undefined) c.weekdayAgrees = wd.agrees;
        return c;
      };
      if (e.year !== undefined) {
        const ys = e.yearSpan;
        candidates.push(make(e.year, { kind: 'expression', text: ys ? text.slice(ys.start, ys.end) : String(e.year), start: ys?.start, end: ys?.end }, 30, '', ', which gives its year'));
        continue;
      }
      const { options, impossible } = yearOptions(e, textYears, ctx);
      if (options.length === 0) {
        const why =
          impossible.length > 0
            ? `; the year is left open: that day does not exist in ${impossible.join(' or ')}, the only year${impossible.length > 1 ? 's' : ''} found`
            : '; no year in the text, the document name or a neighbouring document: the year is left open';
        candidates.push(make(undefined, undefined, 0, why));
        continue;
      }
      options.slice(0, 1 + MAX_ALTERNATIVE_YEARS).forEach((o, k) => {
        // An alternative year is only offered when a year mention or the name supports it, never a neighbour alone.
        if (k > 0 && !o.alternative) return;
        const r = yearReason(o, ctx);
        candidates.push(make(o.year, o.source, o.score - (k > 0 ? 20 : 0), ', ' + r.short, ', ' + r.detail));
      });
    }
    // One candidate per date (the best-scored mention), best first.
    candidates.sort((a, b) => b.score - a.score || a.expression.start - b.expression.start);
    const seen = new Set<string>();
    const out: DateCandidate[] = [];
    for (const c of candidates) {
      const key = c.iso ?? `open-${c.month}-${c.day ?? 0}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(c);
      if (out.length >= MAX_CANDIDATES) break;
    }
    return out;
  } catch {
    return [];
  }
}

function describeStated(c: DateCandidate): string {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const statedYear = c.yearSource?.kind === 'expression' ? ` ${c.year}` : '';
  return c.day !== undefined ? `${c.day} ${months[c.month - 1]}${statedYear}` : `${months[c.month - 1]}${statedYear}`;
}

/**
 * When the text's best-placed date (in the dateline / first sentence) states a day or month that cannot fall within
 * the document's date, the contradiction; otherwise undefined. Only what the text states is compared: a year the
 * text does not give in the same expression is not held against the document. Never throws.
 */
export function datesContradict(docIso: string, candidates: readonly DateCandidate[]): DateContradiction | undefined {
  try {
    const doc = parseIso(docIso);
    if (!doc || !Array.isArray(candidates)) return undefined;
    const lead = candidates.filter((c) => c.expression.inLead).sort((a, b) => b.score - a.score)[0];
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
