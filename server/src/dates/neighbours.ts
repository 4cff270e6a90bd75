/** What the neighbouring documents' dates say about an undated document's year, and the shape of a year choice. */
import { dayNumber, isValidDate, isoRange, parseIso, type IsoParts } from './calendar';
import type { ProposeContext, YearSource } from './types';

export interface YearChoice {
  year: number;
  source: YearSource;
  /** The year is stated where the day is (its line, the byline, the lead): strong enough for a preferred fix. */
  near: boolean;
  /** The year stands right by the day ("11 de marzo de 2015Santos"), on a short dateline or byline line, or in the
   *  page's byline: the page's own year. A year elsewhere in a long lead ("the 2014 budget") is another thing's. */
  beside?: boolean;
  /** The year comes from a timestamp or byline that names the same day and month. */
  sameDay?: boolean;
  words: string;
}

export interface Neighbour {
  iso: string;
  parts: IsoParts;
  range: [number, number];
  which: 'earlier' | 'later';
}

export function neighbours(ctx: ProposeContext): Neighbour[] {
  const out: Neighbour[] = [];
  for (const [iso, which] of [
    [ctx.previousDate, 'earlier'],
    [ctx.nextDate, 'later'],
  ] as const) {
    const parts = parseIso(iso);
    if (parts && iso !== undefined) out.push({ iso: iso.trim(), parts, range: isoRange(parts), which });
  }
  return out;
}

/** The year the neighbours support for a day and month: only when both agree closely with each other, and with the text's years if it states any. */
export function neighbourYear(month: number, day: number, ns: readonly Neighbour[], textYears: ReadonlySet<number>): YearChoice | undefined {
  if (ns.length === 0) return undefined;
  const lo = Math.min(...ns.map((n) => n.range[0]));
  const hi = Math.max(...ns.map((n) => n.range[1]));
  // neighbours within about four months of each other (a lone neighbour counts as one such span)
  if (hi - lo > 120) return undefined;
  const years = [...new Set(ns.flatMap((n) => [n.parts.year - 1, n.parts.year, n.parts.year + 1]))];
  let best: { year: number; distance: number } | undefined;
  for (const y of years) {
    if (!isValidDate(y, month, day)) continue;
    const d = dayNumber(y, month, day);
    const distance = d < lo ? lo - d : d > hi ? d - hi : 0;
    if (distance > 120) continue;
    if (textYears.size > 0 && !textYears.has(y)) continue;
    if (!best || distance < best.distance) best = { year: y, distance };
  }
  if (!best) return undefined;
  const n = ns.map((x) => x.iso).join(' and ');
  return { year: best.year, source: { kind: 'neighbour', text: n }, near: false, words: `year from the neighbouring documents (${n}) — check` };
}
