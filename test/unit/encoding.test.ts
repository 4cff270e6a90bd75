// Encodings and text form, at the service level: what bytes are (UTF-8, another
// charset, not text), the diagnostics a verdict gives, mojibake and NFC with their
// fixes (UTF-16 ranges with diacritics, Arabic, emoji, CRLF and a BOM), no false
// alarm on the real text of the development sets, and people compared in NFC.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import {
  applyEdits,
  applyVerdict,
  codeActions,
  computeDiagnostics,
  CorpusModel,
  createLanguageService,
  DEFAULT_CONFIG,
  fixAll,
  inspectBytes,
  mojibakeSpans,
  nfcEdits,
  scannedVerdict,
  Utf8Scanner,
} from '../../server/src';
import type { ByteVerdict, Diagnostic } from '../../server/src';
import { guessCharset } from '../../server/src/node/encoding';
import { continuationChars, MOJIBAKE_LEAD } from '../../server/src/encoding/mojibake';
import { detectPeople, groupMentions } from '../../server/src/people';
import { FIXTURES } from '../support/fixtures';
import { memoryFileSystem } from '../support/memoryFileSystem';

const CODES_DIR = path.join(FIXTURES, 'codes');
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
/** UTF-8 read as windows-1252, as a browser does (the WHATWG decoder). */
const garble = (s: string): string => new TextDecoder('windows-1252').decode(utf8(s));

function diagnosticsOf(text: string): { model: CorpusModel; diags: Diagnostic[] } {
  const model = CorpusModel.parse(text);
  return { model, diags: computeDiagnostics(model, DEFAULT_CONFIG, undefined, { text: true }) };
}

// ---------------------------------------------------------------- bytes

test('the first byte that is not UTF-8 is found at the same line and UTF-16 column however the bytes are cut', () => {
  // A BOM, CRLF, an emoji (two UTF-16 units) and Vietnamese before a Latin-1 é on line 2.
  const before = utf8('\uFEFF<<<FILE a.txt>>>\r\nHà Nội 😀 ');
  const bytes = new Uint8Array([...before, 0x3c, 0xe9, 0x3e, ...utf8(' ok\n')]);
  const whole = inspectBytes(bytes, undefined);
  assert.deepEqual(whole, { kind: 'not-utf8', guess: undefined, line: 1, character: 'Hà Nội 😀 <'.length });
  // The text an editor shows (invalid bytes as U+FFFD, the BOM dropped) has U+FFFD exactly there.
  const shown = new TextDecoder('utf-8').decode(bytes).split('\r\n')[1];
  assert.equal(shown.indexOf('\uFFFD'), whole.kind === 'not-utf8' ? whole.character : -1);
  for (const fast of [undefined, () => false, (b: Uint8Array) => isUtf8(b)]) {
    for (let size = 1; size <= bytes.length; size++) {
      const scanner = new Utf8Scanner(fast);
      for (let i = 0; i < bytes.length; i += size) scanner.push(bytes.subarray(i, i + size));
      scanner.end();
      assert.deepEqual(
        scannedVerdict(scanner, () => new Uint8Array(), undefined),
        whole,
        `chunks of ${size}`,
      );
    }
  }
});

test('UTF-8 is UTF-8; a sequence cut at the end of the file is not; overlong forms and surrogates are not', () => {
  assert.deepEqual(inspectBytes(utf8('Hà Nội 😀 مرحبا\n'), undefined), { kind: 'utf8' });
  assert.equal(inspectBytes(new Uint8Array([...utf8('ab\n'), 0xe2, 0x82]), undefined).kind, 'not-utf8');
  assert.deepEqual(inspectBytes(new Uint8Array([0x41, 0xc0, 0xaf]), undefined), { kind: 'not-utf8', guess: undefined, line: 0, character: 1 });
  assert.equal(inspectBytes(new Uint8Array([0xed, 0xa0, 0x80]), undefined).kind, 'not-utf8');
});

