// `duplicate-name`: a document has the same name as an earlier one. A file rule:
// it reads the names of the file's documents, never their text. The fix renames
// this document to the first free `name-2.txt`, `name-3.txt`, …

import { formatName } from '../model/header';
import { short } from '../model/text';
import type { FileRule } from './types';

/** A name not used by any document: `name-2.txt`, `name-3.txt`, … */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let k = 2; ; k++) {
    const candidate = `${stem}-${k}${ext}`;
    if (!taken.has(candidate)) return candidate;
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
};
