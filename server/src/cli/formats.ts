// The output formats of `corpus lint`: text (one line per problem, the form VS
// Code's problem matchers read), JSON and SARIF 2.1.0 (for GitHub code scanning).
// Every reporter writes as it goes, so a file with millions of problems is never
// held in memory.

import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { CODES, docsUrl, rulePage, RULES } from '../index';
import type { Diagnostic, Severity } from '../index';
import { CliIo, paint } from './io';

export type Format = 'text' | 'json' | 'sarif' | 'github';
export const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'github'];

/** A problem to report: the service's diagnostic, or a configuration-file problem. */
export interface Problem {
  code: string;
  severity: Severity;
  message: string;
  range: Diagnostic['range'];
  related?: Diagnostic['related'];
  /** Turned off by the configuration (shown only with --report-suppressed). */
  suppressed?: boolean;
}

export interface Counts {
  files: number;
  documents: number;
  error: number;
  warning: number;
  information: number;
  hint: number;
  /** Findings the configuration turns off, reported with --report-suppressed (not counted above). */
  suppressed?: number;
  /** Paths or files that could not be read. */
  failures?: number;
  /** Problems fixed by --fix. */
  fixed?: number;
}

export interface OutlineEntry {
  name: string;
  detail: string;
  line: number;
}

export interface Reporter {
  beginFile(display: string, absolute: string): Promise<void>;
  problem(p: Problem): Promise<void>;
  endFile(outline?: OutlineEntry[]): Promise<void>;
  /** A file or argument that could not be read. */
  failure(message: string): Promise<void>;
  finish(counts: Counts): Promise<void>;
}

export const SEVERITY_WORDS: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'information', hint: 'hint' };

export function summaryLine(c: Counts): string {
  const total = c.error + c.warning + c.information + c.hint;
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  const files = plural(c.files, 'file', 'files');
  const docs = plural(c.documents, 'document', 'documents');
  const extra = [
    c.fixed ? `${plural(c.fixed, 'problem', 'problems')} fixed` : '',
    c.suppressed ? `${c.suppressed} suppressed` : '',
    c.failures ? `${plural(c.failures, 'path', 'paths')} could not be read` : '',
  ]
    .filter((x) => x !== '')
    .join('; ');
  const tail = extra === '' ? '.' : `; ${extra}.`;
  // Nothing checked is not "no problems" (the error stream says why; the exit code is 2).
  if (c.files === 0 && total === 0) return `No file checked${tail}`;
  if (total === 0) return `No problems in ${files} (${docs})${tail}`;
  return `${plural(total, 'problem', 'problems')} (${plural(c.error, 'error', 'errors')}, ${plural(c.warning, 'warning', 'warnings')}, ${c.information} information, ${plural(c.hint, 'hint', 'hints')}) in ${files} (${docs})${tail}`;
}

// ---- text ----

export class TextReporter implements Reporter {
  private file = '';
  constructor(
    private readonly io: CliIo,
    private readonly colour: boolean,
    private readonly beforeWrite: () => Promise<void>,
  ) {}

  async beginFile(display: string): Promise<void> {
    this.file = display;
  }

  async problem(p: Problem): Promise<void> {
    await this.beforeWrite();
    const c = this.colour;
    const sev = p.severity === 'error' ? paint(c, 'red', p.severity) : p.severity === 'warning' ? paint(c, 'yellow', p.severity) : paint(c, p.severity === 'information' ? 'blue' : 'gray', p.severity);
    const mark = p.suppressed ? `${paint(c, 'gray', '(suppressed)')} ` : '';
    await this.io.stdout.write(`${this.file}:${p.range.start.line + 1}:${p.range.start.character + 1} ${sev} ${paint(c, 'gray', p.code)} ${mark}${p.message}\n`);
  }

  async endFile(outline?: OutlineEntry[]): Promise<void> {
    if (!outline) return;
    await this.beforeWrite();
    await this.io.stdout.write(`${paint(this.colour, 'bold', this.file)}: ${outline.length} ${outline.length === 1 ? 'document' : 'documents'}\n`);
    for (const o of outline) await this.io.stdout.write(`  ${o.name}  (${o.detail})\n`);
  }

  async failure(message: string): Promise<void> {
    await this.beforeWrite();
    await this.io.stderr.write(`corpus: ${message}\n`);
  }

  async finish(counts: Counts): Promise<void> {
    await this.beforeWrite();
    const line = summaryLine(counts);
    await this.io.stdout.write(`${counts.error > 0 ? paint(this.colour, 'red', line) : line}\n`);
  }
}

// ---- JSON ----

/**
 * `{"files":[{"path", "diagnostics":[…], "documents"?:[…]}], "failures":[…], "summary":{…}}`.
 * Lines and columns are 1-based in `line`/`column`/`endLine`/`endColumn` (columns in
 * UTF-16 code units, as the editor counts them), and `range` keeps the editor's 0-based form.
 */
export class JsonReporter implements Reporter {
  private firstFile = true;
  private firstProblem = true;
  private failures: string[] = [];
  private started = false;
  constructor(private readonly io: CliIo) {}

