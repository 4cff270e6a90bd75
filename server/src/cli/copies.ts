// Copies across the files `corpus lint` is given: a first pass streams every file
// (text rules off) and keeps each document's signature, in one index of copies; the
// lint of each file then asks it about the other files, as the editor asks the
// workspace index. Nothing is read twice when there is one file or the copy rules
// are off.

import { copiesOn, segmentSignature, StreamLinter, uriBasename, WorkspaceCopies } from '../index';
import type { CopyEntry, CorpusConfig, ElsewhereCopies } from '../index';
import { pathToUri } from '../node/fileSystem';
import { readTextChunks } from './files';

/** The copies of every file but the one asked about, or undefined when there is nothing to compare. */
export async function copiesAcross(files: readonly string[], configOf: (file: string) => Promise<CorpusConfig>): Promise<((file: string) => ElsewhereCopies) | undefined> {
  if (files.length < 2) return undefined;
  const configs = await Promise.all(files.map(configOf));
  if (!configs.some(copiesOn)) return undefined;
  const copies = new WorkspaceCopies();
  for (let k = 0; k < files.length; k++) {
    const uri = pathToUri(files[k]);
    const docs: CopyEntry[] = [];
    const linter = new StreamLinter(configs[k], {
      text: false,
      onSegment: (seg, _base, doc) => {
        if (doc === undefined) return;
        const sig = segmentSignature(seg, true);
        if (sig) docs.push({ name: (' ' + (seg.doc?.name ?? '')).slice(1), range: linter.table().nameRange(doc), sig });
      },
    });
    try {
      for await (const chunk of readTextChunks(files[k])) linter.push(chunk);
      linter.end();
    } catch {
      // A file that cannot be read is reported by its own lint.
      continue;
    }
    copies.setFile(uri, uriBasename(uri), docs);
  }
  return (file) => {
    const uri = pathToUri(file);
    return { version: copies.version, find: (sig, similar) => copies.find(uri, sig, similar) };
  };
}
