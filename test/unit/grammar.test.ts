// The TextMate grammar (syntaxes/corpus.tmLanguage.json) as VS Code runs it:
// vscode-textmate on the Oniguruma WebAssembly engine.
//   - the packed seeds: header lines get the header scopes, body lines never do;
//   - adversarial 1 MB lines tokenize to the end with sensible tokens (no time
//     limits here: a regex that backtracked catastrophically would make this test
//     hang, and the recheck analysis below catches it without running anything);
//   - every regex of the grammar is analysed by recheck and must be `safe`, and
//     must also compile in Oniguruma;
//   - the language configuration's regexes, and the assertion lines of the
//     grammar tests in test/grammar (vscode-tmgrammar-test silently ignores an
//     assertion it cannot parse, so a typo would make a test pass vacuously).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';
import { parseScopeAssertion } from 'vscode-tmgrammar-test/dist/unit/parsing';
import { ROOT, SEEDS } from '../support/fixtures';

import { checkSync } from 'recheck';

const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'corpus.tmLanguage.json');
const WASM_PATH = path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm');
const MB = 1024 * 1024;

let grammarPromise: Promise<vsctm.IGrammar> | undefined;

function loadGrammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = fs.readFileSync(WASM_PATH);
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => (scopeName === 'source.corpus' ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null),
    });
    const grammar = await registry.loadGrammar('source.corpus');
    assert.ok(grammar, 'the grammar source.corpus loads');
    return grammar;
  })();
  return grammarPromise;
}

interface Tok {
  text: string;
  scopes: string[];
}

interface LineResult {
  tokens: Tok[];
  raw: vsctm.IToken[];
  stoppedEarly: boolean;
  state: vsctm.StateStack;
}

function tokenize(grammar: vsctm.IGrammar, line: string, state: vsctm.StateStack = vsctm.INITIAL): LineResult {
  const r = grammar.tokenizeLine(line, state);
  return {
    tokens: r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })),
    raw: r.tokens,
    stoppedEarly: r.stoppedEarly,
    state: r.ruleStack,
  };
}

/** The state after a few lines, to tokenize a line in that context. */
function stateAfter(grammar: vsctm.IGrammar, lines: string[]): vsctm.StateStack {
  let state = vsctm.INITIAL;
  for (const l of lines) state = grammar.tokenizeLine(l, state).ruleStack;
  return state;
}

const has = (t: Tok, scope: string): boolean => t.scopes.includes(scope);
const hasPrefix = (t: Tok, prefix: string): boolean => t.scopes.some((s) => s.startsWith(prefix));

/** Tokens cover the line without gaps or overlaps, and the run completed. */
function assertComplete(r: LineResult, line: string, label: string): void {
  assert.equal(r.stoppedEarly, false, `${label}: tokenization stopped early`);
  assert.ok(r.raw.length > 0, `${label}: no tokens`);
  assert.equal(r.raw[0].startIndex, 0, `${label}: first token starts at 0`);
  for (let i = 1; i < r.raw.length; i++) {
    assert.equal(r.raw[i].startIndex, r.raw[i - 1].endIndex, `${label}: token ${i} does not follow token ${i - 1}`);
  }
  assert.ok(r.raw[r.raw.length - 1].endIndex >= line.length, `${label}: the tokens stop before the end of the line`);
}

// ---------------------------------------------------------------------------
// The seeds
// ---------------------------------------------------------------------------

