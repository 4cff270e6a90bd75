// Completion inside a header: attribute keys (known and configured, those not yet
// used), language tags after `lang=` (the language of the document's text first),
// and after `date=` the dates the document's own text supports.

import type { CorpusConfig } from '../config';
import type { CorpusModel } from '../model/corpusModel';
import { CancellationToken, NEVER_CANCELLED, Position } from '../model/types';
import { identifyDocument, languageName } from '../langid/tags';
import { dateCandidates } from './statedDates';

export interface CompletionItem {
  label: string;
  kind: 'property' | 'value' | 'date';
  detail?: string;
  /** Text inserted in place of the word being typed. */
  insertText: string;
  /** Start column of the word being typed (the replaced range ends at the cursor). */
  from: number;
  sortText?: string;
  preselect?: boolean;
}

const KNOWN_KEYS: { key: string; detail: string }[] = [
  { key: 'date', detail: "The document's date: YYYY-MM-DD, YYYY-MM or YYYY" },
  { key: 'lang', detail: 'The language: a BCP 47 tag such as en, fr, vi, ar' },
  { key: 'title', detail: 'The title (in double quotes when it has spaces)' },
  { key: 'source', detail: 'Where the text comes from: an http(s) address' },
];

const LANGS: [string, string][] = [
  ['en', 'English'],
  ['fr', 'French'],
  ['vi', 'Vietnamese'],
  ['ar', 'Arabic'],
  ['es', 'Spanish'],
  ['pt', 'Portuguese'],
  ['pt-BR', 'Portuguese (Brazil)'],
  ['de', 'German'],
  ['zh', 'Chinese'],
  ['ja', 'Japanese'],
  ['ko', 'Korean'],
  ['ru', 'Russian'],
  ['it', 'Italian'],
  ['th', 'Thai'],
  ['id', 'Indonesian'],
  ['km', 'Khmer'],
  ['lo', 'Lao'],
];

export function completion(model: CorpusModel, config: CorpusConfig, position: Position, token: CancellationToken = NEVER_CANCELLED): CompletionItem[] {
  if (token.isCancellationRequested) return [];
  const doc = model.documentAtLine(position.line);
  if (!doc || doc.headerLine !== position.line) return [];
  const line = model.lineText(position.line);
  const col = Math.min(position.character, line.length);
  const h = doc.facts.header;
  // Only after the name, and before the closing `>>>`.
  if (col <= h.nameSpan.end) return [];
  const close = line.indexOf('>>>', h.nameSpan.end);
  if (close >= 0 && col > close) return [];
  let start = col;
  while (start > 0 && !/[\s]/.test(line[start - 1])) start--;
  const word = line.slice(start, col);
  const eq = word.indexOf('=');
  if (eq < 0) {
    const used = new Set(h.attributes.map((a) => a.key));
    const keys = [...KNOWN_KEYS, ...config.attributes.map((key) => ({ key, detail: 'An attribute allowed by your configuration' }))];
    return keys
      .filter((k) => !used.has(k.key) && k.key.startsWith(word))
      .map((k, i) => ({ label: k.key, kind: 'property' as const, detail: k.detail, insertText: `${k.key}=`, from: start, sortText: String(i).padStart(2, '0') }));
  }
  const key = word.slice(0, eq);
  const from = start + eq + 1;
  const typed = word.slice(eq + 1);
  if (key === 'lang') {
    const seg = model.segmentAt(doc.index + 1);
    const read = identifyDocument(seg.text, seg.lineStarts, doc.facts);
    const list: [string, string][] = [...LANGS];
    if (read.lang !== '') {
      const detail = `${languageName(read.lang)}: the language of this document's text${read.confident ? '' : ' (little text: check it)'}`;
      const at = list.findIndex(([tag]) => tag === read.lang);
      if (at >= 0) list.splice(at, 1);
      list.unshift([read.lang, detail]);
    }
    return list
      .filter(([tag]) => tag.toLowerCase().startsWith(typed.toLowerCase()))
      .map(([tag, name], i) => ({
        label: tag,
        kind: 'value' as const,
        detail: name,
        insertText: tag,
        from,
        sortText: String(i).padStart(2, '0'),
        ...(tag === read.lang && read.confident ? { preselect: true } : {}),
      }));
  }
  if (key === 'date') {
    const seen = new Set<string>();
    const out: CompletionItem[] = [];
    for (const c of dateCandidates(model, doc)) {
      if (c.yearOpen || !c.iso || seen.has(c.iso) || !c.iso.startsWith(typed)) continue;
      seen.add(c.iso);
      out.push({ label: c.iso, kind: 'date', detail: c.reason, insertText: c.iso, from, sortText: String(out.length).padStart(2, '0'), preselect: out.length === 0 });
    }
    return out;
  }
  return [];
}
