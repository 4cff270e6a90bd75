// Plain data types of the corpus language service. They mirror the shapes of the
// Language Server Protocol (zero-based lines, UTF-16 columns) so the adapters can
// pass them through, but nothing here depends on LSP or on VS Code.

export interface Position {
  line: number;
  /** UTF-16 code units from the start of the line (what JavaScript strings index). */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Every diagnostic code of the format spec (section 5), plus the ones later features add. */
export const CODES = [
  'malformed-header',
  'duplicate-name',
  'missing-date',
  'invalid-date',
  'partial-date',
  'date-conflict',
  'empty-document',
  'text-outside-document',
  'stray-end',
  'unterminated-document',
  'unknown-attribute',
  'duplicate-attribute',
  'invalid-attribute',
  'replacement-character',
  'control-character',
  'date-mismatch',
] as const;

export type Code = (typeof CODES)[number];

export const DEFAULT_SEVERITY: Record<Code, Severity> = {
  'malformed-header': 'error',
  'duplicate-name': 'warning',
  'missing-date': 'warning',
  'invalid-date': 'error',
  'partial-date': 'information',
  'date-conflict': 'warning',
  'empty-document': 'warning',
  'text-outside-document': 'error',
  'stray-end': 'error',
  'unterminated-document': 'warning',
  'unknown-attribute': 'information',
  'duplicate-attribute': 'error',
  'invalid-attribute': 'error',
  'replacement-character': 'warning',
  'control-character': 'warning',
  'date-mismatch': 'information',
};

export function isCode(value: string): value is Code {
  return (CODES as readonly string[]).includes(value);
}

export interface RelatedInformation {
  range: Range;
  message: string;
}

export interface Diagnostic {
  code: Code;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedInformation[];
}

/** A cancellation token as every entry point takes it (structurally the same as LSP's). */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export const NEVER_CANCELLED: CancellationToken = { isCancellationRequested: false };

/** One text replacement, in the service's own terms. */
export interface TextEdit {
  range: Range;
  newText: string;
}