test('seeds.corpus: header lines get the header scopes, body lines never do, date lines get date scopes', async () => {
  const grammar = await loadGrammar();
  const text = fs.readFileSync(path.join(SEEDS, 'seeds.corpus'), 'utf8');
  const lines = text.split(/\r\n|\r|\n/);
  const articleCount = fs.readdirSync(SEEDS).filter((f) => /^\d+_.*\.txt$/.test(f)).length;
  assert.ok(articleCount > 0, 'the seed articles are present');

  let state = vsctm.INITIAL;
  let headers = 0;
  let dateLines = 0;
  let previousWasHeader = false;
  for (const [n, line] of lines.entries()) {
    const r = tokenize(grammar, line, state);
    state = r.state;
    assertComplete(r, line, `seeds line ${n + 1}`);
    const where = `seeds.corpus line ${n + 1}`;
    for (const t of r.tokens) assert.ok(!hasPrefix(t, 'invalid.'), `${where}: ${JSON.stringify(t.text)} is marked invalid: ${t.scopes.join(' ')}`);

    if (line.startsWith('<<<FILE')) {
      headers++;
      const name = /^<<<FILE[ \t]+(\S+?)[ \t]*>>>[ \t]*$/.exec(line)?.[1];
      assert.ok(name, `${where}: the seed header has the plain form`);
      for (const t of r.tokens) assert.ok(has(t, 'meta.header.corpus'), `${where}: ${JSON.stringify(t.text)} lacks meta.header.corpus`);
      const byScope = (scope: string) => r.tokens.filter((t) => has(t, scope)).map((t) => t.text);
      assert.deepEqual(byScope('punctuation.definition.tag.begin.corpus'), ['<<<'], where);
      assert.deepEqual(byScope('keyword.control.file.corpus'), ['FILE'], where);
      assert.deepEqual(byScope('entity.name.section.corpus'), [name], where);
      assert.deepEqual(byScope('punctuation.definition.tag.end.corpus'), ['>>>'], where);
      previousWasHeader = true;
      continue;
    }

    for (const t of r.tokens) {
      for (const scope of ['meta.header.corpus', 'entity.name.section.corpus', 'keyword.control.file.corpus', 'punctuation.definition.tag.begin.corpus', 'entity.other.attribute-name.corpus']) {
        assert.ok(!has(t, scope), `${where}: body text ${JSON.stringify(t.text.slice(0, 40))} has the header scope ${scope}`);
      }
    }
    const dateLine = /^([ \t]*)(date)[ \t]+(\S+)/.exec(line);
    if (previousWasHeader && dateLine) {
      dateLines++;
      assert.deepEqual(
        r.tokens.filter((t) => has(t, 'keyword.other.date.corpus')).map((t) => t.text),
        ['date'],
        where,
      );
      assert.deepEqual(
        r.tokens.filter((t) => has(t, 'constant.numeric.date.corpus')).map((t) => t.text),
        [dateLine[3]],
        where,
      );
      // The rest of the date line is article text.
      const last = r.tokens[r.tokens.length - 1];
      assert.deepEqual(last.scopes, ['source.corpus'], `${where}: the text after the date is plain`);
    } else {
      for (const t of r.tokens) assert.ok(!hasPrefix(t, 'keyword.other.date') && !hasPrefix(t, 'constant.numeric.date'), `${where}: ${JSON.stringify(t.text.slice(0, 40))} is scoped as a date`);
      // Every other body line is one plain token.
      if (line.length > 0)
        assert.deepEqual(
          r.tokens.map((t) => t.scopes),
          [['source.corpus']],
          `${where}: body line is plain text`,
        );
    }
    if (line.trim() !== '') previousWasHeader = false;
  }
  assert.equal(headers, articleCount, 'one header per seed article');
  assert.ok(dateLines >= 2, `the seeds have date lines (found ${dateLines})`);
});

// ---------------------------------------------------------------------------
// Adversarial 1 MB lines
// ---------------------------------------------------------------------------

const fill = (unit: string, length = MB): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

test('a header with a 1 MB name: one name token', async () => {
  const grammar = await loadGrammar();
  const name = fill('aé_9-'); // letters, marks, digits, punctuation
  for (const line of [`<<<FILE ${name}>>>`, `<<<FILE ${name}`, `<<<FILE "${name}">>>`, `<<<FILE "${name}`]) {
    const r = tokenize(grammar, line);
    assertComplete(r, line, line.slice(0, 12));
    assert.ok(r.tokens.length <= 8, `few tokens (${r.tokens.length})`);
    const named = r.tokens.filter((t) => has(t, 'entity.name.section.corpus')).reduce((n, t) => n + t.text.length, 0);
    assert.ok(named >= MB, `the name is scoped as the name (${named} characters)`);
  }
});

test('a 1 MB body line is one plain token, whatever it holds', async () => {
  const grammar = await loadGrammar();
  const contexts: [string, vsctm.StateStack][] = [
    ['before any header', vsctm.INITIAL],
    ['inside a document', stateAfter(grammar, ['<<<FILE a>>>', 'first line'])],
  ];
  for (const unit of ['<', '"', '=', '>', ' ', 'Lương Cường — ', '\\"', '<<<FILE ', 'date=', ' a="', 'تقرير 🎉 ']) {
    const line = 'x' + fill(unit); // not a header: does not start with <<< or blanks + <<
    for (const [label, state] of contexts) {
      const r = tokenize(grammar, line, state);
      assertComplete(r, line, `${JSON.stringify(unit)} ${label}`);
      assert.deepEqual(
        r.tokens.map((t) => t.scopes),
        [['source.corpus']],
        `${JSON.stringify(unit)} ${label}`,
      );
    }
  }
});

