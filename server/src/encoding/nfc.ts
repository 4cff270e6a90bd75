// Text not in Unicode's composed form (NFC): `ệ` written as e + U+0302 + U+0323,
// as macOS writes Vietnamese, or `Å` as A + U+030A. It looks the same, but search,
// people and duplicate detection compare code points. The edits to NFC touch only
// what changes: a line is cut before each ASCII character (which never combines
// with what precedes it, so each piece normalises on its own) and only the pieces
// that NFC changes are rewritten.

/** Whether a line may not be NFC: ASCII and Latin-1 text never is (a quick test before normalising). */
const MAY_NOT_BE_NFC = /[^\u0000-\u02ff]/;

export interface NfcEdit {
  /** Offsets in the line (UTF-16). */
  start: number;
  end: number;
  newText: string;
}

/** The edits that make one line NFC ([] when it is). */
export function nfcEdits(line: string): NfcEdit[] {
  if (!MAY_NOT_BE_NFC.test(line) || line.normalize('NFC') === line) return [];
  const out: NfcEdit[] = [];
  let start = 0;
  for (let i = 1; i <= line.length; i++) {
    if (i < line.length && line.charCodeAt(i) >= 0x80) continue;
    const piece = line.slice(start, i);
    const nfc = piece.normalize('NFC');
    if (nfc !== piece) out.push({ start, end: i, newText: nfc });
    start = i;
  }
  return out;
}

/** The word around a span of a line (to name it in a message), in NFC. */
export function wordAround(line: string, start: number, end: number): string {
  let a = start;
  let b = end;
  while (a > 0 && !/\s/.test(line[a - 1])) a--;
  while (b < line.length && !/\s/.test(line[b])) b++;
  const word = line.slice(a, b).normalize('NFC');
  return word.length > 24 ? `${word.slice(0, 24)}…` : word;
}