test('the fixtures: windows-1252 and UTF-16 are named, a gzip file is binary', () => {
  const latin = inspectBytes(fs.readFileSync(path.join(CODES_DIR, 'not-utf8.corpus')), guessCharset);
  assert.equal(latin.kind, 'not-utf8');
  assert.ok(latin.kind === 'not-utf8' && latin.guess && ['windows-1252', 'iso-8859-1'].includes(latin.guess.charset), JSON.stringify(latin));
  assert.ok(latin.kind === 'not-utf8' && latin.line === 1);
  const u16 = inspectBytes(fs.readFileSync(path.join(CODES_DIR, 'not-utf8.utf16.corpus')), guessCharset);
  assert.deepEqual(u16, { kind: 'not-utf8', guess: { charset: 'utf-16le', confidence: 1 }, line: 0, character: 0 });
  // UTF-16 without a BOM: every other byte zero.
  assert.equal(inspectBytes(iconv.encode('<<<FILE a.txt>>>\nsome text here\n', 'utf-16be'), undefined).kind, 'not-utf8');
  assert.deepEqual(inspectBytes(fs.readFileSync(path.join(CODES_DIR, 'binary-file.corpus')), guessCharset), { kind: 'binary', why: 'nul' });
  assert.deepEqual(inspectBytes(new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 1 : 0x41))), undefined), { kind: 'binary', why: 'control' });
});

