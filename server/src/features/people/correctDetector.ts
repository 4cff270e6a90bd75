// Correcting the people detector from the editor, in one step that applies
// everywhere at once (hover, tokens, outline, People view, references, the CLI):
// - "Not a person: “Le Figaro”" on a detected person records the spelling in the
//   people file's "notPeople" list;
// - "Mark “Lê Lợi” as a person" on a selection the detector did not take adds it as
//   a person (and takes it out of "notPeople" when it was listed there).
// The edit goes to the first people file read, or to a new one at the top of the
// first workspace folder, as "Add … to the people file" does.

import { findNodeAtLocation, modify, parseTree } from 'jsonc-parser';
import type { CorpusModel } from '../../model/corpusModel';
import { positionInText } from '../../model/lines';
import type { Range, WorkspaceCodeAction } from '../../model/types';
import { foldName } from '../../people';
import { uriBasename, uriJoin } from '../../workspace/uri';
import { documentPeople, KnownPeople, mentionAt } from './cache';
import { NEW_PEOPLE_FILE } from './peopleFileEdit';

/** The longest selection "Mark … as a person" offers to add (a name, not a sentence). */
const MAX_NAME = 80;

interface Target {
  uri: string;
  existing: string | undefined;
}

function targetFile(peopleFiles: ReadonlyMap<string, string>, roots: readonly string[]): Target | undefined {
  const first = peopleFiles.keys().next();
  const uri = first.done ? (roots.length > 0 ? uriJoin(roots[0], NEW_PEOPLE_FILE) : undefined) : first.value;
  return uri === undefined ? undefined : { uri, existing: peopleFiles.get(uri) };
}

type OffsetEdit = { start: number; end: number; text: string };

const FORMAT = (text: string) => ({ formattingOptions: { insertSpaces: true, tabSize: 2, eol: text.includes('\r\n') ? '\r\n' : '\n' } });

/** The edits that append `value` to the list at `key` of a people file (creating the list, or the file). */
function appendTo(existing: string | undefined, key: 'people' | 'notPeople', value: unknown): OffsetEdit[] {
  if (existing === undefined || existing.trim() === '') return [{ start: 0, end: existing?.length ?? 0, text: `${JSON.stringify({ [key]: [value] }, null, 2)}\n` }];
  const root = parseTree(existing);
  const list = root && findNodeAtLocation(root, [key]);
  const path = list?.type === 'array' ? [key, -1] : [key];
  const edits = modify(existing, path, list?.type === 'array' ? value : [value], FORMAT(existing));
  return edits.map((e) => ({ start: e.offset, end: e.offset + e.length, text: e.content }));
}

/** The edits that remove the "notPeople" entry with the same folded spelling as `name` (the first, if several). */
function removeFromNotPeople(existing: string | undefined, name: string): OffsetEdit[] {
  if (existing === undefined) return [];
  const root = parseTree(existing);
  const list = root && findNodeAtLocation(root, ['notPeople']);
  if (!list || list.type !== 'array' || !list.children) return [];
  const key = foldName(name);
  const index = list.children.findIndex((c) => c.type === 'string' && typeof c.value === 'string' && foldName(c.value) === key);
  if (index < 0) return [];
  return modify(existing, ['notPeople', index], undefined, FORMAT(existing)).map((e) => ({ start: e.offset, end: e.offset + e.length, text: e.content }));
}

function action(title: string, target: Target, edits: OffsetEdit[]): WorkspaceCodeAction {
  const start = { line: 0, character: 0 };
  const text = target.existing;
  return {
    title,
    kind: 'quickfix',
    changes: [
      {
        uri: target.uri,
        edits: edits.map((e) => ({ range: text === undefined ? { start, end: start } : { start: positionInText(text, e.start), end: positionInText(text, e.end) }, newText: e.text })),
        create: text === undefined,
      },
    ],
  };
}

/** "Not a person: “…”" for a detected person under the cursor that no people file lists as a person. */
export function notAPersonAction(model: CorpusModel, range: Range, known: KnownPeople, peopleFiles: ReadonlyMap<string, string>, roots: readonly string[]): WorkspaceCodeAction | undefined {
  const at = mentionAt(model, range.start, known);
  if (!at || at.mention.kind === 'known') return undefined;
  const spelling = at.mention.text.replace(/\s+/g, ' ').trim();
  const target = spelling !== '' ? targetFile(peopleFiles, roots) : undefined;
  if (!target) return undefined;
  const where = `${uriBasename(target.uri)}${target.existing === undefined ? ', a new file' : ''}`;
  return action(`Not a person: “${spelling}” (listed in notPeople of ${where})`, target, appendTo(target.existing, 'notPeople', spelling));
}

/** "Mark “…” as a person" for a selection on one line that the detector did not take as a person. */
export function markAsPersonAction(model: CorpusModel, range: Range, known: KnownPeople, peopleFiles: ReadonlyMap<string, string>, roots: readonly string[]): WorkspaceCodeAction | undefined {
  if (range.start.line !== range.end.line || range.start.character >= range.end.character) return undefined;
  const doc = model.documentAtLine(range.start.line);
  if (!doc || range.start.line === doc.headerLine) return undefined;
  const name = model.getTextRange(range).replace(/\s+/g, ' ').trim();
  if (name.length < 2 || name.length > MAX_NAME || !/\p{L}/u.test(name) || /[<>{}[\]]/.test(name)) return undefined;
  // a mention that already covers exactly this text is a person already
  const key = foldName(name);
  const same = documentPeople(model, doc, known).some((m) => foldName(m.mention.text) === key);
  if (same || known.people.some((p) => [p.name, ...(p.aliases ?? [])].some((a) => foldName(a) === key))) return undefined;
  const target = targetFile(peopleFiles, roots);
  if (!target) return undefined;
  const edits = [...appendTo(target.existing, 'people', { name }), ...removeFromNotPeople(target.existing, name)];
  const where = `${uriBasename(target.uri)}${target.existing === undefined ? ', a new file' : ''}`;
  return action(`Mark “${name}” as a person (added to ${where})`, target, edits);
}
