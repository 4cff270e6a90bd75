// The figures of docs/rules/mojibake.md and unnormalized-text.md, from real news
// text: every article of the people development set (test/fixtures/people/dev:
// dev, heldout and train, the annotated copies too) and of the dates set
// (test/fixtures/dates/dev: dev and heldout), in en, fr, es, vi, ar, de, it, pt.
//   false alarms: lines of that correct text where mojibake finds something (must be 0),
//                 and texts that unnormalized-text finds (must be 0: they are NFC);
//   found:        each line with a non-ASCII letter, garbled as a browser garbles it
//                 (UTF-8 bytes read as windows-1252), found again, and restored exactly.
// Run: node scripts/eval-encoding.mjs
import { loadSource } from './load-source.mjs';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const service = await loadSource('server/src/index.ts');
const { mojibakeSpans, sureRepair, nfcEdits } = service;

const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.txt') ? [join(d, e.name)] : []));
const files = [...walk(join(root, 'test/fixtures/people/dev')), ...walk(join(root, 'test/fixtures/dates/dev'))];
const garble = (s) => new TextDecoder('windows-1252').decode(new TextEncoder().encode(s));
const r = { texts: files.length, lines: 0, falseLines: 0, nfcTexts: 0, garbled: 0, found: 0, preferred: 0, exact: 0 };
const alarms = [];
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  if (text.split(/\r?\n/).some((l) => nfcEdits(l).length > 0)) r.nfcTexts++;
  for (const line of text.split(/\r?\n/)) {
    r.lines++;
    if (mojibakeSpans(line).length > 0) {
      r.falseLines++;
      alarms.push(`${relative(root, f)}: ${line.slice(0, 100)}`);
    }
    if (!/[^\x00-\x7f]/.test(line)) continue;
    r.garbled++;
    const bad = garble(line);
    const spans = mojibakeSpans(bad);
    if (spans.length === 0) continue;
    r.found++;
    if (sureRepair(spans)) r.preferred++;
    let out = '';
    let at = 0;
    for (const s of spans) {
      out += bad.slice(at, s.start) + s.repair;
      at = s.end;
    }
    if (out + bad.slice(at) === line) r.exact++;
  }
}
const pct = (a, b) => `${((100 * a) / b).toFixed(1)}%`;
console.log(`${r.texts} texts, ${r.lines} lines of correct news text`);
console.log(`  mojibake false alarms: ${r.falseLines} lines; unnormalized-text false alarms: ${r.nfcTexts} texts`);
console.log(`${r.garbled} lines with a non-ASCII letter, garbled (UTF-8 read as windows-1252)`);
console.log(`  found: ${r.found} (${pct(r.found, r.garbled)}); fix preferred: ${r.preferred} (${pct(r.preferred, r.garbled)}); restored exactly: ${r.exact} (${pct(r.exact, r.found)} of those found)`);
for (const a of alarms.slice(0, 20)) console.log(`  false alarm: ${a}`);
process.exitCode = r.falseLines === 0 && r.nfcTexts === 0 ? 0 : 1;
