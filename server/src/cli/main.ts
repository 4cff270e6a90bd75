// The `corpus` command line: argument parsing (commander) and dispatch to the
// commands. `main` runs in-process (the tests call it) and returns the exit code:
// 0 no errors, 1 errors found (or refused input), 2 usage or I/O error.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { FORMATS } from './formats';
import { CliError, CliIo } from './io';
import { lint, LintOptions } from './lint';
import { pack, unpack } from './packCommands';
import { stats } from './stats';
import { convert } from './encoding';
import { people } from './people';

/** The package version, read from the package.json above this file (bundled or not). */
export function packageVersion(): string {
  for (let dir = __dirname; ;) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'corpus-files' && pkg.version) return pkg.version;
    } catch {
      // Not here: look above.
    }
    const up = path.dirname(dir);
    if (up === dir) return '0.0.0';
    dir = up;
  }
}

function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('give a whole number, 0 or more.');
  return n;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const version = packageVersion();
  let code = 0;
  const out: string[] = [];
  const err: string[] = [];
  const program = new Command();
  program
    .name('corpus')
    .description('Check, pack and unpack corpus files (many text documents in one file, each opened by a <<<FILE name>>> header).')
    .version(version, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => err.push(s) })
    .showHelpAfterError('(run corpus --help for the commands)');

  program
    .command('lint')
    .description("Check corpus files and print their problems, with the editor's rules and the nearest .corpusrc.json.")
    .argument(
      '[paths...]',
      'files, folders or globs; "!glob" leaves files out; "-" reads the standard input (default: every *.corpus under the current folder, skipping node_modules, .git and what ignore files name)',
    )
    .addOption(new Option('-f, --format <format>', 'output format (github: workflow annotations)').choices(FORMATS as string[]).default('text'))
    .option('--fix', 'apply the fixes that are clear ("Fix all" in the editor) to the files, in place')
    .option('--fix-dry-run', 'print those fixes as a unified diff, changing nothing')
    .option('-q, --quiet', 'report errors only')
    .option('-c, --config <file>', 'use this configuration file for every file, instead of the nearest .corpusrc.json')
    .option('--rule <code=severity>', 'set a rule over every configuration (repeatable): --rule missing-date=off', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--stdin-filename <path>', 'the path of the text read from the standard input (for its configuration, ignores and report)')
    .option('--no-ignore', 'check everything found: no .gitignore, .corpusignore or "ignores" counts')
    .option('--no-gitignore', 'do not read .gitignore files (.corpusignore and "ignores" still count)')
    .option('--report-suppressed', 'also report what the configuration turns off, marked suppressed (for audits; not counted)')
    .option('--max-warnings <n>', 'also fail (exit code 1) when there are more than n warnings', nonNegativeInteger)
    .option('--outline', "also print each file's outline of documents, as the editor shows it")
    .option('-o, --output <file>', 'write the report to a file instead of the standard output')
    .option('--color', 'colour the text output even when not on a terminal')
    .option('--no-color', 'never colour the text output')
    .option('--no-progress', 'no progress bar (it is shown on a terminal only)')
    .addHelpText(
      'after',
      `
Exit codes: 0 no errors; 1 errors (or more warnings than --max-warnings); 2 usage or I/O error, or no corpus file found.
Text lines read file:line:column severity code message.

Examples:
  corpus lint
  corpus lint samples/ "archive/**/*.corpus" "!**/drafts/**" --max-warnings 0
  corpus lint --fix-dry-run archive.corpus
  cat news.corpus | corpus lint - --stdin-filename news.corpus
  corpus lint --format github --rule partial-date=off
  corpus lint --format sarif -o corpus.sarif`,
    )
    .action(async (paths: string[], opts: LintOptions) => {
      code = await lint(io, paths, opts, version);
    });

  program
    .command('pack')
    .description('Pack text files into one corpus file, in a stable order (sorted by name).')
    .argument('<inputs...>', 'a folder (names are paths relative to it) or files (named by their base names)')
    .requiredOption('-o, --output <file>', 'the corpus file to write')
    .option('--lang', 'add lang= with the detected language (en, fr, es, vi, ar; nothing when unsure)')
    .option('--lift-date', 'move a first-line " date YYYY-MM-DD" into date= in the header; unpacking then cannot give back the original bytes')
    .option('--force', 'replace the output file if it exists')
    .addHelpText(
      'after',
      `
Each file is written as its header line, a line break, its text unchanged and one more line break,
so "corpus unpack" gives back every file byte for byte (unless --lift-date changed it).
A file with a line that would read as a header or an end line is refused, and so is a .corpus file.

Examples:
  corpus pack articles/ -o articles.corpus
  corpus pack 000.txt 001.txt -o two.corpus --lang`,
    )
    .action(async (inputs: string[], opts: { output: string; lang?: boolean; liftDate?: boolean; force?: boolean }) => {
      code = await pack(io, inputs, opts);
    });

  program
    .command('unpack')
    .description('Write each document of a corpus file as a file in a folder (the inverse of pack).')
    .argument('<corpus>', 'the corpus file')
    .requiredOption('-o, --output <folder>', 'the folder to write into (created if missing)')
    .option('--force', 'overwrite files that already exist')
    .addHelpText(
      'after',
      `
Names that are absolute, contain "..", or would leave the folder are refused, and then nothing is written.

Example:
  corpus unpack articles.corpus -o articles/`,
    )
    .action(async (input: string, opts: { output: string; force?: boolean }) => {
      code = await unpack(io, input, opts);
    });

  program
    .command('stats')
    .description('Show documents, date coverage, languages and sizes of corpus files.')
    .argument('[paths...]', 'files, folders or globs (default: every *.corpus under the current folder)')
    .option('--json', 'print JSON')
    .option('--html <file>', 'write the overview (documents per month and language, lengths, problems by code, most-named people) as one self-contained HTML file')
    .option('--people <files...>', 'with --html: people files to use (default: those the editor reads)')
    .addHelpText(
      'after',
      `
Examples:
  corpus stats articles.corpus
  corpus stats corpora/ --html overview.html`,
    )
    .action(async (paths: string[], opts: { json?: boolean; html?: string; people?: string[] }) => {
      code = await stats(io, paths, opts);
    });

  program
    .command('people')
    .description('List the people detected in corpus files, with their spellings, titles and counts.')
    .argument('[paths...]', 'files, folders or globs (default: every *.corpus under the current folder)')
    .option('--json', 'print JSON')
    .option('--people <files...>', 'people files to use (default: those the editor reads: the "people" of .corpusrc.json, else every *.people.json in the project)')
    .option('--min <n>', 'only people mentioned at least n times', nonNegativeInteger)
    .addHelpText(
      'after',
      `
Example:
  corpus people samples/ --min 2`,
    )
    .action(async (paths: string[], opts: { json?: boolean; people?: string[]; min?: number }) => {
      code = await people(io, paths, opts);
    });

  program
    .command('convert')
    .description('Write a UTF-8 copy of a file saved in another charset (corpus lint names the likely one: not-utf8).')
    .argument('<file>', 'the file to convert')
    .requiredOption('--from <charset>', 'the charset the file is in: windows-1252, iso-8859-1, utf-16le, shift_jis, gb18030, … (any iconv-lite knows)')
    .option('-o, --output <file>', 'write the copy here (default: the standard output); never the input file itself')
    .addHelpText(
      'after',
      `
Example:
  corpus convert --from windows-1252 old.corpus -o old.utf8.corpus`,
    )
    .action(async (file: string, opts: { from: string; output?: string }) => {
      code = await convert(io, [file], opts);
    });

  const flush = async (): Promise<void> => {
    if (out.length > 0) await io.stdout.write(out.join(''));
    if (err.length > 0) await io.stderr.write(err.join(''));
    out.length = 0;
    err.length = 0;
  };
  try {
    if (argv.length === 0) {
      program.outputHelp();
      await flush();
      return 2;
    }
    await program.parseAsync([...argv], { from: 'user' });
    await flush();
    return code;
  } catch (e) {
    await flush();
    if (e instanceof CommanderError) {
      // Help and version end with code 0; every other parse failure is a usage error.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof CliError) {
      await io.stderr.write(`corpus: ${e.message}\n`);
      return e.exitCode;
    }
    // Not a fault of the input: a bug. Say so, with what is known, so it can be reported.
    await io.stderr.write(`corpus: internal error (please report it at https://github.com/corpus-files/corpus-files/issues): ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}