  private async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.io.stdout.write('{"version":1,"files":[');
  }

  async beginFile(display: string): Promise<void> {
    await this.start();
    await this.io.stdout.write(`${this.firstFile ? '' : ','}\n{"path":${JSON.stringify(display)},"diagnostics":[`);
    this.firstFile = false;
    this.firstProblem = true;
  }

  async problem(p: Problem): Promise<void> {
    const r = p.range;
    const item = {
      line: r.start.line + 1,
      column: r.start.character + 1,
      endLine: r.end.line + 1,
      endColumn: r.end.character + 1,
      severity: p.severity,
      code: p.code,
      message: p.message,
      range: r,
      ...(p.related ? { related: p.related } : {}),
      ...(p.suppressed ? { suppressed: true } : {}),
    };
    await this.io.stdout.write(`${this.firstProblem ? '' : ','}\n  ${JSON.stringify(item)}`);
    this.firstProblem = false;
  }

  async endFile(outline?: OutlineEntry[]): Promise<void> {
    let tail = ']';
    if (outline) tail += `,"documents":${JSON.stringify(outline.map((o) => ({ name: o.name, detail: o.detail, line: o.line + 1 })))}`;
    await this.io.stdout.write(`${tail}}`);
  }

  async failure(message: string): Promise<void> {
    this.failures.push(message);
    await this.io.stderr.write(`corpus: ${message}\n`);
  }

  async finish(counts: Counts): Promise<void> {
    await this.start();
    const summary = {
      files: counts.files,
      documents: counts.documents,
      errors: counts.error,
      warnings: counts.warning,
      information: counts.information,
      hints: counts.hint,
      ...(counts.suppressed ? { suppressed: counts.suppressed } : {}),
      ...(counts.fixed ? { fixed: counts.fixed } : {}),
    };
    await this.io.stdout.write(`\n],"failures":${JSON.stringify(this.failures)},"summary":${JSON.stringify(summary)}}\n`);
    await this.io.stderr.write(`${summaryLine(counts)}\n`);
  }
}

// ---- SARIF 2.1.0 ----

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
export const SARIF_RULES: readonly string[] = CODES;

/** A relative file URI (`samples/my%20corpus.corpus`) under the run's base, or an absolute file URI. */
function artifactLocation(cwd: string, absolute: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(cwd, absolute);
  if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return {
      uri: rel
        .split(path.sep)
        .map((s) => encodeURIComponent(s))
        .join('/'),
      uriBaseId: '%SRCROOT%',
    };
  }
  return { uri: pathToFileURL(absolute).href };
}

function region(r: Diagnostic['range']): Record<string, number> {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

export class SarifReporter implements Reporter {
  private location: { uri: string; uriBaseId?: string } = { uri: '' };
  private first = true;
  private started = false;
  private failures: string[] = [];
  constructor(
    private readonly io: CliIo,
    private readonly version: string,
  ) {}

  private async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const rules = RULES.map(({ meta }) => {
      const page = rulePage(meta.code);
      const url = docsUrl(meta.code);
      return {
        id: meta.code,
        name: meta.code.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase()),
        shortDescription: { text: meta.description },
        fullDescription: { text: page?.when || meta.description },
        helpUri: url,
        help: { text: `${page?.when || meta.description} See ${url}.`, ...(page ? { markdown: page.help } : {}) },
        defaultConfiguration: { level: SARIF_LEVEL[meta.severity] },
        properties: { tags: [meta.scope], fixable: meta.fixable },
      };
    });
    const head = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
    };
    const driver = { name: 'corpus', semanticVersion: this.version, rules };
    const base = { '%SRCROOT%': { uri: `${pathToFileURL(this.io.cwd).href.replace(/\/?$/, '/')}` } };
    const json = JSON.stringify(head);
    await this.io.stdout.write(`${json.slice(0, -1)},"runs":[{"tool":{"driver":${JSON.stringify(driver)}},"originalUriBaseIds":${JSON.stringify(base)},"columnKind":"utf16CodeUnits","results":[`);
  }

  async beginFile(_display: string, absolute: string): Promise<void> {
    await this.start();
    this.location = artifactLocation(this.io.cwd, absolute);
  }

  async problem(p: Problem): Promise<void> {
    const result: Record<string, unknown> = {
      ruleId: p.code,
      ruleIndex: Math.max(0, SARIF_RULES.indexOf(p.code)),
      level: SARIF_LEVEL[p.severity],
      message: { text: p.message },
      locations: [{ physicalLocation: { artifactLocation: this.location, region: region(p.range) } }],
    };
    if (p.suppressed) result.suppressions = [{ kind: 'external', status: 'accepted', justification: 'Turned off by the configuration (.corpusrc.json).' }];
    if (p.related && p.related.length > 0) {
      result.relatedLocations = p.related.map((r, i) => ({
        id: i,
        message: { text: r.message },
        physicalLocation: { artifactLocation: r.uri !== undefined ? { uri: r.uri } : this.location, region: region(r.range) },
      }));
    }
    await this.io.stdout.write(`${this.first ? '' : ','}\n${JSON.stringify(result)}`);
    this.first = false;
  }

  async endFile(): Promise<void> {
    // Results are not grouped by file in SARIF.
  }

  async failure(message: string): Promise<void> {
    this.failures.push(message);
    await this.io.stderr.write(`corpus: ${message}\n`);
  }

  async finish(counts: Counts): Promise<void> {
    await this.start();
    const invocation = {
      executionSuccessful: this.failures.length === 0,
      toolExecutionNotifications: this.failures.map((m) => ({ level: 'error', message: { text: m } })),
    };
    await this.io.stdout.write(`\n],"invocations":[${JSON.stringify(invocation)}]}]}\n`);
    await this.io.stderr.write(`${summaryLine(counts)}\n`);
  }
}