test('1 MB of <, ", =, >, blanks or backslashes as a line, as the line after a header, and after <<<FILE', async () => {
  const grammar = await loadGrammar();
  const afterHeader = stateAfter(grammar, ['<<<FILE a>>>']);
  for (const unit of ['<', '"', '=', ' ', '\\', '>']) {
    const body = fill(unit);
    for (const [label, line, state] of [
      ['alone', body, vsctm.INITIAL],
      ['after a header', body, afterHeader],
      ['after <<<FILE', `<<<FILE ${body}`, vsctm.INITIAL],
      ['after a name', `<<<FILE a ${body}`, vsctm.INITIAL],
    ] as const) {
      const what = `1 MB of ${JSON.stringify(unit)} ${label}`;
      const r = tokenize(grammar, line, state);
      assertComplete(r, line, what);
      // One token per pair of quotes at most: the count stays proportional to the line.
      assert.ok(r.tokens.length <= line.length / 2 + 10, `${what}: ${r.tokens.length} tokens`);
      if (!line.startsWith('<<<FILE')) {
        const header = r.tokens.filter((t) => has(t, 'meta.header.corpus'));
        // Only `<<…` can look like a (malformed) header.
        if (unit !== '<') assert.equal(header.length, 0, `${what}: nothing is a header`);
      } else {
        assert.ok(
          r.tokens.every((t) => has(t, 'meta.header.corpus')),
          `${what}: the whole line is a header`,
        );
      }
    }
  }
});

// Lines with hundreds of thousands of tokens are 256 KB: enough to expose any
// super-linear scanning (a quadratic case takes minutes at this size) while the
// test stays quick; lines made of a few long tokens are 1 MB.
const BIG = MB / 4;

test('big headers full of attributes, strings and stray text tokenize to the end', async () => {
  const grammar = await loadGrammar();
  // [label, line, check, most tokens expected]
  const cases: [string, string, (toks: Tok[]) => void, number?][] = [
    [
      'many attributes',
      `<<<FILE x${fill(' a=1', BIG)}>>>`,
      (toks) => {
        assert.equal(toks.filter((t) => has(t, 'entity.other.attribute-name.corpus')).length, BIG / 4);
      },
      BIG + 10,
    ], // blank, key, =, value: one token per character
    [
      'many quoted attributes with escapes',
      `<<<FILE x${fill(' t="\\""', BIG)}>>>`,
      (toks) => {
        assert.ok(toks.filter((t) => has(t, 'constant.character.escape.corpus')).length >= BIG / 7 - 1);
      },
      (BIG * 6) / 7 + 10,
    ], // blank, key, =, ", \", ": six tokens per seven characters
    [
      'many date attributes',
      `<<<FILE x${fill(' date=2024-12-1', BIG)}>>>`,
      (toks) => {
        assert.ok(toks.filter((t) => has(t, 'invalid.illegal.date.corpus')).length >= BIG / 16 - 1);
      },
    ],
    [
      'a=" chained',
      `<<<FILE x${fill(' a="', BIG)}`,
      (toks) => {
        assert.ok(toks.some((t) => has(t, 'string.quoted.double.corpus')));
      },
      (BIG * 3) / 4 + 10,
    ], // ' a=" a="' is blank, key, =, ", ' a=', ": six tokens per eight characters
    [
      'unterminated values',
      `<<<FILE x${fill(' a="\\" b', BIG)}`,
      (toks) => {
        assert.ok(toks.some((t) => has(t, 'string.quoted.double.corpus')));
      },
    ],
    [
      'one key of 1 MB without =',
      `<<<FILE x ${fill('k')}>>>`,
      (toks) => {
        assert.ok(toks.some((t) => has(t, 'invalid.illegal.unexpected.corpus') && t.text.length === MB));
      },
    ],
    [
      '> then 1 MB of blanks',
      `<<<FILE x> y>${fill(' ')}z`,
      (toks) => {
        assert.ok(toks.some((t) => has(t, 'entity.name.section.corpus') && t.text === 'x>'));
      },
    ],
    [
      'short closings',
      `<<<FILE x${fill(' a=1>', BIG)}>`,
      (toks) => {
        assert.equal(toks.filter((t) => has(t, 'invalid.illegal.short-close.corpus')).length, 1);
      },
      (BIG * 4) / 5 + 10,
    ], // blank, key, =, value: four tokens per five characters
    [
      'stray quotes',
      `<<<FILE x${fill(' "a', BIG)}`,
      (toks) => {
        assert.ok(toks.some((t) => has(t, 'invalid.illegal.unexpected.corpus')));
      },
    ],
    [
      '>>> followed by blanks and text',
      `<<<FILE x${fill(' >>>  ', BIG)}`,
      (toks) => {
        assert.ok(toks.some((t) => has(t, 'invalid.illegal.trailing-text.corpus')));
      },
    ],
    [
      'near miss with 1 MB of <',
      `${fill('<')}FILE x>>>`,
      (toks) => {
        assert.ok(toks.some((t) => has(t, 'invalid.illegal.malformed-header.corpus')));
      },
    ],
    [
      'indented near miss',
      `${fill(' ')}<<<FILE x>>>`,
      (toks) => {
        assert.ok(toks.some((t) => has(t, 'invalid.illegal.malformed-header.corpus')));
      },
    ],
    [
      '1 MB of blanks then FILE',
      `<<<${fill(' ')}FILE x>>>`,
      (toks) => {
        assert.ok(toks.some((t) => has(t, 'invalid.illegal.malformed-header.corpus')));
      },
    ],
  ];
  for (const [label, line, check, most] of cases) {
    const r = tokenize(grammar, line);
    assertComplete(r, line, label);
    assert.ok(r.tokens.length <= (most ?? line.length / 2 + 10), `${label}: ${r.tokens.length} tokens`);
    assert.ok(
      r.tokens.every((t) => has(t, 'meta.header.corpus')),
      `${label}: the whole line is a header`,
    );
    check(r.tokens);
  }
});