test('a verdict gives one diagnostic: replacement characters from the bad byte on are dropped, a binary file keeps only its note', () => {
  const text = '<<<FILE a.txt date=2024-12-01>>>\nAn old \uFFFD here.\n<<<FILE b.txt date=2024-12-01>>>\nLe pr\uFFFDsident\n';
  const { diags } = diagnosticsOf(text);
  assert.deepEqual(
    diags.map((d) => d.code),
    ['replacement-character', 'replacement-character'],
  );
  const verdict: ByteVerdict = { kind: 'not-utf8', guess: { charset: 'windows-1252', confidence: 0.9 }, line: 3, character: 5 };
  const out = applyVerdict(diags, verdict, DEFAULT_CONFIG);
  assert.deepEqual(
    out.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`),
    ['replacement-character@1:7', 'not-utf8@3:5'],
  );
  assert.match(out[1].message, /not UTF-8: it looks like windows-1252 \(Western European\)\. From line 4 on.*corpus convert --from windows-1252/);
  assert.deepEqual(
    applyVerdict(diags, { kind: 'binary', why: 'nul' }, DEFAULT_CONFIG).map((d) => d.code),
    ['binary-file'],
  );
  // Turned off, not-utf8 leaves the replacement characters as they were.
  const off = { ...DEFAULT_CONFIG, rules: { ...DEFAULT_CONFIG.rules, 'not-utf8': 'off' as const } };
  assert.deepEqual(applyVerdict(diags, verdict, off), diags);
});

// ---------------------------------------------------------------- mojibake

test("mojibake's quick test holds exactly the characters windows-1252 (or Latin-1) reads continuation bytes as", () => {
  const table = iconv.decode(Buffer.from(Array.from({ length: 64 }, (_, i) => 0x80 + i)), 'windows-1252');
  const expected = [...table].map((c, i) => (c === '\uFFFD' ? 0x80 + i : c.charCodeAt(0)));
  for (let i = 0; i < 32; i++) if (!expected.includes(0x80 + i)) expected.push(0x80 + i);
  assert.deepEqual(
    continuationChars(),
    expected.sort((a, b) => a - b),
  );
  for (const c of continuationChars()) assert.ok(MOJIBAKE_LEAD.test(`\u00c3${String.fromCharCode(c)}`), c.toString(16));
  assert.ok(!MOJIBAKE_LEAD.test('\u00c3\u00c0 é'));
});

test('mojibake: garbled spans are found with their repairs; correct text that looks like it is not', () => {
  const line = garble('Le président a déclaré l’été dernier : « Việt Nam » 😀');
  const spans = mojibakeSpans(line);
  let fixed = '';
  let at = 0;
  for (const s of spans) {
    fixed += line.slice(at, s.start) + s.repair;
    at = s.end;
  }
  assert.equal(fixed + line.slice(at), 'Le président a déclaré l’été dernier : « Việt Nam » 😀');
  for (const fine of ['OLÉ… et voilà', 'SÃO PAULO', 'Ã€ Toulouse', 'Ça va, Éric ?', 'Hà Nội', 'وقال الرئيس', 'naïve café']) assert.deepEqual(mojibakeSpans(fine), [], fine);
});

test('mojibake: no false alarm on any line of the real news of the development sets, and most garbled lines are found', () => {
  const walk = (d: string): string[] =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.txt') ? [path.join(d, e.name)] : []));
  const files = [...walk(path.join(FIXTURES, 'people', 'dev')), ...walk(path.join(FIXTURES, 'dates', 'dev'))];
  assert.ok(files.length > 1000);
  const alarms: string[] = [];
  let garbled = 0;
  let found = 0;
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    assert.ok(
      text.split('\n').every((l) => nfcEdits(l).length === 0),
      `${f} is NFC`,
    );
    for (const line of text.split(/\r?\n/)) {
      if (mojibakeSpans(line).length > 0) alarms.push(`${path.basename(f)}: ${line.slice(0, 80)}`);
      if (!/[^\x00-\x7f]/.test(line)) continue;
      garbled++;
      if (mojibakeSpans(garble(line)).length > 0) found++;
    }
  }
  assert.deepEqual(alarms, []);
  assert.ok(found / garbled > 0.95, `${found} of ${garbled} garbled lines found`);
});

test('mojibake: one diagnostic per line, UTF-16 ranges past a BOM, CRLF, Arabic and an emoji; the fix restores the line', () => {
  const original = 'Tổng Bí thư 😀 và الرئيس قال “Không”.';
  const text = `\uFEFF<<<FILE a.txt date=2024-08-09>>>\r\n😀 ${garble(original)}\r\nA clean line.\r\n${garble('Đà Nẵng')} and ${garble('Huế')}\r\n`;
  const { model, diags } = diagnosticsOf(text);
  assert.deepEqual(
    diags.map((d) => `${d.code}@${d.range.start.line}`),
    ['mojibake@1', 'mojibake@3'],
  );
  const lines = text.replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(diags[0].range.start.character, '😀 T'.length);
  assert.ok(model.getTextRange(diags[0].range).endsWith(garble('”')));
  assert.equal(diags[1].range.end.character, lines[3].length);
  const fixed = applyEdits(model, fixAll(model, DEFAULT_CONFIG));
  assert.equal(fixed.replace(/^\uFEFF/, ''), `<<<FILE a.txt date=2024-08-09>>>\r\n😀 ${original}\r\nA clean line.\r\nĐà Nẵng and Huế\r\n`);
  assert.deepEqual(
    diagnosticsOf(fixed).diags.map((d) => d.code),
    [],
  );
});

test('mojibake: a lone uncertain span in a line of certain ones is repaired, but not by Fix all when doubt outweighs', () => {
  // "Ùˆ" (و, "and") alone between spaces has no evidence of its own; the words around it have.
  const line = garble('قال حسام حسن و المدير');
  const spans = mojibakeSpans(line);
  assert.ok(spans.length >= 4 && spans.some((s) => !s.strong));
  const { model, diags } = diagnosticsOf(`<<<FILE a.txt date=2025-09-06>>>\n${line}\n`);
  const actions = codeActions(model, DEFAULT_CONFIG, diags[0].range).filter((a) => a.diagnostic?.code === 'mojibake');
  assert.equal(actions.length, 1);
  assert.equal(actions[0].isPreferred, true);
});

// ---------------------------------------------------------------- NFC

test('unnormalized-text: one diagnostic per document, edits only where NFC changes, exact with CRLF and a BOM', () => {
  const nfc = 'Tổng Bí thư Tô Lâm 😀 làm việc với Hà Nội';
  const text = `\uFEFF<<<FILE a.txt date=2024-08-09>>>\r\n${nfc.normalize('NFD')}\r\nMore: ${'Nguyễn'.normalize('NFD')}\r\n<<<FILE b.txt date=2024-08-09>>>\r\nplain\r\n<<<FILE c.txt date=2024-08-09>>>\r\n${'Ångström'.normalize('NFD')}\r\n`;
  const { model, diags } = diagnosticsOf(text);
  assert.deepEqual(
    diags.map((d) => `${d.code}@${d.range.start.line}`),
    ['unnormalized-text@1', 'unnormalized-text@6'],
  );
  assert.match(diags[0].message, /"Tổng" and \d+ more places/);
  const [action] = codeActions(model, DEFAULT_CONFIG, diags[0].range).filter((a) => a.diagnostic?.code === 'unnormalized-text');
  assert.ok(action.isPreferred);
  for (const e of action.edits) {
    assert.equal(e.range.start.line, e.range.end.line);
    const covered = model.getTextRange(e.range);
    assert.notEqual(covered, e.newText);
    assert.equal(covered.normalize('NFC'), e.newText);
    assert.ok(covered.length <= 4, JSON.stringify(covered));
  }
  const fixed = applyEdits(model, fixAll(model, DEFAULT_CONFIG));
  assert.equal(fixed.replace(/^\uFEFF/, ''), text.replace(/^\uFEFF/, '').normalize('NFC'));
  assert.deepEqual(diagnosticsOf(fixed).diags, []);
});

test('people: a name written in NFD and in NFC is one person with one spelling', () => {
  const nfc = 'Tổng Bí thư Tô Lâm làm việc với Hà Nội. Ông Tô Lâm nói.';
  const mentions = [detectPeople(nfc, { lang: 'vi' }), detectPeople(nfc.normalize('NFD'), { lang: 'vi' })];
  assert.ok(mentions[0].length > 0);
  assert.deepEqual(
    mentions[1].map((m) => m.key),
    mentions[0].map((m) => m.key),
  );
  const lam = groupMentions(mentions).find((p) => p.key === mentions[0].find((m) => m.text === 'Tô Lâm')?.key);
  assert.ok(lam, 'Tô Lâm is found');
  assert.deepEqual(
    lam.spellings.map((c) => c.text),
    ['Tô Lâm'],
  );
  assert.equal(lam.name, 'Tô Lâm');
});

// ---------------------------------------------------------------- the service: open files and workspace problems

test('the service asks the file system about the bytes of a damaged open file once, then gives the one diagnostic; without bytes (the browser) nothing changes', async () => {
  const uri = 'file:///w/old.corpus';
  const text = '<<<FILE a.txt date=2025-10-13>>>\nAprovech\uFFFD un rebote en el \uFFFDrea.\n';
  const verdict: ByteVerdict = { kind: 'not-utf8', guess: { charset: 'windows-1252', confidence: 0.8 }, line: 1, character: 8 };
  for (const withBytes of [true, false]) {
    const mem = memoryFileSystem({ [uri]: text });
    const asked: string[] = [];
    if (withBytes) mem.inspectBytes = (u) => (asked.push(u), Promise.resolve(verdict));
    const model = CorpusModel.parse(text);
    const changed: string[] = [];
    const service = createLanguageService({ fileSystem: mem, documents: { get: (u) => (u === uri ? model : undefined), uris: () => [uri][Symbol.iterator]() }, onChange: (e) => changed.push(e.uri) });
    const first = service.diagnostics(uri, DEFAULT_CONFIG, { text: 'cached' });
    assert.deepEqual(
      first?.all.map((d) => d.code),
      ['replacement-character', 'replacement-character'],
    );
    await new Promise((r) => setTimeout(r, 10));
    const after = service.diagnostics(uri, DEFAULT_CONFIG, { text: 'cached' });
    if (!withBytes) {
      assert.deepEqual(after?.all, first?.all);
      continue;
    }
    assert.ok(changed.includes(uri), 'the adapter is told to publish again');
    assert.deepEqual(
      after?.all.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`),
      ['not-utf8@1:8'],
    );
    // The same list while nothing changes (no new publication), and the file system asked once.
    assert.equal(service.diagnostics(uri, DEFAULT_CONFIG, { text: 'cached' })?.all, after?.all);
    assert.deepEqual(asked, [uri]);
    const actions = await service.codeActions(uri, after.all[0].range);
    assert.ok(actions.some((a) => a.command?.command === 'workbench.action.editor.changeEncoding' && a.changes.length === 0));
  }
});

