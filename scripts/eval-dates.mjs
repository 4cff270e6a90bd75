#!/usr/bin/env node
// Evaluates the dates proposed for undated documents (the missing-date quick fixes)
// on real articles whose true publication date is known from their source.
//
//   npm run eval:dates                  # dev and held-out parts, plain and with dated neighbours
//   node scripts/eval-dates.mjs [--json] [--list N] [--list-heldout] [--lang xx]
//
// The set: test/fixtures/dates/dev (CONVENTIONS.md there): `dev/` (rules may be written
// reading it) and `heldout/` (scored, never read while writing rules). Each article
// becomes an undated document of a corpus file (the store's own leading date line,
// `storeDateLine`, is removed first), and the fixes the editor offers for its
// missing-date problem are read through the service's code actions, exactly as
// the editor gets them:
// - top-1: the preferred fix ("Fix all" writes it) gives the true date;
// - top-3: one of the (at most three) proposed dates is the true date;
// - confident wrong: a fix is preferred and its date is not the true date;
// - silent: no concrete date is proposed (only the date line to fill in); for
//   articles whose text states no date (kind `none`) that is the right answer.
// Two corpora per part: the articles alone ("plain"), and a copy where every
// other document carries its true date ("neighbours"), scored on the undated ones.

import { loadSource } from './load-source.mjs';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const LIST = Number(option('--list', '20'));
const ONLY_LANG = option('--lang', undefined);

const service = await loadSource('server/src/index.ts');
const dates = await loadSource('server/src/dates/index.ts');

const dir = join(root, 'test/fixtures/dates/dev');
function load(split) {
  const d = join(dir, split);
  if (!existsSync(d)) return [];
  return readdirSync(d)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const id = f.replace(/\.json$/, '');
      const meta = JSON.parse(readFileSync(join(d, f), 'utf8'));
      let text = readFileSync(join(d, `${id}.txt`), 'utf8');
      if (meta.storeDateLine && text.startsWith(meta.storeDateLine)) text = text.slice(meta.storeDateLine.length);
      return { id, split, ...meta, text };
    })
    .filter((a) => !ONLY_LANG || a.lang === ONLY_LANG);
}

/** A body line that would read as a header or an end line cannot be packed: indent it by one space. */
const safeBody = (t) =>
  t
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => (/^(<<<FILE|<<<END>>>)/.test(l) || /^\s*date[\s:]/i.test(l) ? ` ${l}` : l))
    .join('\n');

/** The proposals for each undated article of a corpus: [{ iso, preferred, title }] in the editor's order. */
function proposals(articles, datedEvery) {
  const parts = [];
  articles.forEach((a, i) => {
    const dated = datedEvery > 0 && i % datedEvery === 1;
    parts.push(`<<<FILE ${a.id}.txt>>>\n${dated ? `date ${a.truth}\n` : ''}${safeBody(a.text).replace(/\s*$/, '')}\n`);
  });
  const model = service.CorpusModel.parse(parts.join(''));
  const config = service.DEFAULT_CONFIG;
  const diags = service.computeDiagnostics(model, config).filter((d) => d.code === 'missing-date');
  const byDoc = new Map();
  for (const d of diags) {
    const doc = model.documentAtLine(d.range.start.line);
    const actions = service.codeActions(model, config, d.range).filter((x) => x.diagnostic?.code === 'missing-date');
    const list = [];
    for (const x of actions) {
      const m = /date[ =](\d{4}-\d{2}(?:-\d{2})?)/.exec(x.edits.map((e) => e.newText).join(' '));
      if (m) list.push({ iso: m[1], preferred: x.isPreferred, title: x.title });
    }
    byDoc.set(doc.index, list);
  }
  return articles.map((a, i) => (byDoc.has(i) ? { article: a, list: byDoc.get(i) } : null)).filter(Boolean);
}

