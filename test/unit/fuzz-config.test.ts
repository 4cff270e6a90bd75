// Configuration and people files are data from the workspace: whatever they hold
// (broken JSON, binary, deep nesting, huge lists, `__proto__` keys), reading them
// never throws, every problem has a range inside the file, and the settings that
// come out are plain data of the documented shapes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CODES, configFromSettings, mergeConfig, parsePeopleFile, parseRcFile } from '../../server/src';

const FUZZ_SECONDS = Number(process.env.FUZZ_SECONDS ?? 0);
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : FUZZ_SECONDS > 0 ? Date.now() % 2 ** 31 : 20261125;
function params<T>(runs: number): fc.Parameters<T> {
  if (FUZZ_SECONDS <= 0) return { seed: SEED, numRuns: runs };
  // A small share of the fuzz time: these parsers are simple.
  return { seed: SEED, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: (FUZZ_SECONDS * 1000) / 12, markInterruptAsFailure: false };
}
function check<T extends unknown[]>(prop: fc.IProperty<T>, parameters: fc.Parameters<T>): void {
  const out = fc.check(prop, parameters);
  if (out.failed) {
    const cause = out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance);
    throw new Error(`${fc.defaultReportMessage(out)}\n\nError: ${cause}`);
  }
}

/** Texts that are almost configuration files: JSON values, with pieces cut, doubled or spliced in. */
const PIECES = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '"rules"',
  '"attributes"',
  '"people"',
  '"dateStyle"',
  '"dateFixes"',
  '"ask"',
  '"$schema"',
  '"__proto__"',
  '"constructor"',
  '"missing-date"',
  '"off"',
  '"error"',
  '"loud"',
  '"line"',
  '"attribute"',
  '"author"',
  '"9x"',
  '"*.people.json"',
  '"name"',
  '"aliases"',
  '"description"',
  '"Lương Cường"',
  '"فام"',
  '"👋"',
  'null',
  'true',
  '1',
  '-0.5e99',
  '/*',
  '*/',
  '//',
  '\n',
  '\r',
  '\u0000',
  '\ufeff',
  '\\',
  '\\u12',
  '"\\"',
  ' ',
];
const jsonish = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join('')),
  fc
    .json()
    .chain((j) => fc.tuple(fc.constant(j), fc.nat(j.length), fc.nat(j.length), fc.constantFrom('', ...PIECES)))
    .map(([j, a, b, ins]) => j.slice(0, Math.min(a, b)) + ins + j.slice(Math.max(a, b))),
  fc
    .record({
      rules: fc.dictionary(fc.constantFrom(...CODES, 'nope'), fc.constantFrom('off', 'error', 'warning', 'information', 'hint', 'x', 1 as unknown as string)),
      attributes: fc.array(fc.string(), { maxLength: 4 }),
      people: fc.array(fc.string(), { maxLength: 3 }),
    })
    .map((o) => JSON.stringify(o)),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

function assertProblemsInside(text: string, problems: readonly { start: number; end: number; message: string }[], what: string): void {
  for (const p of problems) {
    assert.ok(Number.isInteger(p.start) && Number.isInteger(p.end), `${what}: offsets ${p.start}-${p.end}`);
    // A fault at the very end (a missing `}`) is one character wide just past it; positionInText clamps it.
    assert.ok(p.start >= 0 && p.start <= p.end && p.start <= text.length && p.end <= text.length + 1, `${what}: problem at ${p.start}-${p.end} in a text of ${text.length}`);
    assert.ok(p.message.trim() !== '', `${what}: empty message`);
  }
}

const NESTED = ['['.repeat(100000), `{"rules": ${'{"a":'.repeat(20000)}1${'}'.repeat(20000)}}`, `{"people": [${'['.repeat(50000)}`, `{"attributes": ${'[['.repeat(30000)}`];

test('.corpusrc.json nested ten thousand levels deep is reported, not thrown (the defaults apply)', () => {
  for (const text of NESTED) {
    let out: ReturnType<typeof parseRcFile> | undefined;
    assert.doesNotThrow(
      () => {
        out = parseRcFile(text);
      },
      `parseRcFile on ${JSON.stringify(text.slice(0, 30))}…`,
    );
    assert.ok(out && out.problems.length > 0, 'the file gets a problem');
    assertProblemsInside(text, out.problems, 'nested');
    assert.deepEqual(mergeConfig({}, out.config).rules, {});
  }
});

test('people files nested ten thousand levels deep are reported, not thrown', () => {
  for (const text of NESTED) {
    const out = parsePeopleFile(text);
    assert.ok(out.problems.length > 0);
    assertProblemsInside(text, out.problems, 'nested people');
  }
});

test('.corpusrc.json: never throws, problems inside the file, settings of the documented shapes (property)', () => {
  check(
    fc.property(jsonish, (text) => {
      const { config, problems } = parseRcFile(text);
      assertProblemsInside(text, problems, 'rc');
      for (const [k, v] of Object.entries(config.rules ?? {})) {
        assert.ok((CODES as readonly string[]).includes(k), `rule ${k}`);
        assert.ok(['off', 'error', 'warning', 'information', 'hint'].includes(String(v)), `severity ${String(v)}`);
      }
      for (const a of config.attributes ?? []) assert.match(a, /^[A-Za-z][A-Za-z0-9_.-]*$/);
      for (const p of config.people ?? []) assert.equal(typeof p, 'string');
      assert.ok(config.dateStyle === undefined || config.dateStyle === 'line' || config.dateStyle === 'attribute');
      assert.ok(config.dateFixes === undefined || config.dateFixes === 'preferred' || config.dateFixes === 'ask');
      // Nothing read from the file reaches Object.prototype.
      assert.equal(({} as Record<string, unknown>).rules, undefined);
      assert.equal(Object.getPrototypeOf(config.rules ?? {}), Object.prototype);
    }),
    params(1500),
  );
});

test('editor settings of any shape are read as data (property)', () => {
  check(
    fc.property(fc.anything(), (value) => {
      const s = configFromSettings(value);
      const merged = mergeConfig(s, undefined);
      assert.equal(typeof merged.rules, 'object');
      assert.ok(Array.isArray(merged.attributes));
    }),
    params(500),
  );
});

test('people files: never throw, problems inside the file, every person has a name (property)', () => {
  check(
    fc.property(jsonish, (text) => {
      const { people, problems } = parsePeopleFile(text);
      assertProblemsInside(text, problems, 'people');
      for (const p of people) {
        assert.equal(typeof p.name, 'string');
        assert.ok(p.name.trim() !== '');
      }
    }),
    params(1500),
  );
});
