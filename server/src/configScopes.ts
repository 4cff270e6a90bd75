// Where settings apply, below the folder of a `.corpusrc.json` (docs/format.md,
// "Configuration"): `overrides` turn rules on or off for some files and some
// documents, and `ignores` leave files out of every search for corpus files.
//
//   "overrides": [
//     { "files": ["archive/**"], "rules": { "missing-date": "off" } },
//     { "files": ["news.corpus"], "documents": ["002_*.txt"], "rules": { "date-mismatch": "off" } }
//   ],
//   "ignores": ["test/fixtures/", "*.draft.corpus"]
//
// `files` are paths or globs relative to the configuration's folder (`news.corpus`
// is the file beside it, `**/news.corpus` one in any folder); `documents` are
// document names or globs of them. Later entries win over earlier ones, and every entry wins over `rules`.
// The format itself is untouched: no header attribute, no comment in the corpus.

import { getNodeValue, Node as JsonNode } from 'jsonc-parser';
import picomatch from 'picomatch';
import type { Severity } from './model/types';
import { didYouMean } from './messages/didYouMean';
import { Code, CODES, isCode } from './rules';

export type RuleSetting = Severity | 'off';

/** What of a configuration the scopes read and write (config.ts's CorpusConfig has these fields). */
export interface ScopedConfig {
  rules: Partial<Record<Code, RuleSetting>>;
  /** The `overrides` of the `.corpusrc.json`. */
  overrides?: Override[];
  /** For one file: the overrides that name documents (set by configForFile). */
  documents?: DocumentRules[];
}

/** One entry of `overrides`, as written. */
export interface Override {
  /** Globs of files relative to the configuration's folder; absent: every file it configures. */
  files?: string[];
  /** Document names or globs of them; absent: every document of the matching files. */
  documents?: string[];
  rules: Partial<Record<Code, RuleSetting>>;
}

/** The rules of the overrides that name documents, for one file. */
export interface DocumentRules {
  /** True for the names of the documents the entry names. */
  matches(name: string): boolean;
  rules: Partial<Record<Code, RuleSetting>>;
}

const SEVERITIES: readonly string[] = ['off', 'error', 'warning', 'information', 'hint'];
/** Words people write for "off". */
const OFF_WORDS: ReadonlySet<string> = new Set(['none', 'disable', 'disabled', 'ignore', 'false', 'no', '0']);

type At = (n: JsonNode, message: string) => void;

/** Reads `overrides`; every faulty part is reported and left out. */
export function parseOverrides(node: JsonNode, at: At): Override[] | undefined {
  if (node.type !== 'array') {
    at(node, '"overrides" must be a list of objects like { "files": ["archive/**"], "documents": ["002_*.txt"], "rules": { "missing-date": "off" } }.');
    return undefined;
  }
  const out: Override[] = [];
  for (const item of node.children ?? []) {
    if (item.type !== 'object') {
      at(item, 'Each entry of "overrides" must be an object with "rules", and "files" or "documents" (or both).');
      continue;
    }
    const entry: Override = { rules: {} };
    let hasRules = false;
    for (const prop of item.children ?? []) {
      const [k, v] = prop.children ?? [];
      if (!k || !v) continue;
      const key = String(k.value);
      if (key === 'files' || key === 'documents') {
        const list = patternList(v, key, at);
        if (list) entry[key] = list;
      } else if (key === 'rules') {
        hasRules = true;
        entry.rules = parseRules(v, at);
      } else {
        at(k, `"${key}" is not part of an override; it is ignored. An override has "files", "documents" and "rules".`);
      }
    }
    if (!hasRules) at(item, 'This override has no "rules": say which rules it turns off or sets, like "rules": { "missing-date": "off" }.');
    else out.push(entry);
  }
  return out;
}

function patternList(node: JsonNode, key: string, at: At): string[] | undefined {
  const example = key === 'files' ? '["archive/**", "news.corpus"]' : '["002_e77d50c1257fff65.txt", "2024-*"]';
  if (node.type !== 'array') {
    at(node, `"${key}" must be a list of ${key === 'files' ? 'file globs' : 'document names or globs'}, like ${example}.`);
    return undefined;
  }
  const list: string[] = [];
  for (const item of node.children ?? []) {
    const v: unknown = getNodeValue(item);
    if (typeof v === 'string' && v !== '') list.push(v);
    else at(item, `Each entry of "${key}" must be a non-empty text, like ${example}.`);
  }
  return list;
}

