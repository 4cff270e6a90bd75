// Workspace symbols: the documents of every corpus file in the workspace, open or not.

import type { Range } from '../model/types';

export interface IndexedDocument {
  name: string;
  detail: string;
  range: Range;
}

export interface WorkspaceSymbol {
  name: string;
  uri: string;
  range: Range;
  containerName: string;
  kind: 'document' | 'person';
}

/** Lower-case and without diacritics, so "cuong" finds "Cường". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** True when every character of the query appears in order in the name (like VS Code's own filter). */
export function fuzzyMatch(foldedQuery: string, name: string): boolean {
  if (foldedQuery === '') return true;
  const folded = foldForSearch(name);
  let j = 0;
  for (let i = 0; i < folded.length && j < foldedQuery.length; i++) if (folded[i] === foldedQuery[j]) j++;
  return j === foldedQuery.length;
}

export function workspaceSymbols(index: ReadonlyMap<string, readonly IndexedDocument[]>, query: string, fileLabel: (uri: string) => string, limit = 5000): WorkspaceSymbol[] {
  const q = foldForSearch(query.trim());
  const out: WorkspaceSymbol[] = [];
  for (const [uri, docs] of index) {
    for (const d of docs) {
      if (!fuzzyMatch(q, d.name)) continue;
      out.push({ name: d.name, uri, range: d.range, containerName: fileLabel(uri), kind: 'document' });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
