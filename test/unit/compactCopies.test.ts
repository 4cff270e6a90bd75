// The compact index of copies (the streaming validator's, so `corpus lint`'s) against
// the editor's CopyIndex: the same pairs with the same similarities and the same
// number of comparisons, with everything in memory and with a budget of a few pages
// that sends nearly all of them to a spill file; and the same diagnostics as the
// editor's pipeline on fixtures and on generated corpora of copies, near copies,
// shared boilerplate and unrelated texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeDiagnostics, CorpusModel, DEFAULT_CONFIG, StreamLinter } from '../../server/src';
import type { Diagnostic, SpillFile } from '../../server/src';
import { CompactCopyIndex } from '../../server/src/duplicates/compactIndex';
import { CopyIndex } from '../../server/src/duplicates/copyIndex';
import { PagedU32, SpillPool } from '../../server/src/duplicates/pagedStore';
import { signatureOf } from '../../server/src/duplicates/signature';
import { openSpillFile } from '../../server/src/cli/spill';

/** A spill file in memory, counting its writes and reads. */
function memorySpill(): { open: () => SpillFile; stats: { writes: number; reads: number; closed: number } } {
  const stats = { writes: 0, reads: 0, closed: 0 };
  const open = (): SpillFile => {
    const pages = new Map<number, Uint32Array>();
    return {
      write: (data, at) => {
        stats.writes++;
        pages.set(at, data.slice());
      },
      read: (into, at) => {
        stats.reads++;
        const p = pages.get(at);
        assert.ok(p && p.length === into.length, `a page at ${at}`);
        into.set(p);
      },
      close: () => void stats.closed++,
    };
  };
  return { open, stats };
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}

const VOCABULARY = (
  'the harbour authority opened new ferry terminal east quay replacing building served passengers more than sixty years officials said would handle twice ' +
  'many travellers cut waiting times during summer season when queues often reached old car park city library will stay open until ten evening from next ' +
  'month after survey found most students wanted quieter places work late longer hours paid closing two small branches rarely used council heavy rain ' +
  'flooded streets across capital tuesday forcing schools close cutting power thousands homes while forecasters warned storms expected reach coast before weekend ' +
  'minister trade export coffee rice prices rose fell market bank rate election vote party leader court ruling police arrested suspects fire spread forest'
).split(' ');

/** Bodies: unrelated texts, exact copies (re-spaced), near copies (words changed, cut, added), and texts sharing a boilerplate paragraph. */
function bodies(count: number, seed: number): string[] {
  const rand = rng(seed);
  const word = (): string => VOCABULARY[Math.floor(rand() * VOCABULARY.length)];
  const fresh = (n: number): string[] => Array.from({ length: n }, word);
  const boiler = fresh(40);
  const out: string[][] = [];
  for (let i = 0; i < count; i++) {
    const r = rand();
    const base = out.length > 0 ? out[Math.floor(rand() * out.length)] : undefined;
    if (!base || r < 0.45) out.push(fresh(20 + Math.floor(rand() * 150)));
    else if (r < 0.55) out.push([...base]);
    else if (r < 0.8) {
      const w = base.map((x) => (rand() < 0.04 + rand() * 0.3 ? word() : x));
      if (rand() < 0.3) w.splice(Math.floor(w.length * (0.5 + rand() * 0.5)));
      if (rand() < 0.3) w.push(...fresh(Math.floor(rand() * 60)));
      out.push(w);
    } else out.push([...boiler, ...fresh(30 + Math.floor(rand() * 80))]);
  }
  return out.map((w) => w.join(rand() < 0.2 ? '\n' : ' '));
}

function nearPairs(index: { nearOf(g: number): ReadonlyMap<number, unknown> }, groups: readonly number[]): string[] {
  const out: string[] = [];
  for (const g of new Set(groups)) for (const [o, s] of index.nearOf(g)) out.push(`${g} ${o} ${JSON.stringify(s)}`);
  return out.sort();
}

