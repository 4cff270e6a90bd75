// Grouping of mentions into people across documents (and files).

import { compileKnown, keyOf } from './known';
import { spellingScore } from './detect';
import { skeletonsMatchLatin } from './phonetics';
import type { Count, KnownPerson, Person, PersonMention } from './types';

interface Entity {
  key: string;
  spellings: Map<string, number>;
  titles: Map<string, number>;
  docs: Map<number, number>;
  count: number;
  known: number;
  best: { text: string; score: number } | null;
  parent: Entity | null;
}

const root = (e: Entity): Entity => {
  let r = e;
  while (r.parent) r = r.parent;
  while (e.parent && e.parent !== r) {
    const next: Entity = e.parent;
    e.parent = r;
    e = next;
  }
  return r;
};

const isSkeletonKey = (key: string): boolean => key.startsWith('ar:') && /^ar:[A-Z]+( [A-Z]+)*$/.test(key);

const sortedCounts = (m: Map<string, number>): Count[] => [...m.entries()].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));

/** A text in NFC; ASCII as it is (the common case, no copy). */
const nfc = (s: string): string => (/[^\u0000-\u007f]/.test(s) ? s.normalize('NFC') : s);

/** What one key's mentions in one document add up to: counts, spellings, titles, the best spelling (the first with the top score). */
export interface KeyTally {
  key: string;
  count: number;
  spellings: Map<string, number>;
  titles: Map<string, number>;
  best: { text: string; score: number } | null;
}

/** One document's mentions, tallied per key in the order the keys first appear. */
export type DocumentTally = Map<string, KeyTally>;

/** Tallies one document's mentions (what grouping needs of them; a document's tally is cached with its analysis). */
export function tallyDocument(mentions: readonly PersonMention[]): DocumentTally {
  const out: DocumentTally = new Map();
  if (!Array.isArray(mentions)) return out;
  for (const m of mentions) {
    if (!m || typeof m.key !== 'string' || typeof m.text !== 'string') continue;
    let t = out.get(m.key);
    if (!t) out.set(m.key, (t = { key: m.key, count: 0, spellings: new Map(), titles: new Map(), best: null }));
    t.count++;
    // Spellings and titles in NFC: the same name typed on macOS (NFD) and elsewhere is one spelling (keys are folded already).
    const spelling = nfc(m.text);
    t.spellings.set(spelling, (t.spellings.get(spelling) ?? 0) + 1);
    if (m.title) t.titles.set(nfc(m.title), (t.titles.get(nfc(m.title)) ?? 0) + 1);
    if (m.kind !== 'backref') {
      for (const s of [m.text, m.canonical]) {
        if (typeof s !== 'string') continue;
        const latin = !/[\u0600-\u06ff]/.test(s);
        const words = s.split(/\s+/).filter(Boolean).length; // linear: one character class, one quantifier
        const score = (latin ? 1_000_000 : 0) + spellingScore(s, words, s === s.toUpperCase() && s !== s.toLowerCase());
        if (!t.best || score > t.best.score) t.best = { text: nfc(s), score };
      }
    }
  }
  return out;
}

/**
 * Group the mentions of several documents (one array per document) into people.
 * Mentions with the same key are one person; an Arabic transliteration joins the
 * Latin person whose name it spells (when exactly one does); a lone given name
 * joins the only full name that ends with it; people-file entries give the name
 * and description. Never throws.
 */
export function groupMentions(perDocument: PersonMention[][], known?: KnownPerson[]): Person[] {
  return groupTallies(
    (Array.isArray(perDocument) ? perDocument : []).map((m) => tallyDocument(Array.isArray(m) ? m : [])),
    known,
  );
}

/**
 * The same grouping from the documents' tallies (in document order): what the
 * editor does, so an edit re-tallies only the documents it touched.
 */
