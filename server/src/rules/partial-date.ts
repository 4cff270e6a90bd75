// `partial-date`: a valid date of month or year precision. No fix: no edit can
// know the missing day.

import type { SegmentRule } from './types';

export const rule: SegmentRule = {
  kind: 'segment',
  meta: { code: 'partial-date', severity: 'information', description: 'A valid date of month or year precision.', fixable: false, scope: 'document' },
  check(ctx) {
    for (const d of ctx.doc?.dates ?? []) {
      if (!d.check.ok || d.check.date.precision === 'day') continue;
      const where = d.source === 'attribute' ? 'The `date=` attribute' : 'The date line';
      ctx.report({
        code: 'partial-date',
        message: `${where} gives only the ${d.check.date.precision === 'month' ? 'month' : 'year'} (${d.text}). If the article states its day, write the full date as YYYY-MM-DD.`,
        ...d.range,
      });
    }
  },
};
