// `unnormalized-text`: a document whose text is not in Unicode's composed form
// (NFC), such as Vietnamese written decomposed (NFD) by macOS. One finding per
// document, on its first such word; the fix rewrites only the pieces NFC changes
// (../encoding/nfc.ts). Always right: NFC is the same text, composed.

import { nfcEdits, wordAround } from '../encoding/nfc';
import type { RelEdit } from '../model/edits';
import { lineText } from '../model/lines';
import type { SegmentRule } from './types';

export const rule: SegmentRule = {
  kind: 'segment',
  meta: {
    code: 'unnormalized-text',
    severity: 'warning',
    description: 'A document not in composed Unicode form (NFC), such as Vietnamese written decomposed by macOS.',
    fixable: true,
    scope: 'document',
  },
  check(ctx) {
    const { text, lineStarts } = ctx;
    // Decomposed text holds combining marks (the character scan every segment gets finds them); then NFC decides.
    if (!ctx.charRuns().some((r) => r.kind === 'combining') || text.normalize('NFC') === text) return;
    const edits: RelEdit[] = [];
    let word = '';
    for (let line = 0; line < lineStarts.length; line++) {
      const content = lineText(text, lineStarts, line);
      for (const e of nfcEdits(content)) {
        if (edits.length === 0) word = wordAround(content, e.start, e.end);
        edits.push({ line, start: e.start, endLine: line, end: e.end, newText: e.newText });
      }
    }
    if (edits.length === 0) return;
    const first = edits[0];
    const count = edits.length;
    ctx.report({
      code: 'unnormalized-text',
      message: `This document is not in composed Unicode form (NFC): "${word}"${count > 1 ? ` and ${count - 1} more ${count === 2 ? 'place' : 'places'}` : ''} ${count > 1 ? 'are' : 'is'} written as letters followed by combining accents (NFD, as macOS writes text). It looks the same, but search, people and duplicate detection see other letters. The fix rewrites the document in NFC.`,
      line: first.line,
      start: first.start,
      endLine: first.line,
      end: first.end,
      fixes: () => [{ title: 'Rewrite the document in composed form (NFC)', preferred: true, edits }],
    });
  },
};
