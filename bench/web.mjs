// `npm run bench:web`: the language server in a Web Worker (headless Chromium) against the
// Node server (stdio), in the same run, on the same 10 MB corpus (the seeds repeated, as
// bench/run.mjs generates them): open → first diagnostics, and a one-character keystroke in
// the middle → the diagnostics of that version, as the client sees them through the protocol.
// Also the sizes of the bundles the .vsix ships for the browser. Prints a table and writes
// bench/web-results.json. The figures to compare are the ratios (worker / Node) of this run.
// They run in turns (Node, worker, control, Node, …) so that a busy machine weighs on both;
// the open figures are the medians of the rounds, the keystroke figures pool every round's keys.
// Keystrokes start once the background checks after open are done (as in bench/run.mjs), each
// after a 20 ms pause.
// Two controls explain the gap between the two: the same worker bundle run by Node 20 in a
// worker thread (the engine of the Node server, the transport of the worker), and 1 MiB sent
// through a pipe to a Node child with no server at all (what the machine's load does to stdio).
// Options: --size=N (MB, default 10), --keys=N (keystrokes per round, default 20), --rounds=N (3).
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/* global Worker -- the worker run's page code (page.evaluate) */

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'bench', 'generated', 'web');
const SEEDS = path.resolve(ROOT, '..', 'shared', 'seeds');
const arg = (name, dflt) => Number((process.argv.find((a) => a.startsWith(`--${name}=`)) ?? `=${dflt}`).split('=')[1]);
const SIZE = arg('size', 10);
const KEYS = arg('keys', 20);
const ROUNDS = arg('rounds', 3);
const MB = 1024 * 1024;
const t0 = performance.now();
const log = (m) => process.stderr.write(`[bench:web ${((performance.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${m}\n`);

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: quantile(s, 0.5), p95: quantile(s, 0.95), max: s[s.length - 1] };
};

/** The production bundles (what the .vsix ships), into bench/generated/web/. */
function build() {
  const esbuild = require('esbuild');
  const common = { ...require(path.join(ROOT, 'scripts', 'bundle-options.cjs'))(true), sourcemap: false };
  esbuild.buildSync({ ...common, entryPoints: [path.join(ROOT, 'server/src/server.ts')], outfile: path.join(OUT, 'server.js') });
  esbuild.buildSync({
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    mainFields: ['browser', 'module', 'main'],
    entryPoints: [path.join(ROOT, 'server/src/browserServer.ts')],
    outfile: path.join(OUT, 'worker.js'),
  });
  esbuild.buildSync({
    ...common,
    platform: 'browser',
    target: 'es2022',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    entryPoints: [path.join(ROOT, 'client/src/browser.ts')],
    outfile: path.join(OUT, 'client.js'),
  });
}

/** The seeds repeated to `bytes`, each copy with a unique name (bench/run.mjs's "many" corpus). */
function generate(bytes) {
  const docs = fs
    .readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/, ''), text: fs.readFileSync(path.join(SEEDS, f), 'utf8').replace(/\s*$/, '\n') }));
  const parts = [];
  let size = 0;
  for (let r = 0; size < bytes; r++) {
    for (const d of docs) {
      const s = `<<<FILE ${d.name}-${String(r).padStart(5, '0')}.txt>>>\n${d.text}`;
      parts.push(s);
      size += Buffer.byteLength(s);
      if (size >= bytes) break;
    }
  }
  return parts.join('');
}

function middle(text) {
  const mid = Math.floor(text.length / 2);
  const lineStart = text.lastIndexOf('\n', mid - 1) + 1;
  return { line: text.slice(0, lineStart).split('\n').length - 1, character: mid - lineStart };
}

const INIT = { processId: null, rootUri: null, workspaceFolders: null, capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } } };

/**
 * The measurement, written once as page-or-Node code over a `send`/`onMessage` pair: initialize,
 * open (time to the first diagnostics), then keystrokes (time to the diagnostics of each version).
 */