test('paged store: values read back equal values written, in memory and through a spill file', () => {
  const spill = memorySpill();
  const pool = new SpillPool(spill.open);
  const paged = new PagedU32(8, pool, 2);
  const plain = new PagedU32(8, undefined, 2);
  for (let i = 0; i < 1000; i++) {
    paged.push((i * 2654435761) >>> 0);
    plain.push((i * 2654435761) >>> 0);
  }
  assert.ok(spill.stats.writes > 100, 'pages left memory');
  for (const i of [0, 7, 8, 500, 999, 3, 998, 64]) {
    assert.equal(paged.get(i), (i * 2654435761) >>> 0);
    assert.equal(plain.get(i), (i * 2654435761) >>> 0);
  }
  const into = new Uint32Array(4);
  paged.read(16, 4, into);
  assert.deepEqual(
    [...into],
    [16, 17, 18, 19].map((i) => (i * 2654435761) >>> 0),
  );
  assert.ok(paged.residentBytes <= 3 * 8 * 4);
  pool.close();
  assert.equal(spill.stats.closed, 1);
});

test('compact index: the same pairs, similarities and comparisons as CopyIndex, in memory and spilled', () => {
  const sigs = bodies(900, 7)
    .map((b) => signatureOf(b))
    .filter((s) => s !== undefined);
  const reference = new CopyIndex<number>();
  sigs.forEach((s, i) => reference.add(i, s));
  const groups = sigs.map((s) => s.exact);
  const expected = nearPairs(reference, groups);
  assert.ok(expected.length > 100, `near pairs to compare (${expected.length})`);
  const spill = memorySpill();
  for (const compact of [new CompactCopyIndex(), new CompactCopyIndex({ spill: spill.open, budget: 4096 })]) {
    sigs.forEach((s) => compact.add(s));
    assert.deepEqual(nearPairs(compact, groups), expected);
    assert.equal(compact.comparisons, reference.comparisons);
    for (const g of groups.slice(0, 50)) assert.deepEqual(compact.signatureOf(g), reference.signatureOf(g));
    compact.close();
  }
  assert.ok(spill.stats.writes > 100 && spill.stats.reads > 100, `the spilled index read its pages back (${spill.stats.writes} written, ${spill.stats.reads} read)`);
  // Asked again after more texts: the pairs of the new ones are added.
  const late = new CompactCopyIndex();
  sigs.slice(0, 400).forEach((s) => late.add(s));
  nearPairs(late, groups);
  sigs.slice(400).forEach((s) => late.add(s));
  assert.deepEqual(nearPairs(late, groups), expected);
  assert.equal(late.comparisons, reference.comparisons);
});

function streamed(text: string, options: ConstructorParameters<typeof StreamLinter>[1]): Diagnostic[] {
  const linter = new StreamLinter(DEFAULT_CONFIG, options);
  const out: Diagnostic[] = [];
  for (let i = 0; i < text.length; i += 7000) out.push(...linter.push(text.slice(i, i + 7000)));
  out.push(...linter.end());
  return out;
}

test('the stream with the compact index (spilled or not) reports what the editor reports', () => {
  const fixtures = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');
  const texts = [
    ...['duplicate-document', 'near-duplicate-document'].map((c) => fs.readFileSync(path.join(fixtures, 'codes', `${c}.corpus`), 'utf8')),
    ...[11, 12, 13].map((seed) =>
      bodies(350, seed)
        .map((b, i) => `<<<FILE d${i % 320}.txt date=2024-03-04>>>\n${b}\n`)
        .join(''),
    ),
  ];
  for (const text of texts) {
    const editor = computeDiagnostics(CorpusModel.parse(text), DEFAULT_CONFIG, undefined, { text: true });
    const spill = memorySpill();
    assert.deepEqual(streamed(text, {}), editor);
    assert.deepEqual(streamed(text, { spill: spill.open, copyBudget: 4096 }), editor);
    assert.equal(spill.stats.closed, spill.stats.writes > 0 ? 1 : 0, 'the spill file is closed at the end');
  }
  const big = texts[texts.length - 1];
  assert.ok(computeDiagnostics(CorpusModel.parse(big), DEFAULT_CONFIG, undefined, { text: true }).filter((d) => d.code === 'near-duplicate-document').length > 10);
});

test("the command line's spill file: written, read back and deleted", () => {
  const file = openSpillFile();
  file.write(new Uint32Array([1, 2, 3, 4]), 0);
  file.write(new Uint32Array([5, 6]), 16);
  const back = new Uint32Array(3);
  file.read(back, 8);
  assert.deepEqual([...back], [3, 4, 5]);
  file.close();
  file.close();
});
