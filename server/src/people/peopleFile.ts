// Parsing of people files (spec section 7) with positions, for diagnostics.

import { Node, ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { KnownPerson, PeopleFileProblem } from './types';

const PARSE_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Unexpected character here.',
  InvalidNumberFormat: 'This number is not written correctly.',
  PropertyNameExpected: 'A property name in double quotes is expected here.',
  ValueExpected: 'A value is expected here.',
  ColonExpected: 'A colon (:) is expected after the property name.',
  CommaExpected: 'A comma is expected between these entries.',
  CloseBraceExpected: 'A closing brace } is missing.',
  CloseBracketExpected: 'A closing bracket ] is missing.',
  EndOfFileExpected: 'Nothing may follow the end of the list.',
  InvalidCommentToken: 'This comment is not closed or not allowed here.',
  UnexpectedEndOfComment: 'This comment is not closed.',
  UnexpectedEndOfString: 'This text is missing its closing double quote.',
  UnexpectedEndOfNumber: 'This number ends too early.',
  InvalidUnicode: 'This \\u escape is not a valid character code.',
  InvalidEscapeCharacter: 'This backslash escape is not valid; write \\\\ for a backslash.',
  InvalidCharacter: 'A control character (such as a line break) is not allowed inside double quotes.',
};

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
    problems.push({ message: 'The people file could not be read as text.', start: 0, end: 0 });
    return { people, notPeople, problems };
  }
  const problem = (message: string, node: { offset: number; length: number } | undefined): void => {
    problems.push({ message, start: node ? node.offset : 0, end: node ? node.offset + node.length : Math.min(text.length, 1) });
  };
  let tree: Node | undefined;
  try {
    const errors: ParseError[] = [];
    tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    for (const e of errors) {
      const code = printParseErrorCode(e.error);
      problems.push({ message: PARSE_MESSAGES[code] ?? 'This is not valid JSON.', start: e.offset, end: e.offset + Math.max(e.length, 1) });
    }
  } catch {
    problems.push({ message: 'The people file could not be parsed.', start: 0, end: Math.min(text.length, 1) });
    return { people, notPeople, problems };
  }
  if (!tree) {
    if (problems.length === 0) problem('The people file is empty; write { "people": [ { "name": "…" } ] }.', undefined);
    return { people, notPeople, problems };
  }
  if (tree.type !== 'object') {
    problem('A people file must be an object with a "people" list: { "people": [ { "name": "…" } ] }.', tree);
    return { people, notPeople, problems };
  }
  let list: Node | undefined;
  let notList: Node | undefined;
  for (const prop of tree.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (!k) continue;
    if (k.value === 'people') list = v;
    else if (k.value === 'notPeople') notList = v;
    else if (k.value !== '$schema') problem(`Unknown property "${String(k.value)}": a people file has "people" and "notPeople".`, k);
  }
  if (notList) {
    if (notList.type !== 'array') problem('"notPeople" must be a list of spellings that are not people: [ "Saint-Exupéry", "Lê Lợi" ].', notList);
    else {
      for (const a of notList.children ?? []) {
        if (a.type === 'string' && typeof a.value === 'string' && a.value.trim() !== '') notPeople.push(a.value.trim());
        else problem('Each entry of "notPeople" must be a non-empty text in double quotes.', a);
      }
    }
  }
  if (!list) {
    if (!notList) problem('The "people" list is missing: add "people": [ { "name": "…" } ].', tree);
    return { people, notPeople, problems };
  }
  if (list.type !== 'array') {
    problem('"people" must be a list [ … ] of people.', list);
    return { people, notPeople, problems };
  }
  const seen = new Map<string, Node>();
  for (const item of list.children ?? []) {
    if (item.type !== 'object') {
      problem('Each person must be an object such as { "name": "Lương Cường" }.', item);
      continue;
    }
    let name: string | undefined;
    let nameNode: Node | undefined;
    const aliases: string[] = [];
    let description: string | undefined;
    for (const prop of item.children ?? []) {
      const [k, v] = prop.children ?? [];
      if (!k || !v) continue;
      switch (k.value) {
        case 'name':
          if (v.type === 'string' && typeof v.value === 'string' && v.value.trim() !== '') {
            name = v.value.trim();
            nameNode = v;
          } else problem('"name" must be a non-empty text in double quotes.', v);
          break;
        case 'aliases':
          if (v.type !== 'array') {
            problem('"aliases" must be a list of spellings: [ "Luong Cuong", "President Cường" ].', v);
            break;
          }
          for (const a of v.children ?? []) {
            if (a.type === 'string' && typeof a.value === 'string' && a.value.trim() !== '') aliases.push(a.value.trim());
            else problem('Each alias must be a non-empty text in double quotes.', a);
          }
          break;
        case 'description':
          if (v.type === 'string' && typeof v.value === 'string') description = v.value;
          else problem('"description" must be a text in double quotes.', v);
          break;
        default:
          problem(`Unknown property "${String(k.value)}": a person has "name", "aliases" and "description".`, k);
      }
    }
    if (name === undefined) {
      if (!(item.children ?? []).some((p) => p.children?.[0]?.value === 'name')) problem('This person has no "name".', item);
      continue;
    }
    const folded = name.normalize('NFC').toLowerCase();
    const first = seen.get(folded);
    if (first && nameNode) problem(`"${name}" is listed twice in this file; keep one entry and merge the aliases.`, nameNode);
    else if (nameNode) seen.set(folded, nameNode);
    const p: KnownPerson = { name };
    if (aliases.length > 0) p.aliases = aliases;
    if (description !== undefined) p.description = description;
    people.push(p);
  }
  return { people, notPeople, problems };
}
