#!/usr/bin/env node
// Measures language identifiers on short news text, and the `lang-mismatch` rule's
// confidence gate on the same articles.
//
//   npm run eval:langid                    # the comparison table and the gate, dev and held-out
//   node scripts/eval-langid.mjs [--json] [--errors] [--only-service]
//
// The set: scripts/langid-data.mjs (test/fixtures/langid/CONVENTIONS.md). Every article
// is cut to its first 100, 200 and 400 characters (and kept whole), and each identifier
// is asked its language:
// - accuracy per language and length (dev and held-out together for the comparison of
//   libraries: none of them was tuned here);
// - bundle size: the identifier alone bundled by esbuild for the browser, minified
//   (raw and gzip), as the Web Worker server would carry it;
// - speed: documents per second on the 400-character texts, after loading.
// Candidates other than the project's own (eld) are measured when installed:
// `npm install --no-save franc-min tinyld cld3-asm`.
//
// Then the service's identifier (server/src/langid) with its confidence gate, as the
// rule uses it: of the articles it answers (coverage), how many it gets right
// (precision); the gate's thresholds were chosen on dev, held-out is scored once.

import { build } from 'esbuild';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { loadLangidSet } from './langid-data.mjs';
import { CANDIDATES } from './langid-candidates.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (n) => args.includes(n);
const LENGTHS = [100, 200, 400, Infinity];
const LANGS = ['en', 'fr', 'es', 'vi', 'ar', 'de', 'it', 'pt', 'zh', 'ru'];
const lengthName = (n) => (n === Infinity ? 'whole' : String(n));
// (The service reads at most its first READ_CHARS characters of a whole text.)
const pct = (a, b) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}`);

const set = loadLangidSet(root);
const all = [...set.dev, ...set.heldout];
const tmp = mkdtempSync(join(tmpdir(), 'eval-langid-'));

async function bundleSize(entry) {
  const out = join(tmp, `b${Math.random().toString(36).slice(2)}.js`);
  await build({ stdin: { contents: entry, resolveDir: root }, bundle: true, minify: true, format: 'esm', platform: 'browser', outfile: out, logLevel: 'silent' });
  const raw = statSync(out).size;
  return { raw, gzip: gzipSync(readFileSync(out)).length };
}

function score(detect, docs) {
  const perLen = {};
  for (const n of LENGTHS) {
    const byLang = {};
    for (const d of docs) {
      const t = d.text.slice(0, n);
      const got = detect(t);
      const s = (byLang[d.lang] ??= { ok: 0, n: 0, errors: [] });
      s.n++;
      if (got === d.lang) s.ok++;
      else s.errors.push(`${d.id}: ${got || '(none)'}`);
    }
    perLen[lengthName(n)] = byLang;
  }
  return perLen;
}

const mb = (b) => (b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${Math.round(b / 1e3)} kB`);

async function compare() {
  const rows = [];
  for (const c of CANDIDATES) {
    let detect;
    try {
      detect = await c.load();
    } catch {
      rows.push({ name: c.name, missing: true });
      continue;
    }
    const size = await bundleSize(c.entry);
    const perLen = score(detect, all);
    const texts = all.map((d) => d.text.slice(0, 400));
    const t0 = performance.now();
    for (let k = 0; k < 3; k++) for (const t of texts) detect(t);
    const perSec = (3 * texts.length) / ((performance.now() - t0) / 1000);
    rows.push({ name: c.name, size, perLen, perSec });
  }
  return rows;
}

function printComparison(rows) {
  console.log(`Language identifiers on ${all.length} news articles (${set.dev.length} dev + ${set.heldout.length} held-out), accuracy % by length of text`);
  console.log('');
  for (const n of LENGTHS) {
    const L = lengthName(n);
    console.log(`### ${L === 'whole' ? 'Whole text' : `First ${L} characters`}`);
    console.log('');
    console.log(`| identifier | ${LANGS.join(' | ')} | all |`);
    console.log(`| --- | ${LANGS.map(() => '---:').join(' | ')} | ---: |`);
    for (const r of rows) {
      if (r.missing) continue;
      const by = r.perLen[L];
      const tot = Object.values(by).reduce((a, s) => ({ ok: a.ok + s.ok, n: a.n + s.n }), { ok: 0, n: 0 });
      console.log(`| ${r.name} | ${LANGS.map((l) => pct(by[l]?.ok ?? 0, by[l]?.n ?? 0)).join(' | ')} | ${pct(tot.ok, tot.n)} |`);
    }
    console.log('');
  }
  console.log('| identifier | bundle (minified) | gzip | documents/s (400 chars) |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const r of rows) {
    if (r.missing) console.log(`| ${r.name} | not installed | | |`);
    else console.log(`| ${r.name} | ${mb(r.size.raw)} | ${mb(r.size.gzip)} | ${Math.round(r.perSec).toLocaleString('en')} |`);
  }
  console.log('');
  if (flag('--errors')) {
    for (const r of rows) {
      if (r.missing) continue;
      console.log(`errors of ${r.name} at 200 characters:`);
      for (const [l, s] of Object.entries(r.perLen['200'])) for (const e of s.errors) console.log(`  [${l}] ${e}`);
    }
  }
}