function score(results) {
  const row = { n: 0, top1: 0, top3: 0, confidentWrong: 0, silent: 0, none: 0, noneSilent: 0, stated: 0, statedRight: 0 };
  for (const { article: a, list } of results) {
    row.n++;
    const preferred = list.find((p) => p.preferred);
    if (preferred && preferred.iso === a.truth) row.top1++;
    if (list.slice(0, 3).some((p) => p.iso === a.truth)) row.top3++;
    if (preferred && preferred.iso !== a.truth) row.confidentWrong++;
    if (list.length === 0) row.silent++;
    if (a.kind === 'none') {
      row.none++;
      if (list.length === 0) row.noneSilent++;
    }
    if (a.statesDayMonth) {
      row.stated++;
      if (preferred && preferred.iso === a.truth) row.statedRight++;
    }
  }
  return row;
}

const KINDS = ['dateline', 'lead', 'weekday', 'today', 'several', 'none'];
const report = {};
for (const split of ['dev', 'heldout']) {
  const articles = load(split);
  report[split] = {};
  for (const [variant, every] of [
    ['plain', 0],
    ['neighbours', 2],
  ]) {
    const results = proposals(articles, every);
    const rows = [];
    for (const lang of [...new Set(articles.map((a) => a.lang))].sort()) rows.push({ label: lang, ...score(results.filter((r) => r.article.lang === lang)) });
    for (const kind of KINDS) rows.push({ label: `kind ${kind}`, ...score(results.filter((r) => r.article.kind === kind)) });
    rows.push({ label: 'all', ...score(results) });
    report[split][variant] = { rows, results };
  }
}

