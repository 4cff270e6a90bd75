// `corpus lint`: checks corpus files with the language server's own diagnostics
// and configuration (the nearest .corpusrc.json, through the same ConfigResolver),
// streaming each file in chunks through the streaming validator.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { configDiagnostics, ConfigResolver, StreamLinter, symbolDetail } from '../index';
import { nodeFileSystem, pathToUri, uriToPath } from '../node/fileSystem';
import { displayPath, findCorpusFiles, readTextChunks } from './files';
import { Counts, Format, JsonReporter, OutlineEntry, Problem, Reporter, SarifReporter, TextReporter } from './formats';
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
}

/** Keeps a copy that shares no memory with the file's text. */
function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

export async function lint(io: CliIo, paths: readonly string[], options: LintOptions, version: string): Promise<number> {
  let out = io;
  let closeOutput: (() => Promise<void>) | undefined;
  if (options.output) {
    const shownOutput = options.output;
    const file = fs.createWriteStream(path.resolve(io.cwd, options.output));
    let failure: unknown;
    await new Promise<void>((resolve, reject) => {
      file.once('open', () => resolve());
      file.once('error', reject);
    }).catch((e: unknown) => {
      throw new CliError(ioMessage(e, 'write', shownOutput));
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
    out = {
      ...io,
      stdout: { isTTY: false, write: (text: string) => (failure !== undefined || file.write(text) ? Promise.resolve() : drained()) },
    };
    closeOutput = async () => {
      if (failure === undefined && !file.destroyed) await new Promise<void>((resolve) => file.end(resolve).once('error', () => resolve()));
      if (failure !== undefined) throw new CliError(ioMessage(failure, 'write', shownOutput));
    };
  }

  const found = await findCorpusFiles(io.cwd, paths);
  const sizes = await Promise.all(found.files.map(async (f) => (await fs.promises.stat(f).catch(() => undefined))?.size ?? 0));
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const progress = new Progress(io.stderr, options.progress !== false && io.stderr.isTTY, totalBytes, found.files.length);
  const colour = !options.output && useColour(options.color, io.stdout, io.env);
  const reporter: Reporter = options.format === 'json' ? new JsonReporter(out) : options.format === 'sarif' ? new SarifReporter(out, version) : new TextReporter(out, colour, () => progress.clear());

  let failed = false;
  for (const p of found.problems) {
    failed = true;
    await reporter.failure(p);
  }

  const counts: Counts = { files: 0, documents: 0, error: 0, warning: 0, information: 0, hint: 0 };
  const report = async (p: Problem): Promise<void> => {
    counts[p.severity]++;
    await reporter.problem(p);
  };

  const resolver = new ConfigResolver(nodeFileSystem);
  const rcReported = new Set<string>();
  for (const file of found.files) {
    const resolved = await resolver.resolve(pathToUri(file));
    // A broken .corpusrc.json is reported once, on the file itself (as the editor does).
    const rc = configDiagnostics(resolved);
    if (rc && rc.diagnostics.length > 0 && !rcReported.has(rc.uri)) {
      rcReported.add(rc.uri);
      const rcPath = uriToPath(rc.uri) ?? rc.uri;
      await reporter.beginFile(displayPath(io.cwd, rcPath), rcPath);
      for (const d of rc.diagnostics) await report({ code: d.code, severity: d.severity, message: d.message, range: d.range });
      await reporter.endFile();
    }

    const display = displayPath(io.cwd, file);
    progress.startFile(display);
    const outline: OutlineEntry[] | undefined = options.outline ? [] : undefined;
    const linter = new StreamLinter(resolved.config, {
      onDocument: outline
        ? (d) => outline.push({ name: detach(d.name !== '' ? d.name : `(unnamed document, line ${d.headerLine + 1})`), detail: detach(symbolDetail(d.facts)), line: d.headerLine })
        : undefined,
    });
    await reporter.beginFile(display, file);
    try {
      for await (const chunk of readTextChunks(file, (n) => progress.advance(n))) {
        for (const d of linter.push(chunk)) await report(d);
      }
    } catch (e) {
      failed = true;
      await reporter.endFile();
      await reporter.failure(ioMessage(e, 'read', display));
      progress.endFile();
      continue;
    }
    for (const d of linter.end()) await report(d);
    counts.files++;
    counts.documents += linter.documentCount;
    await reporter.endFile(outline);
    progress.endFile();
  }
  if (found.files.length === 0 && found.problems.length === 0) {
    await progress.clear();
    await io.stderr.write(`corpus: no .corpus file found in ${paths.length > 0 ? paths.join(', ') : 'this folder'}.\n`);
  }
  await progress.clear();
  await reporter.finish(counts);
  if (closeOutput) await closeOutput();
  if (failed) return 2;
  if (counts.error > 0) return 1;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    await io.stderr.write(`corpus: ${counts.warning} warnings, more than --max-warnings ${options.maxWarnings}.\n`);
    return 1;
  }
  return 0;
}
