// One module of the service's TypeScript sources, loaded into a script (the eval:* scripts):
// bundled by esbuild into a temporary CommonJS file, required, and the file removed. Works on
// a fresh clone, with no build first.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The exports of `entry` (a path from the repository's root, e.g. `server/src/index.ts`). */
export async function loadSource(entry) {
  const tmp = mkdtempSync(join(tmpdir(), 'corpus-source-'));
  try {
    const outfile = join(tmp, 'module.cjs');
    await build({ entryPoints: [join(root, entry)], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'error', mainFields: ['module', 'main'] });
    return createRequire(import.meta.url)(outfile);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