async function service() {
  const out = join(tmp, 'langid.mjs');
  await build({
    stdin: { contents: "export * from './server/src/langid/identify.ts'; export { tagContradicted } from './server/src/langid/tags.ts';", resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: out,
    logLevel: 'silent',
  });
  return import(pathToFileURL(out).href);
}

/** The wrong tag each article gets for the detection rate: the next language of the list. */
const wrongTag = (lang) => LANGS[(LANGS.indexOf(lang) + 1) % LANGS.length];

function gate(svc, docs) {
  const res = {};
  for (const n of LENGTHS) {
    const s = { n: docs.length, answered: 0, right: 0, sure: 0, sureRight: 0, falseAlarms: 0, caught: 0, caughtSure: 0, wrong: [], alarms: [] };
    for (const d of docs) {
      const t = d.text.slice(0, n);
      const r = svc.identifyLanguage(t);
      if (r.confident) {
        s.answered++;
        if (r.lang === d.lang) s.right++;
        else s.wrong.push(`${d.id}: ${r.lang}`);
      }
      if (r.sure) {
        s.sure++;
        if (r.lang === d.lang) s.sureRight++;
      }
      const alarm = svc.tagContradicted(d.lang, t);
      if (alarm) {
        s.falseAlarms++;
        s.alarms.push(`${d.id}: tagged ${d.lang}, read as ${alarm.lang}`);
      }
      const caught = svc.tagContradicted(wrongTag(d.lang), t);
      if (caught && caught.lang === d.lang) {
        s.caught++;
        if (caught.identification.sure) s.caughtSure++;
      }
    }
    res[lengthName(n)] = s;
  }
  return res;
}

function printGate(svc) {
  console.log(`The service's identifier with its confidence gate (server/src/langid: ${svc.GATE_SUMMARY})`);
  console.log('');
  console.log('- confident: answered / right when answered; sure: the same for the stricter gate (preferred fix);');
  console.log('- false alarms: articles tagged with their true language that lang-mismatch would flag;');
  console.log('- caught: articles given a wrong tag (the next language of the list) that lang-mismatch flags with the true language (of which sure: the fix is preferred).');
  console.log('');
  console.log('| part | length | confident | right | sure | right | false alarms | caught (sure) |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const json = {};
  for (const part of ['dev', 'heldout']) {
    const g = gate(svc, set[part]);
    json[part] = g;
    for (const [L, s] of Object.entries(g)) {
      console.log(
        `| ${part} | ${L} | ${s.answered}/${s.n} (${pct(s.answered, s.n)}%) | ${pct(s.right, s.answered)}% | ${s.sure}/${s.n} (${pct(s.sure, s.n)}%) | ${pct(s.sureRight, s.sure)}% | ${s.falseAlarms} | ${s.caught}/${s.n} (${s.caughtSure}) |`,
      );
    }
    if (flag('--errors') && part === 'dev') for (const s of Object.values(g)) for (const w of [...s.wrong, ...s.alarms]) console.log(`  ${w}`);
  }
  const texts = all.map((d) => d.text);
  const time = (tagOf) => {
    const t0 = performance.now();
    for (const d of all) svc.tagContradicted(tagOf(d), d.text);
    return (performance.now() - t0) / texts.length;
  };
  time((d) => d.lang);
  console.log('');
  console.log(`Cost of the check per whole article: ${time((d) => d.lang).toFixed(2)} ms when the tag is right, ${time((d) => wrongTag(d.lang)).toFixed(2)} ms when it is wrong.`);
  console.log('');
  return json;
}

try {
  const rows = flag('--only-service') ? [] : await compare();
  if (!flag('--json')) printComparison(rows);
  const svc = await service();
  const g = flag('--json') ? {} : printGate(svc);
  if (flag('--json')) console.log(JSON.stringify({ rows, gate: g }, null, 1));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
