// `corpus pack` and `corpus unpack`: the file work around the pure planning in
// ../pack.ts. Pack writes to a temporary file and renames it at the end, so a
// refused input leaves no half-written corpus. Unpack reads the corpus twice
// (streaming): first to check every name, structure and target path, then to
// write; nothing is written when any check fails.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, documentText, nameConflict, orderNames, packDocument, safeRelativePath, StreamLinter, unpackedText } from '../index';
import { displayPath, findPackInputs, readTextChunks } from './files';
import { CliError, CliIo } from './io';
import { ioMessage } from './ioErrors';
import { formatBytes } from './progress';

export interface PackCommandOptions {
  output: string;
  lang?: boolean;
  liftDate?: boolean;
  force?: boolean;
}

/** Refusals of the input (exit code 1), as opposed to usage and I/O errors (2). */
function refuse(message: string): CliError {
  return new CliError(message, 1);
}

export async function pack(io: CliIo, args: readonly string[], options: PackCommandOptions): Promise<number> {
  const outPath = path.resolve(io.cwd, options.output);
  const { inputs: all, problems } = await findPackInputs(io.cwd, args);
  if (problems.length > 0) throw new CliError(problems.join('\n'));
  // The output itself (when packing again into the same folder with --force) is not an input.
  const inputs = all.filter((i) => path.resolve(i.file) !== outPath);
  if (inputs.length === 0) throw new CliError(`nothing to pack in ${args.join(', ')}.`);
  const inner = inputs.find((i) => i.name.endsWith('.corpus'));
  if (inner) {
    throw refuse(
      `${displayPath(io.cwd, inner.file)} is itself a corpus file: a corpus inside a corpus could not be read back. Pack the original text files instead, or move the corpus file out of the folder.`,
    );
  }
  const ordered = orderNames(inputs.map((i) => i.name));
  if (!ordered.ok) throw refuse(ordered.error);
  const byName = new Map(inputs.map((i) => [i.name, i.file]));
  if (fs.existsSync(outPath) && !options.force) {
    throw new CliError(`${options.output} already exists. Add --force to replace it.`);
  }

  const tmp = `${outPath}.${process.pid}.tmp`;
  let fd: number;
  try {
    fd = fs.openSync(tmp, 'w');
  } catch (e) {
    throw new CliError(ioMessage(e, 'write', options.output));
  }
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let bytes = 0;
  try {
    for (const name of ordered.value) {
      const file = byName.get(name) ?? '';
      let data: Buffer;
      try {
        data = fs.readFileSync(file);
      } catch (e) {
        throw new CliError(ioMessage(e, 'read', displayPath(io.cwd, file)));
      }
      let text: string;
      try {
        text = decoder.decode(data);
      } catch {
        throw refuse(`${displayPath(io.cwd, file)} is not UTF-8 text (or is too large to be one document), so it cannot be packed. Convert it to UTF-8 first.`);
      }
      const planned = packDocument(name, text, { lang: options.lang, liftDate: options.liftDate });
      if (!planned.ok) throw refuse(`cannot pack ${planned.error}`);
      const buf = Buffer.from(documentText(planned.value), 'utf8');
      try {
        fs.writeSync(fd, buf);
      } catch (e) {
        throw new CliError(ioMessage(e, 'write', options.output));
      }
      bytes += buf.length;
    }
    fs.closeSync(fd);
    try {
      fs.renameSync(tmp, outPath);
    } catch (e) {
      throw new CliError(ioMessage(e, 'write', options.output));
    }
  } catch (e) {
    try {
      fs.closeSync(fd);
    } catch {
      // Already closed.
    }
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  await io.stdout.write(`Packed ${ordered.value.length} ${ordered.value.length === 1 ? 'file' : 'files'} into ${options.output} (${formatBytes(bytes)}).\n`);
  if (options.liftDate) await io.stdout.write('Dates were lifted into date= attributes: unpacking gives back the texts without their first-line dates.\n');
  return 0;
}

export interface UnpackCommandOptions {
  output: string;
  force?: boolean;
}

const STRUCTURE_CODES: ReadonlySet<string> = new Set(['malformed-header', 'text-outside-document', 'stray-end']);

export async function unpack(io: CliIo, input: string, options: UnpackCommandOptions): Promise<number> {
  const inPath = path.resolve(io.cwd, input);
  const st = fs.statSync(inPath, { throwIfNoEntry: false });
  if (!st) throw new CliError(`${input}: no such file. Check the path.`);
  if (!st.isFile()) throw new CliError(`${input} is a folder, not a corpus file. Name the corpus file to unpack.`);
  const target = path.resolve(io.cwd, options.output);
  const shown = displayPath(io.cwd, inPath);

  // Pass 1: names, structure and target paths; nothing is written.
  const names: string[] = [];
  const refusals: string[] = [];
  const structure: string[] = [];
  const linter = new StreamLinter(DEFAULT_CONFIG, {
    onDocument: (d) => {
      const safe = safeRelativePath(d.name);
      if (!safe.ok) refusals.push(`${shown}:${d.headerLine + 1}: ${safe.error}`);
      else names.push((' ' + d.name).slice(1));
    },
  });
  const check = (ds: ReturnType<StreamLinter['push']>): void => {
    for (const d of ds) {
      if (STRUCTURE_CODES.has(d.code)) structure.push(`${shown}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`);
    }
  };
  try {
    for await (const chunk of readTextChunks(inPath)) check(linter.push(chunk));
  } catch (e) {
    throw new CliError(ioMessage(e, 'read', shown));
  }
  check(linter.end());
  if (refusals.length > 0) throw refuse(refusals.slice(0, 10).join('\n'));
  if (structure.length > 0) {
    throw refuse(
      `${shown} has ${structure.length} structural ${structure.length === 1 ? 'problem' : 'problems'}, so its documents cannot be cut out exactly. Fix ${structure.length === 1 ? 'it' : 'them'} first (corpus lint shows ${structure.length === 1 ? 'it' : 'them all'}):\n${structure.slice(0, 10).join('\n')}`,
    );
  }
  if (names.length === 0) throw refuse(`${shown} holds no document.`);
  const conflict = nameConflict(names);
  if (conflict) throw refuse(conflict);

  const existing: string[] = [];
  for (const name of names) {
    const why = pathProblem(target, name);
    if (why === 'exists') existing.push(name);
    else if (why) throw refuse(why);
  }
  if (existing.length > 0 && !options.force) {
    throw new CliError(
      `${existing.length} ${existing.length === 1 ? 'file already exists' : 'files already exist'} in ${options.output} (${existing
        .slice(0, 3)
        .map((n) => JSON.stringify(n))
        .join(', ')}${existing.length > 3 ? ', …' : ''}); nothing was written. Add --force to overwrite.`,
    );
  }

  // Pass 2: write.
  try {
    fs.mkdirSync(target, { recursive: true });
  } catch (e) {
    throw new CliError(ioMessage(e, 'create the folder', options.output));
  }
  let written = 0;
  const writer = new StreamLinter(DEFAULT_CONFIG, {
    onDocument: (d) => {
      const file = path.join(target, ...d.name.split('/'));
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, unpackedText(d.text, d.facts.endLine), 'utf8');
      } catch (e) {
        throw new CliError(`${ioMessage(e, 'write', displayPath(io.cwd, file))} ${written} of the documents were written before it.`);
      }
      written++;
    },
  });
  try {
    for await (const chunk of readTextChunks(inPath)) writer.push(chunk);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(ioMessage(e, 'read', shown));
  }
  writer.end();
  await io.stdout.write(`Unpacked ${written} ${written === 1 ? 'document' : 'documents'} into ${options.output}.\n`);
  return 0;
}

/**
 * Why a document cannot be written at `target/name`: a part of its path that
 * exists as a link or a file (it could lead outside the folder), a folder in the
 * way, or 'exists' for an existing file (overwritten only with --force).
 */
function pathProblem(target: string, name: string): string | undefined {
  const parts = name.split('/');
  const file = path.resolve(target, ...parts);
  const rel = path.relative(target, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return `The document name ${JSON.stringify(name)} would be written outside ${target}; nothing was written.`;
  // The target folder itself may be a link the user chose; links below it are refused.
  let p = target;
  for (let i = 0; i < parts.length; i++) {
    p = path.join(p, parts[i]);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p);
    } catch {
      return undefined; // Nothing there yet: the rest will be created.
    }
    const last = i === parts.length - 1;
    if (st.isSymbolicLink()) return `${p} is a link; writing the document ${JSON.stringify(name)} through it could leave the target folder, so nothing was written.`;
    if (!last && !st.isDirectory()) return `${p} is a file, but the document ${JSON.stringify(name)} needs a folder there; nothing was written.`;
    if (last) return st.isFile() ? 'exists' : `${p} exists and is not a file; nothing was written.`;
  }
  return undefined;
}
