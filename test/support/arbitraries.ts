// Shared fast-check generators for the fuzz, security and fault tests: corpus
// texts that mix valid and malformed headers, end lines, date lines, attributes,
// words in every script of the seeds, emoji, NUL and control characters, U+FFFD,
// lone surrogates, CRLF, LF and lone CR, and byte-order marks; and edits that
// split line breaks and surrogate pairs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { SEEDS } from './fixtures';

/** Words of the seed articles, by script, so every script in the seeds is used. */
function seedWords(): string[] {
  let text = '';
  try {
    text = fs.readFileSync(path.join(SEEDS, 'seeds.corpus'), 'utf8');
  } catch {
    text = 'HÀ NỘI — State President Lương Cường Le président Luong Cuong travaille ministère';
  }
  const words = [...new Set(text.split(/\s+/).filter((w) => w !== '' && !w.startsWith('<<<')))];
  // Keep a spread of words: every non-ASCII word (Vietnamese, French, Arabic…) and some ASCII ones.
  const nonAscii = words.filter((w) => /[^\x00-\x7f]/.test(w));
  const ascii = words.filter((w) => !/[^\x00-\x7f]/.test(w)).slice(0, 200);
  return [...nonAscii.slice(0, 600), ...ascii];
}

export const SEED_WORDS: readonly string[] = seedWords();

/** Text from other scripts that a corpus may hold, beside those of the seeds. */
export const SCRIPTS: readonly string[] = [
  'Lương Cường',
  'Phạm Minh Chính',
  'Tô Lâm',
  'Hà Nội',
  'président',
  'ministère',
  'Ñuñoa',
  'São Paulo',
  'فام مينه تشينه',
  'الرئيس',
  '٢٠٢٤-١٢-١٢',
  'Москва',
  'Ελλάδα',
  '東京',
  '北京市',
  '서울',
  'हिन्दी',
  'עברית',
  'ﷺ',
  'e\u0301',
  'A\u030A',
  '\u200f',
  '\u200e',
  '\u202e',
  '\u2028',
  '\u2029',
  '\u00a0',
  '\u3000',
];

export const EMOJI: readonly string[] = ['👋', '👋🏽', '🇻🇳', '👨‍👩‍👧', '🧑🏿‍🚀', '😀', '🏳️‍🌈', '𝕏', '\u{1F600}\u{FE0F}'];

/** NUL, C0 controls, DEL, U+FFFD, a lone BOM and lone surrogates. */
export const HOSTILE_CHARS: readonly string[] = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0085',
  '\ufffd',
  '\ufffd\ufffd',
  '\ufeff',
  '\ud800',
  '\udc00',
  '\udbff',
  '\t',
];

export const EOLS: readonly string[] = ['\n', '\r\n', '\r'];

const nameChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789_.-'.split(''));
const bareName = fc.oneof(
  fc.string({ unit: nameChar, minLength: 1, maxLength: 12 }).map((s) => `${s}.txt`),
  fc.constantFrom('000_49243bdc0dd67178.txt', '001_665790bf4786f678.txt', 'a.txt', 'b.txt', 'x'),
  fc.constantFrom(...SEED_WORDS.slice(0, 100)).map((w) => w.replace(/["\s]/g, '') || 'w'),
  fc.constantFrom(...EMOJI),
);
const quotedName = fc.array(fc.oneof(fc.constantFrom(...SCRIPTS, ...EMOJI, ' ', '\\"', '\\\\', 'a', '>>>', '<<<', '\t')), { minLength: 1, maxLength: 5 }).map((parts) => `"${parts.join('')}"`);
const anyName = fc.oneof({ weight: 3, arbitrary: bareName }, { weight: 1, arbitrary: quotedName });

const dateValue = fc.oneof(
  fc.constantFrom(
    '2024-12-12',
    '2024-12',
    '2024',
    '2024-02-29',
    '2023-02-29',
    '2024-13-01',
    '2024-02-30',
    '2024-1-5',
    '12/12/2024',
    'YYYY-MM-DD',
    '',
    '0000-00-00',
    '9999-12-31',
    '٢٠٢٤-١٢-١٢',
    '2024-12-12T10:00',
    '+2024-12-12',
    '20241212',
  ),
  fc
    .tuple(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);
const attribute = fc.oneof(
  dateValue.map((v) => `date=${v}`),
  fc.constantFrom(
    'lang=en',
    'lang=fr',
    'lang=vi',
    'lang=ar',
    'lang=pt-BR',
    'lang=english',
    'lang=',
    'lang=x-123456789',
    'title="Tô Lâm visit"',
    'title=""',
    'title="a \\" b"',
    'title="unterminated',
    'source=https://example.org/a?b=c',
    'source=not-a-url',
    'source=javascript:alert(1)',
    'source=http://',
    'author=me',
    'x.y-z=1',
    '=v',
    'k=',
    '9k=v',
    'date=2024-12-12 date=2024-12-13',
    'a=b=c',
    'k="v"x',
  ),
);

/** A header line: valid, or one of the near misses the spec lists. */
export const headerLine: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('<<<FILE ', '<<<FILE ', '<<<FILE ', '<<<FILE\t', '<<<file ', '<<FILE ', '<<<<FILE ', '<<< FILE ', ' <<<FILE ', '<<<FILE', '\t<<<FILE '),
    fc.option(anyName, { freq: 8 }),
    fc.array(attribute, { maxLength: 3 }),
    fc.constantFrom('>>>', '>>>', '>>>', ' >>>', '>>', '', '>>> x', '>>>\t', '>>>>', '>>>"'),
  )
  .map(([open, name, attrs, close]) => `${open}${name ?? ''}${attrs.map((a) => ` ${a}`).join('')}${close}`);

export const endLine: fc.Arbitrary<string> = fc.constantFrom('<<<END>>>', '<<<END>>>', '<<<END>>> \t', '<<<END>>>x', '<<<end>>>', ' <<<END>>>', '<<<END>>');

export const dateLine: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('date ', ' date ', '\tdate\t', 'Date ', 'date: ', 'DATE ', 'date'), dateValue, fc.constantFrom('', ' HÀ NỘI — State President', ' Le président', ' x'))
  .map(([k, v, rest]) => `${k}${v}${rest}`);

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SEED_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...SCRIPTS) },
  { weight: 1, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_CHARS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);

