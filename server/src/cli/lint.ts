// `corpus lint`: checks corpus files with the language server's own diagnostics
// and configuration (the nearest .corpusrc.json, through the same ConfigResolver),
// streaming each file in chunks through the streaming validator. `-` reads the
// standard input; `--fix` and `--fix-dry-run` go through ./fix.ts.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { alone, CODES, ConfigResolver, configDiagnostics, Ignores, isCode, StreamLinter, symbolDetail, VerdictFilter, withForcedRules } from '../index';
import type { ByteVerdict, CorpusConfig, Diagnostic, ElsewhereCopies, ResolvedConfig, RuleSetting } from '../index';
import { copiesAcross } from './copies';
import { openSpillFile } from './spill';
import { guessCharset, inspectBytes, inspectFile } from './encoding';
import { nodeFileSystem, pathToUri, uriToPath } from '../node/fileSystem';
import { displayPath, findCorpusFiles, readTextChunks } from './files';
import { fixFile, fixText, NotFixable } from './fix';
import { Counts, Format, JsonReporter, OutlineEntry, Problem, Reporter, SarifReporter, TextReporter } from './formats';
import { GitHubReporter } from './github';
import { CliError, CliIo, useColour } from './io';
import { ioMessage } from './ioErrors';
import { Progress } from './progress';

export interface LintOptions {
  format: Format;
  maxWarnings?: number;
  outline?: boolean;
  color?: boolean;
  progress?: boolean;
  /** Write the report to this file instead of standard output. */
  output?: string;
  /** Report errors only. */
  quiet?: boolean;
  /** This configuration file for every file instead of the nearest .corpusrc.json. */
  config?: string;
  /** `code=severity` settings over every configuration. */
  rule?: string[];
  /** The name of the standard input's text (for the configuration, the ignores and the report). */
  stdinFilename?: string;
  /** False with --no-ignore: no ignore file or `ignores` counts. */
  ignore?: boolean;
  /** False with --no-gitignore. */
  gitignore?: boolean;
  /** Also report what the configuration turns off. */
  reportSuppressed?: boolean;
  /** Apply the preferred fixes in place. */
  fix?: boolean;
  /** Print the fixes as a unified diff instead of applying them. */
  fixDryRun?: boolean;
}

const SEVERITIES: readonly string[] = ['off', 'error', 'warning', 'information', 'hint'];

/** The `--rule code=severity` settings, checked. */
export function parseRuleOptions(list: readonly string[] | undefined): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const item of list ?? []) {
    const m = /^\s*([a-z0-9-]+)\s*[=:]\s*([a-z]+)\s*$/.exec(item);
    if (!m) throw new CliError(`--rule ${item}: write code=severity, like --rule missing-date=off.`);
    if (!isCode(m[1])) throw new CliError(`--rule ${item}: "${m[1]}" is not a diagnostic code. The codes are: ${CODES.join(', ')}.`);
    if (!SEVERITIES.includes(m[2])) throw new CliError(`--rule ${item}: the severity must be off, error, warning, information or hint.`);
    out[m[1]] = m[2] as RuleSetting;
  }
  return out;
}

/** Keeps a copy that shares no memory with the file's text. */
function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Where the report goes: the standard output, or the --output file. */
async function openOutput(io: CliIo, output: string | undefined): Promise<{ out: CliIo; close?: () => Promise<void> }> {
  if (!output) return { out: io };
  const file = fs.createWriteStream(path.resolve(io.cwd, output));
  let failure: unknown;
  await new Promise<void>((resolve, reject) => {
    file.once('open', () => resolve());
    file.once('error', reject);
  }).catch((e: unknown) => {
    throw new CliError(ioMessage(e, 'write', output));
  });
  // A write that fails later (a full disk) is told once, at the end.
  file.on('error', (e) => (failure ??= e));
  const drained = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const done = (): void => {
        file.off('drain', done);
        file.off('close', done);
        resolve();
      };
      file.once('drain', done);
      file.once('close', done);
    });
  const stdout = { isTTY: false, write: (text: string) => (failure !== undefined || file.write(text) ? Promise.resolve() : drained()) };
  const close = async (): Promise<void> => {
    if (failure === undefined && !file.destroyed) await new Promise<void>((resolve) => file.end(resolve).once('error', () => resolve()));
    if (failure !== undefined) throw new CliError(ioMessage(failure, 'write', output));
  };
  return { out: { ...io, stdout }, close };
}

