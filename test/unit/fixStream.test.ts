// `corpus lint --fix` (the streaming "Fix all", server/src/features/fixStream.ts)
// against the editor's "Fix all" run again and again on the whole model: the same
// text on random files cut at random places, a fixed point, and never a date the
// text does not state in full. Then --fix on real files: atomic, and a failed write
// (a full disk) or a crash before the rename leaves the original as it was.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { applyEdits, checkPass, CorpusModel, DEFAULT_CONFIG, fixAll, writePass } from '../../server/src';
import type { CorpusConfig } from '../../server/src';
import { fixFile, FixFs, fixText, nodeFixFs } from '../../server/src/cli/fix';
import { corpusText } from '../support/arbitraries';
import { SEEDS } from '../support/fixtures';

const seedsText = fs.readFileSync(path.join(SEEDS, 'seeds.corpus'), 'utf8');

/** "Fix all" in the editor, applied until it changes nothing (at most 10 times). */
function editorFixedPoint(text: string, config: CorpusConfig): string {
  let current = text;
  for (let i = 0; i < 10; i++) {
    const model = CorpusModel.parse(current);
    const edits = fixAll(model, config);
    if (edits.length === 0) break;
    const next = applyEdits(model, edits);
    if (next === current) break;
    current = next;
  }
  return current;
}

async function* chunked(text: string, sizes: readonly number[]): AsyncGenerator<string> {
  let i = 0;
  let k = 0;
  while (i < text.length) {
    const n = Math.max(1, sizes[k++ % sizes.length]);
    yield text.slice(i, i + n);
    i += n;
  }
}

/** One write pass of the stream over chunks. */
async function streamOnce(text: string, config: CorpusConfig, sizes: readonly number[]): Promise<string> {
  const check = await checkPass(chunked(text, sizes), config);
  const parts: string[] = [];
  await writePass(chunked(text, sizes), config, check.plan, async (s) => void parts.push(s));
  return parts.join('');
}

test('one pass of the stream writes exactly what one "Fix all" writes, on random files cut at random places', async () => {
  await fc.assert(
    fc.asyncProperty(corpusText(30), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 6 }), async (text, sizes) => {
      const model = CorpusModel.parse(text);
      const once = applyEdits(model, fixAll(model, DEFAULT_CONFIG));
      assert.equal(await streamOnce(text, DEFAULT_CONFIG, sizes), once);
    }),
    { numRuns: 300 },
  );
});

test('--fix reaches the fixed point of "Fix all", and the check pass counts exactly when something is left to fix', async () => {
  await fc.assert(
    fc.asyncProperty(corpusText(30), async (text) => {
      const fixed = await fixText(text, DEFAULT_CONFIG);
      assert.equal(fixed.text, editorFixedPoint(text, DEFAULT_CONFIG));
      const again = await checkPass(chunked(fixed.text, [1 << 16]), DEFAULT_CONFIG);
      const model = CorpusModel.parse(fixed.text);
      assert.equal(again.fixable === 0, fixAll(model, DEFAULT_CONFIG).length === 0 || applyEdits(model, fixAll(model, DEFAULT_CONFIG)) === fixed.text);
    }),
    { numRuns: 200 },
  );
});

test('--fix never writes a date the text does not state in full: the seeds keep their three missing dates', async () => {
  const seeds = await fixText(seedsText, DEFAULT_CONFIG);
  assert.equal(seeds.text, seedsText, 'no fix is preferred in the seeds (their date proposals are only offered)');
  assert.equal(seeds.fixed, 0);
  assert.equal(seeds.diagnostics.filter((d) => d.code === 'missing-date').length, 3);
  // A lead that states its full date: its fix is preferred, so --fix writes it, unless dateFixes is "ask".
  const stated = '<<<FILE a.txt>>>\nHANOI, March 4, 2025 (Reuters) - The government said on Tuesday that it would act.\n';
  const fixed = await fixText(stated, DEFAULT_CONFIG);
  assert.match(fixed.text, /^<<<FILE a\.txt>>>\ndate 2025-03-04\nHANOI/);
  assert.equal(fixed.text, editorFixedPoint(stated, DEFAULT_CONFIG));
  assert.equal((await fixText(stated, { ...DEFAULT_CONFIG, dateFixes: 'ask' })).text, stated);
});

