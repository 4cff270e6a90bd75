// `mojibake`: text whose UTF-8 bytes were once read as windows-1252 or Latin-1 and
// saved again (`Ã©` for é, `â€™` for ’, `Ä‘`/`Æ°` for đ/ư, `Ø§Ù„` for ال). One
// finding per line (a paragraph of an article), from the first span to the last;
// the fix turns each span back into those bytes and reads them as UTF-8
// (../encoding/mojibake.ts). Preferred only when every span is certain.

import { MOJIBAKE_LEAD, mojibakeSpans, sureRepair } from '../encoding/mojibake';
import { lineText } from '../model/lines';
import type { SegmentRule } from './types';

/** A span as the message shows it, shortened. */
const show = (s: string): string => JSON.stringify(s.length > 12 ? `${s.slice(0, 12)}…` : s);

export const rule: SegmentRule = {
  kind: 'segment',
  meta: {
    code: 'mojibake',
    severity: 'warning',
    description: 'Text decoded with the wrong charset (Ã© for é, â€™ for ’, Ä‘ for đ): UTF-8 once read as windows-1252.',
    fixable: true,
    scope: 'document',
  },
  check(ctx) {
    const { text, lineStarts } = ctx;
    if (!MOJIBAKE_LEAD.test(text)) return;
    for (let line = 0; line < lineStarts.length; line++) {
      const spans = mojibakeSpans(lineText(text, lineStarts, line));
      if (spans.length === 0) continue;
      const first = spans[0];
      const last = spans[spans.length - 1];
      const sure = sureRepair(spans);
      const firstText = text.slice(lineStarts[line] + first.start, lineStarts[line] + first.end);
      const more = spans.length > 1 ? ` (and ${spans.length - 1} more ${spans.length === 2 ? 'span' : 'spans'} on this line)` : '';
      ctx.report({
        code: 'mojibake',
        message: `This text was decoded with the wrong charset: its UTF-8 bytes were read as windows-1252, so ${show(firstText)} stands for ${show(first.repair)}${more}. ${sure ? 'The quick fix restores the characters.' : 'The quick fix restores the characters; check it, as some spans are not certain.'}`,
        line,
        start: first.start,
        endLine: line,
        end: last.end,
        fixes: () => [
          {
            title: spans.length === 1 ? `Restore ${show(first.repair)} (read the bytes as UTF-8)` : `Restore the ${spans.length} garbled spans of this line (read the bytes as UTF-8)`,
            preferred: sure,
            edits: spans.map((s) => ({ line, start: s.start, endLine: line, end: s.end, newText: s.repair })),
          },
        ],
      });
    }
  },
};
