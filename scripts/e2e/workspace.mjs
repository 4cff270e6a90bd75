// Prepares the throw-away workspace folders the VS Code tests open: the seed corpus and a copy
// of test/fixtures/, so tests can edit files and write settings without touching the repository.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The five-article seed corpus (../shared/seeds/seeds.corpus next to the repository). */
export function seedsCorpus() {
  const candidates = [process.env.CORPUS_SEEDS, path.join(REPO, '..', 'shared', 'seeds', 'seeds.corpus'), path.join(REPO, 'samples', 'seeds.corpus')].filter(Boolean);
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`seeds.corpus not found (looked at ${candidates.join(', ')}); set CORPUS_SEEDS`);
  return found;
}

export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Full workspace for the extension-host suite: seeds.corpus + fixtures/ (a copy of test/fixtures). */
export function prepareSuiteWorkspace(dir) {
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(seedsCorpus(), path.join(dir, 'seeds.corpus'));
  const fixtures = path.join(REPO, 'test', 'fixtures');
  // Without fixtures/seeds: it is the same corpus as seeds.corpus, whose documents must be found once.
  if (fs.existsSync(fixtures)) fs.cpSync(fixtures, path.join(dir, 'fixtures'), { recursive: true, filter: (src) => src !== path.join(fixtures, 'seeds') });
  return dir;
}

/** Workspace with only seeds.corpus (UI screenshots, installed-.vsix smoke test), and optional settings. */
export function prepareSeedsWorkspace(dir, settings) {
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(seedsCorpus(), path.join(dir, 'seeds.corpus'));
  if (settings) {
    fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
  }
  return dir;
}

/** The UI test's workspace: the seeds, with the server log turned on. */
export function prepareUiWorkspace(dir) {
  // Outline items collapsed: with people as children, an expanded outline scrolls the later documents away.
  prepareSeedsWorkspace(dir, { 'corpus.trace.server': 'messages', 'files.exclude': { '**/.vscode': true }, 'outline.collapseItems': 'alwaysCollapse' });
  // The sample people file, so hovers show who a person is.
  fs.copyFileSync(path.join(REPO, 'samples', 'people.people.json'), path.join(dir, 'people.people.json'));
  return dir;
}
