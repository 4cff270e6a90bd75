// Mojibake: UTF-8 bytes that were read as windows-1252 (or Latin-1) and written
// back as UTF-8, so `é` became `Ã©`, `’` became `â€™`, `đ` became `Ä‘` and `ا`
// became `Ø§`. Each such span, turned back into the bytes of that charset (iconv-lite's
// windows-1252 table; the five bytes it leaves undefined as Latin-1, as browsers
// read them), is valid UTF-8; the repair is that UTF-8.
//
// A span of correct text can look the same (`OLÉ…` is `É` + `…`, which are the
// bytes of `Ʌ`), so a span counts only with evidence: a character of three or four
// bytes (`â€™`, `á»‡`, `ðŸ˜€`), two spans in a row (`Ã©Ã©`, `Ø§Ù„`), `Â` before a
// symbol (`Â«`), or an upper-case lead letter in a lower-case word (`prÃ©sident`).
// A line with evidence is one finding, with every span in it repaired.

import SBCS from 'iconv-lite/encodings/sbcs-data-generated';

/** The highest character windows-1252 reads a byte as (™, U+2122). */
const TOP = 0x2122;

/** The byte each character stands for in text read as windows-1252 (0x80–0xFF; 0: none), by character code up to TOP. */
const BYTE_OF: Uint8Array = (() => {
  const table = SBCS.windows1252;
  const chars = typeof table === 'object' ? table.chars : '';
  const bytes = new Uint8Array(TOP + 1);
  for (let i = 0; i < 128; i++) {
    const c = chars.charCodeAt(i);
    // Bytes windows-1252 leaves undefined read as the C1 control of the same number (Latin-1).
    bytes[0x80 + i] = 0x80 + i;
    if (!Number.isNaN(c) && c !== 0xfffd && c <= TOP) bytes[c] = 0x80 + i;
  }
  return bytes;
})();

const byteOf = (c: number): number => (c <= TOP ? BYTE_OF[c] : 0);

/**
 * A lead byte's character followed by a continuation byte's (0x80–0xBF read as
 * windows-1252, or as Latin-1 for the five it leaves undefined): what every span of
 * mojibake starts with, and correct text (`é` before a letter) almost never has. A
 * quick test of a whole document before the scan (test/unit/encoding.test.ts checks
 * the class against the table).
 */
export const MOJIBAKE_LEAD =
  /[\u00c2-\u00f4][\u0080-\u00bf\u0152-\u0153\u0160-\u0161\u0178\u017d-\u017e\u0192\u02c6\u02dc\u2013-\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039-\u203a\u20ac\u2122]/;

/** The characters that stand for a continuation byte (for the test of MOJIBAKE_LEAD). */
export function continuationChars(): number[] {
  const out: number[] = [];
  for (let c = 0; c <= TOP; c++) if (BYTE_OF[c] >= 0x80 && BYTE_OF[c] <= 0xbf) out.push(c);
  return out;
}

/** One repaired span of a line (offsets in the line, UTF-16). */
export interface MojibakeSpan {
  start: number;
  end: number;
  /** What the span should read. */
  repair: string;
  /** Whether this span alone is evidence. */
  strong: boolean;
}

/** Whether a decoded character is one a news text holds (a letter, mark or punctuation of a common script). */
function plausible(cp: number): boolean {
  return (
    (cp >= 0xa0 && cp <= 0x17f) ||
    cp === 0x1a0 ||
    cp === 0x1a1 ||
    cp === 0x1af ||
    cp === 0x1b0 ||
    (cp >= 0x218 && cp <= 0x21b) ||
    (cp >= 0x300 && cp <= 0x36f) ||
    (cp >= 0x386 && cp <= 0x3ce) ||
    (cp >= 0x400 && cp <= 0x45f) ||
    (cp >= 0x5d0 && cp <= 0x5ea) ||
    (cp >= 0x60c && cp <= 0x6ff) ||
    (cp >= 0x900 && cp <= 0x97f) ||
    (cp >= 0xe01 && cp <= 0xe5b) ||
    (cp >= 0x1e00 && cp <= 0x1eff) ||
    (cp >= 0x2010 && cp <= 0x203a) ||
    (cp >= 0x20a0 && cp <= 0x20bf) ||
    cp === 0x2122 ||
    (cp >= 0x3000 && cp <= 0x9fff) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0x2600 && cp <= 0x27bf) ||
    (cp >= 0x1f300 && cp <= 0x1faff)
  );
}

