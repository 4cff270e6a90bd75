// Everything derived from the rule registry agrees with it: the `corpus.rules`
// setting in package.json and the .corpusrc.json schema (written by
// scripts/generate.mjs), the configuration reader, the SARIF rule list and the
// rule pages' table. A code added to the registry without `npm run generate`
// fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { CODES, configFromSettings, DEFAULT_SEVERITY, docsUrl, parseRcFile, rulePage, RULES } from '../../server/src';
import { SARIF_RULES } from '../../server/src/cli/formats';
import { ROOT } from '../support/fixtures';

const SEVERITIES = ['off', 'error', 'warning', 'information', 'hint'];

interface RulesObject {
  properties: Record<string, { enum: string[]; description: string }>;
  additionalProperties: boolean;
}

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, RulesObject> } } };
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'corpusrc.schema.json'), 'utf8')) as { properties: { rules: RulesObject } };

test('scripts/generate.mjs --check: package.json and the schema are what the registry gives', () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'generate.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

for (const [what, rules] of [
  ['the corpus.rules setting', pkg.contributes.configuration.properties['corpus.rules']],
  ['the .corpusrc.json schema', schema.properties.rules],
] as const) {
  test(`${what} lists every code of the registry, in its order, and nothing else`, () => {
    assert.deepEqual(Object.keys(rules.properties), [...CODES]);
    assert.equal(rules.additionalProperties, false);
    for (const code of CODES) {
      assert.deepEqual(rules.properties[code].enum, SEVERITIES, code);
      assert.match(rules.properties[code].description, new RegExp(`Default: ${DEFAULT_SEVERITY[code]};`), code);
    }
  });
}

test('the schema accepts every code the server reports ("date-mismatch": "off" included), and no other', () => {
  const validate = new Ajv({ strict: false }).compile(schema);
  for (const code of CODES) {
    for (const s of SEVERITIES) assert.ok(validate({ rules: { [code]: s } }), `${code}: ${s} ${JSON.stringify(validate.errors)}`);
  }
  assert.ok(!validate({ rules: { 'no-such-code': 'off' } }));
  assert.ok(!validate({ rules: { 'date-mismatch': 'loud' } }));
});

test("the configuration reader accepts exactly the registry's codes", () => {
  for (const code of CODES) {
    const rc = parseRcFile(JSON.stringify({ rules: { [code]: 'off' } }));
    assert.deepEqual(rc.problems, [], code);
    assert.deepEqual(rc.config.rules, { [code]: 'off' });
    assert.deepEqual(configFromSettings({ rules: { [code]: 'hint' } }).rules, { [code]: 'hint' });
  }
  assert.equal(parseRcFile('{ "rules": { "no-such-code": "off" } }').problems.length, 1);
});

test('the SARIF rule list and the default severities come from the registry', () => {
  assert.deepEqual(
    [...SARIF_RULES],
    RULES.map((r) => r.meta.code),
  );
  assert.deepEqual(DEFAULT_SEVERITY, Object.fromEntries(RULES.map((r) => [r.meta.code, r.meta.severity])));
});

test("every code reported on corpus text has a rule page, and the pages' table gives the registry's default", () => {
  const table = fs.readFileSync(path.join(ROOT, 'docs', 'rules', 'README.md'), 'utf8');
  for (const rule of RULES.filter((r) => r.kind !== 'auxiliary')) {
    const code = rule.meta.code;
    assert.ok(fs.existsSync(path.join(ROOT, 'docs', 'rules', `${code}.md`)), `docs/rules/${code}.md`);
    assert.match(table, new RegExp(`\\| \\[\`${code}\`\\]\\(${code}\\.md\\) \\| ${rule.meta.severity} \\|`), code);
  }
});

test('every code links to its page: docs/rules/<code>.md of the repository in package.json, with its "When" as full description', () => {
  const repo = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } }).repository.url.replace(/\.git$/, '');
  const table = fs.readFileSync(path.join(ROOT, 'docs', 'rules', 'README.md'), 'utf8');
  for (const code of CODES) {
    assert.equal(docsUrl(code), `${repo}/blob/main/docs/rules/${code}.md`);
    assert.ok(fs.existsSync(path.join(ROOT, 'docs', 'rules', `${code}.md`)), `docs/rules/${code}.md`);
    assert.match(table, new RegExp(`\\[\`${code}\`\\]\\(${code}\\.md\\)`), `the index lists ${code}`);
    const page = rulePage(code);
    assert.ok(page && page.when.length > 40, `${code}: the page's "When" section`);
    assert.ok(page.help.includes('## When'), code);
  }
  assert.match(rulePage('date-mismatch')?.when ?? '', /dateline or first sentence states a day or month/);
});
