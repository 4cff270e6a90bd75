// The facade of the corpus language service: what the adapters (the language
// server, the command line) and the tests import. Everything here is pure: plain
// data in and out, no editor or protocol types, no file access except through the
// FileSystem interface (the Node one lives with the adapters, in ./node/).

// The service as one object: every editor feature, and the work across files.
export { createLanguageService, CorpusLanguageService, OUTLINE_PEOPLE_LIMIT } from './languageService';
export type { FileChange, LanguageServiceOptions, StatusCounts } from './languageService';

// Files: the interface, the walker, the configuration and people-file resolvers, the index.
export type { DirectoryEntry, FileStat, FileSystem, FileType } from './workspace/fileSystem';
export { listFiles, SKIPPED_FOLDERS, walkFiles } from './workspace/walker';
export type { WalkOptions } from './workspace/walker';
export { configDiagnostics, ConfigResolver } from './workspace/configResolver';
export type { ResolvedConfig, ResolverOptions } from './workspace/configResolver';
export { IGNORE_FILE_NAME, Ignores, isIgnoreFile } from './workspace/ignores';
export type { IgnoreOptions } from './workspace/ignores';
export { configForFile, literalPattern, withForcedRules } from './configScopes';
export type { Override } from './configScopes';
export { DEFAULT_PEOPLE_PATTERNS, findPeopleFiles, MAX_PEOPLE_FILES, PeopleFiles } from './workspace/peopleFiles';
export type { FileDiagnostics } from './workspace/peopleFiles';
export { MAX_INDEXED_FILE_SIZE, WorkspaceIndex } from './workspace/workspaceIndex';
export { MAX_CHECKED_FILE_SIZE, MAX_CHECKED_FILES, MAX_FILE_DIAGNOSTICS, scopeFromSettings, WorkspaceProblems } from './workspace/workspaceProblems';
export type { FileProblems, ProblemsScope } from './workspace/workspaceProblems';
export type { OpenDocuments } from './workspace/workspaceIndex';
export { canonicalUri, isInside, relativePath, uriBasename, uriDirname, uriJoin } from './workspace/uri';

// The model and its plain types.
export { CorpusModel } from './model/corpusModel';
export type { CorpusDocument, DocumentBody } from './model/corpusModel';
export type { CancellationToken, CodeAction, Diagnostic, FileEdit, Position, Range, RelatedInformation, Severity, TextEdit, WorkspaceCodeAction } from './model/types';
export { NEVER_CANCELLED } from './model/types';
export { positionInText } from './model/lines';

// Bytes: what a file is before it is read as text (UTF-8, another charset, not text), and its diagnostics.
export { headVerdict, inspectBytes, SAMPLE_BYTES, scannedVerdict, SNIFF_BYTES, Utf8Scanner } from './encoding/bytes';
export type { ByteVerdict, CharsetGuess, Guesser } from './encoding/bytes';
export { alone, applyVerdict, charsetInWords, VerdictFilter, verdictDiagnostic } from './encoding/verdict';
export { mojibakeSpans, sureRepair } from './encoding/mojibake';
export type { MojibakeSpan } from './encoding/mojibake';
export { nfcEdits } from './encoding/nfc';

// The rule registry.
export { CODES, DEFAULT_SEVERITY, RULES, docsPath, docsUrl, isCode, metaOf, rulePage, ruleOf } from './rules';
export type { Rule, RuleMeta } from './rules';

// Diagnostics: the editor's incremental list and the command line's stream.
export { computeDiagnostics, checkTextRulesStep, textRulesDone } from './diagnostics/compute';
export type { DiagnosticOptions } from './diagnostics/compute';
export { capDiagnostics, MAX_DIAGNOSTICS } from './diagnostics/cap';
export { StreamLinter, streamLintText } from './diagnostics/stream';
export { copiesOn, segmentSignature } from './duplicates/modelCopies';
export { WorkspaceCopies } from './duplicates/workspaceCopies';
export type { CopyEntry, ElsewhereCopies } from './duplicates/workspaceCopies';
export type { StreamDocument, StreamLintOptions } from './diagnostics/stream';
export type { SpillFile, SpillOpener } from './duplicates/pagedStore';

// Single features over one model (the service object calls these).
export { applyEdits, codeActions, fixAll } from './features/codeActions';
export type { CompletionItem } from './features/completion';
export { symbolDetail } from './features/documentSymbols';
export type { DocumentSymbol } from './features/documentSymbols';
export type { FoldingRange } from './features/folding';
export type { Hover } from './features/hover';
export type { PeopleViewEntry } from './features/people';
export { OverviewBuilder, overviewDate, personOf, OVERVIEW_PEOPLE } from './features/overview';
export type { OverviewData, OverviewDocument, OverviewPerson, OverviewProblemCode } from './features/overview';
export type { WorkspaceSymbol } from './features/workspaceSymbols';

// Packing and unpacking (the command line's pack and unpack).
export { identifyLanguage } from './langid/identify';
export type { Identification } from './langid/identify';
export { comparedLanguage, identifyDocument, languageName, tagContradicted } from './langid/tags';
export { detectLanguage, documentText, nameConflict, orderNames, packDocument, safeRelativePath, unpackedText } from './pack';
export type { PackedDocument, PackOptions, Result } from './pack';

// People detection and people files.
export { detectPeople, groupMentions, parsePeopleFile } from './people';
export type { KnownPerson, Person, PersonMention } from './people';

// Configuration.
export { configFromSettings, DEFAULT_CONFIG, mergeConfig, parseRcFile, RC_FILE_NAME } from './config';
export type { CorpusConfig, PartialConfig, RuleSetting } from './config';

// "Fix all" over a stream (`corpus lint --fix` on files of any size).
export { checkPass, SegmentFixer, writePass } from './features/fixStream';
export type { CheckResult, FixCache, FixPlan } from './features/fixStream';
