// Headless Debian Chromium through playwright-core, and the workbench URL that loads an
// extension under development (and optionally a test runner) into code-server.
import { chromium } from 'playwright-core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHROMIUM } from './setup.mjs';

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * code-server's command line rejects --extensionDevelopmentPath; the web workbench takes
 * the same options through the URL `payload`, as vscode-remote:// URIs.
 */
export function workbenchUrl(serverUrl, { folder, extensionDevelopmentPath, extensionTestsPath, openFile }) {
  const u = new URL(serverUrl);
  const remote = (p) => `vscode-remote://${u.host}${p}`;
  u.searchParams.set('folder', folder);
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (openFile) payload.push(['openFile', remote(openFile)]);
  if (payload.length) u.searchParams.set('payload', JSON.stringify(payload));
  return u.toString();
}

// The whole suite's limit (each test has its own mocha timeout). The suite passed 180 s once both
// the 10 MB many-problems test and the workspace and first-run tests were in it, on a loaded machine.
const HOST_TIMEOUT_MS = Number(process.env.E2E_HOST_TIMEOUT_MS) || 900_000;

/**
 * Runs a mocha suite inside the extension host (same contract as @vscode/test-electron's
 * extensionTestsPath). The workbench calls window.codeAutomationExit(code, logs) at the end.
 * Returns { code, logs } ; logs are the workbench log files (written to logsDir when given).
 */
export async function runHostTests(browser, serverUrl, opts, { timeoutMs = HOST_TIMEOUT_MS, logsDir } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  let logs = [];
  await page.exposeFunction('codeAutomationExit', (code, l) => {
    logs = l || [];
    resolveExit(code);
  });
  const console_ = [];
  page.on('console', (m) => console_.push(m.text()));
  page.on('pageerror', (e) => console_.push(`pageerror: ${e.message}`));
  await page.goto(workbenchUrl(serverUrl, opts));
  let timer;
  const code = await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(() => resolve(`timeout: no result within ${timeoutMs} ms`), timeoutMs)))]);
  clearTimeout(timer);
  if (logsDir) {
    for (const l of logs) {
      const f = path.join(logsDir, l.relativePath);
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, l.contents);
    }
    fs.mkdirSync(logsDir, { recursive: true });
    fs.writeFileSync(path.join(logsDir, 'browser-console.log'), console_.join('\n'));
  }
  await context.close();
  return { code, logs, console: console_ };
}