test('workspace problems: an unopened file that is not UTF-8 or not text gets its one diagnostic', async () => {
  const bad = 'file:///w/old.corpus';
  const bin = 'file:///w/photo.corpus';
  const mem = memoryFileSystem({ [bad]: '<<<FILE a.txt date=2025-10-13>>>\nAprovech\uFFFD\n', [bin]: '\0\0PNG\u0001\u0002 binary' });
  mem.inspectBytes = (u) => Promise.resolve<ByteVerdict>(u === bin ? { kind: 'binary', why: 'nul' } : { kind: 'not-utf8', guess: undefined, line: 1, character: 8 });
  const service = createLanguageService({ fileSystem: mem, documents: { get: () => undefined, uris: () => [][Symbol.iterator]() } });
  service.setWorkspaceFolders(['file:///w']);
  service.setSettings({ problems: { scope: 'workspace' } });
  await service.start();
  await service.workspaceProblems.idle();
  assert.deepEqual(
    service.workspaceProblems.get(bad)?.diagnostics.map((d) => d.code),
    ['not-utf8'],
  );
  assert.match(service.workspaceProblems.get(bad)?.diagnostics[0].message ?? '', /could not be told/);
  assert.deepEqual(
    service.workspaceProblems.get(bin)?.diagnostics.map((d) => d.code),
    ['binary-file'],
  );
});
