// extensionTestsPath entry for the extension-host suite (out/test/e2e/index.js):
// runs every out/test/e2e/suite/*.test.js. Must export run(): Promise<void>.
import * as path from 'node:path';
import { listFixtureFiles } from './fixtures';
import { runMocha } from './mocha-runner';

export async function run(): Promise<void> {
  await listFixtureFiles();
  return runMocha(path.join(__dirname, 'suite'));
}
