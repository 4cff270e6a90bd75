// The diagnostic codes of the spec and the per-code fixtures (copied into the test workspace
// from test/fixtures/codes/ by the runner).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const S = vscode.DiagnosticSeverity;

/** The spec's table (section 5): code -> default severity. */
export const DEFAULT_SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  'malformed-header': S.Error,
  'duplicate-name': S.Warning,
  'missing-date': S.Warning,
  'invalid-date': S.Error,
  'partial-date': S.Information,
  'date-conflict': S.Warning,
  'empty-document': S.Warning,
  'text-outside-document': S.Error,
  'stray-end': S.Error,
  'unterminated-document': S.Warning,
  'unknown-attribute': S.Information,
  'duplicate-attribute': S.Error,
  'invalid-attribute': S.Error,
  'replacement-character': S.Warning,
  'control-character': S.Warning,
  'date-mismatch': S.Information,
  'stray-bom': S.Warning,
};

/**
 * Fixtures whose diagnostics have no quick fix by design: no edit can know the
 * missing day (partial-date), the lost characters (replacement-character), whether
 * the date or the text is wrong (date-mismatch), or which date 2024-13-01 meant.
 * For these the suite checks that no fix is offered.
 */
export const NO_FIX_FILES: ReadonlySet<string> = new Set(['partial-date.corpus', 'replacement-character.corpus', 'date-mismatch.corpus', 'invalid-date.corpus']);

/**
 * Fixture files named after a code (mocha needs the list when the file loads, before any
 * test runs, so it is read with node:fs from the workspace folder the runner prepared).
 */
export function fixtureFiles(): string[] {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) return [];
  const dir = path.join(folder, 'fixtures', 'codes');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.corpus') && f.split('.')[0] in DEFAULT_SEVERITY)
    .sort();
}
