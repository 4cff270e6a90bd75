// `npm run bench`: speed at corpus scale (issue 6).
//
// Generates synthetic corpora of 1, 10, 20 and 50 MB from the five seed articles of
// samples/seeds.corpus (unique names, into bench/generated/, git-ignored), measures
// the language service, the language server over stdio (bench/lsp.mjs), the
// grammar and the command line on them, runs the
// peers (markdownlint, vscode-markdown-languageservice + markdown-it, compromise,
// vscode-languageserver-textdocument) on the same content in the same run, prints
// one table and writes bench/results.json.
//
// Methodology: every figure is measured after a warm-up, repeated, and reported
// as a median (or p50/p95 for per-keystroke figures); ratios are between figures
// of this same run, so they hold on a slower or busier machine better than the
// absolute milliseconds. No figure is ever invented: what cannot be measured yet
// is reported as "not yet measurable" with the reason.
//
// Options: --quick (1 and 10 MB only, fewer repetitions; 25k and 100k documents for
// the copies through the CLI), --no-cli (skip the command-line rows: the 1 GB file and
// the million documents of bench/million.mjs), --no-peers (skip markdownlint and compromise),
// --baseline <server.js> (also measure another build of the server through LSP,
// interleaved with this one, so "before" and "after" share the machine's state),
// --only-lsp (the language-server figures only), --only-copies (the copy rules'
// figures only), --results <file> (where the figures go; bench/results.json by default).
//
// The generated corpora repeat the five seeds, so every copy of a seed would be a
// `duplicate-document`: the figures measured on them run with the two copy rules off
// (COPY_RULES_OFF), so they measure what they measured before the rules came. The copy
// rules' own cost is measured apart ("copies" figures), on documents that are not copies.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lintMeasured, millionSection } from './million.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GEN = path.join(ROOT, 'bench', 'generated');
const SEEDS_CORPUS = path.join(ROOT, 'samples', 'seeds.corpus');
const argv = process.argv.slice(2);
const args = new Set(argv);
const QUICK = args.has('--quick');
const ONLY_LSP = args.has('--only-lsp');
const ONLY_COPIES = args.has('--only-copies');
/** The copy rules off: the generated corpora are the seeds repeated (see the header). */
const COPY_RULES_OFF = { 'duplicate-document': 'off', 'near-duplicate-document': 'off' };
const BASELINE = argv.includes('--baseline') ? path.resolve(argv[argv.indexOf('--baseline') + 1] ?? '') : undefined;
const RESULTS = argv.includes('--results') ? path.resolve(argv[argv.indexOf('--results') + 1] ?? '') : path.join(ROOT, 'bench', 'results.json');
const MB = 1024 * 1024;
const SIZES = QUICK ? [1, 10] : [1, 10, 50];
const LSP_SIZES = QUICK ? [1, 10] : [1, 10, 20, 50];
const BIG = SIZES[SIZES.length - 1];
const started = performance.now();

const log = (msg) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${msg}\n`);

// ---------------------------------------------------------------- statistics

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}
function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: quantile(s, 0.5), p95: quantile(s, 0.95), max: s[s.length - 1], min: s[0] };
}
/** Runs `fn` `warm` times unmeasured, then `reps` times; returns the samples in ms. */
function timeIt(fn, reps, warm = 1) {
  for (let i = 0; i < warm; i++) fn(i);
  const out = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}
async function timeAsync(fn, reps, warm = 1) {
  for (let i = 0; i < warm; i++) await fn(i);
  const out = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}
const median = (samples) => stats(samples).p50;

// ---------------------------------------------------------------- build

function build() {
  log('building the service (tsc -b server) and the bundles (esbuild)');
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', path.join(ROOT, 'server')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    // Type errors still emit JavaScript; go on if the modules are there.
    log(`tsc reported problems (continuing with what it emitted):\n${String(e.stdout ?? '').slice(0, 2000)}`);
  }
  fs.mkdirSync(GEN, { recursive: true });
  // The same options as scripts/build.mjs --production (what the .vsix ships), into bench/generated/.
  const esbuild = require('esbuild');
  const common = { ...require(path.join(ROOT, 'scripts', 'bundle-options.cjs'))(true), sourcemap: false };
  // jschardet and iconv-lite's tables are their own file beside the server, loaded only for a file that is not UTF-8
  // (as scripts/build.mjs ships them).
  const external = ['./chardet.js', './charsets'];
  esbuild.buildSync({ ...common, external, entryPoints: [path.join(ROOT, 'server/src/server.ts')], outfile: path.join(GEN, 'server.js') });
  // Readable function names in profiles.
  if (process.env.BENCH_SERVER_NODE_OPTIONS) esbuild.buildSync({ ...common, external, minify: false, entryPoints: [path.join(ROOT, 'server/src/server.ts')], outfile: path.join(GEN, 'server.js') });
  esbuild.buildSync({ ...common, external, entryPoints: [path.join(ROOT, 'server/src/cli.ts')], outfile: path.join(GEN, 'cli.js') });
  esbuild.buildSync({ ...common, entryPoints: [path.join(ROOT, 'server/src/node/charsets.ts')], outfile: path.join(GEN, 'chardet.js') });
}

// ---------------------------------------------------------------- corpora

/** The five seed articles, read from the sample corpus in the repository (each body ends with one line break). */
const seedDocs = (() => {
  const parts = fs.readFileSync(SEEDS_CORPUS, 'utf8').split(/^<<<FILE (\S+)>>>\r?\n/m);
  const docs = [];
  for (let i = 1; i + 1 < parts.length; i += 2) docs.push({ name: parts[i].replace(/\.txt$/, ''), text: parts[i + 1].replace(/\s*$/, '\n') });
  return docs;
})();

/**
 * The seeds repeated to `bytes` (UTF-8), each copy with a unique name.
 * kind 'many': the seeds as they are (4 diagnostics per 5 documents: about 10k at 50 MB);
 * kind 'few': every document gets a full date line, so only the few injected problems remain;
 * kind 'md': the 'many' content as Markdown (`# name` headings) for the Markdown peers.
 */
