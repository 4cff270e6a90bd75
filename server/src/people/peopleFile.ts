// Parsing of people files (spec section 7) with positions, for diagnostics.

import { Node, ParseError, parseTree } from 'jsonc-parser';
import { closest } from '../messages/didYouMean';
import { jsonSyntaxProblems } from '../messages/jsonSyntax';
import type { KnownPerson, PeopleFileProblem } from './types';

/**
 * Read a people file: `{ "people": [ { "name": …, "aliases": […], "description": … } ], "notPeople": [ … ] }`
 * (spec section 7; `people` may be left out when `notPeople` is there).
 * Returns every valid entry and a problem (with its UTF-16 range) for every
 * syntax or shape error; an entry with a bad alias keeps its other aliases.
 * Never throws.
 */
export function parsePeopleFile(text: string): { people: KnownPerson[]; notPeople: string[]; problems: PeopleFileProblem[] } {
  const people: KnownPerson[] = [];
  const notPeople: string[] = [];
  const problems: PeopleFileProblem[] = [];
  if (typeof text !== 'string') {
    problems.push({ message: 'This people file could not be read as text. Save it as UTF-8 JSON: { "people": [ { "name": "…" } ] }.', start: 0, end: 0 });
    return { people, notPeople, problems };
  }
  const problem = (message: string, node: { offset: number; length: number } | undefined): void => {
    problems.push({ message, start: node ? node.offset : 0, end: node ? node.offset + node.length : Math.min(text.length, 1) });
  };
  if (text.trim() === '' || text === '\ufeff') {
    problem('This people file is empty. Write { "people": [ { "name": "…" } ] }, or delete the file.', undefined);
    return { people, notPeople, problems };
  }
  let tree: Node | undefined;
  // After a syntax error the file is read as well as it can be (its valid entries count), but its
  // shape is not judged: what looks wrong may only follow from the syntax error.
  let syntaxBroken = false;
  try {
    const errors: ParseError[] = [];
    // A byte-order mark (some editors save one) is not JSON: read it as a space, so offsets stay.
    const json = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
    tree = parseTree(json, errors, { allowTrailingComma: true, disallowComments: false });
    const syntax = jsonSyntaxProblems(json, errors, { what: 'This people file', commentsAllowed: true });
    for (const p of syntax.problems) problems.push({ message: p.kind === 'syntax' ? `${p.message} Fix it first: until then, some people may not be read.` : p.message, start: p.start, end: p.end });
    syntaxBroken = errors.length > 0;
  } catch {
    // The JSON parser recurses: a file nested thousands of levels deep exhausts the stack.
    problems.push({ message: 'This people file is nested too deeply to be read. Write it as { "people": [ { "name": "…" } ] }.', start: 0, end: Math.min(text.length, 1) });
    return { people, notPeople, problems };
  }
  if (!tree) {
    if (problems.length === 0) problem('This people file is empty. Write { "people": [ { "name": "…" } ] }, or delete the file.', undefined);
    return { people, notPeople, problems };
  }
  const report: typeof problem = syntaxBroken ? () => undefined : problem;
  if (tree.type !== 'object') {
    report('A people file must be an object with a "people" list: { "people": [ { "name": "…" } ] }.', tree);
    return { people, notPeople, problems };
  }
  let list: Node | undefined;
  let notList: Node | undefined;
  // What mistyped properties most likely meant: a "peple" is told once, not also as a missing "people".
  const meant = new Set<string | undefined>();
  for (const prop of tree.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (!k) continue;
    if (k.value === 'people') list = v;
    else if (k.value === 'notPeople') notList = v;
    else if (k.value !== '$schema') {
      report(unknownProperty(String(k.value), ['people', 'notPeople'], 'a people file has "people" and "notPeople"'), k);
      meant.add(closest(String(k.value), ['people', 'notPeople']));
    }
  }
  if (notList) {
    if (notList.type !== 'array') report('"notPeople" must be a list of spellings that are not people, such as [ "Saint-Exupéry", "Lê Lợi" ].', notList);
    else {
      for (const a of notList.children ?? []) {
        if (a.type === 'string' && typeof a.value === 'string' && a.value.trim() !== '') notPeople.push(a.value.trim());
        else report('Each entry of "notPeople" must be a spelling in double quotes, such as "Lê Lợi".', a);
      }
    }
  }
  if (!list) {
    if (!notList && !meant.has('people') && !meant.has('notPeople')) report('The "people" list is missing. Add "people": [ { "name": "…" } ].', tree);
    return { people, notPeople, problems };
  }
  if (list.type !== 'array') {
    report('"people" must be a list of people, such as [ { "name": "Lương Cường" } ].', list);
    return { people, notPeople, problems };
  }
  const seen = new Map<string, Node>();
  for (const item of list.children ?? []) {
    if (item.type !== 'object') {
      report('Each person must be an object such as { "name": "Lương Cường" }.', item);
      continue;
    }
    let name: string | undefined;
    let nameNode: Node | undefined;
    const aliases: string[] = [];
    let description: string | undefined;
    let nameMistyped = false;
    for (const prop of item.children ?? []) {
      const [k, v] = prop.children ?? [];
      if (!k || !v) continue;
      switch (k.value) {
        case 'name':
          if (v.type === 'string' && typeof v.value === 'string' && v.value.trim() !== '') {
            name = v.value.trim();
            nameNode = v;
          } else report('"name" must be the person\'s name in double quotes, such as "Lương Cường".', v);
          break;
        case 'aliases':
          if (v.type !== 'array') {
            report('"aliases" must be a list of spellings, such as [ "Luong Cuong", "President Cường" ].', v);
            break;
          }
          for (const a of v.children ?? []) {
            if (a.type === 'string' && typeof a.value === 'string' && a.value.trim() !== '') aliases.push(a.value.trim());
            else report('Each alias must be a spelling in double quotes, such as "Luong Cuong".', a);
          }
          break;
        case 'description':
          if (v.type === 'string' && typeof v.value === 'string') description = v.value;
          else report('"description" must be a text in double quotes, such as "State President of Viet Nam".', v);
          break;
        default:
          report(unknownProperty(String(k.value), ['name', 'aliases', 'description'], 'a person has "name", "aliases" and "description"'), k);
          if (closest(String(k.value), ['name', 'aliases', 'description']) === 'name') nameMistyped = true;
      }
    }
    if (name === undefined) {
      if (!nameMistyped && !(item.children ?? []).some((p) => p.children?.[0]?.value === 'name')) report('This person has no "name". Add one, such as "name": "Lương Cường".', item);
      continue;
    }
    const folded = name.normalize('NFC').toLowerCase();
    const first = seen.get(folded);
    if (first && nameNode) report(`"${name}" is listed twice in this file. Keep one entry and move the other's aliases into it.`, nameNode);
    else if (nameNode) seen.set(folded, nameNode);
    const p: KnownPerson = { name };
    if (aliases.length > 0) p.aliases = aliases;
    if (description !== undefined) p.description = description;
    people.push(p);
  }
  return { people, notPeople, problems };
}

/** The message for a property a people file does not know, with the one it most likely meant. */
function unknownProperty(key: string, known: readonly string[], has: string): string {
  const meant = closest(key, known);
  return meant ? `"${key}" is not a property here, so it is ignored. Did you mean "${meant}"?` : `"${key}" is not a property here, so it is ignored. Remove it: ${has}.`;
}
