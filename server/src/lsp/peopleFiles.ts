// Which people files apply in a workspace (format spec, section 7): the paths or
// globs of the configuration, else every *.people.json. Only files inside the
// workspace are read: absolute patterns and `..` are ignored, and at most 1,000
// files are taken, so a configuration cannot make the server read the disk.

import * as path from 'node:path';
import { globSync } from 'tinyglobby';
import type { ConfigResolver } from '../workspace';

const MAX_PEOPLE_FILES = 1000;

export function findPeopleFilesIn(roots: readonly string[], resolver: ConfigResolver, warn: (message: string) => void): string[] {
  const out = new Set<string>();
  const inside = (f: string): boolean => roots.some((r) => f === r || f.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
  for (const root of roots) {
    const resolved = resolver.resolve(path.join(root, '.corpus-probe'));
    const base = resolved.rcPath ? path.dirname(resolved.rcPath) : root;
    const patterns = (resolved.config.people ?? ['**/*.people.json']).filter((p) => !path.isAbsolute(p) && !p.split(/[\\/]/).includes('..'));
    try {
      for (const f of globSync(patterns, { cwd: base, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] })) {
        if (inside(f) && out.size < MAX_PEOPLE_FILES) out.add(f);
      }
    } catch (e) {
      warn(`Could not look for people files: ${String(e)}`);
    }
  }
  return [...out].sort();
}
