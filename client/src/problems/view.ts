// The Corpus Problems view (Explorer): every problem the server sent for each file,
// past VS Code's 1,000, grouped by code then document (or by document), with counts.
// It is refreshed only while visible, once after a burst of changes, and only the
// groups whose problems changed are redrawn. Grouping is ./grouping.ts; the
// documents' spans come from the server's outline.

import * as vscode from 'vscode';
import { changedGroups, DocumentSpan, Group, GroupBy, groupProblems, Problem, ProblemFilter, Severity } from './grouping';
import type { ProblemStore } from './store';

export type ProblemNode =
  | { kind: 'file'; id: string; uri: vscode.Uri }
  | { kind: 'group'; id: string; uri: vscode.Uri; group: Group; top: boolean }
  | { kind: 'problem'; id: string; uri: vscode.Uri; diagnostic: vscode.Diagnostic };

interface FileState {
  uri: vscode.Uri;
  node: ProblemNode & { kind: 'file' };
  diagnostics: vscode.Diagnostic[];
  count: number;
  groups: Group[];
  /** Group nodes by key, kept across refreshes so that VS Code redraws only those that changed. */
  nodes: Map<string, ProblemNode & { kind: 'group' }>;
  spans?: { version: number; spans: DocumentSpan[] };
}

const SEVERITY: Record<vscode.DiagnosticSeverity, Severity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

const ICON: Record<Severity, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  information: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  hint: new vscode.ThemeIcon('lightbulb'),
};

export function codeOf(d: vscode.Diagnostic): string {
  const c = typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
  return c === undefined ? '(no code)' : String(c);
}

export function toProblem(d: vscode.Diagnostic): Problem {
  return { code: codeOf(d), severity: SEVERITY[d.severity], line: d.range.start.line };
}

const sameDiagnostic = (a: vscode.Diagnostic | undefined, b: vscode.Diagnostic | undefined): boolean =>
  !!a && !!b && a.range.isEqual(b.range) && a.message === b.message && codeOf(a) === codeOf(b) && a.severity === b.severity;

export const OPEN_COMMAND = 'corpus.problems.open';

export class ProblemsView implements vscode.TreeDataProvider<ProblemNode>, vscode.Disposable {
  private readonly files = new Map<string, FileState>();
  private readonly emitter = new vscode.EventEmitter<ProblemNode | ProblemNode[] | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private filterValue: ProblemFilter = {};
  private by: GroupBy = 'code';
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private visible = false;
  /** Resolves when the refreshes asked so far are done (tests wait on it). */
  private work: Promise<void> = Promise.resolve();

  constructor(private readonly store: ProblemStore) {}

  get filter(): ProblemFilter {
    return this.filterValue;
  }

