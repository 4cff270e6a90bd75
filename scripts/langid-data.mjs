// The language-identification evaluation set (test/fixtures/langid/CONVENTIONS.md):
// the articles of the people and dates sets (each records its language and source),
// and the zh and ru paragraphs collected for this set. One list per split, each
// article once (by source address); an article held out in any set is held out here.

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const STORE_DATE = /^\s*date \d{4}-\d{2}-\d{2}\s*/;

function fromPeople(root, split) {
  const dir = join(root, 'test/fixtures/people/dev', split);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && !f.endsWith('.ann.txt'))
    .map((f) => {
      const id = f.slice(0, -4);
      const meta = JSON.parse(readFileSync(join(dir, `${id}.source.json`), 'utf8'));
      return { id: `people/${split}/${id}`, lang: meta.lang, url: meta.url, text: readFileSync(join(dir, f), 'utf8').replace(STORE_DATE, '') };
    });
}

function fromDates(root, split) {
  const dir = join(root, 'test/fixtures/dates/dev', split);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => {
      const id = f.slice(0, -4);
      const meta = JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8'));
      let text = readFileSync(join(dir, f), 'utf8');
      if (meta.storeDateLine && text.startsWith(meta.storeDateLine)) text = text.slice(meta.storeDateLine.length);
      return { id: `dates/${split}/${id}`, lang: meta.lang, url: meta.url, text: text.replace(STORE_DATE, '') };
    });
}

/** The records of a collected file: `@@@ <id> <tag> <url>` then the text, verbatim. */
export function readCollected(file) {
  const out = [];
  let cur;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^@@@ (\S+) (\S+) (\S+)$/.exec(line);
    if (m) {
      if (cur) out.push(cur);
      cur = { id: m[1], tag: m[2], lang: m[2].split('-')[0], url: m[3], lines: [] };
    } else if (cur) cur.lines.push(line);
  }
  if (cur) out.push(cur);
  return out.map(({ lines, ...r }) => ({ ...r, text: lines.join('\n').replace(/\n+$/, '') }));
}

function fromCollected(root) {
  const dir = join(root, 'test/fixtures/langid/collected');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readCollected(join(dir, f)))
    .map((r) => ({ ...r, id: `langid/${r.id}`, split: Number(r.id.split('-')[1]) % 3 === 0 ? 'heldout' : 'dev' }));
}

/** { dev, heldout }: lists of { id, lang, url, text }. */
export function loadLangidSet(root) {
  const collected = fromCollected(root);
  const heldout = [...fromPeople(root, 'heldout'), ...fromDates(root, 'heldout'), ...collected.filter((r) => r.split === 'heldout')];
  const dev = [...fromPeople(root, 'dev'), ...fromPeople(root, 'train'), ...fromDates(root, 'dev'), ...collected.filter((r) => r.split === 'dev')];
  const seen = new Set();
  const once = (list) =>
    list.filter((r) => {
      const key = r.url ?? r.id;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const h = once(heldout);
  const d = once(dev);
  return { dev: d, heldout: h };
}