test('a 1 MB date line after a header: keyword, value, then plain text', async () => {
  const grammar = await loadGrammar();
  const afterHeader = stateAfter(grammar, ['<<<FILE a>>>', '', '  ']);
  for (const [line, valueScope] of [
    [` date 2024-12-12 ${fill('Hà Nội ')}`, 'constant.numeric.date.corpus'],
    [`date ${fill('1')}`, 'invalid.illegal.date.corpus'],
    [`date ${fill('2024-')}`, 'invalid.illegal.date.corpus'],
  ] as const) {
    const r = tokenize(grammar, line, afterHeader);
    assertComplete(r, line, line.slice(0, 16));
    assert.ok(r.tokens.length <= 6, `few tokens (${r.tokens.length})`);
    assert.ok(r.tokens.some((t) => has(t, 'keyword.other.date.corpus') && t.text === 'date'));
    assert.ok(
      r.tokens.some((t) => has(t, valueScope)),
      `${line.slice(0, 16)}: value scoped ${valueScope}`,
    );
  }
});

// ---------------------------------------------------------------------------
// Every regex of the grammar
// ---------------------------------------------------------------------------

interface GrammarRegex {
  where: string;
  source: string;
}

function grammarRegexes(): GrammarRegex[] {
  const raw: unknown = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8'));
  const found: GrammarRegex[] = [];
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => walk(n, `${where}[${i}]`));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'match' || key === 'begin' || key === 'end' || key === 'while') && typeof value === 'string') {
          found.push({ where: `${where}.${key}`, source: value });
        } else {
          walk(value, `${where}.${key}`);
        }
      }
    }
  };
  walk(raw, '$');
  return found;
}

/**
 * Patterns that use Oniguruma-only syntax (possessive quantifiers, atomic groups,
 * \G, \h, inline flags…) which recheck cannot parse, by their place in the grammar.
 * The grammar is written in the syntax Oniguruma and JavaScript share, so this is
 * empty; a pattern listed here must really fail to parse, so the list cannot go stale.
 */
const ONIGURUMA_ONLY = new Set<string>([]);

