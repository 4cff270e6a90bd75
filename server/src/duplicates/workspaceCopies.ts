// The copies across the files of a workspace: the signatures of every document of
// the files indexed (the workspace index's unopened files, or every file `corpus
// lint` was given), in one CopyIndex keyed by file and document. A document of one
// file is looked up through its buckets, never compared with every document; a file
// read again replaces its own entries only.

import type { Range } from '../model/types';
import type { CopyElsewhere } from '../rules/types';
import { CopyIndex } from './copyIndex';
import { DocSignature, score } from './signature';

/** A document of a file, as the index of copies keeps it. */
export interface CopyEntry {
  name: string;
  range: Range;
  sig: DocSignature;
}

/** What the copy rules of one file ask about the others. */
export interface ElsewhereCopies {
  /** Changes whenever the answers may have. */
  version: number;
  find(sig: DocSignature, similar: boolean): CopyElsewhere[];
}

/** Copies in other files in a stable order: by file, then line. */
export function orderElsewhere(list: CopyElsewhere[]): CopyElsewhere[] {
  return list.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line));
}

export class WorkspaceCopies {
  private readonly index = new CopyIndex<string>();
  private readonly files = new Map<string, { label: string; docs: CopyEntry[] }>();
  /** Bumped on every change of a file's entries. */
  version = 0;

  setFile(uri: string, label: string, docs: CopyEntry[]): void {
    this.removeFile(uri);
    this.files.set(uri, { label, docs });
    docs.forEach((d, i) => this.index.add(`${uri}\u0000${i}`, d.sig));
    if (docs.length > 0) this.version++;
  }

  removeFile(uri: string): void {
    const old = this.files.get(uri);
    if (!old) return;
    this.files.delete(uri);
    old.docs.forEach((_, i) => this.index.remove(`${uri}\u0000${i}`));
    if (old.docs.length > 0) this.version++;
  }

  /** The documents of files other than `exceptUri` that hold the signature's text (or, with `similar`, one alike). */
  find(exceptUri: string, sig: DocSignature, similar: boolean): CopyElsewhere[] {
    const found = this.index.lookup(sig);
    const out: CopyElsewhere[] = [];
    const entry = (key: string): { uri: string; label: string; doc: CopyEntry } | undefined => {
      const cut = key.lastIndexOf('\u0000');
      const uri = key.slice(0, cut);
      const file = this.files.get(uri);
      const doc = file?.docs[Number(key.slice(cut + 1))];
      return uri !== exceptUri && file && doc ? { uri, label: file.label, doc } : undefined;
    };
    if (!similar) {
      for (const key of found.exact) {
        const e = entry(key);
        if (e) out.push({ uri: e.uri, label: e.label, name: e.doc.name, range: e.doc.range });
      }
      return orderElsewhere(out);
    }
    for (const n of found.near) {
      const e = entry(n.key);
      if (e) out.push({ uri: e.uri, label: e.label, name: e.doc.name, range: e.doc.range, similarity: { jaccard: n.similarity.jaccard, aInB: n.similarity.bInA, bInA: n.similarity.aInB } });
    }
    return orderElsewhere(out).sort((a, b) => score(b.similarity ?? ZERO) - score(a.similarity ?? ZERO));
  }
}

const ZERO = { jaccard: 0, aInB: 0, bInA: 0 };
