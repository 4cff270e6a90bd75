// `invalid-date`: a date attribute or date line whose value is not a valid ISO
// date (format spec, section 4), or a first body line that tries to be a date
// line but has the wrong form (`Date 2024-…`, `date: …`, a bare `date`). Where an
// unambiguous ISO spelling exists, the fix writes it.

import { checkIsoDate } from '../model/isoDate';
import type { RelRange } from '../model/edits';
import type { SegmentRule } from './types';

export const rule: SegmentRule = {
  kind: 'segment',
  meta: { code: 'invalid-date', severity: 'error', description: 'A date that is not a valid ISO date, or a date line of the wrong form.', fixable: 'some', scope: 'document' },
  check(ctx) {
    const doc = ctx.doc;
    if (!doc) return;
    const dl = doc.dateLine;
    if (dl?.attempt) {
      const range: RelRange = { line: dl.line, start: dl.keywordStart, endLine: dl.line, end: dl.valueEnd };
      const check = checkIsoDate(dl.value);
      const iso = check.ok ? check.date.text : check.normalized;
      ctx.report({
        code: 'invalid-date',
        message: `${dl.attempt} A date line reads \`date YYYY-MM-DD\` (or \`date YYYY-MM\`, \`date YYYY\`).`,
        ...range,
        fixes: iso ? () => [{ title: `Rewrite as \`date ${iso}\``, preferred: true, edits: [{ ...range, newText: `date ${iso}` }] }] : undefined,
      });
    }
    const fault = doc.header.fault;
    for (const d of doc.dates) {
      if (d.check.ok) continue;
      // A value the broken header cut wrong (`date="2024-01-01>>>`, no closing quote) is the header's fault, told once.
      if (fault && d.source === 'attribute' && d.range.start <= fault.end && d.range.end >= fault.start) continue;
      const where = d.source === 'attribute' ? 'The `date=` attribute' : 'The date line';
      const { reason, normalized } = d.check;
      ctx.report({
        code: 'invalid-date',
        message:
          d.text === 'YYYY-MM-DD'
            ? `${where} still holds the placeholder YYYY-MM-DD. Replace it with the article's date.`
            : d.text === ''
              ? `${where} has no value. Write the date as YYYY-MM-DD, YYYY-MM or YYYY.`
              : `${where} is not a valid date: ${reason}.${normalized ? ` Write ${normalized}.` : ' Write the date as YYYY-MM-DD, YYYY-MM or YYYY.'}`,
        ...d.range,
        fixes: normalized ? () => [{ title: `Change the date to ${normalized}`, preferred: true, edits: [{ ...d.range, newText: normalized }] }] : undefined,
      });
    }
  },
};
