// The charset tools a Node adapter needs only for a file that is not UTF-8:
// jschardet's guess, and whether iconv-lite can convert from the charset it
// names. Their code (jschardet 1.1 MB, iconv-lite's multi-byte tables 0.4 MB)
// is built apart as dist/chardet.js and loaded on first use by ./encoding.ts, so
// no server or command-line process holds it for UTF-8 corpora.

import iconv from 'iconv-lite';
import * as jschardet from 'jschardet';

/** jschardet's guess for a sample of bytes. */
export function detect(sample: Buffer): { encoding: string | null; confidence: number } {
  return jschardet.detect(sample);
}

/** Can iconv-lite convert from this charset? */
export function encodingExists(name: string): boolean {
  return iconv.encodingExists(name);
}
