// Sets up everything the offline VS Code e2e run needs, and reuses it when present:
//   - from apt (only when missing): chromium (the browser that drives the workbench),
//     ripgrep (replaces @vscode/ripgrep's GitHub download), libkrb5-dev (headers for
//     code-server's kerberos addon, only needed while installing code-server);
//   - code-server (= the real VS Code workbench, 1.99.3) installed through npm into a cache
//     folder outside the repository.
// As root the apt packages are installed; otherwise it stops and prints the exact command.
// Usage: node scripts/e2e/setup.mjs        (prints the code-server folder on its last line)
// Env: CORPUS_E2E_CACHE (cache root), CODE_SERVER_VERSION (default 4.99.4).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION || '4.99.4';

export function cacheRoot() {
  if (process.env.CORPUS_E2E_CACHE) return path.resolve(process.env.CORPUS_E2E_CACHE);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'corpus-files-e2e');
}

export function codeServerDir() {
  return path.join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
}

/** entry.js of the cached code-server, or undefined when it is not (completely) installed. */
export function codeServerEntry() {
  const dir = codeServerDir();
  const entry = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  return fs.existsSync(path.join(dir, '.complete')) && fs.existsSync(entry) ? entry : undefined;
}

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const t0 = Date.now();
const step = (msg) => console.log(`== [e2e setup ${((Date.now() - t0) / 1000).toFixed(0)}s] ${msg}`);

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

/** The headers node-gyp needs to build code-server's native addons, without a download. */
function nodeHeadersDir() {
  for (const dir of [path.resolve(path.dirname(process.execPath), '..'), '/usr', '/usr/local']) {
    if (fs.existsSync(path.join(dir, 'include', 'node', 'node.h'))) return dir;
  }
  return undefined;
}

function systemPackages(needBuild) {
  const missing = [];
  if (!fs.existsSync(CHROMIUM)) missing.push('chromium');
  if (!which('rg')) missing.push('ripgrep');
  if (needBuild) {
    if (!dpkgInstalled('libkrb5-dev') && !fs.existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
    if (!which('g++') || !which('make')) missing.push('build-essential');
    if (!which('python3')) missing.push('python3');
  }
  if (missing.length === 0) return;
  const line = `apt-get install -y ${missing.join(' ')}`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new Error(`The VS Code e2e tests need system packages that are not installed: ${missing.join(', ')}.\n` + `Install them, then run the tests again:\n    sudo apt-get update && sudo ${line}`);
  }
  step(`apt: ${line}`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/**
 * @vscode/ripgrep's postinstall downloads rg from GitHub unless it finds the tarball in
 * $(os.tmpdir())/vscode-ripgrep-cache-<pkg version>/; put Debian's rg there.
 */
function seedRipgrepCache() {
  const targets = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };
  const target = targets[process.arch];
  if (!target) throw new Error(`no ripgrep target known for ${process.arch}`);
  const cache = path.join(os.tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const tarball = path.join(cache, `ripgrep-v13.0.0-10-${target}.tar.gz`);
  if (fs.existsSync(tarball)) return;
  fs.mkdirSync(cache, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-'));
  fs.copyFileSync(which('rg'), path.join(tmp, 'rg'));
  fs.chmodSync(path.join(tmp, 'rg'), 0o755);
  run('tar', ['czf', tarball, '-C', tmp, 'rg']);
  fs.rmSync(tmp, { recursive: true, force: true });
}

function installCodeServer() {
  const dir = codeServerDir();
  // install into a fresh sibling folder, move into place only when complete
  const staging = `${dir}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  fs.writeFileSync(
    path.join(staging, 'package.json'),
    JSON.stringify({
      name: 'corpus-files-e2e-code-server',
      private: true,
      dependencies: { 'code-server': CODE_SERVER_VERSION },
      allowScripts: { argon2: true, 'code-server': true },
    }),
  );
  const headers = nodeHeadersDir();
  if (!headers) throw new Error('Node.js headers (include/node/node.h) not found; install the nodejs headers package');
  step(`npm install code-server@${CODE_SERVER_VERSION} into ${dir} (builds native addons, several minutes cold)`);
  const env = {
    ...process.env,
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root otherwise
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`; without a TTY npx would cancel
    npm_config_nodedir: headers, // build addons against local headers, no download from nodejs.org
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], {
    cwd: staging,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) {
    process.stdout.write((r.stdout || '').split('\n').slice(-60).join('\n'));
    process.stderr.write((r.stderr || '').split('\n').slice(-60).join('\n'));
    throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${r.status}); output above`);
  }
  const vs = path.join(staging, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
  for (const f of [path.join(vs, '@vscode', 'ripgrep', 'bin', 'rg'), path.join(vs, 'node-pty', 'build', 'Release', 'pty.node')]) {
    if (!fs.existsSync(f)) throw new Error(`code-server install is incomplete: ${f} is missing`);
  }
  fs.writeFileSync(path.join(staging, '.complete'), `${new Date().toISOString()}\n`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(staging, dir);
}

export function setup() {
  const cached = codeServerEntry();
  systemPackages(!cached);
  if (!cached) {
    seedRipgrepCache();
    installCodeServer();
  }
  const entry = codeServerEntry();
  if (!entry) throw new Error(`code-server is not in ${codeServerDir()} after setup`);
  step(cached ? `reusing ${codeServerDir()}` : 'setup done');
  return entry;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(setup());
  } catch (e) {
    console.error(`e2e setup failed: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
