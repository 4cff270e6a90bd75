// The copy rules' index through the command line at a million documents (issue 14:
// "an index of 1 million documents in bounded memory through the CLI").
//
// Writes one corpus file of N small documents into a temporary folder (deleted
// afterwards): each 40–90 words drawn from the seed articles' vocabulary (a fixed
// pseudo-random order, every distinct word alike), so the texts are distinct and,
// like unrelated articles, share almost no run of five words; one document in 50 is an exact copy of an earlier one
// (re-spaced) and one in 50 a near copy (about one word in twenty changed). Every
// document has a unique name and a date, so the copy rules' diagnostics are nearly the
// only ones. `corpus lint` (the bench's CLI bundle) reads it with the copy rules on,
// the two text rules (date-mismatch, lang-mismatch: a few MB/s, measured elsewhere)
// off, and a JSON report; the bench polls its peak RSS (VmHWM). Run at two sizes in the same
// run, the ratio of the peak RSS shows what grows with the number of documents; the
// large file linted again with the copy rules off shows the copy rules' own share.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const MB = 1024 * 1024;

function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}

/** Writes `count` documents to `file`; returns the bytes written and the copies made. */
export function writeMillionCorpus(file, count, seedDocs) {
  const rand = rng(20261202);
  const seeds = seedDocs.map((d) =>
    d.text
      .replace(/^ ?date \S+/, '')
      .split(/\s+/)
      .filter(Boolean),
  );
  // Words only (a URL in the seeds would put one run of words in every text that draws it).
  const vocabulary = [...new Set(seeds.flat())].filter((w) => /^[\p{L}\p{M}\p{N}'’]{1,24}[,.;:]?$/u.test(w));
  const recent = [];
  const fd = fs.openSync(file, 'w');
  let parts = [];
  let pending = 0;
  let bytes = 0;
  const copies = { exact: 0, near: 0 };
  const flush = () => {
    const s = parts.join('');
    bytes += fs.writeSync(fd, s);
    parts = [];
    pending = 0;
  };
  for (let i = 0; i < count; i++) {
    let words;
    const r = rand();
    if (recent.length > 100 && r < 0.02) {
      words = recent[Math.floor(rand() * recent.length)];
      copies.exact++;
    } else if (recent.length > 100 && r < 0.04) {
      words = recent[Math.floor(rand() * recent.length)].map((w) => (rand() < 0.05 ? vocabulary[Math.floor(rand() * vocabulary.length)] : w));
      copies.near++;
    } else {
      const n = 40 + Math.floor(rand() * 50);
      words = [];
      for (let k = 0; k < n; k++) words.push(vocabulary[Math.floor(rand() * vocabulary.length)]);
    }
    if (recent.length < 2000) recent.push(words);
    else if (rand() < 0.01) recent[Math.floor(rand() * recent.length)] = words;
    const body = r < 0.02 ? words.join('\n') : words.join(' ');
    const s = `<<<FILE m${i}.txt>>>\n date 2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}\n${body}\n`;
    parts.push(s);
    pending += s.length;
    if (pending > 4 * MB) flush();
  }
  flush();
  fs.closeSync(fd);
  return { bytes, copies };
}

/** Runs `corpus lint` on a file; the wall time, exit code, peak RSS and the report's counts. */
export async function lintMeasured(cliJs, file, report, extra = []) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [cliJs, 'lint', file, '--format', 'json', '--no-progress', '-o', report, ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  let peak = 0;
  const poll = setInterval(() => {
    try {
      const m = /^VmHWM:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peak = Math.max(peak, Number(m[1]) * 1024);
    } catch {
      // exited
    }
  }, 20);
  const code = await new Promise((r) => child.on('exit', (c) => r(c)));
  clearInterval(poll);
  const secs = (performance.now() - t0) / 1000;
  const counts = {};
  if (fs.existsSync(report)) {
    const text = fs.readFileSync(report, 'utf8');
    for (const m of text.matchAll(/"code":\s*"([a-z-]+)"/g)) counts[m[1]] = (counts[m[1]] ?? 0) + 1;
  }
  return { secs, code, peak, err, counts };
}

/**
 * The rows: documents/s, MB/s and peak RSS at `small` and `large` documents, and the
 * ratio of the two peaks. `record` and `fmt` are the bench's.
 */
export async function millionSection({ cliJs, seedDocs, quick, record, fmt, log }) {
  const small = quick ? 25_000 : 250_000;
  const large = quick ? 100_000 : 1_000_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-million-'));
  // The text rules off: they read every article for dates and its language (a few MB/s), which is not what is measured here.
  fs.writeFileSync(path.join(dir, '.corpusrc.json'), JSON.stringify({ rules: { 'date-mismatch': 'off', 'lang-mismatch': 'off' } }));
  const peaks = {};
  try {
    for (const count of [small, large]) {
      const file = path.join(dir, `docs-${count}.corpus`);
      const { bytes, copies } = writeMillionCorpus(file, count, seedDocs);
      log(`generated ${count} documents (${fmt(bytes / MB)} MB, ${copies.exact} exact and ${copies.near} near copies); corpus lint`);
      const run = await lintMeasured(cliJs, file, path.join(dir, 'report.json'));
      // The same file with the copy rules off: what the rest of the lint holds (names for duplicate-name, …).
      const off = count === large ? await lintMeasured(cliJs, file, path.join(dir, 'report.json'), ['--rule', 'duplicate-document=off', '--rule', 'near-duplicate-document=off']) : undefined;
      fs.rmSync(file, { force: true });
      const id = `copies-cli-${count >= 1_000_000 ? `${count / 1_000_000}m` : `${count / 1000}k`}`;
      const label = `copies: corpus lint of ${count.toLocaleString('en')} small documents, copy rules on (peak RSS)`;
      if (run.code !== 0 && run.code !== 1) {
        record({ id, label, value: 'not yet measurable', note: `corpus lint exited with ${run.code}: ${run.err.slice(0, 200)}` });
        continue;
      }
      peaks[count] = run.peak;
      record({
        id,
        label,
        size: Math.round(bytes / MB),
        value: run.peak / MB,
        unit: 'MB',
        note: `${fmt(count / run.secs)} documents/s, ${fmt(bytes / MB / run.secs)} MB/s, ${fmt(run.secs)} s; ${run.counts['duplicate-document'] ?? 0} duplicate-document, ${run.counts['near-duplicate-document'] ?? 0} near-duplicate-document (${copies.exact} exact and ${copies.near} near copies written)`,
      });
      if (off && (off.code === 0 || off.code === 1)) {
        const share = run.peak - off.peak;
        record({
          id: 'copies-cli-index-share',
          label: `copies: peak RSS of the copy rules in corpus lint, ${count.toLocaleString('en')} documents (rules on − off)`,
          size: Math.round(bytes / MB),
          value: share / MB,
          unit: 'MB',
          target: '<= 128 MB',
          met: share <= 128 * MB,
          note: `${fmt(share / count)} bytes per document; peak RSS ${fmt(off.peak / MB)} MB with the copy rules off (${fmt(off.secs)} s)`,
        });
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (peaks[small] && peaks[large]) {
    const ratio = peaks[large] / peaks[small];
    record({
      id: 'copies-cli-rss-ratio',
      label: `copies: corpus lint peak RSS, ${large.toLocaleString('en')} / ${small.toLocaleString('en')} documents`,
      value: ratio,
      unit: '×',
      target: '<= 2× (for 4× the documents)',
      met: ratio <= 2,
      note: `${fmt((peaks[large] - peaks[small]) / (large - small))} bytes of peak RSS per added document`,
    });
  }
}
