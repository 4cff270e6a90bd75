// Configuration (format spec, section 6): one layout for `.corpusrc.json` and the
// `corpus.*` editor settings. The nearest `.corpusrc.json` wins over the settings,
// rule by rule; allowed attributes are the union of both. An invalid file is
// reported with exact positions and the defaults apply for what it got wrong.

import { parseTree, getNodeValue, Node as JsonNode, ParseError } from 'jsonc-parser';
import { closest, didYouMean } from './messages/didYouMean';
import { jsonSyntaxProblems } from './messages/jsonSyntax';
import { Code, isCode } from './rules';
import { DocumentRules, Override, parseOverrides, parseRules, RuleSetting } from './configScopes';

export type { RuleSetting };

export interface CorpusConfig {
  rules: Partial<Record<Code, RuleSetting>>;
  attributes: string[];
  /** People files (paths or globs relative to the config's folder); undefined: every *.people.json. */
  people?: string[];
  /** Where a date proposal goes: a date line (default) or a `date=` header attribute. */
  dateStyle: 'line' | 'attribute';
  /** 'ask': no date proposal is ever preferred, so "Fix all" and `--fix` never write a date; 'preferred' (default): strong ones are. */
  dateFixes: 'preferred' | 'ask';
  /** From what share of the shorter text found in the other two documents are near copies (`near-duplicate-document`); default 0.5. */
  nearDuplicateThreshold?: number;
  /** Rules per file and per document (`overrides` of .corpusrc.json; see configScopes.ts). */
  overrides?: Override[];
  /** For one file: the overrides that name documents. */
  documents?: DocumentRules[];
  /** Files left out of every search for corpus files: gitignore patterns relative to `base`. */
  ignores?: string[];
  /** The folder (URI) of the `.corpusrc.json` that `overrides` and `ignores` are relative to. */
  base?: string;
  /** Report what the configuration turns off too, marked as suppressed (the command line's audit). */
  reportSuppressed?: boolean;
}

export const DEFAULT_CONFIG: CorpusConfig = { rules: {}, attributes: [], dateStyle: 'line', dateFixes: 'preferred' };

export const RC_FILE_NAME = '.corpusrc.json';

/** A problem in a configuration file, with offsets into its text. */
export interface ConfigProblem {
  message: string;
  start: number;
  end: number;
  severity: 'error' | 'warning';
}

export interface PartialConfig {
  rules?: Partial<Record<Code, RuleSetting>>;
  attributes?: string[];
  people?: string[];
  dateStyle?: 'line' | 'attribute';
  dateFixes?: 'preferred' | 'ask';
  nearDuplicateThreshold?: number;
  overrides?: Override[];
  ignores?: string[];
}

const SEVERITIES: readonly string[] = ['off', 'error', 'warning', 'information', 'hint'];
const SETTINGS: readonly string[] = ['rules', 'overrides', 'ignores', 'attributes', 'people', 'dateStyle', 'dateFixes', 'nearDuplicateThreshold'];

/** The default of `nearDuplicateThreshold`, and the range it accepts. */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;
const isThreshold = (v: unknown): v is number => typeof v === 'number' && v >= 0.3 && v <= 1;
const KEY_RE = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/** Reads settings that arrive as untrusted JSON (from the editor). Bad entries are dropped. */
export function configFromSettings(value: unknown): PartialConfig {
  const out: PartialConfig = {};
  if (!value || typeof value !== 'object') return out;
  const v = value as Record<string, unknown>;
  if (v.rules && typeof v.rules === 'object') {
    const rules: Partial<Record<Code, RuleSetting>> = {};
    for (const [k, s] of Object.entries(v.rules as Record<string, unknown>)) {
      if (isCode(k) && typeof s === 'string' && SEVERITIES.includes(s)) rules[k] = s as RuleSetting;
    }
    out.rules = rules;
  }
  if (Array.isArray(v.attributes)) out.attributes = v.attributes.filter((a): a is string => typeof a === 'string' && KEY_RE.test(a));
  // VS Code reports an unset array setting as []: an empty list means "the default" (every *.people.json).
  if (Array.isArray(v.people) && v.people.length > 0) out.people = v.people.filter((a): a is string => typeof a === 'string' && a !== '');
  if (v.dateStyle === 'line' || v.dateStyle === 'attribute') out.dateStyle = v.dateStyle;
  if (v.dateFixes === 'preferred' || v.dateFixes === 'ask') out.dateFixes = v.dateFixes;
  if (isThreshold(v.nearDuplicateThreshold)) out.nearDuplicateThreshold = v.nearDuplicateThreshold;
  return out;
}

/** Parses a `.corpusrc.json` text. Never throws: problems come back with positions. */
export function parseRcFile(text: string): { config: PartialConfig; problems: ConfigProblem[] } {
  try {
    return readRcFile(text);
  } catch {
    // The JSON parser recurses: a file nested thousands of levels deep exhausts the stack.
    return {
      config: {},
      problems: [
        {
          message:
            'This file is nested too deeply to be a configuration (thousands of brackets inside one another). Write a plain object such as { "rules": {} }. Until it is fixed, the default settings apply.',
          start: 0,
          end: Math.min(1, text.length),
          severity: 'error',
        },
      ],
    };
  }
}

