// The rule registry: every diagnostic code, once. The default severities, the
// list of codes the configuration accepts, the SARIF rules, the `corpus.rules`
// setting and the `.corpusrc.json` schema all come from here (scripts/generate.mjs
// writes the last two; a test fails when they drift).
//
// Adding a rule: write `rules/<code>.ts` exporting `rule`, list it below, run
// `npm run generate`, add `test/fixtures/codes/<code>.corpus` with its `.expected`,
// and `docs/rules/<code>.md` (test/unit/registry.test.ts checks the derived files).

import type { Severity } from '../model/types';
import type { FileRule, Rule, RuleMeta, SegmentRule, TextRule } from './types';
import { rule as malformedHeader } from './malformed-header';
import { rule as duplicateName } from './duplicate-name';
import { rule as missingDate } from './missing-date';
import { rule as invalidDate } from './invalid-date';
import { rule as partialDate } from './partial-date';
import { rule as dateConflict } from './date-conflict';
import { rule as emptyDocument } from './empty-document';
import { rule as textOutsideDocument } from './text-outside-document';
import { rule as strayEnd } from './stray-end';
import { rule as unterminatedDocument } from './unterminated-document';
import { rule as unknownAttribute } from './unknown-attribute';
import { rule as duplicateAttribute } from './duplicate-attribute';
import { rule as invalidAttribute } from './invalid-attribute';
import { rule as replacementCharacter } from './replacement-character';
import { rule as controlCharacter } from './control-character';
import { rule as strayBom } from './stray-bom';
import { rule as mojibake } from './mojibake';
import { rule as unnormalizedText } from './unnormalized-text';
import { rule as notUtf8 } from './not-utf8';
import { rule as binaryFile } from './binary-file';
import { rule as dateMismatch } from './date-mismatch';
import { rule as langMismatch } from './lang-mismatch';
import { rule as invalidConfig } from './invalid-config';
import { rule as invalidPeopleFile } from './invalid-people-file';
import { rule as tooManyProblems } from './too-many-problems';
import { rule as uncheckedFile } from './unchecked-file';
import { rule as duplicateDocument } from './duplicate-document';
import { rule as nearDuplicateDocument } from './near-duplicate-document';
import PAGES_JSON from './data/pages.json';

const PAGES: { base: string; pages: Readonly<Record<string, { when: string; help: string }>> } = PAGES_JSON;

/** Every rule, in the order of the format spec's table, then the later ones. */
export const RULES: readonly Rule[] = [
  malformedHeader,
  duplicateName,
  missingDate,
  invalidDate,
  partialDate,
  dateConflict,
  emptyDocument,
  textOutsideDocument,
  strayEnd,
  unterminatedDocument,
  unknownAttribute,
  duplicateAttribute,
  invalidAttribute,
  replacementCharacter,
  controlCharacter,
  strayBom,
  mojibake,
  unnormalizedText,
  notUtf8,
  binaryFile,
  dateMismatch,
  langMismatch,
  invalidConfig,
  invalidPeopleFile,
  tooManyProblems,
  uncheckedFile,
  duplicateDocument,
  nearDuplicateDocument,
];

export type Code = string;

/** Every code, in registry order. */
export const CODES: readonly string[] = RULES.map((r) => r.meta.code);

export const DEFAULT_SEVERITY: Readonly<Record<string, Severity>> = Object.fromEntries(RULES.map((r) => [r.meta.code, r.meta.severity]));

const BY_CODE: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.code, r]));

export function isCode(value: string): boolean {
  return BY_CODE.has(value);
}

export function ruleOf(code: string): Rule | undefined {
  return BY_CODE.get(code);
}

export function metaOf(code: string): RuleMeta | undefined {
  return BY_CODE.get(code)?.meta;
}

export const SEGMENT_RULES: readonly SegmentRule[] = RULES.filter((r): r is SegmentRule => r.kind === 'segment');
export const TEXT_RULES: readonly TextRule[] = RULES.filter((r): r is TextRule => r.kind === 'text');
export const FILE_RULES: readonly FileRule[] = RULES.filter((r): r is FileRule => r.kind === 'file');

/** The rule page's path in the repository. */
export function docsPath(code: string): string {
  return `docs/rules/${code}.md`;
}

/**
 * The address of a rule's page, for the editor's link on each diagnostic and SARIF's
 * helpUri: the rule's own `docs`, else the page in the repository named by
 * package.json (data/pages.json, written by `npm run generate`, so a fork links to its own).
 */
export function docsUrl(code: string): string {
  return metaOf(code)?.docs ?? `${PAGES.base}${encodeURIComponent(code)}.md`;
}

/** What the rule's page says: "When" as one paragraph, and the page's text (Markdown); undefined without a page. */
export function rulePage(code: string): { when: string; help: string } | undefined {
  return Object.prototype.hasOwnProperty.call(PAGES.pages, code) ? PAGES.pages[code] : undefined;
}

export type { Rule, RuleMeta } from './types';
