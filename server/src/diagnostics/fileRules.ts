// The file rules (checks across the documents of a file) over a table of small
// per-document facts: the editor's model and the command line's stream each
// provide the table, and this one function turns the rules' findings into
// diagnostics for both.

import type { CorpusConfig } from '../config';
import type { Diagnostic } from '../model/types';
import type { CorpusModel } from '../model/corpusModel';
import { FILE_RULES } from '../rules';
import type { DocumentTable } from '../rules/types';
import { mayBeOn } from '../configScopes';
import { DEFAULT_SEVERITY } from '../rules';
import { reportAs } from './convert';

export function pushFileDiagnostics(table: DocumentTable, config: CorpusConfig, out: Diagnostic[], copy?: (s: string) => string): void {
  for (const rule of FILE_RULES) {
    if (!config.reportSuppressed && !mayBeOn(config, rule.meta.code, DEFAULT_SEVERITY[rule.meta.code] !== undefined)) continue;
    rule.check(table, (p) => {
      const as = reportAs(config, p.code, table.name(p.doc));
      if (!as) return;
      const d: Diagnostic = {
        code: p.code,
        severity: as.severity,
        message: copy ? copy(p.message) : p.message,
        range: p.range,
        related: p.related?.map((r) => ({ range: r.range, message: copy ? copy(r.message) : r.message, ...(r.uri !== undefined ? { uri: r.uri } : {}) })),
      };
      if (as.suppressed) d.suppressed = true;
      out.push(d);
    });
  }
}

/** A document table read from a model's segments (document i is segment i + 1), counting as it is built. */
export function modelDocumentTable(model: CorpusModel, counts?: { docs: number; closed: number; duplicated: number }): DocumentTable {
  let c = counts;
  if (!c) {
    const names = new Map<string, number>();
    c = { docs: 0, closed: 0, duplicated: 0 };
    for (let i = 1; i < model.segmentCount; i++) {
      const f = model.segmentAt(i).doc;
      if (!f) continue;
      c.docs++;
      if (f.endLine !== undefined) c.closed++;
      if (f.name === '') continue;
      const n = (names.get(f.name) ?? 0) + 1;
      names.set(f.name, n);
      if (n === 2) c.duplicated++;
    }
  }
  const facts = (i: number) => model.segmentAt(i + 1).doc;
  return {
    count: c.docs,
    closedCount: c.closed,
    duplicatedNames: c.duplicated,
    name: (i) => facts(i)?.name ?? '',
    isClosed: (i) => facts(i)?.endLine !== undefined,
    headerLine: (i) => model.segmentStartLine(i + 1),
    nameRange: (i) => model.nameRangeOf(i + 1),
  };
}
