// Helpers shared by the data-driven tests: fixture paths and a readable form of diagnostics.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusModel } from '../../server/src/model/corpusModel';
import type { Diagnostic } from '../../server/src/model/types';

/** The repository root (tests run from out/test/…, fixtures stay in test/fixtures). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
/** The seed articles: the shared copy beside the repository, or the one in test/fixtures/seeds. */
export const SEEDS = fs.existsSync(path.resolve(ROOT, '..', 'shared', 'seeds', 'seeds.corpus')) ? path.resolve(ROOT, '..', 'shared', 'seeds') : path.join(ROOT, 'test', 'fixtures', 'seeds');

export function readFixture(...parts: string[]): string {
  return fs.readFileSync(path.join(FIXTURES, ...parts), 'utf8');
}

/** `2:1-2:8 error malformed-header "<<<file"` (1-based line:column, the covered text quoted). */
export function formatDiagnostic(model: CorpusModel, d: Diagnostic): string {
  const covered = model.getTextRange(d.range);
  const r = d.range;
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${d.severity} ${d.code} ${JSON.stringify(covered)}`;
}
