// The vocabulary of the people model's features: template names (hashed once),
// the values shared by several features, the features that have no value, and the
// label features the decoder adds (the previous token's label). Every feature is
// a template and one or two values, hashed as it is emitted (./featureHash.ts).

import { combine, hashString, valueHash } from './featureHash';
import { F_ARABIC, F_CAP, F_DIGIT, F_UPPER, G_BREAK, G_SPACE, Tokens } from './text';

/** Receives the features of one token after another, as hashes. */
export interface Emitter {
  /** Starts the next token's features. */
  next(): void;
  /** A feature: its template's hash and its values' hashes. */
  add(template: number, a: number, b: number): void;
  /** A feature whose hash is already combined. */
  addHash(h: number): void;
}

/** Template names, hashed once. */
export const T = Object.fromEntries(
  [
    'bias',
    'gapB',
    'gapA',
    'prev',
    'prev2',
    'roleB',
    'speechB',
    'honB',
    'titleB',
    'placeB',
    'nameB',
    'roleNatB',
    'orgB',
    'next',
    'next2',
    'speechA',
    'orgA',
    'roleAppos',
    'roleA',
    'nameA',
    'pos',
    'w',
    'rule',
    'rulePos',
    'roleWord',
    'honWord',
    'titleWord',
    'ar',
    'arGiven',
    'arProc',
    'arCoreGiven',
    'wCore',
    'arNisba',
    'arDef',
    'arTa',
    'suf2',
    'pre2',
    'arCommon',
    'arCommonGiven',
    'arGapB',
    'arRoleB',
    'arSpeechB',
    'arNatB',
    'arRoleNatB',
    'arGivenB',
    'arTitleB',
    'arOrgB',
    'arSpeechA',
    'arRoleA',
    'arGapA',
    'prevIn',
    'prevInGiven',
    'nextIn',
    'prevW',
    'prevW2',
    'shape',
    'shapePos',
    'particle',
    'suf3',
    'given',
    'sur',
    'givenSur',
    'common',
    'commonAny',
    'commonLang',
    'givenCommon',
    'place',
    'orgInRun',
    'givenInRun',
    'org',
    'viSur',
    'viSyl',
    'diacritics',
    'sentStart',
    'sentCommon',
    'docLower',
    'docCapMid',
    'prevInShape',
    'nextInSur',
    'nextInGiven',
    'nextInShape',
    'arNextDef',
    'arPrevClass',
    'orgLater',
    'pl',
    'plPos',
    'plShape',
    'p1',
    'p1s',
    'd2',
    'd2last',
    'd2first',
    'd2p1',
    'lst',
  ].map((n) => [n, hashString(n)]),
) as Record<string, number>;

/** The template names, for the training script's listings (hash → name). */
export const TEMPLATE_NAMES: ReadonlyMap<number, string> = new Map(Object.entries(T).map(([n, h]) => [h, n]));

export const V = valueHash;
export const NONE = V(undefined);

/** The features without values, hashed once. */
export const K = {
  arGivenB: combine(T.arGivenB, NONE, NONE),
  arNatB: combine(T.arNatB, NONE, NONE),
  arOrgB: combine(T.arOrgB, NONE, NONE),
  arRoleA: combine(T.arRoleA, NONE, NONE),
  arRoleB: combine(T.arRoleB, NONE, NONE),
  arRoleNatB: combine(T.arRoleNatB, NONE, NONE),
  arSpeechA: combine(T.arSpeechA, NONE, NONE),
  arSpeechB: combine(T.arSpeechB, NONE, NONE),
  arTitleB: combine(T.arTitleB, NONE, NONE),
  org: combine(T.org, NONE, NONE),
  orgLater: combine(T.orgLater, NONE, NONE),
  place: combine(T.place, NONE, NONE),
  roleWord: combine(T.roleWord, NONE, NONE),
  sentStart: combine(T.sentStart, NONE, NONE),
  titleWord: combine(T.titleWord, NONE, NONE),
};
export const V0 = V('0');
export const V1 = V('1');
const COUNT = [V('0'), V('1'), V('2'), V('3')];
export const count3 = (c: number): number => COUNT[c <= 0 ? 0 : c > 2 ? 3 : c];
const BUCKET = { no: V('no'), '100': V('100'), '1k': V('1k'), '5k': V('5k') };
export function rankBucket(r: number | undefined): number {
  if (r === undefined) return BUCKET.no;
  if (r <= 100) return BUCKET['100'];
  if (r <= 1000) return BUCKET['1k'];
  return BUCKET['5k'];
}
export const GIVEN = [V('0'), V('1'), V('2'), V('3')];

// ---------------------------------------------------------------- the label features

export const LABEL = [V0, V1];

/** The hashes of the label features of a token: the previous token's label, alone and with the token's place and shape. */
export function labelHashes(prev: number, pos: number, shape: number, out: number[]): void {
  if (prev < 0) return;
  const l = LABEL[prev];
  out.push(combine(T.pl, l, NONE), combine(T.plPos, l, pos), combine(T.plShape, l, shape));
}

/** The weight of the label features under a model (the same features as labelHashes). */
export function labelWeight(m: { weights: { get(h: number): number } }, prev: number, pos: number, shape: number): number {
  const l = LABEL[prev];
  return m.weights.get(combine(T.pl, l, NONE)) + m.weights.get(combine(T.plPos, l, pos)) + m.weights.get(combine(T.plShape, l, shape));
}

// ---------------------------------------------------------------- the gap before a token, the shape of a word

const GAP_SPACE = V('sp');
const GAP_BREAK = V('br');
const GAP_END = V('end');
const GAP_OTHER = V('pU');
const GAP_ASCII = Array.from({ length: 128 }, (_, c) => V(`p${String.fromCharCode(c)}`));

export function gapValue(tk: Tokens, i: number): number {
  if (i >= tk.count) return GAP_END;
  const g = tk.gap[i];
  if (g === G_SPACE) return GAP_SPACE;
  if (g === G_BREAK) return GAP_BREAK;
  const c = tk.gapChar[i];
  return c < 128 ? GAP_ASCII[c] : GAP_OTHER;
}

export const SHAPES = ['ar', 'd', 'X', 'x', 'XX-XX', 'XX', 'Xx-Xx', "X'x", 'XxXx', 'Xx'] as const;
export const SHAPE_HASH = new Map(SHAPES.map((x) => [x, V(x)]));

export function shapeOf(tk: Tokens, i: number): string {
  const f = tk.flags[i];
  if ((f & F_ARABIC) !== 0) return 'ar';
  if ((f & F_DIGIT) !== 0) return 'd';
  const len = tk.end[i] - tk.start[i];
  if (len === 1) return (f & F_CAP) !== 0 ? 'X' : 'x';
  const text = tk.text;
  let hyphen = false;
  let apos = false;
  let innerCap = false;
  for (let k = tk.start[i] + 1; k < tk.end[i]; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x2d) hyphen = true;
    else if (c === 0x27 || c === 0x2019) apos = true;
    else if (c >= 65 && c <= 90) innerCap = true;
  }
  if ((f & F_UPPER) !== 0) return hyphen ? 'XX-XX' : 'XX';
  if ((f & F_CAP) === 0) return 'x';
  if (hyphen) return 'Xx-Xx';
  if (apos) return "X'x";
  return innerCap ? 'XxXx' : 'Xx';
}
