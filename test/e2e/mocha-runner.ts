// Runs mocha inside the VS Code extension host. Both hosts (code-server offline,
// @vscode/test-electron where VS Code can be downloaded) load an `index.js` that calls
// this. The extension host swallows mocha's console output, so the results also go to
// the JSON file named by E2E_RESULT_FILE: { passed, failed, results: [{ title, ok, error? }] }.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface TestResult {
  title: string;
  ok: boolean;
  error?: string;
  ms?: number;
}

export function runMocha(testsDir: string): Promise<void> {
  // E2E_GREP: run only the tests whose full title matches (for working on one test; never set by npm test)
  const grep = process.env.E2E_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec', ...(grep ? { grep } : {}) });
  const files = fs
    .readdirSync(testsDir)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(testsDir, f));
  const resultFile = process.env.E2E_RESULT_FILE;
  const results: TestResult[] = [];
  const write = (failed: number) => {
    const summary = { passed: results.filter((r) => r.ok).length, failed, results };
    if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(summary, null, 2));
    console.log(`${summary.passed} passed, ${failed} failed`);
  };
  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      results.push({ title: `no *.test.js files in ${testsDir}`, ok: false, error: 'nothing to run' });
      write(1);
      reject(new Error('no tests found'));
      return;
    }
    const runner = mocha.run((failures) => {
      write(failures);
      if (failures > 0) reject(new Error(`${failures} tests failed.`));
      else resolve();
    });
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), ok: true, ms: t.duration }));
    runner.on('fail', (t, err: unknown) => {
      const e = err instanceof Error ? err.stack || err.message : String(err);
      results.push({ title: t.fullTitle(), ok: false, error: e });
    });
    // mocha counts a pending (skipped) test as neither passed nor failed; this suite allows none
    runner.on('pending', (t) => results.push({ title: t.fullTitle(), ok: false, error: 'skipped tests are not allowed' }));
  });
}
