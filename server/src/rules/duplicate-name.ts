// `duplicate-name`: a document has the same name as an earlier one. A file rule:
// it reads the names of the file's documents, never their text. The fix renames
// this document to the first free `name-2.txt`, `name-3.txt`, …

import { formatName } from '../model/header';
import { short } from '../model/text';
import type { DocumentTable, FileFixContext, FileRule } from './types';

/** "Fix all" gives every repeated document its own free name (a-2.txt, a-3.txt, …), computed once per table. */
const renamesOf = new WeakMap<DocumentTable, Map<number, string>>();

function distinctRenames(t: DocumentTable, ctx: FileFixContext): Map<number, string> {
  const hit = renamesOf.get(t);
  if (hit) return hit;
  const taken = new Set(ctx.names());
  const seen = new Set<string>();
  const next = new Map<string, number>();
  const out = new Map<number, string>();
  for (let i = 0; i < t.count; i++) {
    const name = t.name(i);
    if (name === '') continue;
    if (!seen.has(name)) {
      seen.add(name);
      continue;
    }
    if (!(ctx.on?.(i) ?? true)) continue;
    const fresh = uniqueName(name, taken, next);
    taken.add(fresh);
    out.set(i, fresh);
  }
  renamesOf.set(t, out);
  return out;
}

/** A name not used by any document: `name-2.txt`, `name-3.txt`, … */
export function uniqueName(name: string, taken: ReadonlySet<string>, next?: Map<string, number>): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let k = next?.get(name) ?? 2; ; k++) {
    const candidate = `${stem}-${k}${ext}`;
    if (!taken.has(candidate)) {
      next?.set(name, k + 1);
      return candidate;
    }
  }
}

export const rule: FileRule = {
  kind: 'file',
  meta: { code: 'duplicate-name', severity: 'warning', description: 'A document has the same name as an earlier one.', fixable: true, scope: 'file' },
  check(t, report) {
    if (t.duplicatedNames === 0) return;
    const first = new Map<string, number>();
    for (let i = 0; i < t.count; i++) {
      const name = t.name(i);
      if (name === '') continue;
      const earlier = first.get(name);
      if (earlier === undefined) {
        first.set(name, i);
        continue;
      }
      report({
        code: 'duplicate-name',
        message: `Another document is already named \`${short(name)}\` (line ${t.headerLine(earlier) + 1}). Give this document a different name.`,
        range: t.nameRange(i),
        related: [{ range: t.nameRange(earlier), message: `First document named \`${short(name)}\`` }],
        doc: i,
      });
    }
  },
  fixes(p, ctx, t) {
    const name = uniqueName(t.name(p.doc), ctx.names());
    return [{ title: `Rename this document to \`${name}\``, preferred: true, edits: [{ range: t.nameRange(p.doc), newText: formatName(name) }] }];
  },
  fixAll(ctx, t) {
    const out = [];
    for (const [doc, name] of distinctRenames(t, ctx)) if (ctx.only === undefined || ctx.only === doc) out.push({ range: t.nameRange(doc), newText: formatName(name) });
    return out;
  },
};