/** A `rules` object: code → setting; unknown codes and bad settings are reported. */
export function parseRules(node: JsonNode, at: At): Partial<Record<Code, RuleSetting>> {
  const rules: Partial<Record<Code, RuleSetting>> = {};
  if (node.type !== 'object') {
    at(node, '"rules" must be an object that maps a diagnostic code to "off", "error", "warning", "information" or "hint", such as { "missing-date": "off" }.');
    return rules;
  }
  for (const r of node.children ?? []) {
    const [k, v] = r.children ?? [];
    if (!k || !v) continue;
    const code = String(k.value);
    if (!isCode(code)) {
      const hint = didYouMean(code, CODES);
      at(k, `"${code}" is not a diagnostic code, so this line is ignored.${hint || ` Use one of: ${CODES.join(', ')}.`}`);
      continue;
    }
    const sev: unknown = getNodeValue(v);
    if (typeof sev !== 'string' || !SEVERITIES.includes(sev)) {
      at(v, `The setting for "${code}" must be "off", "error", "warning", "information" or "hint".${severityHint(sev)}`);
      continue;
    }
    rules[code] = sev as RuleSetting;
  }
  return rules;
}

/** A document name as a pattern that matches exactly that name (glob characters escaped). */
export function literalPattern(name: string): string {
  return name.replace(/[\\*?[\]{}()!+@|]/g, (c) => `\\${c}`);
}

function fileMatcher(patterns: readonly string[]): (relative: string) => boolean {
  return picomatch(
    patterns.map((p) => p.replace(/^\.\//, '')),
    { dot: true },
  );
}

function documentMatcher(patterns: readonly string[]): (name: string) => boolean {
  const glob = picomatch([...patterns], { dot: true });
  const exact = new Set(patterns);
  return (name) => exact.has(name) || glob(name);
}

/**
 * The configuration of one file: `overrides` that name no documents are merged into
 * its rules; those that do become document rules (checked per document). `relative`
 * is the file's path from the configuration's folder ('/'-separated), undefined when
 * the file is not below it (then only overrides without `files` apply).
 */
export function configForFile<C extends ScopedConfig>(config: C, relative: string | undefined): C {
  const overrides = config.overrides;
  if (!overrides || overrides.length === 0) return config;
  let rules = config.rules;
  const documents: DocumentRules[] = [];
  for (const o of overrides) {
    if (o.files && (relative === undefined || !fileMatcher(o.files)(relative))) continue;
    if (o.documents) documents.push({ matches: documentMatcher(o.documents), rules: o.rules });
    else rules = { ...rules, ...o.rules };
  }
  return { ...config, rules, documents: documents.length > 0 ? documents : undefined };
}

/** The setting of a code for a document (by name) of a file: the last document override that names it, else the file's rules. */
export function settingFor(config: ScopedConfig, code: Code, document: string | undefined): RuleSetting | undefined {
  const docs = config.documents;
  if (docs && document !== undefined) {
    for (let i = docs.length - 1; i >= 0; i--) {
      const s = docs[i].rules[code];
      if (s !== undefined && docs[i].matches(document)) return s;
    }
  }
  return config.rules[code];
}

/** True when some document of some file may have the code on (for the rules that read text: whether to run them at all). */
export function mayBeOn(config: ScopedConfig, code: Code, byDefault: boolean): boolean {
  const top = config.rules[code];
  if (top === undefined ? byDefault : top !== 'off') return true;
  return config.documents?.some((d) => d.rules[code] !== undefined && d.rules[code] !== 'off') ?? false;
}

/** The configuration with rules forced over every file and document setting (the command line's `--rule`). */
export function withForcedRules<C extends ScopedConfig>(config: C, forced: Partial<Record<Code, RuleSetting>>): C {
  const codes = Object.keys(forced);
  if (codes.length === 0) return config;
  const strip = (rules: Partial<Record<Code, RuleSetting>>): Partial<Record<Code, RuleSetting>> => Object.fromEntries(Object.entries(rules).filter(([c]) => !codes.includes(c)));
  return {
    ...config,
    rules: { ...config.rules, ...forced },
    overrides: config.overrides?.map((o) => ({ ...o, rules: strip(o.rules) })),
    documents: config.documents?.map((d) => ({ ...d, rules: strip(d.rules) })),
  };
}

/** " Did you mean "off"?" for a word people write for off, or the closest severity. */
function severityHint(value: unknown): string {
  if (value === false || (typeof value === 'string' && OFF_WORDS.has(value.trim().toLowerCase()))) return ' Did you mean "off"?';
  return typeof value === 'string' ? didYouMean(value, SEVERITIES) : '';
}