function reporterFor(options: LintOptions, out: CliIo, colour: boolean, version: string, beforeWrite: () => Promise<void>): Reporter {
  switch (options.format) {
    case 'json':
      return new JsonReporter(out);
    case 'sarif':
      return new SarifReporter(out, version);
    case 'github':
      return new GitHubReporter(out);
    default:
      return new TextReporter(out, colour, beforeWrite);
  }
}

/** The standard input's text (UTF-8, its BOM dropped) and what its bytes are. */
async function readStdin(io: CliIo): Promise<{ text: string; verdict: ByteVerdict }> {
  if (!io.stdin) throw new CliError('there is no standard input to read.');
  const parts: Buffer[] = [];
  for await (const chunk of io.stdin) parts.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  const bytes = Buffer.concat(parts);
  const text = new TextDecoder('utf-8').decode(bytes);
  return { text, verdict: inspectBytes(bytes, guessCharset) };
}

/** The diagnostics of a file under what its bytes are, one at a time (a binary file: its note only). */
function filtered(verdict: ByteVerdict, config: CorpusConfig, report: (d: Diagnostic) => Promise<void>): { report: (d: Diagnostic) => Promise<void>; end: () => Promise<void> } {
  if (verdict.kind === 'utf8') return { report, end: () => Promise.resolve() };
  const filter = new VerdictFilter(verdict, config);
  const each = async (list: Diagnostic[]): Promise<void> => {
    for (const d of list) await report(d);
  };
  return {
    report: (d) => {
      const out: Diagnostic[] = [];
      filter.take(d, out);
      return each(out);
    },
    end: () => {
      const out: Diagnostic[] = [];
      filter.end(out);
      return each(out);
    },
  };
}

