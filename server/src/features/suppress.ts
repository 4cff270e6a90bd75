// The quick fixes that silence a finding instead of fixing it, on every diagnostic:
// "Turn off `<code>` for this document" (an `overrides` entry naming this file and
// this document) and "Turn off `<code>` in .corpusrc.json" (`rules`). Both edit the
// `.corpusrc.json` that applies, or create one in the workspace folder. The edits
// are made with jsonc-parser's `modify`, so the rest of the file keeps its layout.

import { Edit, modify, parseTree } from 'jsonc-parser';
import { literalPattern, Override } from '../configScopes';
import { RC_FILE_NAME } from '../config';
import { positionInText } from '../model/lines';
import type { FileEdit, Range, TextEdit, WorkspaceCodeAction } from '../model/types';
import { isInside, relativePath, uriDirname, uriJoin } from '../workspace/uri';

/** A diagnostic to offer the actions for: its code and range, and the document it is in (none: before the first header). */
export interface SuppressTarget {
  code: string;
  range: Range;
  document?: string;
}

export interface SuppressContext {
  /** The corpus file. */
  uri: string;
  /** The `.corpusrc.json` that applies now, with its text. */
  rcUri?: string;
  rcText?: string;
  /** The workspace folders (a new `.corpusrc.json` goes into the one holding the file). */
  roots: readonly string[];
}

const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

/** Where the configuration to edit is: the one that applies, or a new one in the workspace folder (else the file's folder). */
function target(ctx: SuppressContext): { uri: string; text?: string } {
  if (ctx.rcUri !== undefined) return { uri: ctx.rcUri, text: ctx.rcText };
  const root = [...ctx.roots].filter((r) => isInside(r, ctx.uri)).sort((a, b) => b.length - a.length)[0];
  return { uri: uriJoin(root ?? uriDirname(ctx.uri) ?? ctx.uri, RC_FILE_NAME) };
}

function toTextEdits(text: string, edits: readonly Edit[]): TextEdit[] {
  return edits.map((e) => ({ range: { start: positionInText(text, e.offset), end: positionInText(text, e.offset + e.length) }, newText: e.content }));
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return (a ?? []).length === (b ?? []).length && (a ?? []).every((x, i) => x === b?.[i]);
}

/** The edit of the configuration that sets `rules[code]` to "off", at the top or in an override of `entry`'s files and documents. */
function editFor(rc: { uri: string; text?: string }, code: string, entry: Omit<Override, 'rules'> | undefined): FileEdit | undefined {
  if (rc.text === undefined) {
    const value = entry ? { overrides: [{ ...entry, rules: { [code]: 'off' } }] } : { rules: { [code]: 'off' } };
    return { uri: rc.uri, create: true, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `${JSON.stringify(value, null, 2)}\n` }] };
  }
  const text = rc.text;
  const root = parseTree(text);
  // A file that is not a JSON object cannot be edited safely: it gets no action (its own diagnostics say why).
  if (!root || root.type !== 'object') return undefined;
  if (!entry) return { uri: rc.uri, edits: toTextEdits(text, modify(text, ['rules', code], 'off', FORMAT)) };
  const overrides = root.children?.find((p) => p.children?.[0]?.value === 'overrides')?.children?.[1];
  let edits: Edit[];
  if (!overrides || overrides.type !== 'array') {
    edits = modify(text, ['overrides'], [{ ...entry, rules: { [code]: 'off' } }], FORMAT);
  } else {
    const items = overrides.children ?? [];
    const index = items.findIndex((item) => {
      const get = (k: string): string[] | undefined => {
        const n = item.children?.find((p) => p.children?.[0]?.value === k)?.children?.[1];
        return n?.type === 'array' ? (n.children ?? []).map((c) => String(c.value)) : undefined;
      };
      const rules = item.children?.find((p) => p.children?.[0]?.value === 'rules')?.children?.[1];
      return item.type === 'object' && rules?.type === 'object' && sameList(get('files'), entry.files) && sameList(get('documents'), entry.documents);
    });
    edits =
      index >= 0
        ? modify(text, ['overrides', index, 'rules', code], 'off', FORMAT)
        : modify(text, ['overrides', items.length], { ...entry, rules: { [code]: 'off' } }, { ...FORMAT, isArrayInsertion: true });
  }
  return { uri: rc.uri, edits: toTextEdits(text, edits) };
}

/** The two actions for each distinct code and document among `targets`. */
export function suppressionActions(targets: readonly SuppressTarget[], ctx: SuppressContext): WorkspaceCodeAction[] {
  const rc = target(ctx);
  const folder = uriDirname(rc.uri);
  const relative = folder === undefined ? undefined : relativePath(folder, ctx.uri);
  const out: WorkspaceCodeAction[] = [];
  const seen = new Set<string>();
  for (const t of targets) {
    const key = `${t.code}\u0000${t.document ?? '\u0001'}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const diagnostic = { code: t.code, range: t.range };
    if (relative !== undefined && relative !== '') {
      const files = [literalPattern(relative)];
      const entry = t.document !== undefined ? { files, documents: [literalPattern(t.document)] } : { files };
      const edit = editFor(rc, t.code, entry);
      const title = t.document !== undefined ? `Turn off \`${t.code}\` for this document` : `Turn off \`${t.code}\` for this file`;
      if (edit) out.push({ title, kind: 'quickfix', diagnostic, isPreferred: false, changes: [edit] });
    }
    const everywhere = editFor(rc, t.code, undefined);
    if (everywhere && !seen.has(`${t.code}\u0000*`)) {
      seen.add(`${t.code}\u0000*`);
      out.push({ title: `Turn off \`${t.code}\` in ${RC_FILE_NAME}`, kind: 'quickfix', diagnostic, isPreferred: false, changes: [everywhere] });
    }
  }
  return out;
}
