// The editor shows at most MAX_DIAGNOSTICS problems of one file: a binary or badly
// broken file can hold hundreds of thousands, which would take the editor seconds
// to receive. The list is cut there, and one more diagnostic says how many there
// are (`too-many-problems`, at its configured severity; "off" leaves the note out).
// The command line lists them all.

import type { CorpusConfig } from '../config';
import type { Diagnostic } from '../model/types';
import { severityOf } from './convert';

export const MAX_DIAGNOSTICS = 20000;

/** The diagnostics to show for a file: all of them, or the first `limit` (MAX_DIAGNOSTICS) and a note. */
export function capDiagnostics(all: readonly Diagnostic[], config: CorpusConfig, limit = MAX_DIAGNOSTICS): readonly Diagnostic[] {
  if (all.length <= limit) return all;
  const shown = all.slice(0, limit);
  const severity = severityOf(config, 'too-many-problems');
  if (!severity) return shown;
  shown.push({
    code: 'too-many-problems',
    severity,
    message: `This file has ${all.length.toLocaleString('en-US')} problems; only the first ${limit.toLocaleString('en-US')} are shown${limit < MAX_DIAGNOSTICS ? ' while it is not open' : ''}. Run \`corpus lint\` on it (or "Corpus: Check File with the Command Line") to see them all.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  });
  return shown;
}