test('the dry run prints a unified diff that turns the original into the fixed text', async () => {
  const text = '<<<file a.txt>>>\r\n date 2024-1-5 text\r\n<<<FILE a.txt>>>\r\n date 2024/12/01 x\r\n<<<END>>>\r\n';
  const r = await fixText(text, DEFAULT_CONFIG, { diffName: 'x.corpus' });
  assert.ok(r.diff?.startsWith('--- a/x.corpus\n+++ b/x.corpus\n@@ -1,5 +1,6 @@\n'), r.diff);
  assert.equal(applyUnified(text, r.diff ?? ''), r.text);
  await fc.assert(
    fc.asyncProperty(corpusText(40), async (t) => {
      const d = await fixText(t, DEFAULT_CONFIG, { diffName: 'f' });
      assert.equal(applyUnified(t, d.diff ?? ''), d.text);
      assert.equal(d.diff === '', d.text === t);
    }),
    { numRuns: 200 },
  );
});

/** Applies a unified diff (as `patch` does, strictly: every context line must match). */
function applyUnified(text: string, diff: string): string {
  if (diff === '') return text;
  const src = splitLines(text);
  const out: string[] = [];
  let at = 0;
  const lines = diff.split('\n');
  lines.pop();
  let i = 2;
  while (i < lines.length) {
    const m = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(lines[i++]);
    assert.ok(m, `a hunk header: ${lines[i - 1]}`);
    const len = m[2] === undefined ? 1 : Number(m[2]);
    const start = len === 0 ? Number(m[1]) : Number(m[1]) - 1;
    while (at < start) out.push(src[at++]);
    while (i < lines.length && !lines[i].startsWith('@@')) {
      const l = lines[i++];
      const noNl = lines[i] === '\\ No newline at end of file';
      if (noNl) i++;
      const full = l.slice(1) + (noNl ? '' : '\n');
      if (l[0] === ' ' || l[0] === '-') {
        assert.equal(src[at], full, `line ${at + 1} as the diff says`);
        at++;
        if (l[0] === ' ') out.push(full);
      } else out.push(full);
    }
  }
  while (at < src.length) out.push(src[at++]);
  return out.join('');
}

function splitLines(text: string): string[] {
  const parts = text.split('\n');
  const last = parts.pop() ?? '';
  return [...parts.map((p) => `${p}\n`), ...(last !== '' ? [last] : [])];
}

// ---------------------------------------------------------------- files

const temporary: string[] = [];
after(() => {
  for (const d of temporary) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-fix-'));
  temporary.push(d);
  return d;
}

const BROKEN = '\uFEFF<<<file a.txt>>>\n date 2024-1-5 text\n<<<FILE a.txt>>>\n date 2024/12/01 x\n<<<END>>>\n';

test('--fix replaces the file in one rename, keeping its byte-order mark, its mode and a link to it', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'real.corpus');
  fs.writeFileSync(file, BROKEN);
  fs.chmodSync(file, 0o640);
  fs.symlinkSync(file, path.join(dir, 'link.corpus'));
  const renames: string[] = [];
  const ops: FixFs = {
    ...nodeFixFs,
    rename: async (a, b) => {
      renames.push(`${path.basename(a).replace(/-\d+-[a-z0-9]+-\d+/, '')} → ${path.basename(b)}`);
      return nodeFixFs.rename(a, b);
    },
  };
  const r = await fixFile(path.join(dir, 'link.corpus'), DEFAULT_CONFIG, { dryRun: false, diffName: 'link.corpus', onDiff: async () => undefined, report: async () => undefined, fs: ops });
  assert.deepEqual(renames, ['.real.corpus.corpus-fix.tmp → real.corpus']);
  assert.equal(fs.readFileSync(file, 'utf8'), '\uFEFF<<<FILE a.txt>>>\n date 2024-01-05 text\n<<<END>>>\n<<<FILE a-2.txt>>>\n date 2024-12-01 x\n<<<END>>>\n');
  assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  assert.ok(fs.lstatSync(path.join(dir, 'link.corpus')).isSymbolicLink());
  assert.ok(r.fixed >= 3);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['link.corpus', 'real.corpus'], 'no temporary file is left');
});

