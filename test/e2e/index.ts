// extensionTestsPath entry for the extension-host suite (out/test/e2e/index.js):
// runs every out/test/e2e/suite/*.test.js. Must export run(): Promise<void>.
import * as path from 'node:path';
import { runMocha } from './mocha-runner';

export function run(): Promise<void> {
  return runMocha(path.join(__dirname, 'suite'));
}