function generate(bytes, kind) {
  const parts = [];
  let size = 0;
  let injected = 0;
  for (let r = 0; size < bytes; r++) {
    for (const d of seedDocs) {
      const name = `${d.name}-${String(r).padStart(5, '0')}.txt`;
      let body = d.text;
      if (kind === 'few') {
        body = body.replace(/^ date \S+/, '').replace(/^/, ' date 2024-12-12 ');
        // One real problem per ~5 MB, so the file has "few" diagnostics but not none.
        if (size > (injected + 1) * 5 * MB) {
          body = body.replace(/^ date 2024-12-12/, ' date 2024-13-12');
          injected++;
        }
      }
      const head = kind === 'md' ? `# ${name}\n\n` : `<<<FILE ${name}>>>\n`;
      const s = head + body;
      parts.push(s);
      size += Buffer.byteLength(s);
      if (size >= bytes) break;
    }
  }
  return parts.join('');
}

// ---------------------------------------------------------------- results

const rows = [];
/** One figure. `target`: text; `met`: true/false/undefined (no target or not measurable). */
function record(row) {
  rows.push(row);
  const v = typeof row.value === 'number' ? `${fmt(row.value)} ${row.unit ?? ''}` : row.value;
  log(`${row.id}${row.size ? ` @${row.size} MB` : ''}: ${v}${row.note ? ` (${row.note})` : ''}`);
}
function fmt(x) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return String(x);
  if (x >= 100) return x.toFixed(0);
  if (x >= 10) return x.toFixed(1);
  if (x >= 1) return x.toFixed(2);
  return x.toFixed(3);
}
const NOT_YET = (why) => ({ value: 'not yet measurable', note: why });

// ---------------------------------------------------------------- copies

/**
 * The copy rules' cost: building the documents' signatures and entering them in the
 * index of copies, as the command line does for every document (and the editor for
 * each edited one). On documents that are not copies of one another: the seeds'
 * words shuffled anew for each document (a fixed pseudo-random order), so the index
 * holds as many texts as documents. Then the same on the seeds repeated (every
 * document a copy), and one edit in a 10 MB file as the editor follows it.
 */
