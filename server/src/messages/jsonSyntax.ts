// JSON syntax errors in plain words, one per fault, for the configuration and
// the people files. The JSON parser reports a fault and often what follows from
// it (a comma before `}` gives "a property name is expected" and "a value is
// missing" at one column; an unclosed string gives five errors). Here each
// trailing comma is one problem on the comma itself, and of the other errors only
// the first is told: the later ones usually follow from it and go away with it.

import { ParseError, printParseErrorCode } from 'jsonc-parser';

/** A problem in a JSON file, with offsets into its text. */
export interface JsonSyntaxProblem {
  /** A comma before `}` or `]` (the text is still read as meant), or any other fault. */
  kind: 'trailing-comma' | 'syntax';
  message: string;
  start: number;
  end: number;
}

export interface JsonSyntax {
  /** One problem per trailing comma, then at most one for the first other error. */
  problems: JsonSyntaxProblem[];
  /** True when the only faults are trailing commas: the parser then reads the text exactly as meant. */
  onlyTrailingCommas: boolean;
}

export interface JsonSyntaxOptions {
  /** What the file is, for messages: "This configuration", "This people file". */
  what: string;
  /** Whether the file may hold comments (people files may; `.corpusrc.json` is plain JSON). */
  commentsAllowed: boolean;
}

const WHITE = /\s/;

/** The offset of the comma that ends the entries before offset `at` (a `}` or `]`), or -1. */
function trailingCommaBefore(text: string, at: number): number {
  const c = text[at];
  if (c !== '}' && c !== ']') return -1;
  let i = at - 1;
  while (i >= 0 && WHITE.test(text[i])) i--;
  return i >= 0 && text[i] === ',' ? i : -1;
}

/** What went wrong at an error, and how to fix it. */
function describe(code: string, text: string, e: ParseError, options: JsonSyntaxOptions): string {
  const token = text.slice(e.offset, e.offset + Math.min(e.length, 20));
  switch (code) {
    case 'CommaExpected':
      return 'A comma is missing before this entry. Put `,` between two entries.';
    case 'ColonExpected':
      return 'A colon is missing after this property name. Write `"name": value`.';
    case 'PropertyNameExpected':
      return 'A property name in double quotes is expected here, such as `"rules"`.';
    case 'ValueExpected':
      return 'A value is missing here. Write one, such as `"warning"`, `["author"]` or `{ … }`.';
    case 'CloseBraceExpected':
      return 'A closing `}` is missing. Add `}` where the object ends.';
    case 'CloseBracketExpected':
      return 'A closing `]` is missing. Add `]` where the list ends.';
    case 'EndOfFileExpected':
      return 'There is more text after the closing `}`. Remove it, or move it inside the object.';
    case 'InvalidCommentToken':
      return options.commentsAllowed ? 'This comment is not closed. End it with `*/`.' : `${options.what} is plain JSON: comments are not allowed. Remove the comment.`;
    case 'UnexpectedEndOfComment':
      return 'This comment is not closed. End it with `*/`.';
    case 'UnexpectedEndOfString':
      return 'This text has no closing double quote. Add `"` where it ends.';
    case 'InvalidSymbol':
      return `\`${token}\` is not JSON. Put text in double quotes ("…"); write true, false and null in lower case.`;
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return 'This number is not written as JSON numbers are (no leading zeros, a digit after the point). Write it as text in double quotes if it is not a number.';
    case 'InvalidUnicode':
      return 'This `\\u` escape is not four hexadecimal digits. Write the character itself, or `\\u` and four digits.';
    case 'InvalidEscapeCharacter':
      return 'This backslash escape is not one JSON knows. Write `\\\\` for a backslash, `\\"` for a double quote.';
    case 'InvalidCharacter':
      return 'A line break or control character is inside this text. Write it as `\\n` (or remove it), and close the text on the same line.';
    default:
      return 'This is not valid JSON. Check the brackets, quotes and commas around here.';
  }
}

/** The syntax problems of a JSON text from the parser's errors (as `parseTree` gives them). */
export function jsonSyntaxProblems(text: string, errors: readonly ParseError[], options: JsonSyntaxOptions): JsonSyntax {
  const problems: JsonSyntaxProblem[] = [];
  if (errors.length === 0) return { problems, onlyTrailingCommas: false };
  const commas = new Set<number>();
  let first: ParseError | undefined;
  for (const e of errors) {
    const comma = trailingCommaBefore(text, e.offset);
    if (comma >= 0) {
      commas.add(comma);
      continue;
    }
    first ??= e;
  }
  for (const comma of [...commas].sort((a, b) => a - b)) {
    problems.push({ kind: 'trailing-comma', message: 'A comma after the last entry is not allowed in JSON. Remove this comma.', start: comma, end: comma + 1 });
  }
  if (first) {
    const code = printParseErrorCode(first.error);
    problems.push({ kind: 'syntax', message: describe(code, text, first, options), start: first.offset, end: first.offset + Math.max(1, first.length) });
  }
  problems.sort((a, b) => a.start - b.start);
  return { problems, onlyTrailingCommas: first === undefined };
}