const SCENARIO = async function scenario(send, onMessage, text, at, keys, init) {
  const pending = new Map();
  const waiters = [];
  let id = 0;
  let lastPublish = 0;
  let published = 0;
  let lastCount = 0;
  let lastCodes = {};
  onMessage((m) => {
    if (m.method && m.id !== undefined) {
      // The server's requests: settings (none), registrations, files (none: nothing to read).
      send({ jsonrpc: '2.0', id: m.id, result: m.method === 'workspace/configuration' ? m.params.items.map(() => ({})) : null });
    } else if (m.method === 'textDocument/publishDiagnostics') {
      lastPublish = performance.now();
      published += 1;
      lastCount = m.params.diagnostics.length;
      lastCodes = {};
      for (const d of m.params.diagnostics) lastCodes[d.code] = (lastCodes[d.code] ?? 0) + 1;
      for (let i = 0; i < waiters.length; i++) {
        if (waiters[i].version === m.params.version) waiters.splice(i--, 1)[0].resolve(m.params);
      }
    } else if (m.id !== undefined && pending.has(m.id)) {
      pending.get(m.id)(m.result);
      pending.delete(m.id);
    }
  });
  const request = (method, params) => new Promise((resolve) => (pending.set(++id, resolve), send({ jsonrpc: '2.0', id, method, params })));
  const diagnostics = (version) => new Promise((resolve) => waiters.push({ version, resolve }));
  const uri = 'file:///bench/corpus.corpus';
  const s0 = performance.now();
  await request('initialize', init);
  send({ jsonrpc: '2.0', method: 'initialized', params: {} });
  const ready = performance.now() - s0;
  const o0 = performance.now();
  const first = diagnostics(1);
  send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'corpus', version: 1, text } } });
  const firstPublished = await first;
  const open = performance.now() - o0;
  // The background checks after the first publication (dates from the text, people): until 500 ms pass without one.
  while (performance.now() - lastPublish < 500 && performance.now() - o0 < 60000) await new Promise((r) => setTimeout(r, 50));
  const background = lastPublish - o0;
  const settled = { publications: published, diagnostics: lastCount, codes: lastCodes };
  const samples = [];
  for (let v = 2; v < keys + 2; v++) {
    const k0 = performance.now();
    const next = diagnostics(v);
    const pos = { line: at.line, character: at.character + v - 2 };
    send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version: v }, contentChanges: [{ range: { start: pos, end: pos }, text: 'x' }] } });
    await next;
    samples.push(performance.now() - k0);
    await new Promise((r) => setTimeout(r, 20)); // a typist's pause: the background checks of the last key may run
  }
  return { ready, open, background, settled, diagnostics: firstPublished.diagnostics.length, keystrokes: samples };
};