function copiesSection(svc) {
  const out = path.join(ROOT, 'out', 'server', 'src', 'duplicates');
  const { signatureOf } = require(path.join(out, 'signature.js'));
  const { CopyIndex } = require(path.join(out, 'copyIndex.js'));
  let seed = 12345;
  const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  const words = seedDocs.flatMap((d) => d.text.split(/\s+/).filter(Boolean));
  const bodies = [];
  let bytes = 0;
  while (bytes < (QUICK ? 5 : 20) * MB) {
    const n = 150 + Math.floor(rand() * 500);
    const w = [];
    for (let k = 0; k < n; k++) w.push(words[Math.floor(rand() * words.length)]);
    const body = w.join(' ');
    bodies.push(body);
    bytes += Buffer.byteLength(body);
  }
  const pass = (list) => {
    const index = new CopyIndex();
    list.forEach((b, i) => {
      const sig = signatureOf(b);
      if (sig) index.add(i, sig);
    });
    return index;
  };
  const reps = QUICK ? 3 : 5;
  const sigOnly = stats(timeIt(() => bodies.forEach((b) => signatureOf(b)), reps, 1)).p50;
  const withIndex = stats(timeIt(() => pass(bodies), reps, 1));
  // The CPU time too: on a shared machine the wall clock also counts the other processes' turns.
  const cpu0 = process.cpuUsage();
  const idx = pass(bodies);
  const cpu = process.cpuUsage(cpu0);
  const perCpu = bytes / MB / ((cpu.user + cpu.system) / 1e6);
  record({
    id: 'copies-signatures',
    label: 'copies: signatures + LSH index, documents that are not copies',
    size: Math.round(bytes / MB),
    value: bytes / MB / (withIndex.p50 / 1000),
    unit: 'MB/s',
    target: '>= 50 MB/s',
    met: bytes / MB / (withIndex.p50 / 1000) >= 50,
    note: `${fmt(perCpu)} MB per CPU second; ${bodies.length} documents; signatures alone ${fmt(bytes / MB / (sigOnly / 1000))} MB/s; ${idx.comparisons} similarities computed (${fmt(idx.comparisons / bodies.length)} per document)`,
  });
  const repeated = generate((QUICK ? 5 : 20) * MB, 'many')
    .split(/^<<<FILE [^\n]*\n/m)
    .filter(Boolean);
  const rbytes = repeated.reduce((a, b) => a + Buffer.byteLength(b), 0);
  const rep = stats(timeIt(() => pass(repeated), reps, 1)).p50;
  record({
    id: 'copies-signatures-repeated',
    label: 'copies: signatures + LSH index, the seeds repeated (every document a copy)',
    size: Math.round(rbytes / MB),
    value: rbytes / MB / (rep / 1000),
    unit: 'MB/s',
    target: '>= 50 MB/s',
    met: rbytes / MB / (rep / 1000) >= 50,
  });
  // One edit in a 10 MB file of distinct documents, as the editor follows it (copy rules on, text rules cached).
  const text = bodies
    .slice(0, Math.max(1, Math.floor(bodies.length / (bytes / (10 * MB)))))
    .map((b, i) => `<<<FILE d${i}.txt date=2024-01-01>>>\n${b}\n`)
    .join('');
  const model = svc.CorpusModel.parse(text);
  const on = svc.DEFAULT_CONFIG;
  const timeEdits = (config) => {
    svc.computeDiagnostics(model, config, undefined, { text: true });
    const samples = [];
    for (let k = 0; k < (QUICK ? 20 : 40); k++) {
      const at = model.offsetAt({ line: 2 * Math.floor(rand() * (model.documentCount - 1)) + 1, character: 0 });
      model.applyEdit(at, at, 'x ');
      const t0 = performance.now();
      svc.computeDiagnostics(model, config, undefined, { text: 'cached' });
      samples.push(performance.now() - t0);
    }
    return samples;
  };
  // Rounds of each, interleaved, so that both see the same state of the machine (a busy neighbour, the heap's growth).
  const offConfig = { ...on, rules: { ...on.rules, ...COPY_RULES_OFF } };
  const offSamples = [];
  const onSamples = [];
  for (let round = 0; round < (QUICK ? 2 : 6); round++) {
    offSamples.push(...timeEdits(offConfig));
    onSamples.push(...timeEdits(on));
  }
  const off = stats(offSamples);
  const withCopies = stats(onSamples);
  record({
    id: 'copies-edit',
    label: 'copies: diagnostics after one edit, 10 MB file, copy rules on (p50)',
    size: 10,
    value: withCopies.p50,
    unit: 'ms',
    target: '≤ 1.1× copy rules off',
    met: withCopies.p50 <= 1.1 * off.p50,
    note: `${fmt(withCopies.p50 / off.p50)}× the copy rules off (p50 ${fmt(off.p50)} ms, p95 ${fmt(off.p95)} ms); p95 ${fmt(withCopies.p95)} ms; ${onSamples.length} edits each, interleaved; ${model.documentCount} documents`,
  });
}

// ---------------------------------------------------------------- service figures

function loadService() {
  // The service's facade (what the adapters import), plus the one feature function it does not re-export.
  const out = path.join(ROOT, 'out', 'server', 'src');
  const service = require(path.join(out, 'index.js'));
  return {
    CorpusModel: service.CorpusModel,
    computeDiagnostics: service.computeDiagnostics,
    documentSymbols: require(path.join(out, 'features', 'documentSymbols.js')).documentSymbols,
    DEFAULT_CONFIG: service.DEFAULT_CONFIG,
  };
}

/** The floor: one pass that finds header lines and bad characters (every byte must be read). */
const BAD = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/g;
function floorPass(text) {
  let headers = text.startsWith('<<<FILE') ? 1 : 0;
  for (let i = text.indexOf('\n<<<FILE'); i !== -1; i = text.indexOf('\n<<<FILE', i + 1)) headers++;
  BAD.lastIndex = 0;
  let bad = 0;
  while (BAD.exec(text) !== null) bad++;
  return headers + bad;
}

/** People detection, if server/src/people exports detectPeople and it works. */
function findDetectPeople() {
  const dir = path.join(ROOT, 'out', 'server', 'src', 'people');
  if (!fs.existsSync(dir)) return { why: 'server/src/people has no compiled module yet' };
  for (const f of fs
    .readdirSync(dir)
    .filter((x) => x.endsWith('.js'))
    .sort((a, b) => (a === 'index.js' ? -1 : b === 'index.js' ? 1 : a.localeCompare(b)))) {
    try {
      const m = require(path.join(dir, f));
      if (typeof m.detectPeople === 'function') {
        const probe = m.detectPeople(seedDocs[0].text, {});
        const list = Array.isArray(probe) ? probe : (probe?.people ?? probe?.mentions);
        if (!Array.isArray(list) || list.length === 0) return { why: `detectPeople (people/${f}) found no person in a seed article` };
        return { detectPeople: m.detectPeople, file: f, count: (r) => (Array.isArray(r) ? r : (r?.people ?? r?.mentions ?? [])).length };
      }
    } catch (e) {
      return { why: `people/${f} failed to load or run: ${String(e?.message ?? e).slice(0, 120)}` };
    }
  }
  return { why: 'no detectPeople(text, options) exported by server/src/people yet' };
}

// ---------------------------------------------------------------- Markdown peers

