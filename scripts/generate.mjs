#!/usr/bin/env node
// Writes what derives from the rule registry (server/src/rules) into the files
// that cannot import it: the `corpus.rules` setting in package.json and the
// `rules` of the .corpusrc.json schema (schemas/corpusrc.schema.json). Every code
// the server reports gets an entry, with its default severity and description.
//
//   npm run generate            rewrite both files
//   node scripts/generate.mjs --check   exit 1 (and name the files) when either is out of date
//
// test/unit/registry.test.ts runs the check, so a rule added without running this fails the tests.
// The registry is bundled on the fly with esbuild (as scripts/eval-people.mjs does), so
// this works on a fresh clone after `npm ci`, without a build.

import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SEVERITIES = ['off', 'error', 'warning', 'information', 'hint'];

/** The registry's rules, from the TypeScript sources. */
export async function loadRules() {
  const tmp = mkdtempSync(join(tmpdir(), 'corpus-generate-'));
  try {
    const outfile = join(tmp, 'rules.cjs');
    await build({
      entryPoints: [join(root, 'server/src/rules/index.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile,
      logLevel: 'error',
      mainFields: ['module', 'main'],
    });
    return createRequire(import.meta.url)(outfile).RULES;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** One entry per code: "off" or a severity, described for a corpus editor. */
function ruleProperties(rules) {
  const out = {};
  for (const { meta } of rules) {
    const page = `docs/rules/${meta.code}.md`;
    const more = existsSync(join(root, page)) ? ` See ${page}.` : '';
    out[meta.code] = {
      type: 'string',
      enum: SEVERITIES,
      description: `${meta.description} Default: ${meta.severity}; "off" turns it off.${more}`,
    };
  }
  return out;
}

/** The two files as they must read, from their current text and the rules. */
export function generatedFiles(rules) {
  const pkgPath = join(root, 'package.json');
  const schemaPath = join(root, 'schemas', 'corpusrc.schema.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const properties = ruleProperties(rules);
  pkg.contributes.configuration.properties['corpus.rules'].properties = properties;
  schema.properties.rules.properties = properties;
  return [
    { path: pkgPath, text: `${JSON.stringify(pkg, null, 2)}\n` },
    { path: schemaPath, text: `${JSON.stringify(schema, null, 2)}\n` },
  ];
}

async function main() {
  const check = process.argv.includes('--check');
  const files = generatedFiles(await loadRules());
  const stale = files.filter((f) => readFileSync(f.path, 'utf8') !== f.text);
  if (check) {
    for (const f of stale) console.error(`${f.path.slice(root.length + 1)} is out of date with the rule registry: run npm run generate.`);
    process.exit(stale.length > 0 ? 1 : 0);
  }
  for (const f of stale) writeFileSync(f.path, f.text);
  console.log(stale.length > 0 ? `wrote ${stale.map((f) => f.path.slice(root.length + 1)).join(', ')}` : 'up to date');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
