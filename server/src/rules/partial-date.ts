// `partial-date`: a valid date of month or year precision. No fix: no edit can
// know the missing day.

import type { SegmentRule } from './types';

export const rule: SegmentRule = {
  kind: 'segment',
  meta: { code: 'partial-date', severity: 'information', description: 'A valid date of month or year precision.', fixable: false, scope: 'document' },
  check(ctx) {
    const dates = ctx.doc?.dates ?? [];
    const valid = dates.filter((d) => d.check.ok);
    // Two dates that differ are one fault, date-conflict: its fixes settle the precision too.
    if (valid.length > 1 && valid.some((d) => d.text !== valid[0].text)) return;
    // The same partial date twice (attribute and date line) is one fault: told on the first.
    const d = valid[0];
    if (!d || !d.check.ok || d.check.date.precision === 'day') return;
    const where = d.source === 'attribute' ? 'The `date=` attribute' : 'The date line';
    ctx.report({
      code: 'partial-date',
      message: `${where} gives only the ${d.check.date.precision === 'month' ? 'month' : 'year'} (${d.text}). If the article states its day, write the full date as YYYY-MM-DD.`,
      ...d.range,
    });
  },
};
