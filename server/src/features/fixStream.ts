// "Fix all" over a stream, for `corpus lint --fix` on files of any size: the same
// preferred fixes as ../features/codeActions.ts's fixAll on the whole model, found
// and applied one segment at a time, so only one document's text is held at once.
//
// A pass reads the text twice: the check pass (./checkPass) streams it through the
// validator, keeping the small per-document facts the file rules need (names, end
// lines, dates) and counting the fixes it would apply; when there are some, the
// write pass streams it again and writes each segment with its fixes applied. The
// caller repeats until a check pass finds nothing left to fix (a fixed point), as
// running "Fix all" again and again would. A test compares both on random files.

import type { CorpusConfig } from '../config';
import { allowedKeys, severityOf } from '../diagnostics/convert';
import { fixableTextProblems } from '../diagnostics/textPass';
import { StreamLinter } from '../diagnostics/stream';
import { insertAfterLine, RelEdit } from '../model/edits';
import type { Segment } from '../model/segment';
import type { TextEdit } from '../model/types';
import { FILE_RULES } from '../rules';
import type { DocumentTable, FileFixContext, FileProblem, FileRule, FixContext } from '../rules/types';
import { nonOverlapping } from './codeActions';

/** What the file rules' fixes need of the whole file, from a check pass. */
export interface FixPlan {
  table: DocumentTable;
  /** Every document's first valid date (ISO), for the date proposals' neighbours. */
  dates: readonly (string | undefined)[];
}

/** The file rules' problems of a file, by document. */
type FileProblems = Map<number, { rule: FileRule; problem: FileProblem }[]>;

function fileProblems(table: DocumentTable, config: CorpusConfig): FileProblems {
  const out: FileProblems = new Map();
  for (const rule of FILE_RULES) {
    if (!rule.fixes && !rule.fixAll) continue;
    rule.check(table, (problem) => {
      if (!severityOf(config, problem.code, table.name(problem.doc))) return;
      const list = out.get(problem.doc) ?? [];
      list.push({ rule, problem });
      out.set(problem.doc, list);
    });
  }
  return out;
}

function neighbours(dates: readonly (string | undefined)[], doc: number): { previousDate?: string; nextDate?: string } {
  let previousDate: string | undefined;
  let nextDate: string | undefined;
  for (let i = doc - 1; i >= 0 && previousDate === undefined; i--) previousDate = dates[i];
  for (let i = doc + 1; i < dates.length && nextDate === undefined; i++) nextDate = dates[i];
  return { previousDate, nextDate };
}

/**
 * The preferred fix of each problem seen, by the text of its segment (hashed) and
 * its place: a document left unchanged by a pass gets its date proposals (the costly
 * fixes: they read the article) from here in the passes after. A few dozen bytes per
 * problem, never the text. Preferred fixes do not depend on the neighbouring documents.
 */
export type FixCache = Map<string, RelEdit[] | null>;

/** Two 32-bit FNV-1a hashes of a text and its length: a key that stands for the text. */
function textKey(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return `${(h1 >>> 0).toString(36)}.${(h2 >>> 0).toString(36)}.${text.length}`;
}

/** Finds, then applies, the fixes of one segment at a time. */
export class SegmentFixer {
  private readonly allowed: ReadonlySet<string> | undefined;
  private readonly byDoc: FileProblems;
  private names: ReadonlySet<string> | undefined;
  /** The file rule whose fixes are being asked for (its code decides `on`). */
  private current: FileRule | undefined;

  constructor(
    private readonly config: CorpusConfig,
    private readonly plan: FixPlan,
    private readonly cache: FixCache = new Map(),
  ) {
    this.allowed = allowedKeys(config);
    this.byDoc = fileProblems(plan.table, config);
  }

