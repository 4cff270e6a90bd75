// The copy rules (duplicate-document, near-duplicate-document): signatures, the
// findings in one file (the editor's pipeline and the stream's alike), an edit
// that recomputes the edited document's signature only, copies across files (the
// command line over several files), and the fixes.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyEdits, codeActions, computeDiagnostics, CorpusModel, DEFAULT_CONFIG, fixAll, streamLintText } from '../../server/src';
import type { CorpusConfig, Diagnostic } from '../../server/src';
import { main } from '../../server/src/cli/main';
import { MemoryStream } from '../../server/src/cli/io';
import { segmentSignature, syncCopies } from '../../server/src/duplicates/modelCopies';
import { exactHash, score, signatureOf, similarity } from '../../server/src/duplicates/signature';
import { CopyIndex } from '../../server/src/duplicates/copyIndex';

const HARBOUR =
  'The harbour authority opened a new ferry terminal on the east quay, replacing a building that had served passengers for more than sixty years. Officials said the terminal would handle twice as many travellers and cut waiting times during the summer season, when queues often reached the old car park.';
const LIBRARY =
  'The city library will stay open until ten in the evening from next month, after a survey found that most students wanted quieter places to work late. The longer hours will be paid for by closing two small branches that are rarely used, the council said.';
const RAIN =
  'Heavy rain flooded streets across the capital on Tuesday, forcing schools to close and cutting power to thousands of homes, while forecasters warned that more storms were expected to reach the coast before the weekend, officials said in a statement to reporters.';

const COPIES = new Set(['duplicate-document', 'near-duplicate-document']);
const copies = (list: readonly Diagnostic[]): Diagnostic[] => list.filter((d) => COPIES.has(d.code));

function corpus(docs: [string, string][]): string {
  return docs.map(([name, body]) => `<<<FILE ${name} date=2024-03-04>>>\n${body}\n`).join('');
}

test('signatures: spacing and Unicode form do not change the exact hash; case and punctuation do not change the sketch', () => {
  const nfd = 'Cà phê Việt Nam được xuất khẩu sang nhiều nước trên thế giới, theo bộ trưởng. '.repeat(4);
  assert.equal(exactHash(nfd.normalize('NFC')), exactHash(nfd.normalize('NFD').normalize('NFC')));
  const a = signatureOf(HARBOUR);
  const b = signatureOf(HARBOUR.replace(/ /g, '\n  '));
  const c = signatureOf(HARBOUR.toUpperCase().replace(/,/g, ' ;'));
  assert.ok(a && b && c);
  assert.equal(a.exact, b.exact);
  assert.notEqual(a.exact, c.exact);
  assert.equal(similarity(a, c).jaccard, 1);
  assert.equal(signatureOf(nfd.normalize('NFD'))?.exact, signatureOf(nfd.normalize('NFC'))?.exact);
  assert.equal(signatureOf('Photo: AFP. Too short to compare.'), undefined);
  const far = signatureOf(RAIN);
  assert.ok(far && score(similarity(a, far)) < 0.3);
});

test('the index finds pairs through buckets, in any order of adds and removes', () => {
  const sigs = [HARBOUR, `${HARBOUR} The old building will become a museum.`, LIBRARY, RAIN].map((t) => signatureOf(t));
  const one = new CopyIndex<number>();
  const two = new CopyIndex<number>();
  sigs.forEach((s, i) => s && one.add(i, s));
  [3, 1, 0, 2].forEach((i) => {
    const s = sigs[i];
    if (s) two.add(i, s);
  });
  two.remove(0);
  const s0 = sigs[0];
  if (s0) two.add(0, s0);
  const near = (x: CopyIndex<number>, i: number) => [...x.nearOf(x.groupOf(i) ?? -1).keys()].sort();
  for (let i = 0; i < 4; i++) assert.deepEqual(near(one, i), near(two, i));
  assert.deepEqual(near(one, 0), [sigs[1]?.exact]);
  assert.deepEqual(near(one, 2), []);
});

test('in one file: the later copy is reported, once, naming the earlier; the editor and the stream agree', () => {
  const text = corpus([
    ['harbour.txt', HARBOUR],
    ['library.txt', LIBRARY],
    ['harbour-wrapped.txt', HARBOUR.replace(/\. /g, '.\n\n')],
    ['harbour-more.txt', `PORT CITY — ${HARBOUR.replace('sixty years', 'seventy years')} Read more: local news.`],
    ['rain.txt', RAIN],
  ]);
  const model = CorpusModel.parse(text);
  const editor = copies(computeDiagnostics(model, DEFAULT_CONFIG, undefined, { text: true }));
  assert.deepEqual(
    editor.map((d) => [d.code, d.range.start.line, d.related?.[0].range.start.line]),
    [
      ['duplicate-document', 4, 0],
      ['near-duplicate-document', 8, 0],
    ],
  );
  assert.match(editor[1].message, /^\d+% of (this text is also in|the text of) `harbour\.txt` \(line 1\)/);
  for (const sizes of [[1 << 16], [7, 100, 3]]) assert.deepEqual(copies(streamLintText(text, DEFAULT_CONFIG, sizes)), editor);
  // A higher threshold than the texts' similarity reports the exact copy only.
  const strict: CorpusConfig = { ...DEFAULT_CONFIG, nearDuplicateThreshold: 1 };
  const exactOnly = copies(computeDiagnostics(CorpusModel.parse(text), strict, undefined, { text: true }));
  assert.deepEqual(
    exactOnly.map((d) => d.code),
    ['duplicate-document'],
  );
  const off: CorpusConfig = { ...DEFAULT_CONFIG, rules: { 'duplicate-document': 'off', 'near-duplicate-document': 'off' } };
  assert.deepEqual(copies(computeDiagnostics(CorpusModel.parse(text), off, undefined, { text: true })), []);
});

