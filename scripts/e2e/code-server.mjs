// Starts and stops code-server (the real VS Code workbench) on 127.0.0.1 with a state folder
// of its own: user data, extensions and XDG folders, so nothing lands in the home folder.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'editor.hover.delay': 100,
  'editor.minimap.enabled': false,
  'workbench.reduceMotion': 'on',
  'window.commandCenter': false,
};

function dirs(state) {
  return {
    userData: path.join(state, 'user-data'),
    extensions: path.join(state, 'extensions'),
    env: {
      XDG_CONFIG_HOME: path.join(state, 'xdg-config'),
      XDG_DATA_HOME: path.join(state, 'xdg-data'),
      XDG_CACHE_HOME: path.join(state, 'xdg-cache'),
    },
  };
}

function prepareState(state, settings = {}) {
  const d = dirs(state);
  for (const p of [path.join(d.userData, 'User'), d.extensions, ...Object.values(d.env)]) fs.mkdirSync(p, { recursive: true });
  fs.writeFileSync(path.join(d.userData, 'User', 'settings.json'), JSON.stringify({ ...SETTINGS, ...settings }, null, 2));
  return d;
}

/** `code-server --install-extension file.vsix` into the state folder (before start()). */
export function installExtension(entry, state, vsix) {
  const d = prepareState(state);
  const r = spawnSync(process.execPath, [entry, '--install-extension', vsix, '--extensions-dir', d.extensions, '--user-data-dir', d.userData], { encoding: 'utf8', env: { ...process.env, ...d.env } });
  const out = `${r.stdout}${r.stderr}`;
  if (r.status !== 0 || !/successfully installed/i.test(out)) {
    throw new Error(`code-server --install-extension ${path.basename(vsix)} failed (exit ${r.status}):\n${out}`);
  }
  return { extensionsDir: d.extensions, output: out.trim() };
}

export function listExtensions(entry, state) {
  const d = dirs(state);
  const r = spawnSync(process.execPath, [entry, '--list-extensions', '--show-versions', '--extensions-dir', d.extensions, '--user-data-dir', d.userData], {
    encoding: 'utf8',
    env: { ...process.env, ...d.env },
  });
  return r.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * Starts code-server on a free port. Resolves to { url, stop(), log, extensionsDir } once /healthz answers.
 * `env` is passed on to the server and from there to its extension host; `settings` are added to the user settings.
 */
export async function startCodeServer(entry, state, env = {}, timeoutMs = 60_000, settings = {}) {
  const d = prepareState(state, settings);
  const log = path.join(state, 'code-server.log');
  const fd = fs.openSync(log, 'w');
  const child = spawn(
    process.execPath,
    [
      entry,
      '--auth',
      'none',
      '--bind-addr',
      '127.0.0.1:0',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir',
      d.userData,
      '--extensions-dir',
      d.extensions,
      '--ignore-last-opened',
    ],
    { detached: true, stdio: ['ignore', fd, fd], env: { ...process.env, ...d.env, ...env } },
  );
  fs.closeSync(fd);
  let exited = null;
  child.on('exit', (code, signal) => (exited = signal ?? code));
  const stop = () => {
    // the server leads its own process group; a watcher child would otherwise survive
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const t0 = Date.now();
    while (Date.now() - t0 < 5000) {
      try {
        process.kill(-child.pid, 0);
      } catch {
        return;
      }
      spawnSync('sleep', ['0.1']);
    }
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  };
  process.once('exit', stop);
  const t0 = Date.now();
  for (;;) {
    if (exited !== null) throw new Error(`code-server exited (${exited}) while starting; log:\n${fs.readFileSync(log, 'utf8')}`);
    const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(fs.readFileSync(log, 'utf8'));
    if (m) {
      try {
        const res = await fetch(`${m[1]}/healthz`);
        if (res.ok) return { url: m[1], stop, log, extensionsDir: d.extensions, pid: child.pid };
      } catch {
        /* not yet */
      }
    }
    if (Date.now() - t0 > timeoutMs) {
      stop();
      throw new Error(`code-server did not answer within ${timeoutMs} ms; log:\n${fs.readFileSync(log, 'utf8')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
