// Which documents the copy rules report, from a file's table: each document is
// reported once at most (one diagnostic per document, however many copies it has).
// In one file the later copy is reported, naming the earliest one: a later
// document that holds the same text as an earlier one is a `duplicate-document`; the
// first document of a text that is alike to an earlier document's text is a
// `near-duplicate-document`, naming the most alike. A copy in another file is
// reported in both files (neither is "the later one"), after the copies in the file.

import { formatName } from '../model/header';
import { short } from '../model/text';
import type { TextEdit } from '../model/types';
import type { CopyElsewhere, DocumentTable, FileFix, FileProblem } from '../rules/types';
import { score, Similarity } from './signature';

export interface CopyFinding {
  doc: number;
  exact: boolean;
  /** The other copy in this file, or undefined when it is in another file. */
  other?: number;
  elsewhere?: CopyElsewhere;
  /** Undefined for an exact copy; this document first. */
  similarity?: Similarity;
  /** The other near copies in this file before it (most alike first, at most MAX_RELATED), besides `other`. */
  more?: { doc: number; similarity: Similarity }[];
}

const MAX_RELATED = 10;

const found = new WeakMap<DocumentTable, CopyFinding[]>();

/** The copies of a file's documents, in document order (computed once per table, for both rules). */
export function copyFindings(t: DocumentTable): CopyFinding[] {
  const view = t.copies;
  if (!view) return [];
  const hit = found.get(t);
  if (hit) return hit;
  const out: CopyFinding[] = [];
  const firstOf = new Map<number, number>();
  for (let i = 0; i < t.count; i++) {
    const g = view.group(i);
    if (g === undefined) continue;
    const first = firstOf.get(g);
    if (first !== undefined) {
      out.push({ doc: i, exact: true, other: first });
      continue;
    }
    firstOf.set(g, i);
    const alike: { doc: number; similarity: Similarity }[] = [];
    for (const [other, s] of view.nearOf(g)) {
      const d = firstOf.get(other);
      if (d === undefined || d === i || score(s) < view.threshold) continue;
      alike.push({ doc: d, similarity: s });
    }
    if (alike.length > 0) {
      alike.sort((a, b) => score(b.similarity) - score(a.similarity) || a.doc - b.doc);
      const [best, ...more] = alike.slice(0, MAX_RELATED);
      out.push({ doc: i, exact: false, other: best.doc, similarity: best.similarity, more });
      continue;
    }
    const exactElsewhere = view.elsewhere?.(g, false)[0];
    if (exactElsewhere) {
      out.push({ doc: i, exact: true, elsewhere: exactElsewhere });
      continue;
    }
    const near = view.elsewhere?.(g, true).filter((e) => e.similarity && score(e.similarity) >= view.threshold) ?? [];
    let pick: CopyElsewhere | undefined;
    for (const e of near) if (!pick || score(e.similarity as Similarity) > score(pick.similarity as Similarity)) pick = e;
    if (pick?.similarity) out.push({ doc: i, exact: false, elsewhere: pick, similarity: flip(pick.similarity) });
  }
  found.set(t, out);
  return out;
}

function flip(s: Similarity): Similarity {
  return { jaccard: s.jaccard, aInB: s.bInA, bInA: s.aInB };
}

function percent(x: number): string {
  return `${Math.min(100, Math.round(x * 100))}%`;
}

/** The problem for a finding. */
export function copyProblem(t: DocumentTable, f: CopyFinding): FileProblem {
  const where =
    f.other !== undefined
      ? `\`${short(t.name(f.other) || 'the unnamed document')}\` (line ${t.headerLine(f.other) + 1})`
      : `\`${short(f.elsewhere?.name || 'a document')}\` of ${f.elsewhere?.label} (line ${(f.elsewhere?.range.start.line ?? 0) + 1})`;
  const related = f.other !== undefined ? { range: t.nameRange(f.other), message: '' } : { range: f.elsewhere?.range ?? t.nameRange(f.doc), message: '', uri: f.elsewhere?.uri };
  if (f.exact) {
    related.message = 'The other copy (the same text)';
    return {
      code: 'duplicate-document',
      message: `This document has the same text as ${where}, apart from spacing. Remove one copy, or keep both if they are different records of it (another source or date).`,
      range: t.nameRange(f.doc),
      related: [related],
      doc: f.doc,
    };
  }
  const s = f.similarity as Similarity;
  const text = s.aInB >= s.bInA ? `${percent(s.aInB)} of this text is also in ${where}` : `${percent(s.bInA)} of the text of ${where} is also in this document`;
  related.message = `The other copy (${percent(score(s))} alike)`;
  const more = (f.more ?? []).map((m) => ({ range: t.nameRange(m.doc), message: `Another copy (${percent(score(m.similarity))} alike)` }));
  return {
    code: 'near-duplicate-document',
    message: `${text}: it looks like the same article, republished or scraped again. Remove one copy, or keep both if they are different versions.`,
    range: t.nameRange(f.doc),
    related: [related, ...more],
    doc: f.doc,
  };
}

/** The copy rules' check: the findings of one kind. */
export function reportCopies(t: DocumentTable, exact: boolean, report: (p: FileProblem) => void): void {
  if (!t.copies) return;
  for (const f of copyFindings(t)) if (f.exact === exact) report(copyProblem(t, f));
}

/** "Remove this copy": never preferred, so "Fix all" and `--fix` never delete a document (which copy to keep is the editor's choice). */
export function removeCopyFix(p: FileProblem, t: DocumentTable, removeDocumentEdit: ((doc: number) => TextEdit) | undefined): FileFix[] {
  if (!removeDocumentEdit) return [];
  const name = t.name(p.doc);
  return [{ title: `Remove this copy (${name ? formatName(name) : `the document on line ${t.headerLine(p.doc) + 1}`})`, preferred: false, edits: [removeDocumentEdit(p.doc)] }];
}
