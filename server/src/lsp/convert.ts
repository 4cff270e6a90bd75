// From the service's plain data to LSP's types, and back for file events. The
// positions are the same on both sides (zero-based lines, UTF-16 columns), so
// most of this is naming: severities, symbol and completion kinds, edits.

import {
  CodeAction as LspCodeAction,
  CompletionItem as LspCompletionItem,
  CompletionItemKind,
  Diagnostic as LspDiagnostic,
  DiagnosticSeverity,
  DocumentSymbol as LspDocumentSymbol,
  FileChangeType,
  FileEvent,
  FoldingRange as LspFoldingRange,
  Hover as LspHover,
  MarkupKind,
  Position as LspPosition,
  SemanticTokens,
  SemanticTokensBuilder,
  SymbolInformation,
  SymbolKind,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { docsUrl } from '../index';
import type { CompletionItem, Diagnostic, DocumentSymbol, FileChange, FoldingRange, Hover, Range, Severity, WorkspaceCodeAction, WorkspaceSymbol } from '../index';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A diagnostic of the file `uri` (its related information points into the same file). */
export function toLspDiagnostic(uri: string, d: Diagnostic): LspDiagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: docsUrl(d.code) },
    source: 'corpus',
    message: d.message,
    relatedInformation: d.related?.map((r) => ({ location: { uri, range: r.range }, message: r.message })),
  };
}

const SYMBOL_KIND = { document: SymbolKind.File, person: SymbolKind.Constant } as const;

export function toLspSymbol(s: DocumentSymbol): LspDocumentSymbol {
  return {
    name: s.name,
    detail: s.detail,
    kind: SYMBOL_KIND[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(toLspSymbol),
  };
}

export function toLspWorkspaceSymbol(s: WorkspaceSymbol): SymbolInformation {
  return { name: s.name, kind: SYMBOL_KIND[s.kind], location: { uri: s.uri, range: s.range }, containerName: s.containerName };
}

export function toLspFoldingRange(r: FoldingRange): LspFoldingRange {
  return { startLine: r.startLine, endLine: r.endLine, kind: 'region' };
}

export function toLspHover(h: Hover | undefined): LspHover | null {
  return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : null;
}

const COMPLETION_KIND = { property: CompletionItemKind.Property, value: CompletionItemKind.EnumMember, date: CompletionItemKind.Value } as const;

/** A completion item that replaces the word typed so far (from `c.from` to the cursor). */
export function toLspCompletionItem(c: CompletionItem, position: LspPosition): LspCompletionItem {
  return {
    label: c.label,
    kind: COMPLETION_KIND[c.kind],
    detail: c.detail,
    sortText: c.sortText,
    preselect: c.preselect,
    textEdit: { range: { start: { line: position.line, character: c.from }, end: position }, newText: c.insertText },
  };
}

/** The edits as a WorkspaceEdit: plain changes, or document changes when a file is to be created first. */
function toWorkspaceEdit(a: WorkspaceCodeAction): WorkspaceEdit {
  if (!a.changes.some((c) => c.create)) return { changes: Object.fromEntries(a.changes.map((c) => [c.uri, c.edits])) };
  return {
    documentChanges: a.changes.flatMap((c) => [
      ...(c.create ? [{ kind: 'create' as const, uri: c.uri, options: { ignoreIfExists: true } }] : []),
      { textDocument: { uri: c.uri, version: null }, edits: c.edits },
    ]),
  };
}

/** A code action, linked to the diagnostic of the request's context that it fixes (same code, same start). */
export function toLspCodeAction(a: WorkspaceCodeAction, context: readonly LspDiagnostic[]): LspCodeAction {
  const target = a.diagnostic;
  const diag = target ? context.find((d) => d.code === target.code && d.range.start.line === target.range.start.line && d.range.start.character === target.range.start.character) : undefined;
  return {
    title: a.title,
    kind: a.kind,
    diagnostics: diag ? [diag] : undefined,
    isPreferred: a.isPreferred,
    edit: a.changes.length > 0 || !a.command ? toWorkspaceEdit(a) : undefined,
    command: a.command,
  };
}

/** Semantic tokens of people: one token (type 0, `person`) per single-line range. */
export function toSemanticTokens(ranges: readonly Range[]): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  for (const r of ranges) builder.push(r.start.line, r.start.character, r.end.character - r.start.character, 0, 0);
  return builder.build();
}

const CHANGE_TYPE: Record<number, FileChange['type']> = {
  [FileChangeType.Created]: 'created',
  [FileChangeType.Changed]: 'changed',
  [FileChangeType.Deleted]: 'deleted',
};

export function toFileChange(e: FileEvent): FileChange {
  return { uri: e.uri, type: CHANGE_TYPE[e.type] ?? 'changed' };
}