/** Document symbols of the Markdown language service, timed in a worker (see mdSymbolsWorker.mjs). */
async function markdownSymbols(text, reps, warm = 1) {
  const { Worker } = await import('node:worker_threads');
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./mdSymbolsWorker.mjs', import.meta.url), { workerData: { text, reps, warm }, resourceLimits: { stackSizeMb: 256 } });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

// ---------------------------------------------------------------- main

async function main() {
  build();
  const svc = loadService();
  const config = { ...svc.DEFAULT_CONFIG, rules: { ...svc.DEFAULT_CONFIG.rules, ...COPY_RULES_OFF } };
  const cpus = os.cpus();
  const env = { node: process.version, cpus: cpus.length, cpu: cpus[0]?.model, loadavgStart: os.loadavg(), platform: `${os.type()} ${os.release()}` };
  log(`${env.cpus} × ${env.cpu}, node ${env.node}, load ${env.loadavgStart.map((x) => x.toFixed(1)).join(' ')}`);
  if (ONLY_COPIES) {
    copiesSection(svc);
    if (!args.has('--no-cli')) await millionSection({ cliJs: path.join(GEN, 'cli.js'), seedDocs, quick: QUICK, record, fmt, log });
    return finish(env);
  }

  const corpora = {};
  for (const size of [...new Set([...(ONLY_LSP ? [] : SIZES), ...LSP_SIZES])].sort((a, b) => a - b)) {
    corpora[size] = { many: generate(size * MB, 'many') };
    fs.writeFileSync(path.join(GEN, `corpus-${size}mb.corpus`), corpora[size].many);
    if (LSP_SIZES.includes(size)) {
      corpora[size].few = generate(size * MB, 'few');
      fs.writeFileSync(path.join(GEN, `corpus-${size}mb-few.corpus`), corpora[size].few);
    }
    if (!ONLY_LSP && SIZES.includes(size)) {
      corpora[size].md = generate(size * MB, 'md');
      fs.writeFileSync(path.join(GEN, `corpus-${size}mb.md`), corpora[size].md);
    }
  }
  log(`generated ${Object.keys(corpora).join(', ')} MB corpora in bench/generated/`);
  const people = findDetectPeople();
  if (!ONLY_LSP) await serviceSection(svc, config, corpora, people);

  // ---- language server over stdio (bench/lsp.mjs)
  const serverJs = path.join(GEN, 'server.js');
  const bundleSize = fs.statSync(serverJs).size;
  // Issue 18: the server bundle stays under 3 MB (the people data alone are 1.4 MB; jschardet ships beside it).
  record({ id: 'bundle', label: 'bundled server (minified, dependencies included, jschardet apart)', value: bundleSize / MB, unit: 'MB', target: '< 3 MB', met: bundleSize < 3 * MB });
  await lspSection(serverJs, corpora, people);

  if (ONLY_LSP) return finish(env);

  // ---- grammar: VS Code's tokenizer on the 10 MB corpus
  const grammarPath = path.join(ROOT, 'syntaxes', 'corpus.tmLanguage.json');
  if (fs.existsSync(grammarPath)) {
    const vsctm = require('vscode-textmate');
    const onig = require('vscode-oniguruma');
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p) => new onig.OnigScanner(p), createOnigString: (s) => new onig.OnigString(s) }),
      loadGrammar: async (scope) => (scope === 'source.corpus' ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null),
    });
    const grammar = await registry.loadGrammar('source.corpus');
    const size = SIZES.includes(10) ? 10 : SIZES[0];
    const lines = corpora[size].many.split(/\r\n|\r|\n/);
    // Warm up on the seeds, then tokenize every line as VS Code does (tokenizeLine2), timing each.
    let stack = vsctm.INITIAL;
    for (const l of fs.readFileSync(SEEDS_CORPUS, 'utf8').split('\n')) stack = grammar.tokenizeLine2(l, stack).ruleStack;
    stack = vsctm.INITIAL;
    // A single timing can include a garbage collection or a context switch: keep the
    // 30 slowest lines with the state they started in, and time each again 5 times (minimum).
    let top = [];
    const t0 = performance.now();
    for (let i = 0; i < lines.length; i++) {
      const before = stack;
      const t1 = performance.now();
      stack = grammar.tokenizeLine2(lines[i], stack).ruleStack;
      const dt = performance.now() - t1;
      if (top.length < 30 || dt > top[top.length - 1].dt) {
        top.push({ dt, i, before });
        top.sort((a, b) => b.dt - a.dt);
        if (top.length > 30) top.pop();
      }
    }
    const total = performance.now() - t0;
    const retimed = top.map((c) => ({ ...c, again: Math.min(...timeIt(() => grammar.tokenizeLine2(lines[c.i], c.before), 5, 1)) })).sort((a, b) => b.again - a.again);
    const worst = retimed[0];
    record({
      id: 'grammar-slowest-line',
      label: 'grammar: slowest line (vscode-textmate + oniguruma)',
      size,
      value: worst.again,
      unit: 'ms',
      target: '< 5 ms',
      met: worst.again < 5,
      note: `line ${worst.i + 1} (${lines[worst.i].length} chars), best of 5; single-pass maximum ${fmt(top[0].dt)} ms (line ${top[0].i + 1}); whole file ${fmt(total / 1000)} s, ${fmt(Buffer.byteLength(corpora[size].many) / MB / (total / 1000))} MB/s`,
    });
  } else {
    record({ id: 'grammar-slowest-line', label: 'grammar: slowest line', ...NOT_YET('syntaxes/corpus.tmLanguage.json does not exist yet'), target: '< 5 ms' });
  }

  copiesSection(svc);
  // ---- the copy rules through the CLI at a million documents (bench/million.mjs; 25k and 100k with --quick)
  if (!args.has('--no-cli')) await millionSection({ cliJs: path.join(GEN, 'cli.js'), seedDocs, quick: QUICK, record, fmt, log });

  // ---- CLI streaming lint of a generated 1 GB file (temp dir, deleted afterwards)
  if (!args.has('--no-cli') && !QUICK) {
    const cliJs = path.join(GEN, 'cli.js');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-bench-'));
    const file = path.join(dir, 'big.corpus');
    fs.writeFileSync(path.join(dir, '.corpusrc.json'), JSON.stringify({ rules: COPY_RULES_OFF }));
    try {
      const chunk = corpora[BIG].many;
      const target = 1024 * MB;
      const fd = fs.openSync(file, 'w');
      let written = 0;
      for (let r = 0; written < target; r++) {
        // Unique names in every copy: rename the chunk's documents with the copy number.
        const piece = chunk.replace(/^<<<FILE (\S+)-(\d{5})\.txt>>>$/gm, `<<<FILE $1-$2-c${r}.txt>>>`);
        written += fs.writeSync(fd, piece);
      }
      fs.closeSync(fd);
      const bytes = fs.statSync(file).size;
      log(`generated ${fmt(bytes / MB)} MB for the CLI; linting it`);
      const { secs, code, peak, err } = await lintMeasured(cliJs, file, path.join(dir, 'report.json'));
      const reportSize = fs.existsSync(path.join(dir, 'report.json')) ? fs.statSync(path.join(dir, 'report.json')).size : 0;
      if (code === 0 || code === 1) {
        record({
          id: 'cli-lint-1gb',
          label: 'CLI: corpus lint of a 1 GB file (streaming, JSON report)',
          size: Math.round(bytes / MB),
          value: bytes / MB / secs,
          unit: 'MB/s',
          note: `${fmt(secs)} s, peak RSS ${fmt(peak / MB)} MB, report ${fmt(reportSize / MB)} MB`,
        });
      } else {
        record({ id: 'cli-lint-1gb', label: 'CLI: corpus lint of a 1 GB file', ...NOT_YET(`corpus lint exited with ${code}: ${err.slice(0, 200)}`) });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  finish(env);
}

/** The service in-process: open, keystrokes, symbols, peers, people detection. */
async function serviceSection(svc, config, corpora, people) {
  const reps = (size) => (QUICK ? 3 : size >= 50 ? 5 : size >= 10 ? 7 : 15);
  const floor = {};
  const open = {};
  const keystroke = {};
  for (const size of SIZES) {
    const text = corpora[size].many;
    floor[size] = median(timeIt(() => floorPass(text), reps(size), 2));
    record({ id: 'floor', label: 'floor: one pass, header lines + bad characters', size, value: floor[size], unit: 'ms' });
    let model;
    let diags;
    open[size] = median(
      timeIt(
        () => {
          model = svc.CorpusModel.parse(text);
          diags = svc.computeDiagnostics(model, config);
        },
        reps(size),
        1,
      ),
    );
    record({
      id: 'open',
      label: 'open: text → all diagnostics',
      size,
      value: open[size],
      unit: 'ms',
      ratio: open[size] / floor[size],
      ratioOf: 'floor',
      target: '≤ 3× floor',
      met: size === BIG ? open[size] <= 3 * floor[size] : undefined,
      note: `${diags.length} diagnostics, ${model.documents.length} documents`,
    });

    // Keystroke in the service: one character typed in the middle, then removed (both are one-character edits).
    const mid = Math.floor(model.length / 2);
    const samples = timeIt(
      (i) => {
        if (i % 2 === 0) model.applyEdit(mid, mid, 'x');
        else model.applyEdit(mid, mid + 1, '');
        svc.computeDiagnostics(model, config);
      },
      QUICK ? 100 : 400,
      40,
    );
    keystroke[size] = stats(samples);
    record({
      id: 'keystroke',
      label: 'keystroke: one-character edit → diagnostics (service)',
      size,
      value: keystroke[size].p95,
      unit: 'ms p95',
      extra: keystroke[size],
      target: '≤ 5 ms p95',
      met: size === BIG ? keystroke[size].p95 <= 5 : undefined,
      note: `p50 ${fmt(keystroke[size].p50)} ms`,
    });

    // A line-adding keystroke (Enter) shifts every later diagnostic: the worst case of a single key.
    const enter = stats(
      timeIt(
        (i) => {
          if (i % 2 === 0) model.applyEdit(mid, mid, '\n');
          else model.applyEdit(mid, mid + 1, '');
          svc.computeDiagnostics(model, config);
        },
        QUICK ? 40 : 100,
        10,
      ),
    );
    record({ id: 'keystroke-enter', label: 'keystroke: Enter (lines below move) → diagnostics', size, value: enter.p95, unit: 'ms p95', extra: enter, note: `p50 ${fmt(enter.p50)} ms` });

    // Peer: vscode-languageserver-textdocument, one one-character incremental edit.
    {
      const { TextDocument } = require('vscode-languageserver-textdocument');
      let doc = TextDocument.create('file:///bench.corpus', 'corpus', 1, text);
      const pos = doc.positionAt(mid);
      const peer = stats(
        timeIt(
          (i) => {
            TextDocument.update(
              doc,
              [i % 2 === 0 ? { range: { start: pos, end: pos }, text: 'x' } : { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '' }],
              doc.version + 1,
            );
          },
          QUICK ? 10 : 20,
          2,
        ),
      );
      doc = undefined;
      record({ id: 'peer-textdocument-edit', label: 'peer: vscode-languageserver-textdocument, one edit', size, value: peer.p50, unit: 'ms p50', note: 'copies the whole text per edit' });
      record({ id: 'keystroke-vs-textdocument', label: 'keystroke (edit + all diagnostics) / textdocument edit alone', size, value: keystroke[size].p50 / peer.p50, unit: '×' });
    }

    // Document symbols: on the open model after an edit, and cold (parse included).
    const symAfterEdit = stats(
      timeIt(
        (i) => {
          if (i % 2 === 0) model.applyEdit(mid, mid, 'x');
          else model.applyEdit(mid, mid + 1, '');
          svc.documentSymbols(model);
        },
        QUICK ? 5 : 11,
        2,
      ),
    );
    const symCold = median(timeIt(() => svc.documentSymbols(svc.CorpusModel.parse(text)), QUICK ? 2 : 3, 1));
    const md = await markdownSymbols(corpora[size].md, size >= 50 || QUICK ? 3 : 5, 1);
    const mdSym = median(md.times);
    const mdCount = md.count;
    record({ id: 'peer-md-symbols', label: 'peer: Markdown language service, document symbols', size, value: mdSym, unit: 'ms', note: `${mdCount} symbols` });
    record({
      id: 'symbols',
      label: 'document symbols after an edit',
      size,
      value: symAfterEdit.p50,
      unit: 'ms',
      ratio: symAfterEdit.p50 / mdSym,
      ratioOf: 'Markdown service',
      target: '≤ 10% of Markdown service',
      met: size === BIG ? symAfterEdit.p50 <= 0.1 * mdSym : undefined,
    });
    record({ id: 'symbols-cold', label: 'document symbols, cold (parse included)', size, value: symCold, unit: 'ms', ratio: symCold / mdSym, ratioOf: 'Markdown service' });
    model = undefined;
  }
  record({ id: 'keystroke-growth', label: `keystroke p95 ${BIG} MB / 1 MB`, value: keystroke[BIG].p95 / keystroke[1].p95, unit: '×', target: '≤ 2×', met: keystroke[BIG].p95 / keystroke[1].p95 <= 2 });

  // markdownlint: the same content as Markdown (too slow for 50 MB: about 14 s per 10 MB).
  if (!args.has('--no-peers')) {
    const { lint } = await import('markdownlint/sync');
    for (const size of SIZES.filter((s) => s <= 10)) {
      const t = median(timeIt(() => lint({ strings: { corpus: corpora[size].md } }), size >= 10 ? 1 : 2, size >= 10 ? 0 : 1));
      record({ id: 'peer-markdownlint', label: 'peer: markdownlint on the Markdown', size, value: t, unit: 'ms', note: `open is ${fmt(t / open[size])}× faster` });
    }
  }

  // People detection.
  let compromiseRate;
  if (!args.has('--no-peers')) {
    const nlp = (await import('compromise')).default;
    const sample = corpora[1].many.slice(0, 256 * 1024);
    const t = median(timeIt(() => nlp(sample).people().out('array'), QUICK ? 1 : 2, 1));
    compromiseRate = Buffer.byteLength(sample) / MB / (t / 1000);
    record({ id: 'peer-compromise', label: 'peer: compromise people()', value: compromiseRate, unit: 'MB/s', note: 'on the first 256 KB of the 1 MB corpus' });
  }
  if (people.detectPeople) {
    for (const size of SIZES.filter((s) => s <= 10)) {
      const text = corpora[size].many;
      let found = 0;
      const t = median(
        timeIt(
          () => {
            found = people.count(people.detectPeople(text, {}));
          },
          QUICK ? 2 : 3,
          1,
        ),
      );
      const rate = Buffer.byteLength(text) / MB / (t / 1000);
      record({
        id: 'people',
        label: 'people detection',
        size,
        value: rate,
        unit: 'MB/s',
        ratio: compromiseRate ? rate / compromiseRate : undefined,
        ratioOf: 'compromise',
        // issue 18: at least 10 MB/s, with compromise measured on the same text (the 20 MB/s and 50× of an
        // earlier issue were for the 0.1 detector, which only read titles)
        target: '≥ 10 MB/s',
        met: size === 10 ? rate >= 10 : undefined,
        note: `${found} mentions`,
      });
    }
  } else {
    record({ id: 'people', label: 'people detection', ...NOT_YET(people.why), target: '≥ 10 MB/s' });
  }
}

function finish(env) {
  env.loadavgEnd = os.loadavg();
  env.seconds = (performance.now() - started) / 1000;
  const results = { date: new Date().toISOString(), env, sizesMB: SIZES, lspSizesMB: LSP_SIZES, baseline: BASELINE, rows };
  // A partial run (--only-copies) leaves bench/results.json alone unless told where to write.
  if (!ONLY_COPIES || argv.includes('--results')) fs.writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${table(rows)}\n`);
  process.stdout.write(
    `\n${env.cpus} × ${env.cpu}, node ${env.node}; load average ${env.loadavgStart.map((x) => x.toFixed(1)).join(' ')} → ${env.loadavgEnd.map((x) => x.toFixed(1)).join(' ')}; whole run ${fmt(env.seconds)} s. Written to ${path.relative(ROOT, RESULTS)}.\n`,
  );
}

/** The language server through the protocol (bench/lsp.mjs): cold start, then every corpus size and kind, this build and the baseline interleaved. */
async function lspSection(serverJs, corpora, people) {
  const lsp = await import('./lsp.mjs');
  const seedsText = fs.readFileSync(SEEDS_CORPUS, 'utf8');
  const servers = [{ tag: '', js: serverJs }, ...(BASELINE ? [{ tag: 'baseline', js: BASELINE }] : [])];
  const id = (base, tag) => (tag ? `${base}@${tag}` : base);
  const label = (text, tag) => (tag ? `${text} [baseline]` : text);
  const big = LSP_SIZES[LSP_SIZES.length - 1];

  for (const srv of servers) {
    const coldSamples = [];
    for (let i = 0; i < (QUICK ? 3 : 7); i++) {
      const t0 = performance.now();
      const s = await lsp.startServer(srv.js);
      await s.open('file:///bench/seeds.corpus', seedsText);
      coldSamples.push(performance.now() - t0);
      await s.stop();
    }
    const cold = stats(coldSamples.slice(1));
    record({
      id: id('cold-start', srv.tag),
      label: label('cold start: spawn → initialize → first diagnostics (seeds.corpus)', srv.tag),
      value: cold.p50,
      unit: 'ms',
      extra: cold,
      target: '< 300 ms',
      met: cold.p50 < 300,
      note: `p95 ${fmt(cold.p95)} ms`,
    });
  }

  // The person the hover and references are measured on: the first one detected in the first seed article.
  let person;
  if (people.detectPeople) {
    const found = people.detectPeople(seedDocs[0].text, {});
    const list = Array.isArray(found) ? found : (found?.people ?? found?.mentions ?? []);
    person = list[0]?.text ?? list[0]?.name;
  }

  const results = {};
  for (const size of LSP_SIZES) {
    for (const kind of ['many', 'few']) {
      for (const srv of servers) {
        const text = corpora[size][kind];
        const withPeople = size === big && kind === 'many' ? person : undefined;
        log(`LSP ${srv.tag || 'this build'}: ${size} MB, ${kind} diagnostics`);
        const r = await lsp.measureCorpus(srv.js, text, { quick: QUICK, uri: `file:///bench/${kind}-${size}mb.corpus`, people: withPeople, log });
        ((results[srv.tag] ??= {})[kind] ??= {})[size] = r;
        const how = r.pulls ? 'pull' : 'push';
        const at50 = size === big;
        const diagLabel = kind === 'many' ? 'many diagnostics' : 'few diagnostics';
        record({
          id: id(`lsp-open-${kind}`, srv.tag),
          label: label(`LSP open: didOpen → first diagnostics (${diagLabel})`, srv.tag),
          size,
          value: r.open,
          unit: 'ms',
          note: `${r.count} diagnostics, ${how}`,
        });
        record({
          id: id(`lsp-after-open-${kind}`, srv.tag),
          label: label(`LSP keystroke right after open (${diagLabel})`, srv.tag),
          size,
          value: r.afterOpen.p95,
          unit: 'ms p95',
          extra: r.afterOpen,
          target: '≤ 30 ms p95',
          met: at50 ? r.afterOpen.p95 <= 30 : undefined,
          note: `p50 ${fmt(r.afterOpen.p50)} ms`,
        });
        record({
          id: id(`lsp-background-${kind}`, srv.tag),
          label: label(`LSP open → background work done (${diagLabel})`, srv.tag),
          size,
          value: r.background,
          unit: 'ms',
          note: r.backgroundSignalled ? 'as the server reports it' : 'last publication (the server does not report its background work)',
        });
        record({
          id: id(`lsp-steady-${kind}`, srv.tag),
          label: label(`LSP keystroke, steady (${diagLabel}): didChange → diagnostics`, srv.tag),
          size,
          value: r.steady.p95,
          unit: 'ms p95',
          extra: r.steady,
          target: '≤ 20 ms p95',
          met: at50 ? r.steady.p95 <= 20 : undefined,
          note: `p50 ${fmt(r.steady.p50)} ms, ${how}${r.pulls ? `, ${r.fullReports} of ${r.nSteady} reports full` : ''}`,
        });
        record({
          id: id(`lsp-memory-${kind}`, srv.tag),
          label: label(`server memory past its baseline, per MB of file (${diagLabel})`, srv.tag),
          size,
          value: r.memory.perMB,
          unit: 'MB/MB',
          target: '≤ 4 MB/MB',
          met: at50 ? r.memory.perMB <= 4 : undefined,
          note: `RSS ${fmt(r.memory.rss / MB)} MB (baseline ${fmt(r.memory.baseline / MB)} MB), peak ${fmt(r.memory.peakPerMB)} MB/MB`,
        });
        if (r.people) recordPeople(r.people, srv.tag, size, id, label);
      }
    }
  }
  for (const srv of servers) {
    for (const kind of ['many', 'few']) {
      const per = results[srv.tag][kind];
      for (const [what, key, tgt] of [
        ['steady', 'steady', 2],
        ['right after open', 'afterOpen', undefined],
      ]) {
        const ratio = per[big][key].p95 / per[1][key].p95;
        record({
          id: id(`lsp-growth-${key}-${kind}`, srv.tag),
          label: label(`LSP keystroke ${what} (${kind} diagnostics): p95 ${big} MB / 1 MB`, srv.tag),
          value: ratio,
          unit: '×',
          target: tgt ? `≤ ${tgt}×` : undefined,
          met: tgt ? ratio <= tgt : undefined,
        });
      }
    }
  }
  // A push client, on a keystroke that changes the diagnostics (the whole list is sent each time, as the protocol wants).
  for (const size of [1, big]) {
    for (const srv of servers) {
      const r = await lsp.measurePush(srv.js, corpora[size].many, { quick: QUICK, uri: `file:///bench/push-${size}mb.corpus` });
      if (r.why) {
        record({ id: id('lsp-push', srv.tag), label: label('LSP push client: keystroke that changes the diagnostics', srv.tag), size, ...NOT_YET(r.why) });
        continue;
      }
      record({
        id: id('lsp-push', srv.tag),
        label: label('LSP push client: keystroke that changes the diagnostics → publishDiagnostics', srv.tag),
        size,
        value: r.steady.p95,
        unit: 'ms p95',
        extra: r.steady,
        note: `p50 ${fmt(r.steady.p50)} ms, ${r.count} diagnostics per publication`,
      });
    }
  }
}

