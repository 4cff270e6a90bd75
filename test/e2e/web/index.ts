// extensionTestsPath entry for the web worker extension host (bundled by
// scripts/e2e/web.mjs into out/test/e2e/web/index.js: that host can `require` only
// `vscode`). Runs the browser's own suite, then every suite of test/e2e/suite that
// applies in a browser: all but the command-line task (80) and killing the server
// process (90); workspace problems (85) and the first run (95) run here too. Results
// go to the host's console as one line, `CORPUS_E2E_RESULTS {json}` (the browser has
// no file to write them to); a failure rejects, so the workbench exits 1.
import 'mocha/mocha';
import { listFixtureFiles } from '../fixtures';
import type { TestResult } from '../mocha-runner';

export async function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', timeout: 60_000, reporter: undefined });
  await listFixtureFiles();
  // The suites load after mocha.setup() and the fixture list, in this order: required, not imported.
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('./suite/00-browser.test');
  require('../suite/10-activation.test');
  require('../suite/20-diagnostics.test');
  require('../suite/30-navigation.test');
  require('../suite/40-code-actions.test');
  require('../suite/50-configuration.test');
  require('../suite/60-commands.test');
  require('../suite/70-people.test');
  require('../suite/72-overview.test');
  require('../suite/75-dates.test');
  require('../suite/85-workspace-problems.test');
  require('../suite/95-first-run.test');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const results: TestResult[] = [];
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`CORPUS_E2E_RESULTS ${JSON.stringify({ passed: results.filter((r) => r.ok).length, failed: failures, results })}`);
      if (failures > 0) reject(new Error(`${failures} tests failed.`));
      else resolve();
    });
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), ok: true, ms: t.duration }));
    runner.on('fail', (t, err: unknown) => results.push({ title: t.fullTitle(), ok: false, error: err instanceof Error ? err.stack || err.message : String(err) }));
    runner.on('pending', (t) => results.push({ title: t.fullTitle(), ok: false, error: 'skipped tests are not allowed' }));
  });
}
