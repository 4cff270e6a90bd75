#!/usr/bin/env node
// Reads the people development set: for every document `<id>.txt` (verbatim text)
// there is `<id>.ann.txt`, the same text with each person mention wrapped as
// [[mention]] or [[mention|Canonical Name]]. This module strips the markup,
// checks the result is byte-identical to the .txt file, and returns mentions with
// UTF-16 offsets into the .txt text. `<id>.source.json` gives { url, lang, topic }.
//
//   node scripts/devset/people-ann.mjs [DIR]   # validate, print counts per split and language
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_DIR = join(root, 'test/fixtures/people/dev');

/** Parses one annotated text. Returns { text, mentions: [{start,end,text,person}], errors }. */
export function parseAnnotated(ann) {
  const mentions = [];
  const errors = [];
  let out = '';
  let i = 0;
  while (i < ann.length) {
    const open = ann.indexOf('[[', i);
    if (open < 0) {
      out += ann.slice(i);
      break;
    }
    out += ann.slice(i, open);
    const close = ann.indexOf(']]', open + 2);
    const nextOpen = ann.indexOf('[[', open + 2);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      errors.push(`unclosed [[ at offset ${open}: ${JSON.stringify(ann.slice(open, open + 40))}`);
      out += ann.slice(open, open + 2);
      i = open + 2;
      continue;
    }
    const inner = ann.slice(open + 2, close);
    const bar = inner.indexOf('|');
    const surface = bar >= 0 ? inner.slice(0, bar) : inner;
    const person = (bar >= 0 ? inner.slice(bar + 1) : inner).trim();
    if (!surface || surface !== surface.trim()) errors.push(`mention with surrounding blanks or empty: ${JSON.stringify(inner)}`);
    if (/[\r\n]/.test(surface)) errors.push(`mention spans a line break: ${JSON.stringify(inner)}`);
    mentions.push({ start: out.length, end: out.length + surface.length, text: surface, person: person || surface });
    out += surface;
    i = close + 2;
  }
  return { text: out, mentions, errors };
}

/** Loads every document of the set. */
export function loadPeopleDevSet(dir = DEFAULT_DIR) {
  const docs = [];
  const errors = [];
  for (const split of ['train', 'dev', 'heldout']) {
    const d = join(dir, split);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d)
      .filter((n) => n.endsWith('.txt') && !n.endsWith('.ann.txt'))
      .sort()) {
      const id = basename(f, '.txt');
      const text = readFileSync(join(d, f), 'utf8');
      const annPath = join(d, `${id}.ann.txt`);
      if (!existsSync(annPath)) {
        errors.push(`${split}/${id}: no .ann.txt`);
        continue;
      }
      const parsed = parseAnnotated(readFileSync(annPath, 'utf8'));
      for (const e of parsed.errors) errors.push(`${split}/${id}: ${e}`);
      if (parsed.text !== text) {
        let k = 0;
        while (k < text.length && text[k] === parsed.text[k]) k++;
        errors.push(`${split}/${id}: annotated text differs from the .txt at offset ${k}: txt ${JSON.stringify(text.slice(k, k + 30))} vs ann ${JSON.stringify(parsed.text.slice(k, k + 30))}`);
        continue;
      }
      const srcPath = join(d, `${id}.source.json`);
      const src = existsSync(srcPath) ? JSON.parse(readFileSync(srcPath, 'utf8')) : undefined;
      if (!src?.url) errors.push(`${split}/${id}: no ${id}.source.json with its url`);
      docs.push({ id, split, lang: src?.lang ?? id.split('-')[0], topic: src?.topic, url: src?.url, text, mentions: parsed.mentions });
    }
  }
  return { docs, errors };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { docs, errors } = loadPeopleDevSet(process.argv[2] ? resolve(process.argv[2]) : DEFAULT_DIR);
  for (const e of errors) console.error(`error: ${e}`);
  const table = new Map();
  for (const d of docs) {
    const k = `${d.split}\t${d.lang}`;
    const t = table.get(k) ?? { docs: 0, mentions: 0 };
    t.docs++;
    t.mentions += d.mentions.length;
    table.set(k, t);
  }
  for (const [k, t] of [...table].sort()) console.log(`${k}\t${t.docs} documents\t${t.mentions} mentions`);
  console.log(`${docs.length} documents, ${errors.length} errors`);
  process.exit(errors.length ? 1 : 0);
}