  get groupBy(): GroupBy {
    return this.by;
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) this.changed(...this.store.uris(), ...[...this.files.values()].map((f) => f.uri));
  }

  /** A file's list changed: refreshed after the burst, if the view is visible. */
  changed(...uris: vscode.Uri[]): void {
    for (const u of uris) this.pending.add(u.toString());
    if (!this.visible || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const keys = [...this.pending];
      this.pending.clear();
      this.work = this.work.then(() => this.refreshFiles(keys));
    }, 250);
  }

  /** Everything asked so far, done now (for tests and commands). */
  async settled(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      const keys = [...this.pending];
      this.pending.clear();
      this.work = this.work.then(() => this.refreshFiles(keys));
    }
    await this.work;
  }

  /** Refreshes these files now, visible or not. */
  async refreshNow(uris: readonly vscode.Uri[]): Promise<void> {
    await this.settled();
    this.work = this.work.then(() => this.refreshFiles([...uris.map((u) => u.toString()), ...this.files.keys()]));
    await this.work;
  }

  setFilter(filter: ProblemFilter): void {
    this.filterValue = filter;
    this.regroupAll();
  }

  setGroupBy(by: GroupBy): void {
    this.by = by;
    this.regroupAll();
  }

  /** The diagnostics of a file as the view holds them (after the last refresh). */
  diagnosticsOf(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.files.get(uri.toString())?.diagnostics ?? [];
  }

  getTreeItem(node: ProblemNode): vscode.TreeItem {
    if (node.kind === 'file') {
      const f = this.files.get(node.uri.toString());
      const item = new vscode.TreeItem(node.uri.path.slice(node.uri.path.lastIndexOf('/') + 1), vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.resourceUri = node.uri;
      item.description = count(f?.count ?? 0);
      item.contextValue = 'corpusProblemFile';
      return item;
    }
    if (node.kind === 'group') {
      const g = node.group;
      const item = new vscode.TreeItem(g.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = count(g.count);
      // "Fix all <code> in this file" is offered on a code's group (package.json, view/item/context).
      item.contextValue = node.top && g.code !== undefined && this.by === 'code' ? 'corpusProblemCode' : 'corpusProblemGroup';
      item.tooltip = g.code !== undefined && node.top ? `${count(g.count)} of code ${g.code}` : `${count(g.count)} in ${g.label}`;
      return item;
    }
    const d = node.diagnostic;
    const item = new vscode.TreeItem(d.message.split('\n')[0], vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = `${codeOf(d)} · line ${d.range.start.line + 1}`;
    item.tooltip = d.message;
    item.iconPath = ICON[SEVERITY[d.severity]];
    item.command = { title: 'Open', command: OPEN_COMMAND, arguments: [node.uri, d.range] };
    return item;
  }

  getChildren(node?: ProblemNode): ProblemNode[] {
    if (!node) {
      return [...this.files.values()]
        .filter((f) => f.count > 0)
        .sort((a, b) => a.uri.path.localeCompare(b.uri.path))
        .map((f) => f.node);
    }
    const f = this.files.get(node.uri.toString());
    if (!f || node.kind === 'problem') return [];
    if (node.kind === 'file') return f.groups.map((g) => this.groupNode(f, g, true));
    const g = node.group;
    if (g.groups) return g.groups.map((sub) => this.groupNode(f, sub, false));
    return (g.items ?? []).map((i, n) => ({ kind: 'problem', id: `${f.uri.toString()}|${g.key}|${n}`, uri: f.uri, diagnostic: f.diagnostics[i] }));
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.emitter.dispose();
  }

  private groupNode(f: FileState, g: Group, top: boolean): ProblemNode & { kind: 'group' } {
    let n = f.nodes.get(g.key);
    if (!n) f.nodes.set(g.key, (n = { kind: 'group', id: `${f.uri.toString()}|${g.key}`, uri: f.uri, group: g, top }));
    n.group = g;
    return n;
  }

  private regroupAll(): void {
    for (const f of this.files.values()) this.regroup(f, f.diagnostics, true);
    this.emitter.fire(undefined);
  }

  private async refreshFiles(keys: readonly string[]): Promise<void> {
    const byKey = new Map(this.store.uris().map((u) => [u.toString(), u]));
    for (const key of keys) {
      const uri = byKey.get(key) ?? this.files.get(key)?.uri;
      if (!uri) continue;
      try {
        await this.refreshFile(uri);
      } catch {
        // The outline could not be had (the server restarts): the next change refreshes again.
      }
    }
  }

  private async refreshFile(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const diagnostics = this.store.all(uri);
    let f = this.files.get(key);
    if (diagnostics.length === 0) {
      if (f) {
        this.files.delete(key);
        this.emitter.fire(undefined);
      }
      return;
    }
    const isNew = !f;
    if (!f) {
      f = { uri, node: { kind: 'file', id: key, uri }, diagnostics: [], count: 0, groups: [], nodes: new Map() };
      this.files.set(key, f);
    }
    await this.loadSpans(f);
    const before = { count: f.count };
    const change = this.regroup(f, diagnostics, false);
    if (isNew || before.count === 0 || f.count === 0) this.emitter.fire(undefined);
    else if (change.structure) this.emitter.fire(f.node);
    else if (change.nodes.length > 0 || before.count !== f.count) this.emitter.fire(before.count !== f.count ? [f.node, ...change.nodes] : change.nodes);
  }

  /** The documents of a corpus file from the server's outline, fetched again only for a new version. */
  private async loadSpans(f: FileState): Promise<void> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === f.uri.toString());
    if (!doc || doc.languageId !== 'corpus') {
      f.spans = undefined;
      return;
    }
    if (f.spans?.version === doc.version) return;
    const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? [];
    const spans = symbols
      .filter((s): s is vscode.DocumentSymbol => 'range' in s)
      .map((s) => ({ name: s.name, startLine: s.range.start.line, endLine: s.range.end.line }))
      .sort((a, b) => a.startLine - b.startLine);
    f.spans = { version: doc.version, spans };
  }

  private regroup(f: FileState, diagnostics: vscode.Diagnostic[], all: boolean): { structure: boolean; nodes: ProblemNode[] } {
    const old = f.diagnostics;
    const problems = diagnostics.map(toProblem);
    const groups = groupProblems(problems, f.spans?.spans, this.filterValue, this.by);
    const change = all ? { structure: true, keys: [] } : changedGroups(f.groups, groups, (a, b) => sameDiagnostic(old[a], diagnostics[b]));
    f.diagnostics = diagnostics;
    f.groups = groups;
    f.count = groups.reduce((n, g) => n + g.count, 0);
    if (change.structure) {
      f.nodes.clear();
      return { structure: true, nodes: [] };
    }
    const changedKeys = new Set(change.keys);
    const nodes: ProblemNode[] = [];
    for (const g of groups) {
      const n = f.nodes.get(g.key);
      if (n) n.group = g;
      if (n && changedKeys.has(g.key)) nodes.push(n);
    }
    return { structure: false, nodes };
  }
}

function count(n: number): string {
  return `${n.toLocaleString('en-US')} problem${n === 1 ? '' : 's'}`;
}
