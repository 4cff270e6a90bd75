// Neovim as a user runs it: a headless Neovim (Debian's `neovim`, 0.7.2 on bookworm;
// the config is written for 0.7 to 0.11) loads editors/nvim/corpus.lua as an init.lua
// would, opens a `.txt` whose first line is a header and checks that it becomes a
// corpus, that the diagnostics arrive (at the right byte columns after Vietnamese
// text) and that a hover answers. Neovim is required: .ci/run installs it with apt;
// elsewhere, `sudo apt-get install -y neovim`. A missing Neovim fails, never skips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface NeovimResult {
  version: string;
  error?: string;
  filetypes: { plain: string; corpus: string; header: string };
  waited: boolean;
  diagnostics: { code: string; lnum: number; col: number; severity: number; message: string; source: string }[];
  hover?: string;
  clients: number;
}

test('Neovim: a header-first .txt is a corpus; diagnostics arrive and a hover answers', () => {
  const which = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  assert.ok(which.status === 0, 'Neovim (nvim) is needed for this test: `sudo apt-get install -y neovim` (.ci/run installs it)');
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-nvim-'));
  try {
    // `corpus-language-server` on the PATH, as `npm install -g` puts it.
    const bin = path.join(ws, 'bin');
    fs.mkdirSync(bin);
    fs.symlinkSync(path.join(ROOT, 'bin', 'corpus-language-server.js'), path.join(bin, 'corpus-language-server'));
    const files = path.join(ws, 'project');
    fs.mkdirSync(files);
    fs.writeFileSync(path.join(files, '.corpusrc.json'), '{ "rules": { "partial-date": "off" } }\n');
    fs.writeFileSync(path.join(files, 'plain.txt'), 'Just notes, no header.\n');
    fs.writeFileSync(path.join(files, 'news.corpus'), '<<<FILE a.txt date=2024-05-01>>>\nText.\n');
    const before = 'Hà Nội ';
    fs.writeFileSync(path.join(files, 'header.txt'), `<<<FILE header.txt date=2024-05-01>>>\n${before}\u0001 tin tức.\n<<<FILE second.txt>>>\nText without a date.\n`);
    const resultFile = path.join(ws, 'result.json');
    const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(ROOT, 'test', 'fixtures', 'neovim', 'check.lua')}`], {
      cwd: files,
      encoding: 'utf8',
      timeout: 90_000,
      env: {
        ...process.env,
        PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
        CORPUS_NVIM_WORKSPACE: files,
        CORPUS_NVIM_CONFIG: path.join(ROOT, 'editors', 'nvim', 'corpus.lua'),
        // The README's way to pass settings: they reach the server (control-character is a warning by default).
        CORPUS_NVIM_SETUP: JSON.stringify({ settings: { corpus: { rules: { 'control-character': 'error' } } } }),
        CORPUS_NVIM_DIAGNOSTICS: '2',
        CORPUS_NVIM_ERRORS: '1',
        CORPUS_NVIM_HOVER_LINE: '0',
        CORPUS_NVIM_HOVER_CHARACTER: String('<<<FILE header.txt date='.length + 2),
        CORPUS_NVIM_RESULT: resultFile,
      },
    });
    assert.ok(fs.existsSync(resultFile), `Neovim wrote no result (exit ${run.status}, signal ${run.signal}): ${run.stderr}${run.stdout}`);
    const r = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as NeovimResult;
    assert.equal(r.error, undefined, `Neovim ${r.version}: ${r.error}`);
    assert.deepEqual(r.filetypes, { plain: 'text', corpus: 'corpus', header: 'corpus' });
    assert.ok(r.waited, `diagnostics within 30 s (got ${JSON.stringify(r.diagnostics)})`);
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.lnum, d.col, d.severity, d.source]).sort(), [
      // Neovim counts columns in bytes: the server's UTF-16 column 7 is byte 10 after "Hà Nội ".
      // Severities: 1 error (from the settings), 2 warning.
      ['control-character', 1, Buffer.byteLength(before), 1, 'corpus'],
      ['missing-date', 2, 8, 2, 'corpus'],
    ]);
    assert.match(r.hover ?? '', /Wednesday 1 May 2024/);
    // One server for the project, shared by both corpus buffers.
    assert.equal(r.clients, 1);
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
});
