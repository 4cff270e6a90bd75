// `corpus lint --fix` and `--fix-dry-run`: the preferred fixes ("Fix all") applied
// until nothing is left to fix, streaming the file in bounded memory
// (../features/fixStream.ts). Each pass writes a temporary file beside the
// original; only at the end, after the data is flushed to the disk, does one
// rename put it in the original's place. A crash, a full disk or any write error
// before that leaves the original untouched, and the temporary files are removed.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkPass, StreamLinter, writePass } from '../index';
import type { CorpusConfig, Diagnostic, FixCache, FixPlan } from '../index';
import { unifiedDiff } from './diff';

/** A file the fixer will not rewrite; the message (written here, for the user) says why. */
export class NotFixable extends Error {}

/** Passes at most: each pass fixes what the one before revealed (a renamed duplicate that is taken again, …). */
export const MAX_FIX_PASSES = 10;

/** The file operations --fix uses, so the tests can make them fail (a full disk, a crash before the rename). */
export interface FixFs {
  open(file: string, flags: string, mode?: number): Promise<fs.promises.FileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
}

export const nodeFixFs: FixFs = {
  open: (file, flags, mode) => fs.promises.open(file, flags, mode),
  rename: (from, to) => fs.promises.rename(from, to),
  unlink: (file) => fs.promises.unlink(file),
};

export interface FixResult {
  /** Problems the fixes addressed (over every pass). */
  fixed: number;
  documents: number;
}

export interface FixFileOptions {
  /** Print the diff instead of replacing the file. */
  dryRun: boolean;
  /** The path shown in the diff's headers. */
  diffName: string;
  onDiff(text: string): Promise<void>;
  /** Told each problem left in the fixed text, as it is found. */
  report(d: Diagnostic): Promise<void>;
  onBytes?(n: number): Promise<void> | void;
  fs?: FixFs;
}

/** A file's text in chunks, decoded as UTF-8: invalid bytes are an error (a fix must not turn them into U+FFFD), a leading BOM is left out. */
async function* chunksOf(file: string, onBytes?: (n: number) => Promise<void> | void): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  for await (const buf of stream as AsyncIterable<Buffer>) {
    if (onBytes) await onBytes(buf.length);
    let text: string;
    try {
      text = decoder.decode(buf, { stream: true });
    } catch {
      stream.destroy();
      throw new NotFixable('it is not valid UTF-8, and fixing it would replace the bytes that are not; convert it to UTF-8 first (corpus lint shows them as replacement-character)');
    }
    if (text.length > 0) yield text;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}

async function hasBom(file: string): Promise<boolean> {
  const h = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(3);
    const { bytesRead } = await h.read(buf, 0, 3, 0);
    return bytesRead === 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  } finally {
    await h.close();
  }
}

let counter = 0;

/** A temporary file beside `file` (same folder, so the final rename stays on one file system). */
function tempPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.corpus-fix-${process.pid}-${Date.now().toString(36)}-${counter++}.tmp`);
}

/** Writes one fix pass of `from` into a new temporary file, flushed to the disk. */
async function writeTemp(from: string, config: CorpusConfig, plan: FixPlan, bom: boolean, mode: number, ops: FixFs, cache: FixCache): Promise<{ temp: string; fixed: number }> {
  const temp = tempPath(from);
  const handle = await ops.open(temp, 'wx', mode);
  let fixed = 0;
  try {
    // Writes are gathered into blocks of about 1 MB.
    const parts: string[] = [];
    let size = 0;
    const flush = async (): Promise<void> => {
      if (parts.length === 0) return;
      const data = Buffer.from(parts.join(''), 'utf8');
      parts.length = 0;
      size = 0;
      let off = 0;
      while (off < data.length) off += (await handle.write(data, off)).bytesWritten;
    };
    const write = async (text: string): Promise<void> => {
      parts.push(text);
      size += text.length;
      if (size >= 1 << 20) await flush();
    };
    if (bom) await write('\uFEFF');
    fixed = await writePass(chunksOf(from), config, plan, write, cache);
    await flush();
    await handle.sync();
    await handle.close();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await ops.unlink(temp).catch(() => undefined);
    throw e;
  }
  return { temp, fixed };
}

/** Fixes a file in place (or prints the diff), to a fixed point; returns what is left. */
export async function fixFile(file: string, config: CorpusConfig, options: FixFileOptions): Promise<FixResult> {
  const ops = options.fs ?? nodeFixFs;
  // A link is followed: the file it points to is fixed, and the link stays a link.
  const real = await fs.promises.realpath(file);
  const { mode } = await fs.promises.stat(real);
  const bom = await hasBom(real);
  let current = real;
  let fixed = 0;
  const temps: string[] = [];
  const cache: FixCache = new Map();
  try {
    for (let pass = 0; ; pass++) {
      const check = await checkPass(chunksOf(current, pass === 0 ? options.onBytes : undefined), config, cache);
      if (check.fixable === 0 || pass === MAX_FIX_PASSES) {
        if (current !== real && !options.dryRun) {
          await ops.rename(current, real);
          temps.splice(temps.indexOf(current), 1);
          current = real;
        }
        if (current !== real) await unifiedDiff(chunksOf(real), chunksOf(current), options.diffName, options.onDiff);
        // The problems left, with every rule (a dry run: those of the fixed text it shows, before its temporary file goes).
        const linter = new StreamLinter(config);
        for await (const chunk of chunksOf(current)) for (const d of linter.push(chunk)) await options.report(d);
        for (const d of linter.end()) await options.report(d);
        return { fixed, documents: check.documents };
      }
      const next = await writeTemp(current, config, check.plan, bom, mode & 0o7777, ops, cache);
      temps.push(next.temp);
      if (current !== real) {
        await ops.unlink(current).catch(() => undefined);
        temps.splice(temps.indexOf(current), 1);
      }
      current = next.temp;
      fixed += next.fixed;
    }
  } finally {
    for (const t of temps) await ops.unlink(t).catch(() => undefined);
  }
}

/** The same fixes on a text held in memory (the standard input): the fixed text, its problems, and the diff when asked. */
export async function fixText(text: string, config: CorpusConfig, options: { diffName?: string } = {}): Promise<FixResult & { text: string; diff?: string; diagnostics: Diagnostic[] }> {
  const once = (t: string): AsyncIterable<string> =>
    (async function* () {
      yield t;
    })();
  let current = text;
  let fixed = 0;
  const cache: FixCache = new Map();
  for (let pass = 0; ; pass++) {
    const check = await checkPass(once(current), config, cache);
    if (check.fixable === 0 || pass === MAX_FIX_PASSES) {
      let diff: string | undefined;
      if (options.diffName !== undefined) {
        const parts: string[] = [];
        await unifiedDiff(once(text), once(current), options.diffName, async (s) => void parts.push(s));
        diff = parts.join('');
      }
      const linter = new StreamLinter(config);
      const diagnostics = [...linter.push(current), ...linter.end()];
      return { fixed, diagnostics, documents: check.documents, text: current, diff };
    }
    const parts: string[] = [];
    fixed += await writePass(once(current), config, check.plan, async (s) => void parts.push(s), cache);
    current = parts.join('');
  }
}