  /** The preferred fixes of a segment (absolute edits, as fixAll takes them), and how many problems they fix. */
  edits(seg: Segment, base: number, doc: number | undefined): { edits: TextEdit[]; problems: number } {
    const abs = (line: number, character: number) => ({ line: base + line, character });
    const all: TextEdit[] = [];
    const perProblem: TextEdit[][] = [];
    const seen = new Set<string>();
    const take = (code: string, start: { line: number; character: number }, edits: TextEdit[]): void => {
      const key = `${code}@${start.line}:${start.character}`;
      if (seen.has(key)) return;
      seen.add(key);
      all.push(...edits);
      perProblem.push(edits);
    };
    const name = seg.doc?.name;
    const ctx: FixContext = {
      dateStyle: this.config.dateStyle,
      preferDateFixes: this.config.dateFixes !== 'ask',
      neighbourDates: () => (doc === undefined ? {} : neighbours(this.plan.dates, doc)),
    };
    let segKey: string | undefined;
    for (const p of [...seg.problems, ...fixableTextProblems(seg, this.config)]) {
      if (!p.fixes || !severityOf(this.config, p.code, name) || (p.key !== undefined && this.allowed?.has(p.key))) continue;
      const key = `${(segKey ??= textKey(seg.text))}:${p.code}:${p.line}:${p.start}`;
      let edits = this.cache.get(key);
      if (edits === undefined) {
        edits = p.fixes(ctx).find((f) => f.preferred)?.edits ?? null;
        this.cache.set(key, edits);
      }
      if (edits)
        take(
          p.code,
          abs(p.line, p.start),
          edits.map((e) => ({ range: { start: abs(e.line, e.start), end: abs(e.endLine, e.end) }, newText: e.newText })),
        );
    }
    if (doc !== undefined) {
      const endLineEdit = (d: number): TextEdit => {
        if (d !== doc || !seg.doc) throw new Error('a file rule asked for another document than the one being fixed');
        const e = insertAfterLine(seg.text, seg.lineStarts, seg.doc.lastContentLine, '<<<END>>>', seg.eol);
        return { range: { start: abs(e.line, e.start), end: abs(e.endLine, e.end) }, newText: e.newText };
      };
      const table = this.plan.table;
      const fileCtx: FileFixContext = {
        names: () => (this.names ??= allNames(table)),
        unclosed: () => (table.isClosed(doc) ? [] : [doc]),
        endLineEdit,
        on: (d) => this.current !== undefined && severityOf(this.config, this.current.meta.code, table.name(d)) !== undefined,
        only: doc,
      };
      for (const { rule, problem } of this.byDoc.get(doc) ?? []) {
        this.current = rule;
        if (rule.fixAll) {
          take(problem.code, problem.range.start, rule.fixAll(fileCtx, this.plan.table));
          continue;
        }
        const fix = rule.fixes?.(problem, fileCtx, this.plan.table).find((f) => f.preferred);
        if (fix) take(problem.code, problem.range.start, fix.edits);
      }
    }
    const kept = nonOverlapping(all);
    const keptSet = new Set(kept);
    const problems = perProblem.filter((list) => list.length > 0 && list.every((e) => keptSet.has(e))).length;
    return { edits: kept, problems };
  }

  /** The segment's text with edits (absolute, inside the segment, not overlapping) applied. */
  static apply(seg: Segment, base: number, edits: readonly TextEdit[]): string {
    const offset = (p: { line: number; character: number }): number => {
      const rel = p.line - base;
      const start = rel < seg.lineStarts.length ? seg.lineStarts[rel] : seg.text.length;
      return Math.min(seg.text.length, start + p.character);
    };
    let text = seg.text;
    const sorted = edits.map((e) => ({ a: offset(e.range.start), b: offset(e.range.end), t: e.newText })).sort((x, y) => y.a - x.a || y.b - x.b);
    for (const e of sorted) text = text.slice(0, e.a) + e.t + text.slice(e.b);
    return text;
  }
}

function allNames(table: DocumentTable): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i < table.count; i++) names.add(table.name(i));
  return names;
}

/** What a check pass found. */
export interface CheckResult {
  /** Problems with a preferred fix (0: nothing left to fix). */
  fixable: number;
  plan: FixPlan;
  documents: number;
}

/**
 * Streams a text through the structural checks (the text rules only for their fixes):
 * what the file rules' fixes need, and how many problems could be fixed.
 */
export async function checkPass(chunks: AsyncIterable<string>, config: CorpusConfig, cache?: FixCache): Promise<CheckResult> {
  const dates: (string | undefined)[] = [];
  let fixable = 0;
  // Segment fixes are counted as the segments pass (the file rules' fixes, which need every document, at the end).
  const none: DocumentTable = {
    count: 0,
    closedCount: 0,
    duplicatedNames: 0,
    name: () => '',
    isClosed: () => true,
    headerLine: () => 0,
    nameRange: () => ({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }),
  };
  const segmentFixer = new SegmentFixer(config, { table: none, dates }, cache);
  const linter = new StreamLinter(config, {
    text: false,
    onSegment: (seg, base, doc) => {
      if (doc !== undefined) dates.push(seg.doc?.dates.map((d) => (d.check.ok ? d.check.date.text : undefined)).find((d) => d !== undefined));
      fixable += segmentFixer.edits(seg, base, undefined).problems;
    },
  });
  for await (const chunk of chunks) linter.push(chunk);
  linter.end();
  const table = linter.table();
  for (const list of fileProblems(table, config).values()) {
    for (const { rule, problem } of list) {
      const ctx: FileFixContext = { names: () => allNames(table), unclosed: () => [problem.doc], endLineEdit: () => ({ range: problem.range, newText: '' }) };
      if (rule.fixAll || rule.fixes?.(problem, ctx, table).some((f) => f.preferred)) fixable++;
    }
  }
  return { fixable, plan: { table, dates }, documents: linter.documentCount };
}

/** Streams a text again and hands each segment, fixed, to `write`. Returns how many problems the fixes address. */
export async function writePass(chunks: AsyncIterable<string>, config: CorpusConfig, plan: FixPlan, write: (text: string) => Promise<void>, cache?: FixCache): Promise<number> {
  const fixer = new SegmentFixer(config, plan, cache);
  let fixed = 0;
  const pending: string[] = [];
  const linter = new StreamLinter(config, {
    text: false,
    onSegment: (seg, base, doc) => {
      const { edits, problems } = fixer.edits(seg, base, doc);
      fixed += problems;
      pending.push(edits.length > 0 ? SegmentFixer.apply(seg, base, edits) : seg.text);
    },
  });
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending.length = 0;
    await write(text);
  };
  for await (const chunk of chunks) {
    linter.push(chunk);
    await flush();
  }
  linter.end();
  await flush();
  return fixed;
}
