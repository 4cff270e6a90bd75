// The `corpus` command (minimal first version: `corpus lint <files…> [--outline]`).
// A thin adapter over the same service as the language server.
import * as fs from 'node:fs';
import { ConfigResolver } from './workspace';
import { CorpusModel } from './model/corpusModel';
import { computeDiagnostics } from './features/diagnostics';
import { documentSymbols } from './features/documentSymbols';

const resolver = new ConfigResolver({ readFile: (p) => { try { return fs.readFileSync(p, 'utf8'); } catch { return undefined; } } });

function collect(p: string, out: string[]): void {
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    for (const e of fs.readdirSync(p).sort()) if (e !== 'node_modules' && e !== '.git') collect(`${p}/${e}`, out);
  } else if (p.endsWith('.corpus') || out.length === 0) out.push(p);
}

const args = process.argv.slice(2);
const outline = args.includes('--outline');
const files: string[] = [];
for (const a of args.slice(1).filter((x) => !x.startsWith('--'))) collect(a, files);
let errors = 0;
for (const f of files) {
  const model = CorpusModel.parse(fs.readFileSync(f, 'utf8'));
  for (const d of computeDiagnostics(model, resolver.resolve(f).config)) {
    if (d.severity === 'error') errors++;
    console.log(`${f}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`);
  }
  if (outline) for (const s of documentSymbols(model)) console.log(`  ${s.name}  (${s.detail})`);
}
process.exitCode = errors > 0 ? 1 : 0;
