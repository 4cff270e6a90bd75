// Configuration: .corpusrc.json parsing with exact problem positions, merging over
// the editor settings, and the nearest-file lookup through an in-memory file system.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeDiagnostics, configFromSettings, ConfigResolver, CorpusModel, mergeConfig, parseRcFile } from '../../server/src';
import { memoryFileSystem } from '../support/memoryFileSystem';

test('a valid rc file is read', () => {
  const { config, problems } = parseRcFile(
    '{ "rules": { "missing-date": "off", "partial-date": "hint" }, "attributes": ["author"], "people": ["p/*.people.json"], "dateStyle": "attribute", "dateFixes": "ask" }',
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(config, { rules: { 'missing-date': 'off', 'partial-date': 'hint' }, attributes: ['author'], people: ['p/*.people.json'], dateStyle: 'attribute', dateFixes: 'ask' });
});

test('dateFixes: "preferred" by default, the rc file wins over the settings, a wrong value is reported', () => {
  assert.equal(mergeConfig(undefined, undefined).dateFixes, 'preferred');
  assert.equal(mergeConfig(configFromSettings({ dateFixes: 'ask' }), undefined).dateFixes, 'ask');
  assert.equal(mergeConfig(configFromSettings({ dateFixes: 'ask' }), { dateFixes: 'preferred' }).dateFixes, 'preferred');
  assert.deepEqual(configFromSettings({ dateFixes: 'always' }), {});
  const text = '{ "dateFixes": "always" }';
  const { config, problems } = parseRcFile(text);
  assert.equal(config.dateFixes, undefined);
  assert.deepEqual(
    problems.map((p) => text.slice(p.start, p.end)),
    ['"always"'],
  );
  assert.match(problems[0].message, /"preferred".*"ask"/);
});

test('problems point at the exact offending text, and what is valid still applies', () => {
  const text = '{ "rules": { "missing-date": "loud", "no-such-code": "off", "partial-date": "off" }, "attributes": ["ok", "1bad"], "colour": 1 }';
  const { config, problems } = parseRcFile(text);
  assert.deepEqual(
    problems.map((p) => text.slice(p.start, p.end)),
    ['"loud"', '"no-such-code"', '"1bad"', '"colour"'],
  );
  assert.deepEqual(config.rules, { 'partial-date': 'off' });
  assert.deepEqual(config.attributes, ['ok']);
});

test('broken JSON is reported and never throws', () => {
  for (const text of ['', '{', '[1,2]', '{"rules": 3}', '{"rules": {"missing-date": }', 'null', '{"a":1,}', '\u0000']) {
    const r = parseRcFile(text);
    assert.ok(r.problems.length > 0 || text === '', JSON.stringify(text));
    for (const p of r.problems) assert.ok(p.message.length > 20 && p.start >= 0 && p.end <= Math.max(text.length, p.start + 1));
  }
});

test('settings from the editor are sanitised', () => {
  assert.deepEqual(configFromSettings({ rules: { 'missing-date': 'off', bogus: 'error', 'partial-date': 7 }, attributes: ['a', 3, '9x'] }), {
    rules: { 'missing-date': 'off' },
    attributes: ['a'],
  });
  assert.deepEqual(configFromSettings(null), {});
  // VS Code reports an unset array setting as an empty list: that means the default, not "no people files".
  assert.deepEqual(configFromSettings({ people: [] }), {});
  assert.deepEqual(configFromSettings({ people: ['p/*.people.json'] }), { people: ['p/*.people.json'] });
});

test('the rc file wins rule by rule; attributes are joined', () => {
  const merged = mergeConfig({ rules: { 'missing-date': 'off', 'partial-date': 'error' }, attributes: ['a'] }, { rules: { 'missing-date': 'hint' }, attributes: ['b'] });
  assert.deepEqual(merged.rules, { 'missing-date': 'hint', 'partial-date': 'error' });
  assert.deepEqual(merged.attributes, ['a', 'b']);
});

test('the nearest .corpusrc.json applies, looked up through the file system interface', async () => {
  const fs = memoryFileSystem({
    'file:///w/.corpusrc.json': '{ "rules": { "missing-date": "off" } }',
    'file:///w/sub/deeper/.corpusrc.json': '{ "attributes": ["author"] }',
  });
  const r = new ConfigResolver(fs, { rules: { 'partial-date': 'off' } });
  assert.equal((await r.resolve('file:///w/sub/a.corpus')).rcUri, 'file:///w/.corpusrc.json');
  assert.deepEqual((await r.resolve('file:///w/sub/a.corpus')).config.rules, { 'partial-date': 'off', 'missing-date': 'off' });
  const deep = await r.resolve('file:///w/sub/deeper/b.corpus');
  assert.equal(deep.rcUri, 'file:///w/sub/deeper/.corpusrc.json');
  assert.deepEqual(deep.config.attributes, ['author']);
  assert.equal((await r.resolve(undefined)).rcUri, undefined);
  assert.equal((await r.resolve('untitled:Untitled-1')).rcUri, undefined);
  const n = fs.reads.length;
  await r.resolve('file:///w/sub/a.corpus');
  assert.equal(fs.reads.length, n, 'cached');
  fs.files.set('file:///w/.corpusrc.json', '{}');
  r.invalidate();
  assert.deepEqual((await r.resolve('file:///w/sub/a.corpus')).config.rules, { 'partial-date': 'off' });
  // Up to the root, and no further.
  fs.files.set('file:///.corpusrc.json', '{ "attributes": ["x"] }');
  r.invalidate();
  assert.equal((await r.resolve('file:///v/a.corpus')).rcUri, 'file:///.corpusrc.json');
});

test('configuration changes severities, turns codes off and allows attributes', () => {
  const model = CorpusModel.parse('<<<FILE a.txt author=x>>>\ndate 2024 text\n');
  const codes = (c: Parameters<typeof computeDiagnostics>[1]) => computeDiagnostics(model, c).map((d) => `${d.code}:${d.severity}`);
  assert.deepEqual(codes(mergeConfig(undefined, undefined)), ['unknown-attribute:information', 'partial-date:information']);
  assert.deepEqual(codes(mergeConfig(undefined, { rules: { 'partial-date': 'error' }, attributes: ['author'] })), ['partial-date:error']);
  assert.deepEqual(codes(mergeConfig({ rules: { 'unknown-attribute': 'off', 'partial-date': 'off' } }, undefined)), []);
});
