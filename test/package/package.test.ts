// The npm package as a user gets it: `npm pack` on a copy of the repository (its
// tracked files, as a fresh clone has them, with this checkout's node_modules for
// the build), then `npm install --offline` of the tarball into a temporary prefix.
// Nothing may be fetched: the package has no runtime dependencies (everything is
// bundled into dist/). Then the two commands must run from that prefix.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/fixtures';

let tmp = '';
let prefix = '';
let tarball = '';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-package-'));
  const clone = path.join(tmp, 'clone');
  // The files of a fresh clone (tracked, plus new ones not yet committed), without build output.
  const files = sh('git', ['ls-files', '-co', '--exclude-standard', '-z'], ROOT)
    .split('\0')
    .filter((f) => f !== '');
  for (const f of files) {
    const from = path.join(ROOT, f);
    if (!fs.existsSync(from) || !fs.statSync(from).isFile()) continue;
    fs.mkdirSync(path.dirname(path.join(clone, f)), { recursive: true });
    fs.copyFileSync(from, path.join(clone, f));
  }
  assert.ok(!fs.existsSync(path.join(clone, 'dist')), 'a fresh clone has no dist/');
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
  const packed = JSON.parse(sh(npm, ['pack', '--json', '--pack-destination', tmp], clone)) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(tmp, packed[0].filename);
  prefix = path.join(tmp, 'prefix');
  // An empty cache and --offline: any download would fail the install.
  const env = { ...process.env, npm_config_cache: path.join(tmp, 'npm-cache'), npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' };
  sh(npm, ['install', '--global', '--offline', '--prefix', prefix, tarball], tmp, env);
});

after(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function bin(name: string): string {
  return path.join(prefix, 'bin', name);
}

test('the tarball holds the bundles and the launchers, nothing of the sources or tests', () => {
  const list = sh('tar', ['-tzf', tarball], tmp)
    .split('\n')
    .filter((l) => l !== '');
  for (const f of [
    'package/dist/cli.js',
    // jschardet, apart: loaded only for a file that is not UTF-8
    'package/dist/chardet.js',
    'package/dist/server.js',
    'package/dist/client.js',
    // the overview page, which `corpus stats --html` inlines
    'package/dist/overview.js',
    'package/dist/overview.css',
    'package/bin/corpus.js',
    'package/bin/corpus-language-server.js',
    'package/schemas/corpusrc.schema.json',
    'package/editors/nvim/corpus.lua',
    'package/package.json',
    'package/README.md',
    'package/LICENSE',
    // the walkthrough's pictures and the sample corpus it opens (the .vsix is built from the same list)
    'package/docs/images/squiggles.png',
    'package/samples/seeds.corpus',
  ]) {
    assert.ok(list.includes(f), `${f} is in the package`);
  }
  assert.deepEqual(
    list.filter((f) => (/^package\/(server|client|test|scripts|bench|docs)\//.test(f) && !/^package\/docs\/images\/[^/]+\.png$/.test(f)) || f.endsWith('.map')),
    [],
  );
  const pkg = JSON.parse(fs.readFileSync(path.join(prefix, 'lib', 'node_modules', 'corpus-files', 'package.json'), 'utf8')) as Record<string, unknown>;
  assert.equal(pkg.dependencies, undefined, 'no runtime dependency to download');
  assert.equal(pkg.private, undefined, 'publishable');
  // Built for production by `npm pack` (prepare): minified, no source map reference.
  const cli = fs.readFileSync(path.join(prefix, 'lib', 'node_modules', 'corpus-files', 'dist', 'cli.js'), 'utf8');
  assert.doesNotMatch(cli, /sourceMappingURL/);
  assert.ok(!fs.existsSync(path.join(prefix, 'lib', 'node_modules', 'corpus-files', 'node_modules')), 'nothing installed beside it');
});

test('corpus --version and corpus lint run from the installed package', () => {
  const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  assert.equal(sh(bin('corpus'), ['--version'], tmp).trim(), version);
  fs.writeFileSync(path.join(tmp, 'a.corpus'), '<<<FILE a.txt>>>\nno date here\n');
  const r = spawnSync(bin('corpus'), ['lint', 'a.corpus'], { cwd: tmp, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /a\.corpus:1:9 warning missing-date /);
  // A file that is not UTF-8 is named by its charset (jschardet, from dist/chardet.js).
  fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'health', 'latin1.corpus'), path.join(tmp, 'l.corpus'));
  const latin1 = spawnSync(bin('corpus'), ['lint', 'l.corpus'], { cwd: tmp, encoding: 'utf8' });
  assert.match(latin1.stdout, /not-utf8 This file is not UTF-8: it looks like iso-8859-1/);
  // The report finds its page beside the installed command.
  const report = spawnSync(bin('corpus'), ['stats', 'a.corpus', '--html', 'a.html'], { cwd: tmp, encoding: 'utf8' });
  assert.equal(report.status, 0, report.stderr);
  assert.match(fs.readFileSync(path.join(tmp, 'a.html'), 'utf8'), /id="corpus-overview-data"/);
});

test('corpus-language-server --stdio answers initialize', async () => {
  const child = spawn(bin('corpus-language-server'), ['--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  try {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const reply = await new Promise<string>((resolve, reject) => {
      let buf = '';
      const timer = setTimeout(() => reject(new Error(`no answer to initialize; got ${JSON.stringify(buf)}`)), 20_000);
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString('utf8');
        const m = /Content-Length: (\d+)\r\n\r\n/.exec(buf);
        if (m && Buffer.byteLength(buf.slice(m.index + m[0].length)) >= Number(m[1])) {
          clearTimeout(timer);
          resolve(buf.slice(m.index + m[0].length));
        }
      });
      child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
    });
    const result = (JSON.parse(reply) as { result: { serverInfo: { name: string }; capabilities: Record<string, unknown> } }).result;
    assert.equal(result.serverInfo.name, 'corpus-language-server');
    assert.ok(result.capabilities.hoverProvider);
  } finally {
    child.kill();
  }
});
