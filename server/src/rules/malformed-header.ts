// `malformed-header`: a line meant as a header that breaks the header form
// (format spec, section 2). The header parser names the exact fault; the fix
// rewrites the line in canonical form with the name and attributes it could read.

import { formatHeader, ParsedAttribute } from '../model/header';
import { spanRange } from '../model/facts';
import { short } from '../model/text';
import type { SegmentRule } from './types';

function dedupe(attrs: readonly ParsedAttribute[]): { key: string; value: string }[] {
  const seen = new Set<string>();
  const out: { key: string; value: string }[] = [];
  for (const a of attrs) {
    if (seen.has(a.key)) continue;
    seen.add(a.key);
    out.push({ key: a.key, value: a.value });
  }
  return out;
}

export const rule: SegmentRule = {
  kind: 'segment',
  meta: {
    code: 'malformed-header',
    severity: 'error',
    description: 'A line meant as a header breaks the header form (no closing `>>>`, no name, a near miss such as `<<<file`).',
    fixable: 'some',
    scope: 'document',
  },
  check(ctx) {
    const doc = ctx.doc;
    const f = doc?.header.fault;
    if (!doc || !f) return;
    // A control character that splits the header (a vertical tab between two words of the name) is the one
    // fault: control-character reports it, and removing it mends the header.
    if (ctx.charRuns().some((r) => r.kind === 'control' && r.line === 0 && r.end >= f.start && r.start <= f.end)) return;
    const name = doc.header.name;
    const headerLength = doc.headerLength;
    const attributes = doc.header.attributes;
    ctx.report({
      code: 'malformed-header',
      message: f.message,
      ...spanRange(0, f),
      fixes: () => {
        const newText = formatHeader(name !== '' ? name : 'untitled.txt', dedupe(attributes));
        return [
          {
            title: `Rewrite the header as \`${short(newText)}\``,
            preferred: name !== '',
            edits: [{ line: 0, start: 0, endLine: 0, end: headerLength, newText }],
          },
        ];
      },
    });
  },
};
