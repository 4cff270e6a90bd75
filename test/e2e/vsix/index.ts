// extensionTestsPath entry for the packaged-extension smoke test (out/test/e2e/vsix/index.js):
// the host has the .vsix INSTALLED (no extensionDevelopmentPath of ours).
import { runMocha } from '../mocha-runner';

export function run(): Promise<void> {
  return runMocha(__dirname);
}
