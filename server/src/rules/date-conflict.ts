// `date-conflict`: the `date=` attribute and the date line give different dates.
// Two equal choices, so neither fix is preferred: the corpus editor picks.

import type { SegmentRule } from './types';

export const rule: SegmentRule = {
  kind: 'segment',
  meta: { code: 'date-conflict', severity: 'warning', description: 'The date attribute and the date line differ.', fixable: true, scope: 'document' },
  check(ctx) {
    const dates = ctx.doc?.dates ?? [];
    const attr = dates.find((d) => d.source === 'attribute');
    const line = dates.find((d) => d.source === 'line');
    if (!attr || !line || !attr.check.ok || !line.check.ok || attr.text === line.text) return;
    ctx.report({
      code: 'date-conflict',
      message: `The date line says ${line.text} but the header's \`date=\` says ${attr.text}. Keep one date, or make them agree.`,
      ...line.range,
      fixes: () => [
        { title: `Use ${attr.text} (from the header) in the date line`, preferred: false, edits: [{ ...line.range, newText: attr.text }] },
        { title: `Use ${line.text} (from the date line) in the header`, preferred: false, edits: [{ ...attr.range, newText: line.text }] },
      ],
    });
  },
};
