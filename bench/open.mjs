// One open through the protocol, for comparing two builds of the server on one corpus:
//   node bench/open.mjs <server.js> <file.corpus> [--cpu-prof]
// Starts the server as a pull client (bench/lsp.mjs), opens the file, prints the time
// from didOpen to the first diagnostics. --cpu-prof writes a profile into bench/scratch/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './lsp.mjs';

const [serverJs, file] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!serverJs || !file) {
  console.error('usage: node bench/open.mjs <server.js> <file.corpus> [--cpu-prof]');
  process.exit(2);
}
const scratch = path.join(path.dirname(fileURLToPath(import.meta.url)), 'scratch');
const text = fs.readFileSync(file, 'utf8');
const s = await startServer(path.resolve(serverJs), { nodeArgs: process.argv.includes('--cpu-prof') ? ['--cpu-prof', `--cpu-prof-dir=${scratch}`] : [] });
await new Promise((r) => setTimeout(r, 300));
const t0 = performance.now();
await s.open(`file://${path.resolve(file)}`, text);
console.log(`${path.basename(file)} with ${serverJs}: didOpen → first diagnostics ${(performance.now() - t0).toFixed(0)} ms`);
await s.stop();
