// The shape of the code, checked: one pure service behind one facade, thin
// adapters, no import cycle, no file over 400 lines. Read from the sources with
// the TypeScript parser (every import and re-export, type-only ones included).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { ROOT } from '../support/fixtures';

const SERVER = path.join(ROOT, 'server', 'src');
const CLIENT = path.join(ROOT, 'client', 'src');

function listTs(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) listTs(p, out);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

const FILES = [...listTs(SERVER), ...listTs(CLIENT)];
const rel = (f: string): string => path.relative(ROOT, f).split(path.sep).join('/');

/** Every module specifier a file imports or re-exports. */
function specifiers(file: string): string[] {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  for (const s of sf.statements) {
    if ((ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)) out.push(s.moduleSpecifier.text);
  }
  return out;
}

/** The file a relative specifier names (`./x` → x.ts or x/index.ts), else undefined. */
function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [`${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(c)) return c;
  return undefined;
}

const GRAPH = new Map(FILES.map((f) => [f, specifiers(f)]));

/** The adapters: the language server, the command line and their helpers. Everything else under server/src is the service. */
const isAdapter = (f: string): boolean => /^server\/src\/(server\.ts|browserServer\.ts|cli\.ts|cli\/|lsp\/|node\/)/.test(rel(f));
const SERVICE = FILES.filter((f) => f.startsWith(SERVER) && !isAdapter(f));

test('no source file of the server or the client is over 400 lines; server.ts is under 300', () => {
  const over = FILES.map((f) => [rel(f), fs.readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 400);
  assert.deepEqual(over, []);
  assert.ok(fs.readFileSync(path.join(SERVER, 'server.ts'), 'utf8').split('\n').length < 300);
});

test('no import cycle', () => {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const cycles: string[] = [];
  const visit = (f: string): void => {
    state.set(f, 1);
    stack.push(f);
    for (const spec of GRAPH.get(f) ?? []) {
      const to = resolveLocal(f, spec);
      if (!to) continue;
      if (state.get(to) === 1) cycles.push([...stack.slice(stack.indexOf(to)), to].map(rel).join(' → '));
      else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(f, 2);
  };
  for (const f of FILES) if (!state.has(f)) visit(f);
  assert.deepEqual(cycles, []);
});

test('the service imports no Node module, no protocol and no editor API: only the adapters do', () => {
  const node = new Set(builtinModules);
  const offenders: string[] = [];
  for (const f of SERVICE) {
    for (const spec of GRAPH.get(f) ?? []) {
      if (spec.startsWith('node:') || node.has(spec) || /^vscode(-languageserver.*|-languageclient.*|-jsonrpc.*)?$/.test(spec)) offenders.push(`${rel(f)}: ${spec}`);
      const to = resolveLocal(f, spec);
      if (to && isAdapter(to)) offenders.push(`${rel(f)} imports the adapter ${rel(to)}`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('the adapters reach the service through its facade; the Node file system only from server.ts and the CLI', () => {
  const offenders: string[] = [];
  const facade = path.join(SERVER, 'index.ts');
  const nodeFs = path.join(SERVER, 'node', 'fileSystem.ts');
  for (const f of FILES.filter(isAdapter)) {
    for (const spec of GRAPH.get(f) ?? []) {
      const to = resolveLocal(f, spec);
      if (to && !isAdapter(to) && to !== facade) offenders.push(`${rel(f)} imports ${rel(to)}, not the facade`);
      if (to === nodeFs && !/^server\/src\/(server\.ts|cli\/)/.test(rel(f))) offenders.push(`${rel(f)} imports the Node file system`);
    }
  }
  // The client shares the protocol module with the server, and nothing else of it.
  for (const f of FILES.filter((x) => x.startsWith(CLIENT))) {
    for (const spec of GRAPH.get(f) ?? []) {
      const to = resolveLocal(f, spec);
      if (to && to.startsWith(SERVER) && to !== path.join(SERVER, 'lsp', 'protocol.ts')) offenders.push(`${rel(f)} imports ${rel(to)}`);
    }
  }
  assert.deepEqual(offenders, []);
});