const pct = (a, b) => (b === 0 ? '   –' : `${String(Math.round((100 * a) / b)).padStart(3)}%`);
if (flag('--json')) {
  const strip = (v) => v.rows;
  console.log(
    JSON.stringify(
      { dev: { plain: strip(report.dev.plain), neighbours: strip(report.dev.neighbours) }, heldout: { plain: strip(report.heldout.plain), neighbours: strip(report.heldout.neighbours) } },
      null,
      2,
    ),
  );
} else {
  console.log('Dates proposed for undated articles: npm run eval:dates');
  for (const split of ['dev', 'heldout']) {
    for (const variant of ['plain', 'neighbours']) {
      const { rows } = report[split][variant];
      console.log(
        `\n${split === 'dev' ? 'Dev part (read while writing rules)' : 'Held-out part (never read while writing rules)'}, ${variant === 'plain' ? 'undated documents alone' : 'every other document dated (scored on the undated ones)'}`,
      );
      console.log(`  ${''.padEnd(16)} articles  top-1  top-3  confident wrong  silent   stated day: right   no date: silent`);
      for (const r of rows) {
        console.log(
          `  ${r.label.padEnd(16)} ${String(r.n).padStart(8)}  ${pct(r.top1, r.n)}  ${pct(r.top3, r.n)}  ${String(r.confidentWrong).padStart(5)} (${pct(r.confidentWrong, r.n)})  ${pct(r.silent, r.n)}   ${String(r.statedRight).padStart(3)}/${String(r.stated).padEnd(3)} ${pct(r.statedRight, r.stated)}   ${String(r.noneSilent).padStart(3)}/${String(r.none).padEnd(3)}`,
        );
      }
    }
  }
  // Why an article whose dateline or lead states its day was not dated right: counts only, so the held-out
  // part can be diagnosed without reading it.
  const STRONG_ZONES = new Set(['stamp', 'byline', 'dateline', 'lead']);
  const whyMissed = (split) => {
    const counts = new Map();
    for (const { article: a, list: l } of report[split].plain.results) {
      if (!a.statesDayMonth) continue;
      const p = l.find((x) => x.preferred);
      let why;
      if (p && p.iso === a.truth) continue;
      const [y, m, d] = a.truth.split('-').map(Number);
      const placed = dates.placeDates(a.text, dates.findDateExpressions(a.text, { lang: a.lang })).filter((x) => x.expression.month === m && x.expression.day === d);
      if (p) why = 'another date preferred';
      else if (placed.length === 0) why = 'day not recognised';
      else if (!placed.some((x) => STRONG_ZONES.has(x.zone))) why = `day found, but placed in ${[...new Set(placed.map((x) => x.zone))].join('/')}`;
      else if (!placed.some((x) => STRONG_ZONES.has(x.zone) && x.expression.year === y))
        why = l.some((x) => x.iso === a.truth)
          ? 'year not stated with the day (offered, not preferred)'
          : l.some((x) => x.iso.slice(4) === a.truth.slice(4))
            ? 'year not stated with the day (offered with another year)'
            : 'year not stated with the day (no year found)';
      else why = l.some((x) => x.iso === a.truth) ? 'full date found, offered but not preferred' : 'full date found, not offered';
      counts.set(why, (counts.get(why) ?? 0) + 1);
    }
    if (counts.size === 0) return;
    console.log(`\n${split}, plain: why a stated day was not preferred`);
    for (const [why, n] of [...counts].sort((x, y) => y[1] - x[1])) console.log(`  ${String(n).padStart(3)}  ${why}`);
  };
  // Where the wrong preferred dates came from, and how far from the truth they are: counts only, as above.
  const whyWrong = (split) => {
    const counts = new Map();
    for (const variant of ['plain', 'neighbours']) {
      for (const { article: a, list: l } of report[split][variant].results) {
        const p = l.find((x) => x.preferred);
        if (!p || p.iso === a.truth) continue;
        const place = /from '.*?' in (the [a-z' ]+?)(?:,|\)|$)/.exec(p.title)?.[1] ?? 'elsewhere';
        const days = Math.round((Date.parse(p.iso) - Date.parse(a.truth)) / 86_400_000);
        const off =
          p.iso.slice(5) === a.truth.slice(5) ? 'same day, another year' : Math.abs(days) <= 7 ? `${days > 0 ? '+' : ''}${days} days` : Math.abs(days) <= 62 ? 'within two months' : 'further';
        // the line it stands in: how far down, and what else it holds (a time, a bar, how many words)
        const [y, m, d] = p.iso.split('-').map(Number);
        const at = dates.placeDates(a.text, dates.findDateExpressions(a.text, { lang: a.lang })).find((x) => x.expression.year === y && x.expression.month === m && x.expression.day === d);
        let line = '';
        if (at) {
          const lineNo = a.text
            .slice(0, at.lineStart)
            .split('\n')
            .filter((x) => x.trim() !== '').length;
          const lt = a.text.slice(at.lineStart, at.lineEnd);
          line = `, line ${lineNo + 1}, ${lt.trim().split(/\s+/).length} words${/\d{1,2}[:h]\d{2}/.test(lt) ? ', a time' : ''}${/[|]/.test(lt) ? ', a bar' : ''}, ${at.relation}`;
        }
        const key = `${variant}: ${place}${line}; ${off}; kind ${a.kind}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    if (counts.size === 0) return;
    console.log(`\n${split}: where the wrong preferred dates came from`);
    for (const [why, n] of [...counts].sort((x, y) => y[1] - x[1])) console.log(`  ${String(n).padStart(3)}  ${why}`);
  };
  whyMissed('dev');
  whyMissed('heldout');
  whyWrong('dev');
  whyWrong('heldout');
  const list = (split, variant, all) => {
    const bad = report[split][variant].results.filter(({ article: a, list: l }) => {
      const p = l.find((x) => x.preferred);
      return (p && p.iso !== a.truth) || (a.statesDayMonth && !(p && p.iso === a.truth)) || (a.kind === 'none' && l.length > 0);
    });
    if (bad.length === 0) return;
    console.log(`\n${split}, ${variant}: articles to look at (${bad.length})`);
    for (const { article: a, list: l } of all ? bad : bad.slice(0, LIST)) {
      console.log(`  ${a.split}/${a.id} [${a.kind}] truth ${a.truth}${a.evidence ? ` ("${a.evidence.slice(0, 50)}")` : ''}`);
      for (const p of l) console.log(`      ${p.preferred ? '*' : ' '} ${p.iso}  ${p.title.slice(0, 140)}`);
    }
  };
  if (LIST > 0) {
    list('dev', 'plain', false);
    list('dev', 'neighbours', false);
  }
  if (flag('--list-heldout')) {
    list('heldout', 'plain', true);
    list('heldout', 'neighbours', true);
  }
}