test('every regex of the grammar is safe from catastrophic backtracking (recheck)', () => {
  const regexes = grammarRegexes();
  assert.ok(regexes.length >= 10, `the grammar's regexes are found (${regexes.length})`);
  const problems: string[] = [];
  for (const { where, source } of regexes) {
    // Oniguruma's ^ and $ are line anchors (JavaScript's m flag); u: code points, as Oniguruma.
    // Deterministic, as in regex.test.ts: a fixed seed and step limits only (recheck's time
    // limits made its fuzzing depend on the machine's load); a timeout is undecided, never safe.
    const result = checkSync(source, 'mu', { randomSeed: 1, timeout: 120_000, incubationTimeout: null, attackTimeout: null, seedingTimeout: null });
    if (ONIGURUMA_ONLY.has(where)) {
      if (result.status !== 'unknown') problems.push(`${where} is listed as Oniguruma-only but recheck analyses it (${result.status}): remove it from the list`);
      continue;
    }
    if (result.status === 'vulnerable') {
      problems.push(`${where}: ${result.complexity.summary}, e.g. ${result.attack.pattern} — ${source}`);
    } else if (result.status === 'unknown') {
      problems.push(`${where}: recheck cannot analyse it (${result.error.kind}${'message' in result.error ? `: ${result.error.message}` : ''}) — ${source}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('every regex of the grammar compiles in Oniguruma', async () => {
  await loadGrammar(); // loads the WebAssembly engine
  for (const { where, source } of grammarRegexes()) {
    assert.doesNotThrow(() => new oniguruma.OnigScanner([source]).dispose(), `${where}: ${source}`);
  }
});

// ---------------------------------------------------------------------------
// Language configuration
// ---------------------------------------------------------------------------

test('language configuration: words keep Vietnamese and Arabic letters with their marks together', () => {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'language-configuration.json'), 'utf8')) as {
    wordPattern: { pattern: string; flags: string };
    folding: { markers: { start: string; end: string } };
    brackets: unknown[];
  };
  const word = new RegExp(config.wordPattern.pattern, `g${config.wordPattern.flags}`);
  const words = (s: string) => s.match(word) ?? [];
  assert.deepEqual(words('Lương Cường đã thăm Hà Nội.'), ['Lương', 'Cường', 'đã', 'thăm', 'Hà', 'Nội']);
  // Decomposed (NFD) Vietnamese: base letters plus combining marks.
  assert.deepEqual(words('Lu\u031Bo\u031Bng Cu\u031Bo\u031B\u0300ng'), ['Lu\u031Bo\u031Bng', 'Cu\u031Bo\u031B\u0300ng']);
  assert.deepEqual(words('استقبل الرئيسُ الوفدَ'), ['استقبل', 'الرئيسُ', 'الوفدَ']);
  assert.deepEqual(words('می\u200Cخواهم'), ['می\u200Cخواهم'], 'zero-width non-joiner stays inside the word');
  assert.deepEqual(words('<<<FILE x>>> "a"'), ['FILE', 'x', 'a']);
  assert.equal(words(' \t<>="').length, 0);
  assert.ok(!word.test(''), 'the word pattern never matches an empty string');

  assert.ok(new RegExp(config.folding.markers.start).test('<<<FILE a.txt>>>'));
  assert.ok(!new RegExp(config.folding.markers.start).test(' <<<FILE a.txt>>>'));
  assert.ok(new RegExp(config.folding.markers.end).test('<<<END>>>'));
  assert.deepEqual(config.brackets, []);
  for (const r of [config.wordPattern.pattern, config.folding.markers.start, config.folding.markers.end]) {
    const result = checkSync(r, 'u');
    assert.equal(result.status, 'safe', r);
  }
});

// ---------------------------------------------------------------------------
// The grammar test files themselves
// ---------------------------------------------------------------------------

test('test/grammar: every assertion line is one vscode-tmgrammar-test understands', () => {
  const dir = path.join(ROOT, 'test', 'grammar');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.corpus'));
  assert.ok(files.length >= 4, 'the grammar tests are present');
  const scopeName = /^\w[-\w.]*$/;
  for (const file of files) {
    const lines = fs.readFileSync(path.join(dir, file), 'utf8').split(/\r?\n/);
    assert.match(lines[0], /^# SYNTAX TEST "source\.corpus"( "[^"]+")?$/, `${file}: header line`);
    let assertions = 0;
    for (const [i, line] of lines.entries()) {
      if (i === 0) continue;
      const marker = /^#(\s*(?:\^+\s*)+|\s*<~*-+)(.*)$/.exec(line);
      if (!marker) continue;
      assertions++;
      const where = `${file}:${i + 1}`;
      // Checked here first: the tool's own parser backtracks exponentially on some
      // malformed lines (e.g. two ' - ' exclusion groups) and ignores others silently.
      const words = marker[2]
        .trim()
        .split(/\s+/)
        .filter((w) => w !== '');
      assert.ok(words.filter((w) => w === '-').length <= 1, `${where}: one '-' at most, with every excluded scope after it`);
      assert.ok(
        words.every((w) => w === '-' || scopeName.test(w)),
        `${where}: only scope names after the marker`,
      );
      assert.ok(
        words.some((w) => w !== '-'),
        `${where}: a scope is named`,
      );
      assert.ok(
        words.every((w) => w === '-' || w.endsWith('.corpus') || w === 'source.corpus'),
        `${where}: full scope names (the tool compares them exactly)`,
      );
      assert.ok(parseScopeAssertion(i, 1, line).length > 0, `${where}: the tool reads the assertion`);
    }
    assert.ok(assertions >= 10, `${file}: has assertions (${assertions})`);
  }
});