export const textLine: fc.Arbitrary<string> = fc.array(word, { maxLength: 8 }).map((w) => w.join(' '));

export const blankLine: fc.Arbitrary<string> = fc.constantFrom('', ' ', '\t', '  \t ', '\u00a0', '\u3000');

/** One line of a corpus (without its line break). */
export const corpusLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: headerLine },
  { weight: 1, arbitrary: endLine },
  { weight: 2, arbitrary: dateLine },
  { weight: 5, arbitrary: textLine },
  { weight: 2, arbitrary: blankLine },
);

/** A whole corpus text: lines joined by mixed line breaks, maybe a BOM, maybe a final line break. */
export function corpusText(maxLines = 40): fc.Arbitrary<string> {
  return fc.tuple(fc.boolean(), fc.array(fc.tuple(corpusLine, fc.constantFrom(...EOLS, '\n', '\n', '\r\n')), { maxLength: maxLines }), fc.boolean()).map(([bom, lines, finalBreak]) => {
    let s = bom ? '\ufeff' : '';
    lines.forEach(([l, eol], i) => {
      s += l;
      if (i < lines.length - 1 || finalBreak) s += eol;
    });
    return s;
  });
}

/** Snippets an edit inserts: pieces of syntax, line breaks (also half of a CRLF), characters of every kind. */
export const FRAGMENTS: readonly string[] = [
  '\n',
  '\r',
  '\r\n',
  '\n\n',
  '\r\r',
  '<',
  '<<<',
  '<<<FILE',
  '<<<FILE a.txt>>>\n',
  '<<<FILE "x y.txt" date=2024-12-12>>>\r\n',
  '<<<END>>>',
  '<<<END>>>\n',
  '>>>',
  '>',
  '"',
  '\\',
  ' ',
  '\t',
  'date 2024-12-12 ',
  'date ',
  'date=2024-02-30',
  'lang=xx',
  'FILE',
  'END',
  'x',
  'Lương Cường',
  'فام',
  '👋🏽',
  '\ud83d',
  '\udc4b',
  '\u0000',
  '\ufffd',
  '\ufeff',
  '\u2028',
];

export interface EditSpec {
  /** Start and end as fractions of the text's length (so they fit any text). */
  a: number;
  b: number;
  text: string;
}

export const editSpec: fc.Arbitrary<EditSpec> = fc.record({
  a: fc.double({ min: 0, max: 1, noNaN: true }),
  b: fc.double({ min: 0, max: 0.3, noNaN: true }),
  text: fc.oneof(
    { weight: 4, arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 3 }).map((x) => x.join('')) },
    { weight: 1, arbitrary: corpusLine.map((l) => `${l}\n`) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'binary' }) },
  ),
});

/** The offsets an edit spec stands for in a text of length `n`. */
export function editOffsets(e: EditSpec, n: number): { a: number; b: number } {
  const a = Math.min(n, Math.floor(e.a * (n + 1)));
  const b = Math.min(n, a + Math.floor(e.b * (n + 1)));
  return { a, b };
}

/** LSP positions a hostile client may send: past the end, negative, fractional, huge. */
export const hostilePosition = fc.record({
  line: fc.oneof(fc.integer({ min: -3, max: 60 }), fc.constantFrom(-1e9, 1e9, 2 ** 31, 0.5, 1.999, -0.5, Number.MAX_SAFE_INTEGER)),
  character: fc.oneof(fc.integer({ min: -3, max: 80 }), fc.constantFrom(-1e9, 1e9, 2 ** 31, 0.5, 7.25, Number.MAX_SAFE_INTEGER)),
});

/** Names built to attack a renderer: markdown, HTML, command links, control characters. */
export const HOSTILE_NAMES: readonly string[] = [
  '[click](command:workbench.action.terminal.new)',
  '[x](command:corpus.restartServer?%5B%22a%22%5D)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<a href="javascript:alert(1)">x</a>',
  '![i](https://evil.example/t.png)',
  '**bold**_em_`code`',
  '&lt;b&gt;&#60;',
  '<!-- x -->',
  '$(alert)',
  '\\`escape\\`',
  'line1\nline2',
  'javascript:alert(1)',
  '[a]: command:workbench.action.openSettings',
  '<https://evil.example>',
  'https://evil.example/path',
  '~~strike~~ | table |',
  '# heading',
];
