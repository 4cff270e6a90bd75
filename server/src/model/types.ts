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

export interface RelatedInformation {
  range: Range;
  message: string;
  /** The file it is in, when not the diagnostic's own. */
  uri?: string;
}

export interface Diagnostic {
  /** The rule's code (../rules lists them). */
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedInformation[];
  /** Turned off by the configuration, reported only when asked for (`corpus lint --report-suppressed`). */
  suppressed?: boolean;
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

/** A fix the editor can apply: a quick fix for one diagnostic, or "Fix all". */
export interface CodeAction {
  title: string;
  kind: 'quickfix' | 'source.fixAll.corpus' | `source.fixAll.corpus.${string}`;
  /** The diagnostic it fixes (code and range), for the editor to link them. */
  diagnostic?: { code: string; range: Range };
  isPreferred: boolean;
  edits: TextEdit[];
  /** A command the editor runs instead of (or after) the edits: "Open the other copy". */
  command?: EditorCommand;
}

/** A command of the editor, with JSON arguments (the client runs it; it holds no corpus logic). */
export interface EditorCommand {
  title: string;
  command: string;
  arguments: (string | number)[];
}

/** The edits of one file. `create`: the file does not exist yet; it is created (empty) first. */
export interface FileEdit {
  uri: string;
  edits: TextEdit[];
  create?: boolean;
}

/** A code action as the service returns it: edits over one or more files, in plain data (the adapter converts). */
export interface WorkspaceCodeAction {
  title: string;
  kind: 'quickfix' | 'source.fixAll.corpus' | `source.fixAll.corpus.${string}`;
  /** The diagnostic it fixes (code and range), for the editor to link them. */
  diagnostic?: { code: string; range: Range };
  isPreferred?: boolean;
  changes: FileEdit[];
  /** A command the editor runs instead of (or after) the edits: "Open the other copy", VS Code's "Reopen with Encoding" for `not-utf8`. */
  command?: EditorCommand;
}
