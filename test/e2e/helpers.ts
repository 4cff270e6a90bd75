// Shared helpers for the extension-host suites. Only the `vscode` API is used (the
// suites also run in the browser's web worker host: test/e2e/web/).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'corpus-files.corpus-files';

/** What the extension's activate() returns (see client/src/extension.ts). */
export interface CorpusTestApi {
  ready(): Promise<void>;
  languageStatus(): { text: string; detail?: string };
  configStatus(): { text: string; detail?: string; config?: string };
  serverPid(): Promise<number>;
  people(): Promise<{ name: string; count: number }[]>;
  problems: {
    counts(uri: vscode.Uri): { all: number; shown: number };
    notice(): { text: string; detail?: string } | undefined;
    tree(): Promise<TreeSnapshot[]>;
  };
  overview(): { open: boolean; scope?: 'file' | 'workspace'; uri?: string; documents?: number; files?: { name: string; uri?: string; documents: number }[] };
  overviewOpen(index: number): Promise<void>;
}

/** The Corpus Problems view as the API gives it (client/src/problems/index.ts). */
export interface TreeSnapshot {
  label: string;
  description?: string;
  command?: { command: string; arguments?: unknown[] };
  children: TreeSnapshot[];
}

/** The UTF-8 bytes of a text (what workspace.fs writes; Buffer does not exist in the web worker host). */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls `fn` until it returns a truthy value; fails with `what` and the last value seen. */
export async function waitFor<T>(fn: () => T | Promise<T>, what: string, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const t0 = Date.now();
  let last: T | undefined;
  for (;;) {
    last = await fn();
    if (last) return last as NonNullable<T>;
    if (Date.now() - t0 > timeoutMs) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${describe(last)}`);
    }
    await sleep(100);
  }
}

function describe(v: unknown): string {
  try {
    return JSON.stringify(v)?.slice(0, 500) ?? String(v);
  } catch {
    return String(v);
  }
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test host was started with a workspace folder');
  return folder.uri;
}

export function wsUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

export function extension(): vscode.Extension<CorpusTestApi> {
  const ext = vscode.extensions.getExtension<CorpusTestApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed in this host`);
  return ext;
}

/** Activates (if needed) and waits until the language client is running. */
export async function api(): Promise<CorpusTestApi> {
  const ext = extension();
  const exports = ext.isActive ? ext.exports : await ext.activate();
  assert.ok(exports && typeof exports.ready === 'function', 'activate() returns the test API with ready()');
  await exports.ready();
  return exports;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
}

export function corpusDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'corpus');
}

export const severityName = (s: vscode.DiagnosticSeverity): string => vscode.DiagnosticSeverity[s];

/** "code:Severity@line" for readable assertion messages. */
export function summarize(diags: readonly vscode.Diagnostic[]): string[] {
  return diags.map((d) => `${codeOf(d)}:${severityName(d.severity)}@${d.range.start.line}`);
}

/** Waits until the diagnostics of `uri` satisfy `ok`, and returns them. */
export function diagnosticsWhere(uri: vscode.Uri, ok: (diags: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const d = corpusDiagnostics(uri);
      return ok(d) ? d : undefined;
    },
    `${what} in ${uri.path.split('/').pop()} (now: ${summarize(corpusDiagnostics(uri)).join(', ') || 'none'})`,
    timeoutMs,
  );
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** Header lines (0-based) and names of a corpus text, read the simple way for test expectations. */
export function headers(text: string): { line: number; name: string }[] {
  const out: { line: number; name: string }[] = [];
  text.split(/\r\n|\r|\n/).forEach((l, line) => {
    const m = /^<<<FILE[ \t]+("(?:[^"\\]|\\.)*"|[^\s>]+)/.exec(l);
    if (m) out.push({ line, name: m[1].startsWith('"') ? JSON.parse(m[1]) : m[1] });
  });
  return out;
}
