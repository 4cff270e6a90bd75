// From what a file's bytes are (./bytes.ts) to its diagnostics, the same in the
// command line and the editor: a binary file gets one `binary-file` note and
// nothing else; a file that is not UTF-8 gets one `not-utf8` diagnostic where its
// first such byte is, and none of the `replacement-character` warnings that its
// bytes, read as UTF-8, would give from there on.

import type { CorpusConfig } from '../config';
import { severityOf } from '../diagnostics/convert';
import type { Diagnostic, Range } from '../model/types';
import type { ByteVerdict, CharsetGuess } from './bytes';

/** What kind of text each charset jschardet names is for, to tell the editor in words. */
const SCRIPTS: Readonly<Record<string, string>> = {
  'windows-1252': 'Western European',
  'iso-8859-1': 'Western European',
  'iso-8859-15': 'Western European',
  'windows-1250': 'Central European',
  'iso-8859-2': 'Central European',
  'windows-1251': 'Cyrillic',
  'koi8-r': 'Cyrillic',
  'iso-8859-5': 'Cyrillic',
  ibm866: 'Cyrillic',
  ibm855: 'Cyrillic',
  maccyrillic: 'Cyrillic',
  'windows-1253': 'Greek',
  'iso-8859-7': 'Greek',
  'windows-1255': 'Hebrew',
  'iso-8859-8': 'Hebrew',
  'windows-1256': 'Arabic',
  'tis-620': 'Thai',
  shift_jis: 'Japanese',
  cp932: 'Japanese',
  'euc-jp': 'Japanese',
  'iso-2022-jp': 'Japanese',
  gb2312: 'Simplified Chinese',
  gb18030: 'Simplified Chinese',
  big5: 'Traditional Chinese',
  'euc-tw': 'Traditional Chinese',
  'euc-kr': 'Korean',
  'utf-16le': 'Unicode, two bytes a character',
  'utf-16be': 'Unicode, two bytes a character',
};

/** Below this confidence the guess is said as a guess. */
const SURE = 0.3;

/** The charset in words: `windows-1252 (Western European)`. */
export function charsetInWords(guess: CharsetGuess): string {
  const script = SCRIPTS[guess.charset.toLowerCase()];
  return script ? `${guess.charset} (${script})` : guess.charset;
}

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function binaryMessage(why: 'nul' | 'control'): string {
  return `This is not a text file: its first bytes ${why === 'nul' ? 'hold NUL (zero) bytes' : 'are mostly control bytes'}, as images, archives and word-processor files do, so it is not checked as a corpus. Check that this is the file you meant; a corpus file is plain UTF-8 text.`;
}

export function notUtf8Message(guess: CharsetGuess | undefined, line: number): string {
  const what = guess ? `${guess.confidence >= SURE ? 'it looks like' : 'it may be'} ${charsetInWords(guess)}` : 'which charset it is in could not be told';
  const convert = guess ? `\`corpus convert --from ${guess.charset}\`` : '`corpus convert --from <charset>`';
  const shown = guess?.charset.startsWith('utf-16')
    ? 'Read as UTF-8, its text is garbled (a NUL byte between letters), so it is not checked as a corpus'
    : `From line ${line + 1} on, its accented and other non-ASCII letters show as �, and a save would lose them`;
  return `This file is not UTF-8: ${what}. ${shown}. Reopen it with that encoding (Reopen with Encoding), or write a UTF-8 copy with ${convert}.`;
}

/** The one diagnostic a verdict gives (undefined for UTF-8, or when its code is off). */
export function verdictDiagnostic(verdict: ByteVerdict, config: CorpusConfig): Diagnostic | undefined {
  if (verdict.kind === 'utf8') return undefined;
  const code = verdict.kind === 'binary' ? 'binary-file' : 'not-utf8';
  const severity = severityOf(config, code);
  if (!severity) return undefined;
  if (verdict.kind === 'binary') return { code, severity, message: binaryMessage(verdict.why), range: FILE_START };
  const at = { line: verdict.line, character: verdict.character };
  return { code, severity, message: notUtf8Message(verdict.guess, verdict.line), range: { start: at, end: { line: at.line, character: at.character + 1 } } };
}

/** Whether the verdict's diagnostic is the file's only one: a binary file, or UTF-16 (read as UTF-8, NUL bytes between letters). */
export function alone(verdict: ByteVerdict): boolean {
  return verdict.kind === 'binary' || (verdict.kind === 'not-utf8' && verdict.guess?.charset.startsWith('utf-16') === true);
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/**
 * The diagnostics of a file under a verdict, one at a time as a stream gives them
 * (the command line) or over a whole list (the editor): the verdict's diagnostic
 * goes before the first at or after its place, replacement characters from there
 * on are dropped, and a binary file keeps nothing but its note.
 */
export class VerdictFilter {
  private pending: Diagnostic | undefined;
  private dropFrom: Range['start'] | undefined;
  /** Nothing but the verdict's diagnostic (a binary or UTF-16 file). */
  readonly binary: boolean;

  constructor(verdict: ByteVerdict, config: CorpusConfig) {
    this.pending = verdictDiagnostic(verdict, config);
    this.binary = alone(verdict);
  }

  take(d: Diagnostic, out: Diagnostic[]): void {
    if (this.binary) return;
    const p = this.pending;
    if (p !== undefined && !before(d.range.start, p.range.start)) {
      out.push(p);
      this.pending = undefined;
      this.dropFrom = p.range.start;
    }
    if (this.dropFrom !== undefined && d.code === 'replacement-character' && !before(d.range.start, this.dropFrom)) return;
    out.push(d);
  }

  /** After the stream's last diagnostic. */
  end(out: Diagnostic[]): void {
    if (this.pending) out.push(this.pending);
    this.pending = undefined;
  }
}

/** A whole list under a verdict. */
export function applyVerdict(list: readonly Diagnostic[], verdict: ByteVerdict, config: CorpusConfig): Diagnostic[] {
  const filter = new VerdictFilter(verdict, config);
  const out: Diagnostic[] = [];
  for (const d of list) filter.take(d, out);
  filter.end(out);
  return out;
}
