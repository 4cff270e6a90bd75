#!/usr/bin/env node
// Writes what derives from the rule registry (server/src/rules) into the files
// that cannot import it: the `corpus.rules` setting in package.json and the
// `rules` of the .corpusrc.json schema (schemas/corpusrc.schema.json). Every code
// the server reports gets an entry, with its default severity and description.
// It also writes server/src/rules/data/pages.json: the address of the rule pages
// (from package.json's repository, so a fork links to its own pages) and, from each
// page docs/rules/<code>.md, its "When" section (SARIF's full description) and its
// text (SARIF's help).
//
//   npm run generate            rewrite both files
//   node scripts/generate.mjs --check   exit 1 (and name the files) when either is out of date
//
// test/unit/registry.test.ts runs the check, so a rule added without running this fails the tests.
// The registry is bundled on the fly with esbuild (as scripts/eval-people.mjs does), so
// this works on a fresh clone after `npm ci`, without a build.

import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** Where the rule pages are: `<repository>/blob/main/docs/rules/` of package.json's repository. */
export function docsBase(pkg) {
  const url = String(pkg.repository?.url ?? pkg.repository ?? '')
    .replace(/^git\+/, '')
    .replace(/\.git$/, '')
    .replace(/^git@github\.com:/, 'https://github.com/');
  if (!/^https:\/\//.test(url)) throw new Error('package.json needs a repository.url (https://…) for the rule pages');
  return `${url}/blob/main/docs/rules/`;
}

/** A rule page's "When" section as one paragraph, and its text (without the title and the tests line) as help. */
function pageOf(code) {
  const file = join(root, 'docs', 'rules', `${code}.md`);
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((l) => l === '## When');
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  const when =
    start < 0
      ? ''
      : lines
          .slice(start + 1, end < 0 ? undefined : end)
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim();
  const help = lines
    .slice(1)
    .filter((l) => !l.startsWith('The tests:'))
    .join('\n')
    .trim();
  return { when, help };
}

/** The files as they must read, from their current text and the rules. */
export function generatedFiles(rules) {
  const pkgPath = join(root, 'package.json');
  const schemaPath = join(root, 'schemas', 'corpusrc.schema.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const properties = ruleProperties(rules);
  pkg.contributes.configuration.properties['corpus.rules'].properties = properties;
  schema.properties.rules.properties = properties;
  const pages = {};
  for (const { meta } of rules) {
    const page = pageOf(meta.code);
    if (page) pages[meta.code] = page;
  }
  const pagesPath = join(root, 'server', 'src', 'rules', 'data', 'pages.json');
  return [
    { path: pagesPath, text: `${JSON.stringify({ base: docsBase(pkg), pages }, null, 2)}\n` },
    { path: pkgPath, text: `${JSON.stringify(pkg, null, 2)}\n` },
    { path: schemaPath, text: `${JSON.stringify(schema, null, 2)}\n` },
  ];
}

async function main() {
  const check = process.argv.includes('--check');
  const files = generatedFiles(await loadRules());
  const stale = files.filter((f) => !existsSync(f.path) || readFileSync(f.path, 'utf8') !== f.text);
  if (check) {
    for (const f of stale) console.error(`${f.path.slice(root.length + 1)} is out of date with the rule registry: run npm run generate.`);
    process.exit(stale.length > 0 ? 1 : 0);
  }
  for (const f of stale) {
    mkdirSync(dirname(f.path), { recursive: true });
    writeFileSync(f.path, f.text);
  }
  console.log(stale.length > 0 ? `wrote ${stale.map((f) => f.path.slice(root.length + 1)).join(', ')}` : 'up to date');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
