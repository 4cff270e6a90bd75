// The editor shows at most MAX_DIAGNOSTICS problems of one file: a binary or badly
// broken file can hold hundreds of thousands, which would take the editor seconds
// to receive. The list is cut there, and one more diagnostic says how many there
// are (`too-many-problems`, at its configured severity; "off" leaves the note out).
// The command line lists them all.

import type { CorpusConfig } from '../config';
import type { Diagnostic } from '../model/types';
import { severityOf } from './convert';

export const MAX_DIAGNOSTICS = 20000;

/** The diagnostics to show for a file: all of them, or the first MAX_DIAGNOSTICS and a note. */
export function capDiagnostics(all: readonly Diagnostic[], config: CorpusConfig): readonly Diagnostic[] {
  if (all.length <= MAX_DIAGNOSTICS) return all;
  const shown = all.slice(0, MAX_DIAGNOSTICS);
  const severity = severityOf(config, 'too-many-problems');
  if (!severity) return shown;
  shown.push({
    code: 'too-many-problems',
    severity,
    message: `This file has ${all.length.toLocaleString('en-US')} problems; only the first ${MAX_DIAGNOSTICS.toLocaleString('en-US')} are shown. Run \`corpus lint\` on it (or "Corpus: Check File with the Command Line") to see them all.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  });
  return shown;
}
