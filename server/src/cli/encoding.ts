// Encodings on the command line: what a file's bytes are, for `corpus lint`
// (../node/encoding.ts, read once ahead of the check), and `corpus convert`, which
// writes a UTF-8 copy of a file in another charset with iconv-lite.

import * as fs from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { CliError, CliIo } from './io';
import { ioMessage } from './ioErrors';

export { guessCharset, inspectFile } from '../node/encoding';
export { inspectBytes } from '../index';

export interface ConvertOptions {
  from: string;
  output?: string;
}

/** `corpus convert --from <charset> <file> [-o out]`: the file's text, read in that charset, written as UTF-8. */
export async function convert(io: CliIo, args: readonly string[], options: ConvertOptions): Promise<number> {
  if (args.length !== 1) throw new CliError('give one file to convert: corpus convert --from <charset> <file> [-o <out>].');
  if (!iconv.encodingExists(options.from))
    throw new CliError(`--from ${options.from}: this charset is not known. Give a name such as windows-1252, iso-8859-1, utf-16le, shift_jis or gb18030 (corpus lint names the likely one).`);
  const input = path.resolve(io.cwd, args[0]);
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(input);
  } catch (e) {
    throw new CliError(ioMessage(e, 'read', args[0]));
  }
  // A byte-order mark is the charset's, not the text's: iconv-lite drops it.
  const text = iconv.decode(bytes, options.from);
  const out = iconv.encode(text, 'utf8');
  if (options.output === undefined || options.output === '-') {
    await io.stdout.write(text);
    return 0;
  }
  const target = path.resolve(io.cwd, options.output);
  if (target === input) throw new CliError('-o names the input file: write the copy to another file, check it, then replace the original.');
  try {
    await fs.promises.writeFile(target, out);
  } catch (e) {
    throw new CliError(ioMessage(e, 'write', options.output));
  }
  const lost = (text.match(/\uFFFD/g) ?? []).length;
  await io.stderr.write(
    `corpus: wrote ${options.output} (UTF-8, from ${options.from})${lost > 0 ? `; ${lost} ${lost === 1 ? 'byte has' : 'bytes have'} no character in ${options.from} and became U+FFFD: check the charset` : ''}.\n`,
  );
  return 0;
}
