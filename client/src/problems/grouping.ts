// The Corpus Problems view's grouping: a file's problems by code, then by document
// (or by document alone), with counts, under a filter by code and severity. Pure: no
// `vscode`. The documents' line spans come from the server's outline, so no format
// knowledge lives here.

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export interface Problem {
  code: string;
  severity: Severity;
  /** 0-based line of the problem's start. */
  line: number;
}

/** One corpus document of the file, as the outline gives it: a name and its lines (inclusive). */
export interface DocumentSpan {
  name: string;
  startLine: number;
  endLine: number;
}

export interface ProblemFilter {
  /** Only these codes (undefined: every code). */
  codes?: ReadonlySet<string>;
  /** Only these severities (undefined: every severity). */
  severities?: ReadonlySet<Severity>;
}

export type GroupBy = 'code' | 'document';

export interface Group {
  /** Stable within a file: `code:<code>`, `doc:<n>`, `code:<code>/doc:<n>`, `outside`. */
  key: string;
  label: string;
  /** Problems in the group (under the filter). */
  count: number;
  /** The code every problem of the group has (code groups and their document groups). */
  code?: string;
  /** Sub-groups, or else the problems' indices in the input order. */
  groups?: Group[];
  items?: number[];
}

/** The index of the document holding `line` in spans sorted by start, or -1 (before the first, or in a gap). */
export function documentAt(spans: readonly DocumentSpan[], line: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].startLine <= line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && line <= spans[found].endLine ? found : -1;
}

export function passes(p: Problem, filter: ProblemFilter): boolean {
  return (!filter.codes || filter.codes.has(p.code)) && (!filter.severities || filter.severities.has(p.severity));
}

const OUTSIDE = 'outside any document';
/** By document, for a file whose outline is not known (not open: its problems come from the workspace scope). */
const UNREAD = 'every document (open the file to group by document)';

/** Groups of item indices by document, in file order (problems outside every document last). */
function byDocument(problems: readonly Problem[], items: readonly number[], spans: readonly DocumentSpan[], prefix: string, code?: string): Group[] {
  const docs = new Map<number, number[]>();
  for (const i of items) {
    const d = documentAt(spans, problems[i].line);
    let list = docs.get(d);
    if (!list) docs.set(d, (list = []));
    list.push(i);
  }
  return [...docs.entries()]
    .sort(([a], [b]) => (a === -1 ? 1 : b === -1 ? -1 : a - b))
    .map(([d, list]) => ({
      key: d === -1 ? `${prefix}outside` : `${prefix}doc:${d}`,
      label: d === -1 ? OUTSIDE : spans[d].name,
      count: list.length,
      code,
      items: list,
    }));
}

/**
 * The groups of one file's problems. By code: codes with the most problems first,
 * each split by document when the file has documents. By document: documents in
 * file order. Problems within a group keep the input order.
 */
export function groupProblems(problems: readonly Problem[], spans: readonly DocumentSpan[] | undefined, filter: ProblemFilter = {}, by: GroupBy = 'code'): Group[] {
  const kept: number[] = [];
  for (let i = 0; i < problems.length; i++) if (passes(problems[i], filter)) kept.push(i);
  if (by === 'document') {
    if (spans) return byDocument(problems, kept, spans, '');
    return kept.length > 0 ? [{ key: 'unread', label: UNREAD, count: kept.length, items: kept }] : [];
  }
  const codes = new Map<string, number[]>();
  for (const i of kept) {
    let list = codes.get(problems[i].code);
    if (!list) codes.set(problems[i].code, (list = []));
    list.push(i);
  }
  return [...codes.entries()]
    .sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, list]) => {
      const key = `code:${code}`;
      const group: Group = { key, label: code, count: list.length, code };
      if (spans && spans.length > 0) group.groups = byDocument(problems, list, spans, `${key}/`, code);
      else group.items = list;
      return group;
    });
}

/** How many problems of each code and severity the file has (for the filter's choices). */
export function tally(problems: readonly Problem[]): { codes: Map<string, number>; severities: Map<Severity, number> } {
  const codes = new Map<string, number>();
  const severities = new Map<Severity, number>();
  for (const p of problems) {
    codes.set(p.code, (codes.get(p.code) ?? 0) + 1);
    severities.set(p.severity, (severities.get(p.severity) ?? 0) + 1);
  }
  return { codes, severities };
}

/**
 * Which groups changed between two groupings of the same file: `structure` when the
 * list of keys differs (the parent must be refreshed), else the keys of the groups
 * whose counts, sub-groups or problems differ (`sameItem` compares a problem before,
 * by its old index, with one after), to refresh only those.
 */
export function changedGroups(before: readonly Group[] | undefined, after: readonly Group[], sameItem: (before: number, after: number) => boolean): { structure: boolean; keys: string[] } {
  if (!before || before.length !== after.length || before.some((g, i) => g.key !== after[i].key)) return { structure: true, keys: [] };
  const keys: string[] = [];
  for (let i = 0; i < after.length; i++) if (!sameGroup(before[i], after[i], sameItem)) keys.push(after[i].key);
  return { structure: false, keys };
}

function sameGroup(a: Group, b: Group, sameItem: (before: number, after: number) => boolean): boolean {
  if (a.key !== b.key || a.count !== b.count || a.label !== b.label) return false;
  if (a.items || b.items) return !!a.items && !!b.items && a.items.length === b.items.length && a.items.every((x, i) => sameItem(x, b.items?.[i] ?? -1));
  const ga = a.groups ?? [];
  const gb = b.groups ?? [];
  return ga.length === gb.length && ga.every((g, i) => sameGroup(g, gb[i], sameItem));
}