test('an edit recomputes the signature of the edited document only, and the list follows', () => {
  const text = corpus([
    ['a.txt', HARBOUR],
    ['b.txt', LIBRARY],
    ['c.txt', RAIN],
    ['d.txt', HARBOUR],
  ]);
  const model = CorpusModel.parse(text);
  assert.equal(copies(computeDiagnostics(model, DEFAULT_CONFIG, undefined, { text: 'cached' })).length, 0, 'opening reports what is known');
  // The background pass's work, done at once.
  for (let i = 0; i < model.segmentCount; i++) segmentSignature(model.segmentAt(i), true);
  assert.equal(copies(computeDiagnostics(model, DEFAULT_CONFIG, undefined, { text: 'cached' })).length, 1);
  const before = [1, 2, 3].map((i) => segmentSignature(model.segmentAt(i), false));
  const comparisons = syncCopies(model, false).comparisons;
  // Rewrite d.txt into another text: only its signature is new.
  const start = model.offsetAt({ line: 7, character: 0 });
  model.applyEdit(start, start + HARBOUR.length, RAIN.replace('Tuesday', 'Friday'));
  const after = copies(computeDiagnostics(model, DEFAULT_CONFIG, undefined, { text: 'cached' }));
  assert.deepEqual(
    [1, 2, 3].map((i) => segmentSignature(model.segmentAt(i), false)),
    before,
    'the other documents keep their signatures',
  );
  assert.ok(segmentSignature(model.segmentAt(4), false), 'the edited document has its new signature');
  assert.ok(syncCopies(model, false).comparisons - comparisons <= 3, 'the edited document is compared with its bucket neighbours only');
  assert.deepEqual(
    after.map((d) => [d.code, d.range.start.line, d.related?.[0].range.start.line]),
    [['near-duplicate-document', 6, 4]],
  );
  // The same list as a fresh parse of the edited text.
  assert.deepEqual(after, copies(computeDiagnostics(CorpusModel.parse(model.getText()), DEFAULT_CONFIG, undefined, { text: true })));
});

test('fixes: "Remove this copy" removes the document and is never preferred; "Fix all" removes nothing', () => {
  const text = corpus([
    ['a.txt', HARBOUR],
    ['b.txt', LIBRARY],
    ['c.txt', HARBOUR],
  ]);
  const model = CorpusModel.parse(text);
  const [d] = copies(computeDiagnostics(model, DEFAULT_CONFIG, undefined, { text: true }));
  const actions = codeActions(model, DEFAULT_CONFIG, d.range).filter((a) => a.diagnostic?.code === 'duplicate-document');
  assert.deepEqual(
    actions.map((a) => [a.title, a.isPreferred]),
    [['Remove this copy (c.txt)', false]],
  );
  assert.equal(
    applyEdits(model, actions[0].edits),
    corpus([
      ['a.txt', HARBOUR],
      ['b.txt', LIBRARY],
    ]),
  );
  assert.equal(applyEdits(model, fixAll(model, DEFAULT_CONFIG)).includes('<<<FILE c.txt'), true);
  // With the file's address, the other copy can be opened.
  const open = codeActions(model, DEFAULT_CONFIG, d.range, undefined, { uri: 'file:///w/x.corpus' }).find((a) => a.title === 'Open the other copy');
  assert.deepEqual(open?.command, { title: 'Open the other copy', command: 'corpus.openLocation', arguments: ['file:///w/x.corpus', 0, 8] });
});

const temporary: string[] = [];
after(() => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

test('across files: `corpus lint` over several files reports a copy in each file, naming the other', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-copies-'));
  temporary.push(dir);
  fs.writeFileSync(
    path.join(dir, 'a.corpus'),
    corpus([
      ['harbour.txt', HARBOUR],
      ['library.txt', LIBRARY],
    ]),
  );
  fs.writeFileSync(
    path.join(dir, 'b.corpus'),
    corpus([
      ['rain.txt', RAIN],
      ['harbour-copy.txt', HARBOUR.replace(/ /g, '  ')],
    ]),
  );
  const run = async (args: string[]) => {
    const stdout = new MemoryStream(false);
    const stderr = new MemoryStream(false);
    await main(args, { cwd: dir, stdout, stderr, env: {} });
    return JSON.parse(stdout.text) as { files: { path: string; diagnostics: (Diagnostic & { related?: { uri?: string }[] })[] }[] };
  };
  const both = await run(['lint', '--format', 'json', 'a.corpus', 'b.corpus']);
  const found = both.files.map((f) => [path.basename(f.path), f.diagnostics.filter((d) => COPIES.has(d.code)).map((d) => [d.code, d.range.start.line, path.basename(d.related?.[0].uri ?? '')])]);
  assert.deepEqual(found, [
    ['a.corpus', [['duplicate-document', 0, 'b.corpus']]],
    ['b.corpus', [['duplicate-document', 2, 'a.corpus']]],
  ]);
  // One file alone has no copy.
  const alone = await run(['lint', '--format', 'json', 'a.corpus']);
  assert.deepEqual(
    alone.files[0].diagnostics.filter((d) => COPIES.has(d.code)),
    [],
  );
});