function recordPeople(p, tag, size, id, label) {
  if (p.why) {
    record({ id: id('hover-person', tag), label: label('hover on a person (LSP)', tag), ...NOT_YET(p.why), target: '≤ 10 ms p95' });
    return;
  }
  record({
    id: id('hover-person', tag),
    label: label('hover on a person (LSP)', tag),
    size,
    value: p.hover.p95,
    unit: 'ms p95',
    extra: { ...p.hover, answer: undefined },
    target: '≤ 10 ms p95',
    met: p.hoverFound ? p.hover.p95 <= 10 : false,
    note: `p50 ${fmt(p.hover.p50)} ms${p.hoverFound ? '' : '; the server answered nothing on the person'} (${p.person})`,
  });
  record({
    id: id('references-person', tag),
    label: label('references of a person (LSP)', tag),
    size,
    value: p.references.p95,
    unit: 'ms p95',
    extra: { ...p.references, answer: undefined },
    target: '≤ 20 ms p95',
    met: p.referenceCount > 0 ? p.references.p95 <= 20 : false,
    note: `p50 ${fmt(p.references.p50)} ms, ${p.referenceCount} locations`,
  });
  record({
    id: id('hover-after-edit', tag),
    label: label('hover on a person right after an edit elsewhere (LSP)', tag),
    size,
    value: p.hoverAfterEdit.p95,
    unit: 'ms p95',
    extra: p.hoverAfterEdit,
    note: `p50 ${fmt(p.hoverAfterEdit.p50)} ms`,
  });
}