function readRcFile(raw: string): { config: PartialConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const errors: ParseError[] = [];
  // A byte-order mark (some editors save one) is not JSON: read it as a space, so offsets stay.
  const text = raw.charCodeAt(0) === 0xfeff ? ` ${raw.slice(1)}` : raw;
  // An empty file (just created) sets nothing: the defaults apply, and there is nothing to fix.
  if (text.trim() === '') return { config: {}, problems };
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const syntax = jsonSyntaxProblems(text, errors, { what: 'A .corpusrc.json', commentsAllowed: false });
  for (const p of syntax.problems) {
    // A trailing comma leaves no doubt about what was meant: the settings are read as written.
    const defaults = p.kind === 'trailing-comma' ? '' : ' Until it is fixed, the default settings apply.';
    problems.push({ message: `${p.message}${defaults}`, start: p.start, end: p.end, severity: 'error' });
  }
  const config: PartialConfig = {};
  if (!root || (errors.length > 0 && !syntax.onlyTrailingCommas)) return { config, problems };
  if (root.type !== 'object') {
    problems.push({ message: 'The configuration must be a JSON object, such as { "rules": { "missing-date": "off" } }.', start: root.offset, end: root.offset + root.length, severity: 'error' });
    return { config, problems };
  }
  const at = (n: JsonNode, message: string, severity: 'error' | 'warning' = 'error'): void => {
    problems.push({ message, start: n.offset, end: n.offset + n.length, severity });
  };
  for (const prop of root.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    switch (key) {
      case 'rules':
        config.rules = parseRules(valueNode, at);
        break;
      case 'overrides': {
        const list = parseOverrides(valueNode, at);
        if (list) config.overrides = list;
        break;
      }
      case 'ignores': {
        const list = stringList(
          valueNode,
          (v) => v !== '',
          '"ignores" must be a list of patterns (as in .gitignore), like ["drafts/", "*.old.corpus"].',
          'Each entry of "ignores" must be a pattern, as text.',
          at,
        );
        if (list) config.ignores = list;
        break;
      }
      case 'attributes': {
        const list = stringList(
          valueNode,
          (v) => KEY_RE.test(v),
          '"attributes" must be a list of header keys, such as ["author", "section"].',
          'Each allowed attribute must be a key that starts with a letter and holds only letters, digits, "_", "." or "-", such as "author".',
          at,
        );
        if (list) config.attributes = list;
        break;
      }
      case 'people': {
        const list = stringList(
          valueNode,
          (v) => v !== '',
          '"people" must be a list of paths or globs of people files, such as ["people/*.people.json"].',
          'Each entry of "people" must be a path or a glob in double quotes, such as "people/*.people.json".',
          at,
        );
        if (list) config.people = list;
        break;
      }
      case 'dateStyle': {
        const v = getNodeValue(valueNode) as unknown;
        if (v !== 'line' && v !== 'attribute') at(valueNode, `"dateStyle" must be "line" (a date line) or "attribute" (a date= header attribute).${valueHint(v, ['line', 'attribute'])}`);
        else config.dateStyle = v;
        break;
      }
      case 'dateFixes': {
        const v = getNodeValue(valueNode) as unknown;
        if (v !== 'preferred' && v !== 'ask')
          at(valueNode, `"dateFixes" must be "preferred" (a date the text states clearly is written by "Fix all") or "ask" (date proposals are only offered).${valueHint(v, ['preferred', 'ask'])}`);
        else config.dateFixes = v;
        break;
      }
      case 'nearDuplicateThreshold': {
        const v = getNodeValue(valueNode) as unknown;
        if (!isThreshold(v))
          at(
            valueNode,
            `"nearDuplicateThreshold" must be a number from 0.3 to 1: the share of the shorter text that must also be in the other for two documents to be near copies (default ${NEAR_DUPLICATE_THRESHOLD}).`,
          );
        else config.nearDuplicateThreshold = v;
        break;
      }
      case '$schema':
        break;
      default: {
        const meant = closest(key, SETTINGS);
        at(
          keyNode,
          meant
            ? `"${key}" is not a setting of .corpusrc.json, so it is ignored. Did you mean "${meant}"?`
            : `"${key}" is not a setting of .corpusrc.json, so it is ignored. Remove it, or use one of "rules", "overrides", "ignores", "attributes", "people", "dateStyle", "dateFixes" and "nearDuplicateThreshold".`,
          'warning',
        );
      }
    }
  }
  return { config, problems };
}

/** " Did you mean …?" for a severity written another way ("warn", "none", false). */
function valueHint(value: unknown, known: readonly string[]): string {
  return typeof value === 'string' ? didYouMean(value, known) : '';
}

/** A list of strings in the rc file: the valid entries, each invalid one reported; undefined when it is not a list. */
function stringList(node: JsonNode, valid: (value: string) => boolean, notAList: string, badEntry: string, at: (n: JsonNode, message: string) => void): string[] | undefined {
  if (node.type !== 'array') {
    at(node, notAList);
    return undefined;
  }
  const list: string[] = [];
  for (const item of node.children ?? []) {
    const v: unknown = getNodeValue(item);
    if (typeof v === 'string' && valid(v)) list.push(v);
    else at(item, badEntry);
  }
  return list;
}

/** The rc file's settings over the editor's: per rule, and allowed attributes together. */
export function mergeConfig(settings: PartialConfig | undefined, rc: PartialConfig | undefined): CorpusConfig {
  return {
    rules: { ...(settings?.rules ?? {}), ...(rc?.rules ?? {}) },
    attributes: [...new Set([...(settings?.attributes ?? []), ...(rc?.attributes ?? [])])],
    people: rc?.people ?? settings?.people,
    dateStyle: rc?.dateStyle ?? settings?.dateStyle ?? 'line',
    dateFixes: rc?.dateFixes ?? settings?.dateFixes ?? 'preferred',
    ...(rc?.nearDuplicateThreshold !== undefined || settings?.nearDuplicateThreshold !== undefined ? { nearDuplicateThreshold: rc?.nearDuplicateThreshold ?? settings?.nearDuplicateThreshold } : {}),
    ...(rc?.overrides ? { overrides: rc.overrides } : {}),
    ...(rc?.ignores ? { ignores: rc.ignores } : {}),
  };
}