async function nodeRun(text, at) {
  const child = spawn(process.execPath, [path.join(OUT, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const rpc = require('vscode-languageserver-protocol/node');
  const reader = new rpc.StreamMessageReader(child.stdout);
  const writer = new rpc.StreamMessageWriter(child.stdin);
  try {
    return await SCENARIO(
      (m) => void writer.write(m),
      (fn) => reader.listen(fn),
      text,
      at,
      KEYS,
      INIT,
    );
  } finally {
    child.kill();
  }
}

/**
 * A control: the same worker bundle run by Node 20 in a worker thread, over worker messages
 * (no stdio, no JSON framing). Against the Node server it shows what the transport costs;
 * against Chromium, what the JavaScript engine does.
 */
async function nodeWorkerRun(text, at) {
  const { Worker: NodeWorker } = await import('node:worker_threads');
  const boot = `
    const { parentPort, workerData } = require('node:worker_threads');
    globalThis.self = globalThis;
    globalThis.addEventListener = () => {};
    globalThis.postMessage = (m) => parentPort.postMessage(m);
    parentPort.on('message', (data) => globalThis.onmessage?.({ data }));
    require('node:vm').runInThisContext(require('node:fs').readFileSync(workerData, 'utf8'), { filename: workerData });`;
  const w = new NodeWorker(boot, { eval: true, workerData: path.join(OUT, 'worker.js') });
  try {
    return await SCENARIO(
      (m) => w.postMessage(m),
      (fn) => w.on('message', fn),
      text,
      at,
      KEYS,
      INIT,
    );
  } finally {
    await w.terminate();
  }
}

async function workerRun(text, at) {
  const files = { '/worker.js': fs.readFileSync(path.join(OUT, 'worker.js')), '/corpus': Buffer.from(text, 'utf8'), '/': Buffer.from('<!doctype html><title>bench</title>') };
  const server = http.createServer((req, res) => {
    const body = files[req.url];
    res.writeHead(body ? 200 : 404, { 'content-type': req.url === '/worker.js' ? 'text/javascript' : 'text/html; charset=utf-8' });
    res.end(body ?? '');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    return await page.evaluate(
      async ({ scenario, at, keys, init }) => {
        const text = await (await fetch('/corpus')).text();
        const worker = new Worker('/worker.js');
        // The scenario is shared with the Node run as source text.
        const run = new Function(`return (${scenario})`)();
        try {
          return await run(
            (m) => worker.postMessage(m),
            (fn) => worker.addEventListener('message', (e) => fn(e.data)),
            text,
            at,
            keys,
            init,
          );
        } finally {
          worker.terminate();
        }
      },
      { scenario: SCENARIO.toString(), at, keys: KEYS, init: INIT },
    );
  } finally {
    await browser.close();
    server.close();
  }
}

/** What the machine's load does to stdio alone: 1 MiB written to a Node child's stdin, until it answers (no server). */
async function pipeProbe() {
  const child = spawn(process.execPath, ['-e', "let n = 0; process.stdin.on('data', (d) => { n += d.length; if (n >= 1048576) process.stdout.write('k'); });"], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  await new Promise((r) => setTimeout(r, 300));
  const t0 = performance.now();
  const answered = new Promise((r) => child.stdout.once('data', r));
  child.stdin.write(Buffer.alloc(MB, 97));
  await answered;
  const ms = performance.now() - t0;
  child.kill();
  return ms;
}

async function main() {
  log('building the production bundles');
  build();
  const text = generate(SIZE * MB);
  const at = middle(text);
  const sizes = Object.fromEntries(
    ['worker.js', 'client.js', 'server.js'].map((f) => {
      const buf = fs.readFileSync(path.join(OUT, f));
      return [f, { bytes: buf.length, gzip: zlib.gzipSync(buf).length }];
    }),
  );
  log(`${(Buffer.byteLength(text) / MB).toFixed(1)} MB corpus; Node server, the worker in Chromium, the control`);
  const runs = { node: [], worker: [], control: [], pipe: [] };
  for (let r = 1; r <= ROUNDS; r++) {
    runs.node.push(await nodeRun(text, at));
    runs.worker.push(await workerRun(text, at));
    runs.control.push(await nodeWorkerRun(text, at));
    runs.pipe.push(await pipeProbe());
    log(`round ${r}: open ${runs.node.at(-1).open.toFixed(0)} ms (Node) / ${runs.worker.at(-1).open.toFixed(0)} ms (worker) / ${runs.control.at(-1).open.toFixed(0)} ms (control)`);
  }
  const codes = (xs) => JSON.stringify(xs[0].settled.codes).replace(/[{}"]/g, '').replace(/,/g, ', ');
  const same = (r) => [...r.node, ...r.worker, ...r.control].every((x) => JSON.stringify(x.settled.codes) === JSON.stringify(r.node[0].settled.codes));
  const pooled = (xs) => ({
    ready: stats(xs.map((x) => x.ready)).p50,
    open: stats(xs.map((x) => x.open)).p50,
    background: stats(xs.map((x) => x.background)).p50,
    diagnostics: xs[0].diagnostics,
    keystrokes: xs.flatMap((x) => x.keystrokes),
    rounds: xs,
  });
  const node = pooled(runs.node);
  const worker = pooled(runs.worker);
  const control = pooled(runs.control);
  const k = { node: stats(node.keystrokes), worker: stats(worker.keystrokes), control: stats(control.keystrokes) };
  const row = (label, n, w, c, digits) => [label, `${n.toFixed(digits)} ms`, `${w.toFixed(digits)} ms`, `${(w / n).toFixed(2)}×`, `${c.toFixed(digits)} ms`];
  const rows = [
    row('server start → initialize answered (median of rounds)', node.ready, worker.ready, control.ready, 0),
    row('open → first diagnostics (median of rounds)', node.open, worker.open, control.open, 0),
    row('open → last background publication (median of rounds)', node.background, worker.background, control.background, 0),
    row('keystroke → diagnostics p50', k.node.p50, k.worker.p50, k.control.p50, 1),
    row('keystroke → diagnostics p95', k.node.p95, k.worker.p95, k.control.p95, 1),
    ['machine: 1 MiB through a pipe to a Node child (no server; median of rounds)', `${stats(runs.pipe).p50.toFixed(0)} ms`, '', '', ''],
    ['diagnostics published at open', String(node.diagnostics), String(worker.diagnostics), '', String(control.diagnostics)],
    ['the same diagnostics once settled (by code)', codes(runs.node), codes(runs.worker), same(runs) ? 'same' : 'DIFFERENT', codes(runs.control)],
  ];
  const cpu = execFileSync('sh', ['-c', "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], { encoding: 'utf8' }).trim();
  const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(
    `\nLanguage server in a Web Worker (Chromium ${(await chromiumVersion()) ?? '?'}) vs Node ${process.version}: ${SIZE} MB corpus, ${ROUNDS} rounds of ${KEYS} keystrokes (${cpu}, load ${load})\n`,
  );
  console.log('| figure | Node server (stdio) | worker (headless Chromium) | worker / Node | control: worker bundle in Node 20 (worker thread) |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log('\n| bundle (production) | bytes | gzip |');
  console.log('| --- | --- | --- |');
  for (const [f, s] of Object.entries({
    'dist/browser/server.js (the worker)': sizes['worker.js'],
    'dist/browser/client.js': sizes['client.js'],
    'dist/server.js (Node, for comparison)': sizes['server.js'],
  })) {
    console.log(`| ${f} | ${s.bytes.toLocaleString('en')} (${(s.bytes / MB).toFixed(2)} MiB) | ${s.gzip.toLocaleString('en')} |`);
  }
  fs.writeFileSync(
    path.join(ROOT, 'bench', 'web-results.json'),
    `${JSON.stringify({ date: new Date().toISOString(), sizeMB: SIZE, keys: KEYS, rounds: ROUNDS, node, worker, control, pipeMs: runs.pipe, keystroke: k, bundles: sizes }, null, 2)}\n`,
  );
  log('wrote bench/web-results.json');
}

async function chromiumVersion() {
  try {
    return execFileSync(process.env.CHROMIUM || '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .replace(/^Chromium\s*/, '')
      .replace(/\s*built on.*$/, '');
  } catch {
    return undefined;
  }
}

await main();
