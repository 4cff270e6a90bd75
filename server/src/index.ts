// The facade of the corpus language service: what the adapters (the language
// server, the command line) and the tests import. Everything here is pure: plain
// data in and out, no editor or protocol types, no file access except through the
// FileSystem interface.

export { CorpusModel } from './model/corpusModel';
export type { CorpusDocument, DocumentBody } from './model/corpusModel';
export type { CancellationToken, CodeAction, Diagnostic, Position, Range, RelatedInformation, Severity, TextEdit } from './model/types';
export { NEVER_CANCELLED } from './model/types';

export { CODES, DEFAULT_SEVERITY, RULES, docsPath, isCode, metaOf, ruleOf } from './rules';
export type { Rule, RuleMeta } from './rules';

export { computeDiagnostics, checkTextRulesStep, textRulesDone } from './diagnostics/compute';
export type { DiagnosticOptions } from './diagnostics/compute';
export { StreamLinter, streamLintText } from './diagnostics/stream';
export type { StreamDocument, StreamLintOptions } from './diagnostics/stream';

export { applyEdits, codeActions, fixAll } from './features/codeActions';

export { configFromSettings, DEFAULT_CONFIG, mergeConfig, parseRcFile, RC_FILE_NAME } from './config';
export type { CorpusConfig, PartialConfig, RuleSetting } from './config';