export async function lint(io: CliIo, paths: readonly string[], options: LintOptions, version: string): Promise<number> {
  const forced = parseRuleOptions(options.rule);
  let rcFile: string | undefined;
  if (options.config !== undefined) {
    const abs = path.resolve(io.cwd, options.config);
    if (!fs.existsSync(abs) || !fs.statSync(abs).isFile()) throw new CliError(`--config ${options.config}: no such file.`);
    rcFile = pathToUri(abs);
  }
  if (options.fix && options.fixDryRun) throw new CliError('give --fix or --fix-dry-run, not both.');
  const stdinMode = paths.length === 1 && paths[0] === '-';
  if (!stdinMode && paths.includes('-')) throw new CliError('"-" (the standard input) cannot be mixed with files: give it alone.');
  if (options.stdinFilename !== undefined && !stdinMode) throw new CliError('--stdin-filename names the standard input: give "-" as the only path.');

  const adjust = (c: CorpusConfig): CorpusConfig => withForcedRules(options.reportSuppressed ? { ...c, reportSuppressed: true } : c, forced);
  const resolver = new ConfigResolver(nodeFileSystem, {}, { rcFile, adjust });
  const ignores = options.ignore === false ? null : new Ignores(nodeFileSystem, resolver, { gitignore: options.gitignore !== false });

  const { out, close } = await openOutput(io, options.output);
  // With --fix on the standard input the fixed text is the standard output, and with --fix-dry-run the diff is:
  // the report then goes to the error stream (or to --output).
  const reportIo = ((stdinMode && options.fix) || options.fixDryRun) && !options.output ? { ...out, stdout: io.stderr } : out;
  const colour = !options.output && useColour(options.color, reportIo.stdout, io.env);

  const counts: Counts = { files: 0, documents: 0, error: 0, warning: 0, information: 0, hint: 0, suppressed: 0, failures: 0, fixed: 0 };
  let progress = new Progress(io.stderr, false, 0, 0);
  const reporter = reporterFor(options, reportIo, colour, version, () => progress.clear());
  const report = async (p: Problem): Promise<void> => {
    if (p.suppressed) counts.suppressed = (counts.suppressed ?? 0) + 1;
    else if (options.quiet && p.severity !== 'error') return;
    else counts[p.severity]++;
    await reporter.problem(p);
  };
  const rcReported = new Set<string>();
  /** A broken .corpusrc.json is reported once, before the first file it configures (as the editor shows it on the file itself). */
  const reportRc = async (resolved: ResolvedConfig): Promise<void> => {
    const rc = configDiagnostics(resolved);
    if (!rc || rc.diagnostics.length === 0 || rcReported.has(rc.uri)) return;
    rcReported.add(rc.uri);
    const rcPath = uriToPath(rc.uri) ?? rc.uri;
    await reporter.beginFile(displayPath(io.cwd, rcPath), rcPath);
    for (const d of rc.diagnostics) await report({ code: d.code, severity: d.severity, message: d.message, range: d.range });
    await reporter.endFile();
  };
  const failure = async (message: string): Promise<void> => {
    counts.failures = (counts.failures ?? 0) + 1;
    await reporter.failure(message);
  };

  if (stdinMode) {
    const name = options.stdinFilename ?? '<stdin>';
    const abs = path.resolve(io.cwd, options.stdinFilename ?? 'stdin.corpus');
    const { text, verdict } = await readStdin(io);
    const why = options.stdinFilename !== undefined && ignores ? await ignores.ignored(pathToUri(abs)) : undefined;
    if (why !== undefined) {
      await io.stderr.write(`corpus: ${name} is ignored (by ${displayPath(io.cwd, uriToPath(why) ?? why)}); --no-ignore checks it.\n`);
      if (options.fix) await io.stdout.write(text);
      await reporter.finish(counts);
      await close?.();
      return 0;
    }
    const resolved = await resolver.resolve(pathToUri(abs));
    await reportRc(resolved);
    await reporter.beginFile(name, abs);
    if (verdict.kind !== 'utf8') {
      // Not UTF-8 or not text: its one diagnostic, and no fix (it would lose the bytes); --fix passes the input through.
      const out = filtered(verdict, resolved.config, report);
      if (!alone(verdict)) {
        const linter = new StreamLinter(resolved.config);
        for (const d of [...linter.push(text), ...linter.end()]) await out.report(d);
        counts.documents += linter.documentCount;
      }
      await out.end();
      if (options.fix) await io.stdout.write(text);
    } else if (options.fix || options.fixDryRun) {
      const result = await fixText(text, resolved.config, { diffName: options.fixDryRun ? displayPath(io.cwd, abs).split(path.sep).join('/') : undefined });
      counts.fixed = (counts.fixed ?? 0) + result.fixed;
      for (const d of result.diagnostics) await report(d);
      counts.documents += result.documents;
      if (options.fix) await io.stdout.write(result.text);
      else await io.stdout.write(result.diff ?? '');
    } else {
      const linter = new StreamLinter(resolved.config);
      for (const d of [...linter.push(text), ...linter.end()]) await report(d);
      counts.documents += linter.documentCount;
    }
    counts.files++;
    await reporter.endFile();
  } else {
    const found = await findCorpusFiles(io.cwd, paths, { ignores });
    for (const note of found.ignored) await io.stderr.write(`corpus: ${note}\n`);
    for (const p of found.problems) await failure(p);
    if (found.files.length === 0 && found.onlyIgnoredFiles) {
      // Files named one by one, all ignored (a commit hook): said above, and not a failure, as in ESLint.
      await reporter.finish(counts);
      await close?.();
      return 0;
    }
    if (found.files.length === 0) {
      const where = paths.length > 0 ? paths.join(', ') : 'this folder';
      await io.stderr.write(`corpus: no corpus file found in ${where}${found.ignored.length > 0 ? ' that is not ignored' : ''}. Give files, folders or globs of .corpus files.\n`);
      await reporter.finish(counts);
      await close?.();
      return 2;
    }
    const sizes = await Promise.all(found.files.map(async (f) => (await fs.promises.stat(f).catch(() => undefined))?.size ?? 0));
    const totalBytes = sizes.reduce((a, b) => a + b, 0);
    progress = new Progress(io.stderr, options.progress !== false && io.stderr.isTTY, totalBytes, found.files.length);
    // Copies across files: a first pass reads every file's signatures (only with two files or more, and the copy rules on).
    const across = options.fix || options.fixDryRun ? undefined : await copiesAcross(found.files, async (f) => (await resolver.resolve(pathToUri(f))).config);
    for (const file of found.files) {
      const resolved = await resolver.resolve(pathToUri(file));
      await reportRc(resolved);
      const display = displayPath(io.cwd, file);
      progress.startFile(display);
      await reporter.beginFile(display, file);
      const outline: OutlineEntry[] | undefined = options.outline ? [] : undefined;
      try {
        const verdict = await inspectFile(file);
        if (verdict.kind !== 'utf8') {
          // Not UTF-8 or not text: its one diagnostic instead of the flood, and never a fix (it would lose the bytes).
          counts.documents += await lintFile(file, resolved.config, report, outline, (n) => progress.advance(n), verdict);
        } else if (options.fix || options.fixDryRun) {
          const result = await fixFile(file, resolved.config, {
            dryRun: options.fixDryRun === true,
            diffName: display.split(path.sep).join('/'),
            onDiff: (text) => io.stdout.write(text),
            report,
            onBytes: (n) => progress.advance(n),
          });
          counts.fixed = (counts.fixed ?? 0) + result.fixed;
          counts.documents += result.documents;
        } else {
          counts.documents += await lintFile(file, resolved.config, report, outline, (n) => progress.advance(n), verdict, across?.(file));
        }
      } catch (e) {
        await reporter.endFile();
        // A file the fixer refuses says why; a file-system error is said in plain words (ioErrors.ts).
        await failure(e instanceof NotFixable ? `cannot fix ${display}: ${e.message}` : ioMessage(e, options.fix ? 'write' : 'read', display));
        progress.endFile();
        continue;
      }
      counts.files++;
      await reporter.endFile(outline);
      progress.endFile();
    }
  }
  await progress.clear();
  await reporter.finish(counts);
  await close?.();
  if ((counts.failures ?? 0) > 0) return 2;
  if (counts.error > 0) return 1;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    await io.stderr.write(`corpus: ${counts.warning} ${counts.warning === 1 ? 'warning' : 'warnings'}, more than --max-warnings ${options.maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

/** Streams one file through the validator; returns its number of documents. A binary file is not read as text. */
async function lintFile(
  file: string,
  config: CorpusConfig,
  reportAll: (d: Diagnostic) => Promise<void>,
  outline: OutlineEntry[] | undefined,
  onBytes: (n: number) => Promise<void>,
  verdict: ByteVerdict = { kind: 'utf8' },
  elsewhere?: ElsewhereCopies,
): Promise<number> {
  const { report, end } = filtered(verdict, config, reportAll);
  if (alone(verdict)) {
    await end();
    return 0;
  }
  const linter = new StreamLinter(config, {
    spill: openSpillFile,
    onDocument: outline
      ? (d) => outline.push({ name: detach(d.name !== '' ? d.name : `(unnamed document, line ${d.headerLine + 1})`), detail: detach(symbolDetail(d.facts)), line: d.headerLine })
      : undefined,
  });
  linter.elsewhere = elsewhere;
  for await (const chunk of readTextChunks(file, onBytes)) {
    for (const d of linter.push(chunk)) await report(d);
  }
  for (const d of linter.end()) await report(d);
  await end();
  return linter.documentCount;
}
