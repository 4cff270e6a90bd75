// What a file's bytes are, for the Node adapters (the command line and the
// language server): read once, stopping at the first byte that is not UTF-8
// (Node's isUtf8 checks each chunk at once), and the charset guessed by jschardet
// (the detector VS Code itself uses) from a sample there. Only the Node adapters
// have bytes, so only they load jschardet: the browser bundle stays without it.
// Charset names come back lower-case, as iconv-lite and `corpus convert --from`
// take them: `windows-1252`, `cp932`, `gb18030`.

import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import { headVerdict, SAMPLE_BYTES, scannedVerdict, SNIFF_BYTES, Utf8Scanner } from '../index';
import type { ByteVerdict, CharsetGuess } from '../index';
import type * as Charsets from './charsets';

/**
 * jschardet and iconv-lite's full tables (./charsets.ts), loaded on the first file that is not UTF-8. Their code is
 * 1.5 MB, held in the heap by every process that loads it, so the bundles leave it out: scripts/build.mjs writes it
 * apart as dist/chardet.js, beside them. Run from the sources (tsc's out/), there is no ./chardet.js and it is
 * ./charsets.js beside this file. Both names are fixed: nothing is loaded by a computed name.
 */
let tools: typeof Charsets | undefined;
function charsets(): typeof Charsets {
  if (tools) return tools;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily on purpose (above)
    tools = require('./chardet.js') as typeof Charsets;
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the same, from the sources
    tools = require('./charsets') as typeof Charsets;
  }
  return tools;
}

export function guessCharset(sample: Uint8Array): CharsetGuess | undefined {
  let found: { encoding: string | null; confidence: number };
  const c = charsets();
  try {
    found = c.detect(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength));
  } catch {
    return undefined;
  }
  const name = found.encoding?.toLowerCase();
  // UTF-8 or ASCII is no answer for bytes that are not UTF-8; a name iconv-lite cannot convert from is no help.
  if (!name || name === 'utf-8' || name === 'ascii' || !c.encodingExists(name)) return undefined;
  return { charset: name, confidence: found.confidence };
}

const CHUNK = 1 << 16;

const valid = (bytes: Uint8Array): boolean => isUtf8(bytes);

/** The verdict on a file's bytes: binary or UTF-16 from its first 8,000, else where its first byte that is not UTF-8 is. Throws what Node throws. */
export async function inspectFile(file: string): Promise<ByteVerdict> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const scanner = new Utf8Scanner(valid);
    const buf = Buffer.alloc(CHUNK);
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, CHUNK, position);
      if (bytesRead === 0) break;
      const chunk = buf.subarray(0, bytesRead);
      if (position === 0) {
        const head = headVerdict(chunk.subarray(0, SNIFF_BYTES));
        if (head) return head;
      }
      scanner.push(chunk);
      position += bytesRead;
      if (scanner.bad !== undefined) break;
    }
    scanner.end();
    if (scanner.bad === undefined) return { kind: 'utf8' };
    const sample = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(sample, 0, SAMPLE_BYTES, scanner.bad);
    return scannedVerdict(scanner, () => sample.subarray(0, bytesRead), guessCharset);
  } finally {
    await handle.close();
  }
}
