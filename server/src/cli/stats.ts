// `corpus stats`: documents, date coverage, languages and sizes of corpus files,
// read by the streaming validator (any file size).

import * as fs from 'node:fs';
import { comparedLanguage, DEFAULT_CONFIG, identifyDocument, StreamLinter, type Identification } from '../index';
import { displayPath, findCorpusFiles, readTextChunks } from './files';
import { CliError, CliIo } from './io';
import { ioMessage } from './ioErrors';
import { formatBytes } from './progress';
import { writeReport } from './report';

export interface FileStats {
  path: string;
  bytes: number;
  documents: number;
  dates: { day: number; month: number; year: number; invalid: number; missing: number; earliest?: string; latest?: string };
  /** Languages given by `lang=`. */
  languages: Record<string, number>;
  /** Languages identified from the text, for documents without `lang=` ("und" when unsure). */
  detectedLanguages: Record<string, number>;
  /** Languages identified from the text, for every document with text ("und" when unsure). */
  identifiedLanguages: Record<string, number>;
  /** Documents whose `lang=` names another language than the one identified (confidently) from the text. */
  tagDisagrees: number;
  /** Document lengths in characters (header line included). */
  characters: { total: number; min: number; median: number; max: number };
  emptyDocuments: number;
}

function emptyStats(p: string, bytes: number): FileStats {
  return {
    path: p,
    bytes,
    documents: 0,
    dates: { day: 0, month: 0, year: 0, invalid: 0, missing: 0 },
    languages: {},
    detectedLanguages: {},
    identifiedLanguages: {},
    tagDisagrees: 0,
    characters: { total: 0, min: 0, median: 0, max: 0 },
    emptyDocuments: 0,
  };
}

export async function fileStats(file: string, display: string): Promise<FileStats> {
  const s = emptyStats(display, fs.statSync(file).size);
  const lengths: number[] = [];
  let read: Identification | undefined;
  const linter = new StreamLinter(DEFAULT_CONFIG, {
    text: false,
    // The segment (with its line starts) comes just before its document.
    onSegment: (seg) => {
      read = seg.doc && !seg.doc.empty ? identifyDocument(seg.text, seg.lineStarts, seg.doc) : undefined;
    },
    onDocument: (d) => {
      s.documents++;
      lengths.push(d.length);
      const f = d.facts;
      if (f.empty) s.emptyDocuments++;
      const date = f.dates.find((x) => x.check.ok);
      if (date && date.check.ok) {
        s.dates[date.check.date.precision]++;
        const t = date.check.date.text;
        if (s.dates.earliest === undefined || t < s.dates.earliest) s.dates.earliest = (' ' + t).slice(1);
        if (s.dates.latest === undefined || t > s.dates.latest) s.dates.latest = (' ' + t).slice(1);
      } else if (f.dates.length > 0 || f.dateAttempt) {
        s.dates.invalid++;
      } else {
        s.dates.missing++;
      }
      const identified = read?.confident ? read.lang : read ? 'und' : undefined;
      if (identified) s.identifiedLanguages[identified] = (s.identifiedLanguages[identified] ?? 0) + 1;
      if (f.lang) {
        const key = (' ' + f.lang).slice(1);
        s.languages[key] = (s.languages[key] ?? 0) + 1;
        const tagged = comparedLanguage(f.lang);
        if (identified && identified !== 'und' && tagged && comparedLanguage(identified) !== tagged) s.tagDisagrees++;
      } else if (identified) {
        s.detectedLanguages[identified] = (s.detectedLanguages[identified] ?? 0) + 1;
      }
    },
  });
  for await (const chunk of readTextChunks(file)) linter.push(chunk);
  linter.end();
  if (lengths.length > 0) {
    lengths.sort((a, b) => a - b);
    s.characters = { total: lengths.reduce((a, b) => a + b, 0), min: lengths[0], median: lengths[Math.floor((lengths.length - 1) / 2)], max: lengths[lengths.length - 1] };
  }
  return s;
}

function list(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return entries.length === 0 ? 'none' : entries.map(([k, v]) => `${k} ${v}`).join(', ');
}

export function formatStats(s: FileStats): string {
  const d = s.dates;
  const dated = d.day + d.month + d.year;
  const pct = (n: number): string => (s.documents === 0 ? '0%' : `${Math.round((n / s.documents) * 100)}%`);
  const lines = [
    `${s.path}`,
    `  documents:  ${s.documents}${s.emptyDocuments > 0 ? ` (${s.emptyDocuments} empty)` : ''}`,
    `  dates:      ${dated} dated (${pct(dated)}): ${d.day} to the day, ${d.month} to the month, ${d.year} to the year; ${d.missing} missing, ${d.invalid} invalid`,
  ];
  if (d.earliest) lines.push(`  date range: ${d.earliest} to ${d.latest}`);
  lines.push(`  languages:  ${list(s.languages)} (from lang=); from the text: ${list(s.identifiedLanguages)}`);
  const untagged = Object.values(s.detectedLanguages).reduce((a, b) => a + b, 0);
  if (untagged > 0 || s.tagDisagrees > 0) {
    const parts = [];
    if (untagged > 0) parts.push(`${untagged} without lang= (${list(s.detectedLanguages)})`);
    if (s.tagDisagrees > 0) parts.push(`${s.tagDisagrees} tagged with another language than the text's`);
    lines.push(`              ${parts.join('; ')}`);
  }
  lines.push(`  size:       ${formatBytes(s.bytes)}; document length in characters: min ${s.characters.min}, median ${s.characters.median}, max ${s.characters.max}`);
  return lines.join('\n');
}

export async function stats(io: CliIo, paths: readonly string[], options: { json?: boolean; html?: string; people?: string[] }): Promise<number> {
  const found = await findCorpusFiles(io.cwd, paths);
  if (found.problems.length > 0) throw new CliError(found.problems.join('\n'));
  if (found.files.length === 0) throw new CliError(`no .corpus file found in ${paths.length > 0 ? paths.join(', ') : 'this folder'}.`);
  if (options.html !== undefined) {
    const data = await writeReport(io, found.files, options.html, { people: options.people });
    const n = data.documents.length;
    await io.stdout.write(`Wrote the overview of ${n} ${n === 1 ? 'document' : 'documents'} in ${found.files.length} ${found.files.length === 1 ? 'file' : 'files'} to ${options.html}.\n`);
    return 0;
  }
  const all: FileStats[] = [];
  for (const f of found.files) {
    try {
      all.push(await fileStats(f, displayPath(io.cwd, f)));
    } catch (e) {
      throw new CliError(ioMessage(e, 'read', displayPath(io.cwd, f)));
    }
  }
  if (options.json) {
    await io.stdout.write(`${JSON.stringify({ files: all }, null, 2)}\n`);
  } else {
    for (const s of all) await io.stdout.write(`${formatStats(s)}\n`);
    const docs = all.reduce((n, s) => n + s.documents, 0);
    await io.stdout.write(`${all.length} ${all.length === 1 ? 'file' : 'files'}, ${docs} ${docs === 1 ? 'document' : 'documents'}.\n`);
  }
  return 0;
}
