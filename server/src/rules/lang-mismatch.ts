// `lang-mismatch`: the document's `lang=` tag names another language than the one
// its text is written in. A text rule: it reads the document's lead (at most
// READ_CHARS characters after the date line), so the editor runs it in the
// background (cached per segment) and the command line inline. Reported only when
// the identification is confident (enough letters, a clear margin, the tagged
// language not a close runner-up); the fix rewrites the tag, preferred only when
// the identification is sure (more text, a wider margin). See ../langid.

import { documentLead, languageName, tagContradicted } from '../langid/tags';
import { spanRange } from '../model/facts';
import type { LocalProblem, TextRule } from './types';

export const rule: TextRule = {
  kind: 'text',
  meta: {
    code: 'lang-mismatch',
    severity: 'warning',
    description: "The `lang=` tag names another language than the one the document's text is written in.",
    fixable: true,
    scope: 'document',
  },
  check({ text, lineStarts, doc }): LocalProblem[] {
    const tag = doc.lang;
    if (tag === undefined || doc.empty) return [];
    const fact = doc.attributes.find((a) => a.attr.key === 'lang' && !a.repeats);
    if (!fact) return [];
    const found = tagContradicted(tag, documentLead(text, lineStarts, doc));
    if (!found) return [];
    const tagged = languageName(tag.split(/[-_]/)[0]);
    const read = languageName(found.lang);
    const span = fact.attr.valueSpan;
    return [
      {
        code: 'lang-mismatch',
        message: `The document is tagged ${tagged} (${tag}) but the text reads as ${read} (${found.lang}). Change the tag to \`lang=${found.lang}\`, or check that the right text is under this header.`,
        ...spanRange(0, span),
        fixes: () => [
          {
            title: `Change the tag to \`lang=${found.lang}\` (${read})`,
            preferred: found.identification.sure,
            edits: [{ ...spanRange(0, span), newText: found.lang }],
          },
        ],
      },
    ];
  },
};