/** One Markdown table: a line per measure, a column per size. */
function table(all) {
  const ids = [...new Set(all.map((r) => r.id))];
  const sizeCols = [...new Set(all.filter((r) => typeof r.size === 'number').map((r) => r.size))].sort((a, b) => a - b);
  const cell = (r) => {
    if (!r) return '';
    if (typeof r.value !== 'number') return r.value;
    let s = `${fmt(r.value)} ${r.unit ?? ''}`.trim();
    if (r.ratio !== undefined) s += ` (${fmt(r.ratio)}× ${r.ratioOf})`;
    return s;
  };
  const head = ['Measure', ...sizeCols.map((s) => `${s} MB`), 'other', 'Target', 'Met', 'Notes'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`];
  for (const id of ids) {
    const rs = all.filter((r) => r.id === id);
    const last = rs[rs.length - 1];
    const targetRow = rs.find((r) => r.met !== undefined) ?? last;
    const cols = sizeCols.map((s) => cell(rs.find((r) => r.size === s)));
    const other = rs
      .filter((r) => typeof r.size !== 'number')
      .map(cell)
      .join('; ');
    const met = targetRow.met === undefined ? '' : targetRow.met ? 'yes' : '**no**';
    lines.push(
      `| ${last.label} | ${cols.join(' | ')} | ${other} | ${targetRow.target ?? ''} | ${met} | ${rs
        .map((r) => r.note)
        .filter(Boolean)
        .join('; ')
        .replace(/\|/g, '\\|')} |`,
    );
  }
  return lines.join('\n');
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e?.stack ?? e}\n`);
  process.exitCode = 1;
});