const isLower = (ch: string): boolean => ch !== '' && ch.toLowerCase() === ch && ch.toUpperCase() !== ch;

/** The UTF-8 character whose bytes start at line[i] read as windows-1252, or undefined. */
function decodeAt(line: string, i: number): { end: number; cp: number; bytes: number } | undefined {
  const lead = byteOf(line.charCodeAt(i));
  if (lead < 0xc2 || lead > 0xf4) return undefined;
  const bytes = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  let cp = lead & (bytes === 2 ? 0x1f : bytes === 3 ? 0x0f : 0x07);
  for (let k = 1; k < bytes; k++) {
    const b = i + k < line.length ? byteOf(line.charCodeAt(i + k)) : 0;
    if (b < 0x80 || b > 0xbf) return undefined;
    // The second byte's narrower ranges: no overlong form, no surrogate, nothing past U+10FFFF.
    if (k === 1 && ((lead === 0xe0 && b < 0xa0) || (lead === 0xed && b > 0x9f) || (lead === 0xf0 && b < 0x90) || (lead === 0xf4 && b > 0x8f))) return undefined;
    cp = (cp << 6) | (b & 0x3f);
  }
  return { end: i + bytes, cp, bytes };
}

/** The mojibake spans of one line with their repairs, or [] when the line has no evidence of any. */
export function mojibakeSpans(line: string): MojibakeSpan[] {
  if (!MOJIBAKE_LEAD.test(line)) return [];
  const found: { start: number; end: number; cp: number; bytes: number }[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c < 0xc2 || c > 0xf4) continue;
    const d = decodeAt(line, i);
    if (!d || !plausible(d.cp)) continue;
    found.push({ start: i, ...d });
    i = d.end - 1;
  }
  if (found.length === 0) return [];
  const spans: MojibakeSpan[] = [];
  for (let k = 0; k < found.length; k++) {
    const f = found[k];
    const joined = (k > 0 && found[k - 1].end === f.start) || (k + 1 < found.length && found[k + 1].start === f.end);
    // Lone CJK from three bytes (`é»…`, a French closing quote) is no evidence: Chinese mojibake comes in runs.
    const wide = f.bytes === 4 || (f.bytes === 3 && f.cp < 0x3000);
    const symbolAfterA = line[f.start] === 'Â' && f.cp >= 0xa0 && f.cp <= 0xbf;
    const inWord = line[f.start] !== line[f.start].toLowerCase() && (isLower(line[f.start - 1] ?? '') || isLower(line[f.end] ?? ''));
    spans.push({ start: f.start, end: f.end, repair: String.fromCodePoint(f.cp), strong: joined || wide || symbolAfterA || inWord });
  }
  return spans.some((s) => s.strong) ? mergeRuns(spans) : [];
}

/** Adjacent spans as one (one edit for `Ø§Ù„Ø¹`). */
function mergeRuns(spans: MojibakeSpan[]): MojibakeSpan[] {
  const out: MojibakeSpan[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && last.end === s.start) out[out.length - 1] = { start: last.start, end: s.end, repair: last.repair + s.repair, strong: last.strong || s.strong };
    else out.push({ ...s });
  }
  return out;
}

/** Whether the repair of a line's spans is sure: every span has its own evidence, or the strong ones outnumber the others two to one. */
export function sureRepair(spans: readonly MojibakeSpan[]): boolean {
  const strong = spans.filter((s) => s.strong).length;
  return strong === spans.length || strong >= 2 * (spans.length - strong);
}
