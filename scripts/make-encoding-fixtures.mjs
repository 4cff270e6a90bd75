// Writes the encoding fixtures of test/fixtures/codes/ from real articles of the
// people development set (test/fixtures/people/dev/dev/<id>.txt; each one's source
// URL is in <id>.source.json beside it), damaged the way real files are:
//   mojibake*.corpus          a paragraph (fr, vi, ar) whose UTF-8 bytes were read as windows-1252 and saved again
//   unnormalized-text*.corpus Vietnamese written in decomposed form (NFD), as macOS writes it
//   not-utf8.corpus           a Spanish article saved as windows-1252
//   not-utf8.utf16.corpus     a Vietnamese article saved as UTF-16LE with a byte-order mark
//   binary-file.corpus        an article compressed with gzip (a file that is not text)
// Run: node scripts/make-encoding-fixtures.mjs (then UPDATE_EXPECTED=1 for the .expected files).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import iconv from 'iconv-lite';

const root = path.resolve(import.meta.dirname, '..');
const dev = path.join(root, 'test', 'fixtures', 'people', 'dev', 'dev');
const out = path.join(root, 'test', 'fixtures', 'codes');

/** The first `n` non-empty lines of an article, each cut at `max` characters on a word boundary. */
function lines(id, n, max = 400) {
  const text = fs.readFileSync(path.join(dev, `${id}.txt`), 'utf8');
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^date\b/.test(l))
    .slice(0, n)
    .map((l) => (l.length > max ? l.slice(0, l.lastIndexOf(' ', max)) : l));
}

/**
 * UTF-8 read as windows-1252 and saved again, as a browser or an old tool does: iconv-lite's
 * windows-1252 table, and the five bytes it leaves undefined kept as the C1 control of the same
 * number (what WHATWG decoders and Latin-1 give).
 */
function mojibake(s) {
  const bytes = iconv.encode(s, 'utf8');
  let t = '';
  for (const b of bytes) t += [0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b) ? String.fromCharCode(b) : iconv.decode(Buffer.from([b]), 'windows-1252');
  return t;
}

const header = (name, date, lang) => `<<<FILE ${name} date=${date} lang=${lang}>>>`;

// One garbled paragraph per file (each fix then leaves its file clean): fr-01 (sofoot.com), vi-01
// (baomoi.com), ar-01 (shorouknews.com). The French title line stays as it was.
const fr = lines('fr-01', 5);
fs.writeFileSync(path.join(out, 'mojibake.corpus'), [header('montpellier.txt', '2015-11-21', 'fr'), fr[3], mojibake(fr[4]), ''].join('\n'));
const vi = lines('vi-01', 2, 300);
fs.writeFileSync(path.join(out, 'mojibake.vi.corpus'), [header('to-lam.txt', '2024-08-09', 'vi'), vi[0], mojibake(vi[1]), ''].join('\n'));
const ar = lines('ar-01', 1);
fs.writeFileSync(path.join(out, 'mojibake.ar.corpus'), [header('hossam-hassan.txt', '2025-09-06', 'ar'), mojibake(ar[0]), ''].join('\n'));

// vi-02 (vnexpress.net) in NFD, an English document after it as it is; vi-01 in NFD with CRLF
// line ends and a byte-order mark (a Windows copy of a macOS file).
const nfd = [
  header('tham-hoi.txt', '2025-01-25', 'vi'),
  ...lines('vi-02', 2).map((l) => l.normalize('NFD')),
  '',
  header('note.txt', '2025-01-25', 'en'),
  'This note is plain ASCII and already in NFC.',
  '',
];
fs.writeFileSync(path.join(out, 'unnormalized-text.corpus'), nfd.join('\n'));
const crlf = [header('to-lam.txt', '2024-08-09', 'vi'), ...lines('vi-01', 2, 300).map((l) => l.normalize('NFD')), ''];
fs.writeFileSync(path.join(out, 'unnormalized-text.crlf.corpus'), '\uFEFF' + crlf.join('\r\n'));

// es-01 (puranoticia.pnt.cl) saved as windows-1252; the header line is ASCII.
const es = [header('ivan-morales.txt', '2025-10-13', 'es'), ...lines('es-01', 3), ''];
fs.writeFileSync(path.join(out, 'not-utf8.corpus'), iconv.encode(es.join('\n'), 'windows-1252'));

// vi-01 as UTF-16LE with its byte-order mark (what Windows Notepad long called "Unicode").
const u16 = [header('to-lam.txt', '2024-08-09', 'vi'), ...lines('vi-01', 2, 300), ''];
fs.writeFileSync(path.join(out, 'not-utf8.utf16.corpus'), iconv.encode(u16.join('\n'), 'utf-16le', { addBOM: true }));

// fr-02 (sports.orange.fr), gzip-compressed: NUL bytes from the first ten on.
const gz = [header('declas.txt', '2018-02-03', 'fr'), ...lines('fr-02', 4), ''];
fs.writeFileSync(path.join(out, 'binary-file.corpus'), zlib.gzipSync(Buffer.from(gz.join('\n'), 'utf8'), { level: 9 }));

console.log('wrote the encoding fixtures in', path.relative(root, out));