export function groupTallies(perDocument: readonly DocumentTally[], known?: KnownPerson[]): Person[] {
  const ck = known && known.length > 0 ? compileKnown(known) : undefined;
  const entities = new Map<string, Entity>();
  const entity = (key: string): Entity => {
    let e = entities.get(key);
    if (!e) {
      e = { key, spellings: new Map(), titles: new Map(), docs: new Map(), count: 0, known: -1, best: null, parent: null };
      entities.set(key, e);
    }
    return e;
  };
  if (ck) ck.keys.forEach((k, i) => (entity(k).known = i));
  // alias keys of known people point to the person's key
  const aliasKey = new Map<string, string>();
  if (ck) {
    ck.people.forEach((p, i) => {
      for (const a of [p.name, ...(p.aliases ?? [])]) if (typeof a === 'string') aliasKey.set(keyOf(a), ck.keys[i]);
    });
  }

  // Documents in order, keys in the order they first appear: the same entities, in the same order, as mention by mention.
  perDocument.forEach((tally, doc) => {
    for (const t of tally.values()) {
      const e = entity(t.key);
      e.count += t.count;
      for (const [k, v] of t.spellings) e.spellings.set(k, (e.spellings.get(k) ?? 0) + v);
      for (const [k, v] of t.titles) e.titles.set(k, (e.titles.get(k) ?? 0) + v);
      e.docs.set(doc, (e.docs.get(doc) ?? 0) + t.count);
      if (t.best && (!e.best || t.best.score > e.best.score)) e.best = t.best;
    }
  });

  const all = [...entities.values()];
  const union = (a: Entity, b: Entity): void => {
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) rb.parent = ra;
  };
  for (const e of all) {
    const target = aliasKey.get(e.key);
    if (target && target !== e.key) union(entity(target), e);
  }
  const latin = all.filter((e) => !e.key.startsWith('ar:') && e.key.includes(' '));
  const latinWords = latin.map((e) => e.key.split(' '));
  // Arabic transliterations → the one Latin person they spell
  for (const e of all) {
    if (!isSkeletonKey(e.key)) continue;
    const sk = e.key.slice(3).split(' ');
    let match: Entity | null = null;
    let ambiguous = false;
    latin.forEach((l, i) => {
      if (!skeletonsMatchLatin(sk, latinWords[i])) return;
      if (match && root(match) !== root(l)) ambiguous = true;
      match = l;
    });
    if (ck && !match) {
      for (const lw of ck.latinWords) {
        if (skeletonsMatchLatin(sk, lw.words)) {
          const k = entity(ck.keys[lw.person]);
          if (match && root(match) !== root(k)) ambiguous = true;
          match = k;
        }
      }
    }
    if (match && !ambiguous) union(match, e);
  }
  // a lone given name (or surname) → the one full name that ends (or, Chinese, starts) with it
  for (const e of all) {
    if (e.key.startsWith('ar:') || e.key.includes(' ') || e.key.length < 2) continue;
    let match: Entity | null = null;
    let ambiguous = false;
    latin.forEach((l, i) => {
      const w = latinWords[i];
      if (w[w.length - 1] !== e.key && !(w.length === 2 && w[0] === e.key)) return;
      if (match && root(match) !== root(l)) ambiguous = true;
      match = l;
    });
    if (match && !ambiguous) union(match, e);
  }

  const groups = new Map<Entity, Entity[]>();
  for (const e of all) {
    const r = root(e);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(e);
  }
  const people: Person[] = [];
  for (const members of groups.values()) {
    const count = members.reduce((s, e) => s + e.count, 0);
    const knownIdx = members.find((e) => e.known >= 0)?.known ?? -1;
    if (count === 0 && knownIdx < 0) continue;
    if (count === 0) continue; // a known person never mentioned is not listed
    const spellings = new Map<string, number>();
    const titles = new Map<string, number>();
    const docs = new Map<number, number>();
    let best: Entity | null = null;
    for (const e of members) {
      for (const [k, v] of e.spellings) spellings.set(k, (spellings.get(k) ?? 0) + v);
      for (const [k, v] of e.titles) titles.set(k, (titles.get(k) ?? 0) + v);
      for (const [k, v] of e.docs) docs.set(k, (docs.get(k) ?? 0) + v);
      if (e.best && (!best || !best.best || e.best.score > best.best.score || (e.best.score === best.best.score && e.count > best.count))) best = e;
    }
    const kp = knownIdx >= 0 && ck ? ck.people[knownIdx] : undefined;
    const name = kp ? kp.name : (best?.best?.text ?? sortedCounts(spellings)[0]?.text ?? members[0].key);
    const key = kp && ck ? ck.keys[knownIdx] : best ? best.key : members[0].key;
    const person: Person = {
      name,
      key,
      keys: [key, ...members.map((e) => e.key).filter((k) => k !== key)],
      spellings: sortedCounts(spellings),
      titles: sortedCounts(titles),
      known: !!kp,
      mentionCount: count,
      documents: [...docs.entries()].map(([index, c]) => ({ index, count: c })).sort((a, b) => a.index - b.index),
    };
    if (kp && typeof kp.description === 'string') person.description = kp.description;
    people.push(person);
  }
  people.sort((a, b) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
  return people;
}
