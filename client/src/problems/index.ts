// Every problem within reach in a large corpus: the windowing collection handed to
// the language client, the notice when a file has more problems than VS Code shows,
// and the Corpus Problems view with its commands (open, filter, group, fix all of a code).

import * as vscode from 'vscode';
import type { DiagnosticCollectionProvider } from 'vscode-languageclient/node';
import { ProblemFilter, SEVERITIES, Severity, tally } from './grouping';
import { ProblemsNotice } from './notice';
import { ProblemStore } from './store';
import { OPEN_COMMAND, ProblemNode, ProblemsView, toProblem } from './view';

export const VIEW_ID = 'corpus.problems';
const FOCUS_VIEW = `${VIEW_ID}.focus`;

/** What the tests read and do (through the extension's API). */
export interface ProblemsApi {
  /** Every diagnostic the server sent for the file, and how many VS Code has now. */
  counts(uri: vscode.Uri): { all: number; shown: number };
  /** What the "too many problems" language status says now, if shown. */
  notice(): { text: string; detail?: string } | undefined;
  /** The view's tree as it is now (after pending refreshes), with the command a click on each problem runs. */
  tree(): Promise<TreeSnapshot[]>;
}

export interface TreeSnapshot {
  label: string;
  description?: string;
  command?: { command: string; arguments?: unknown[] };
  children: TreeSnapshot[];
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', information: 'Information', hint: 'Hints' };

export function registerProblems(context: vscode.ExtensionContext): { collections: DiagnosticCollectionProvider; api: ProblemsApi } {
  const store = new ProblemStore();
  const notice = new ProblemsNotice(store, FOCUS_VIEW);
  const view = new ProblemsView(store);
  const tree = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: view, showCollapseAll: true });
  const describeFilter = (): void => {
    const f = view.filter;
    const parts = [...(f.codes ?? []), ...[...(f.severities ?? [])].map((s) => SEVERITY_LABEL[s].toLowerCase())];
    tree.description = parts.length > 0 ? `only ${parts.join(', ')}` : undefined;
    void vscode.commands.executeCommand('setContext', 'corpus.problems.filtered', parts.length > 0);
  };
  void vscode.commands.executeCommand('setContext', 'corpus.problems.groupBy', view.groupBy);

  context.subscriptions.push(
    store,
    notice,
    view,
    tree,
    store.onDidChange((uri) => view.changed(uri)),
    tree.onDidChangeVisibility((e) => view.setVisible(e.visible)),
    vscode.commands.registerCommand(OPEN_COMMAND, async (uri: vscode.Uri, range: vscode.Range) => {
      const editor = await vscode.window.showTextDocument(uri, { preview: true, selection: range });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    vscode.commands.registerCommand('corpus.problems.filter', () => pickFilter(store, view).then(describeFilter)),
    vscode.commands.registerCommand('corpus.problems.clearFilter', () => {
      view.setFilter({});
      describeFilter();
    }),
    vscode.commands.registerCommand('corpus.problems.groupByDocument', () => groupBy('document')),
    vscode.commands.registerCommand('corpus.problems.groupByCode', () => groupBy('code')),
    vscode.commands.registerCommand('corpus.problems.fixAllOfCode', (node?: ProblemNode | { uri: vscode.Uri; code: string }) =>
      fixAllOfCode(node && 'kind' in node ? (node.kind === 'group' && node.group.code !== undefined ? { uri: node.uri, code: node.group.code } : undefined) : node),
    ),
  );
  function groupBy(by: 'code' | 'document'): void {
    view.setGroupBy(by);
    void vscode.commands.executeCommand('setContext', 'corpus.problems.groupBy', by);
  }
  view.setVisible(tree.visible);

  const snapshot = async (node?: ProblemNode): Promise<TreeSnapshot[]> => {
    const out: TreeSnapshot[] = [];
    for (const child of view.getChildren(node)) {
      const item = view.getTreeItem(child);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      out.push({ label, description: typeof item.description === 'string' ? item.description : undefined, command: item.command, children: await snapshot(child) });
    }
    return out;
  };
  return {
    collections: store.provider,
    api: {
      counts: (uri) => ({ all: store.all(uri).length, shown: store.shown(uri) }),
      notice: () => notice.snapshot(),
      tree: async () => {
        // A test may read the tree while the view is hidden: every file is refreshed first.
        await view.refreshNow(store.uris());
        return snapshot();
      },
    },
  };
}

/** A quick pick of the codes and severities of the files' problems; none or all picked clears the filter. */
async function pickFilter(store: ProblemStore, view: ProblemsView): Promise<void> {
  const problems = store.uris().flatMap((u) => store.all(u).map(toProblem));
  const { codes, severities } = tally(problems);
  type Item = vscode.QuickPickItem & { code?: string; severity?: Severity };
  const f: ProblemFilter = view.filter;
  const items: Item[] = [
    { label: 'Severity', kind: vscode.QuickPickItemKind.Separator },
    ...SEVERITIES.filter((s) => severities.has(s)).map((s) => ({ label: SEVERITY_LABEL[s], description: String(severities.get(s)), severity: s, picked: f.severities?.has(s) ?? false })),
    { label: 'Code', kind: vscode.QuickPickItemKind.Separator },
    ...[...codes.entries()].sort((a, b) => b[1] - a[1]).map(([code, n]) => ({ label: code, description: String(n), code, picked: f.codes?.has(code) ?? false })),
  ];
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Show only these problems', placeHolder: 'Pick codes and severities (none: show all)' });
  if (!picked) return;
  const pickedCodes = picked.flatMap((i) => (i.code ? [i.code] : []));
  const pickedSeverities = picked.flatMap((i) => (i.severity ? [i.severity] : []));
  view.setFilter({
    codes: pickedCodes.length > 0 && pickedCodes.length < codes.size ? new Set(pickedCodes) : undefined,
    severities: pickedSeverities.length > 0 && pickedSeverities.length < severities.size ? new Set(pickedSeverities) : undefined,
  });
}

/**
 * "Fix all <code> in this file": the server's fix-all action restricted to one code
 * (kind `source.fixAll.corpus.<code>`), under the same rules as "Fix all": only fixes
 * that are always right, none that overlap.
 */
async function fixAllOfCode(target?: { uri: vscode.Uri; code: string }): Promise<void> {
  if (!target) {
    void vscode.window.showInformationMessage('Right-click a code in the Corpus Problems view to fix all its problems in that file.');
    return;
  }
  const { code } = target;
  const doc = await vscode.workspace.openTextDocument(target.uri);
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, `source.fixAll.corpus.${code}`)) ?? [];
  const action = actions.find((a) => a.edit && a.kind?.value === `source.fixAll.corpus.${code}`);
  if (!action?.edit) {
    void vscode.window.showInformationMessage(`No ${code} problem in this file has a fix that is always right. Fix them one by one with the quick fixes (Ctrl+.).`);
    return;
  }
  if (await vscode.workspace.applyEdit(action.edit)) void vscode.window.setStatusBarMessage(`Fixed the ${code} problems that have a clear fix`, 4000);
}
