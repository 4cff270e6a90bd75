// "Add … to the people file": the person under the cursor when no people file
// knows it yet, and the edit that records it (a new file, or one more entry).

import { modify } from 'jsonc-parser';
import type { CorpusModel } from '../../model/corpusModel';
import { positionInText } from '../../model/lines';
import type { Position, Range, WorkspaceCodeAction } from '../../model/types';
import { uriBasename, uriJoin } from '../../workspace/uri';
import { filePeople, KnownPeople, mentionAt, personOf } from './cache';

/** The file "Add … to the people file" creates when the workspace has none. */
export const NEW_PEOPLE_FILE = 'people.people.json';

/**
 * The change that adds a person to a people file: offsets into the file's text
 * (or the whole text of a new file when there is none yet). Uses jsonc-parser's
 * `modify`, so the rest of the file keeps its formatting.
 */
export function addToPeopleFile(existing: string | undefined, person: { name: string; aliases: string[] }): { start: number; end: number; text: string }[] {
  const entry: { name: string; aliases?: string[] } = { name: person.name };
  const aliases = [...new Set(person.aliases.filter((a) => a !== person.name))];
  if (aliases.length > 0) entry.aliases = aliases;
  if (existing === undefined || existing.trim() === '') {
    return [{ start: 0, end: existing?.length ?? 0, text: `${JSON.stringify({ people: [entry] }, null, 2)}\n` }];
  }
  const edits = modify(existing, ['people', -1], entry, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: existing.includes('\r\n') ? '\r\n' : '\n' } });
  return edits.map((e) => ({ start: e.offset, end: e.offset + e.length, text: e.content }));
}

/** For the "Add … to the people file" action: the person under the cursor, if not known yet. */
export function unknownPersonAt(model: CorpusModel, position: Position, known: KnownPeople): { name: string; aliases: string[]; range: Range } | undefined {
  const at = mentionAt(model, position, known);
  if (!at) return undefined;
  const file = filePeople(model, known);
  const person = file && personOf(file, at.mention);
  if (!person || person.known) return undefined;
  return { name: person.name, aliases: person.spellings.map((s) => s.text), range: at.range };
}

/**
 * The action "Add … to the people file" for the person under the cursor, when no
 * people file knows it: an entry appended to the first people file read, or a new
 * people file at the top of the first workspace folder.
 */
export function addToPeopleFileAction(model: CorpusModel, position: Position, known: KnownPeople, peopleFiles: ReadonlyMap<string, string>, roots: readonly string[]): WorkspaceCodeAction | undefined {
  const person = unknownPersonAt(model, position, known);
  if (!person) return undefined;
  const first = peopleFiles.keys().next();
  const target = first.done ? (roots.length > 0 ? uriJoin(roots[0], NEW_PEOPLE_FILE) : undefined) : first.value;
  if (target === undefined) return undefined;
  const existing = peopleFiles.get(target);
  const start = { line: 0, character: 0 };
  const edits = addToPeopleFile(existing, person).map((e) => ({
    range: existing === undefined ? { start, end: start } : { start: positionInText(existing, e.start), end: positionInText(existing, e.end) },
    newText: e.text,
  }));
  return {
    title: `Add “${person.name}” to ${uriBasename(target)}${existing === undefined ? ' (new file)' : ''}`,
    kind: 'quickfix',
    changes: [{ uri: target, edits, create: existing === undefined }],
  };
}