test('a full disk (a write that fails) or a crash before the rename leaves the original untouched and no temporary file', async () => {
  for (const failAt of ['write', 'sync', 'rename'] as const) {
    const dir = tempDir();
    const file = path.join(dir, 'a.corpus');
    // Large enough for several write blocks of 1 MB.
    const big = BROKEN + '<<<FILE b.txt>>>\n date 2024-01-01 x\n'.repeat(1) + 'word '.repeat(600_000) + '\n';
    fs.writeFileSync(file, big);
    const ops: FixFs = {
      ...nodeFixFs,
      open: async (p, flags, mode) => {
        const h = await nodeFixFs.open(p, flags, mode);
        let written = 0;
        return new Proxy(h, {
          get(target, prop, receiver) {
            if (prop === 'write' && failAt === 'write')
              return async (buf: Buffer, off: number) => {
                written += buf.length - off;
                if (written > 1 << 20) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
                return target.write(buf, off);
              };
            if (prop === 'sync' && failAt === 'sync') return async () => Promise.reject(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }));
            const v = Reflect.get(target, prop, receiver) as unknown;
            return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
          },
        });
      },
      rename: failAt === 'rename' ? async () => Promise.reject(new Error('the process died before the rename')) : nodeFixFs.rename,
    };
    await assert.rejects(fixFile(file, DEFAULT_CONFIG, { dryRun: false, diffName: 'a.corpus', onDiff: async () => undefined, report: async () => undefined, fs: ops }), /ENOSPC|EIO|died/);
    assert.equal(fs.readFileSync(file, 'utf8'), big, `${failAt}: the original is untouched`);
    assert.deepEqual(fs.readdirSync(dir), ['a.corpus'], `${failAt}: no temporary file is left`);
  }
});

test('a file that is not valid UTF-8 is not rewritten (its bytes would be lost)', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'a.corpus');
  const bytes = Buffer.concat([Buffer.from('<<<file a.txt>>>\n date 2024-1-5 x\n'), Buffer.from([0xff, 0xfe, 0x0a])]);
  fs.writeFileSync(file, bytes);
  await assert.rejects(fixFile(file, DEFAULT_CONFIG, { dryRun: false, diffName: 'a.corpus', onDiff: async () => undefined, report: async () => undefined }), /not valid UTF-8/);
  assert.ok(fs.readFileSync(file).equals(bytes));
  assert.deepEqual(fs.readdirSync(dir), ['a.corpus']);
});

test('"Fix all" gives every repeated name its own free name, so --fix is done in one pass', async () => {
  const text = Array.from({ length: 30 }, (_, i) => `<<<FILE ${i === 7 ? 'dup-2.txt' : 'dup.txt'} date=2024-01-01>>>\nx\n`).join('');
  const model = CorpusModel.parse(text);
  const once = applyEdits(model, fixAll(model, DEFAULT_CONFIG));
  const names = CorpusModel.parse(once).documents.map((d) => d.name);
  assert.equal(new Set(names).size, 30);
  assert.deepEqual(names.slice(0, 9), ['dup.txt', 'dup-3.txt', 'dup-4.txt', 'dup-5.txt', 'dup-6.txt', 'dup-7.txt', 'dup-8.txt', 'dup-2.txt', 'dup-9.txt']);
  const fixed = await fixText(text, DEFAULT_CONFIG);
  assert.equal(fixed.text, once);
  assert.equal(fixed.fixed, 28);
});
