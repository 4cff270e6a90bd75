// The language server as a client sees it (issue 13): an independent JSON-RPC
// client over stdio, timing from the moment a message is written to the moment
// the answer the editor waits for arrives.
//
// - A pull client (what VS Code's client is: LSP 3.17 `textDocument/diagnostic`)
//   sends `didChange` and then pulls; the keystroke is done when the report (full
//   or `unchanged`) arrives. A server that offers no pull diagnostics is measured
//   as a push client: until `publishDiagnostics` for the new version arrives.
// - A push client (no pull capability) is measured on a keystroke that changes the
//   diagnostics (a date broken and mended), since a server may rightly publish
//   nothing when nothing changed.
// - "Right after open": the keystrokes start as soon as the first diagnostics
//   arrive, while the server's background work (dates, people) is still running.
//   "Steady": after that work is done (the server says so in `corpus/serverInfo`;
//   for a server that does not, after 1.5 s without a publication).
// - Memory: the server's RSS (from /proc) after open and the steady keystrokes,
//   minus its RSS right after `initialized` (the process's own baseline), per MB of
//   file.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');
const MB = 1024 * 1024;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
export function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: quantile(s, 0.5), p95: quantile(s, 0.95), max: s[s.length - 1], min: s[0] };
}

/** Starts a server (`node serverJs --stdio`) and initializes it as a pull client (or, with `pull: false`, a push client). */
export async function startServer(serverJs, { pull = true, nodeArgs = [] } = {}) {
  const child = spawn(process.execPath, [...nodeArgs, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiters = [];
  const state = { lastPublish: performance.now(), publishCount: 0, refreshes: 0 };
  conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
    state.lastPublish = performance.now();
    state.publishCount++;
    for (let i = 0; i < waiters.length; i++) {
      const w = waiters[i];
      if (w.uri === p.uri && (w.version === undefined || p.version === w.version)) {
        waiters.splice(i--, 1);
        w.resolve(p);
      }
    }
  });
  // The copy rules off: the bench's corpora repeat the seeds, every copy would be a duplicate (bench/run.mjs's header).
  conn.onRequest(rpc.ConfigurationRequest.type, (params) => params.items.map(() => ({ rules: { 'duplicate-document': 'off', 'near-duplicate-document': 'off' } })));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => {
    state.refreshes++;
    return null;
  });
  conn.onRequest('workspace/semanticTokens/refresh', () => null);
  conn.onNotification('window/logMessage', () => {});
  conn.listen();
  const textDocument = { publishDiagnostics: { versionSupport: true, relatedInformation: true } };
  if (pull) textDocument.diagnostic = { dynamicRegistration: false, relatedDocumentSupport: false };
  const init = await conn.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    capabilities: { workspace: { configuration: true, diagnostics: { refreshSupport: pull } }, textDocument },
  });
  await conn.sendNotification(rpc.InitializedNotification.type, {});
  const pulls = pull && init.capabilities?.diagnosticProvider !== undefined;
  const resultIds = new Map();

  const waitPublish = (uri, version) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version} within 180 s; stderr: ${stderr.slice(-2000)}`)), 180000);
      waiters.push({
        uri,
        version,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  /** Pulls the diagnostics of `uri`; returns how many there are (undefined for `unchanged`). */
  const pullNow = async (uri) => {
    const report = await conn.sendRequest(rpc.DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: resultIds.get(uri) });
    if (report.resultId !== undefined) resultIds.set(uri, report.resultId);
    return report.kind === 'full' ? { count: report.items.length, full: true } : { full: false };
  };

  const server = {
    child,
    conn,
    init,
    pulls,
    state,
    stderr: () => stderr,
    /** didOpen → the first diagnostics; resolves with their count. */
    async open(uri, text, version = 1) {
      const published = pulls ? undefined : waitPublish(uri, version);
      await conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'corpus', version, text } });
      if (pulls) return (await pullNow(uri)).count;
      return (await published).diagnostics.length;
    },
    /** didChange → fresh diagnostics as this client gets them (pulled, or published for this version). */
    async change(uri, version, range, text) {
      const published = pulls ? undefined : waitPublish(uri, version);
      await conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
      if (pulls) return pullNow(uri);
      const p = await published;
      return { count: p.diagnostics.length, full: true };
    },
    /** Resolves when the server's background work is done (or, for a server that does not say, after `quietMs` without a publication). */
    async settle(quietMs = 1500, maxMs = 240000) {
      const t0 = performance.now();
      const info = await conn.sendRequest('corpus/serverInfo');
      if (typeof info?.backgroundWork === 'number') {
        while (performance.now() - t0 < maxMs) {
          const now = await conn.sendRequest('corpus/serverInfo');
          if (now.backgroundWork === 0) break;
          await sleep(50);
        }
        return { ms: performance.now() - t0, signalled: true };
      }
      while (performance.now() - state.lastPublish < quietMs && performance.now() - t0 < maxMs) await sleep(100);
      return { ms: Math.max(0, state.lastPublish - t0), signalled: false };
    },
    memory() {
      try {
        const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN) * 1024;
        return { rss: kb('VmRSS'), peak: kb('VmHWM') };
      } catch {
        return { rss: NaN, peak: NaN };
      }
    },
    async stop() {
      try {
        await Promise.race([conn.sendRequest(rpc.ShutdownRequest.type), sleep(3000)]);
        await conn.sendNotification(rpc.ExitNotification.type);
      } catch {
        // already gone
      }
      await Promise.race([new Promise((r) => child.once('exit', r)), sleep(3000)]);
      if (child.exitCode === null) child.kill();
      conn.dispose();
    },
  };
  return server;
}

/** Line and UTF-16 column of an offset. */
export function positionOf(text, offset) {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < lineStart; i = text.indexOf('\n', i + 1)) line++;
  return { line, character: offset - lineStart };
}

/** Where a keystroke in the middle of the file goes: inside a document's text, away from its first lines. */
export function middleTyping(text) {
  let at = Math.floor(text.length / 2);
  // Inside a word of a body line (not a header, not a date line).
  while (at < text.length && !/[a-z]/.test(text[at])) at++;
  return positionOf(text, at);
}

/** A keystroke that changes the diagnostics: one character into a date in the middle of the file (breaks it, then mends it). */
export function dateTyping(text) {
  const at = text.indexOf('\n date 2024-12-12', Math.floor(text.length / 2));
  if (at < 0) return undefined;
  return positionOf(text, at + '\n date 2024-12-1'.length);
}

function typeAndDelete(server, uri, pos, i, version) {
  const insert = i % 2 === 0;
  const range = insert ? { start: pos, end: pos } : { start: pos, end: { line: pos.line, character: pos.character + 1 } };
  return server.change(uri, version, range, insert ? 'x' : '');
}

/**
 * One corpus through one server: open, typing right after open, background work,
 * steady typing, memory. With `people`, hover and references on a person too.
 */
export async function measureCorpus(serverJs, text, { quick, uri, people, log }) {
  const s = await startServer(serverJs);
  try {
    await sleep(300);
    const baseline = s.memory();
    const t0 = performance.now();
    const count = await s.open(uri, text);
    const open = performance.now() - t0;
    const pos = middleTyping(text);
    let version = 1;
    const afterOpen = [];
    const nAfter = quick ? 15 : 40;
    for (let i = 0; i < nAfter; i++) {
      const t1 = performance.now();
      await typeAndDelete(s, uri, pos, i, ++version);
      afterOpen.push(performance.now() - t1);
    }
    const tb = performance.now();
    const settled = await s.settle();
    const background = tb - t0 + settled.ms;
    const steady = [];
    let fullReports = 0;
    const nSteady = quick ? 30 : 100;
    for (let i = 0; i < nSteady + 10; i++) {
      const t1 = performance.now();
      const r = await typeAndDelete(s, uri, pos, i, ++version);
      if (i >= 10) {
        steady.push(performance.now() - t1);
        if (r.full) fullReports++;
      }
    }
    const mem = s.memory();
    const out = {
      pulls: s.pulls,
      count,
      open,
      afterOpen: stats(afterOpen),
      background,
      backgroundSignalled: settled.signalled,
      steady: stats(steady),
      fullReports,
      nSteady,
      memory: { ...mem, baseline: baseline.rss, perMB: (mem.rss - baseline.rss) / Buffer.byteLength(text), peakPerMB: (mem.peak - baseline.rss) / Buffer.byteLength(text) },
    };
    if (people) out.people = await measurePeople(s, uri, text, people, quick, () => ++version, log);
    return out;
  } finally {
    await s.stop();
  }
}

/** Hover and references on a person, at rest and right after an edit in another document. */
async function measurePeople(s, uri, text, person, quick, nextVersion) {
  const lines = text.split('\n', 4000);
  const line = lines.findIndex((l) => l.includes(person));
  if (line < 0) return { why: `no line with "${person}"` };
  const position = { line, character: lines[line].indexOf(person) + 1 };
  const timeRequest = async (method, params, reps) => {
    for (let i = 0; i < 5; i++) await s.conn.sendRequest(method, params);
    const samples = [];
    let answer;
    for (let i = 0; i < reps; i++) {
      const t = performance.now();
      answer = await s.conn.sendRequest(method, params);
      samples.push(performance.now() - t);
    }
    return { ...stats(samples), answer };
  };
  const hoverParams = { textDocument: { uri }, position };
  const hover = await timeRequest('textDocument/hover', hoverParams, quick ? 20 : 60);
  const refs = await timeRequest('textDocument/references', { ...hoverParams, context: { includeDeclaration: true } }, quick ? 10 : 40);
  // An edit in the middle of the file, then the hover (the file's people are regrouped from the documents' caches).
  const pos = middleTyping(text);
  const afterEdit = [];
  for (let i = 0; i < (quick ? 10 : 30); i++) {
    await typeAndDelete(s, uri, pos, i, nextVersion());
    const t = performance.now();
    await s.conn.sendRequest('textDocument/hover', hoverParams);
    afterEdit.push(performance.now() - t);
  }
  return {
    person,
    hover,
    hoverFound: hover.answer !== null && hover.answer !== undefined,
    references: refs,
    referenceCount: Array.isArray(refs.answer) ? refs.answer.length : 0,
    hoverAfterEdit: stats(afterEdit),
  };
}

/** The push client: a keystroke that changes the diagnostics, steady, until its publication arrives. */
export async function measurePush(serverJs, text, { quick, uri }) {
  const pos = dateTyping(text);
  if (!pos) return { why: 'no date line in the middle of the corpus' };
  const s = await startServer(serverJs, { pull: false });
  try {
    await s.open(uri, text);
    await s.settle();
    let version = 1;
    const samples = [];
    let count = 0;
    const n = quick ? 20 : 60;
    for (let i = 0; i < n + 6; i++) {
      const t = performance.now();
      const r = await typeAndDelete(s, uri, pos, i, ++version);
      if (i >= 6) samples.push(performance.now() - t);
      count = r.count;
    }
    return { steady: stats(samples), count, publications: s.state.publishCount };
  } finally {
    await s.stop();
  }
}
