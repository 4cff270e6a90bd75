// Every regular expression of the language service must run in linear time, so no
// corpus text, people file or configuration can make the server hang (ReDoS).
//
// The patterns are collected automatically: every server/src/**/*.ts file is
// parsed with the TypeScript compiler API, and every RegExp literal and every
// `new RegExp(…)` / `RegExp(…)` whose arguments are constant (string literals,
// templates and `+` over constants, `const` names in the same file, `X.source`
// of a literal) is checked with the ReDoS analyser recheck — by analysis of
// the pattern, not by timing. New code is covered without touching this file.
//
// A `RegExp` built from run-time data cannot be analysed here: it must be listed
// in REVIEWED below with why it is safe, or this test fails and names it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { ROOT } from '../support/fixtures';

// recheck's pure JavaScript (Scala.js) backend: no Java, no native binary, no worker.
process.env.RECHECK_SYNC_BACKEND = 'pure';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkSync } = require('recheck') as typeof import('recheck');

export interface FoundPattern {
  file: string;
  line: number;
  source: string;
  flags: string;
}

export interface DynamicPattern {
  file: string;
  line: number;
  /** The source text of the `new RegExp(…)` expression. */
  expression: string;
}

/**
 * RegExps built from run-time data, reviewed by hand: `file:expression` → why
 * the pattern cannot backtrack super-linearly. Keep the list short.
 */
const REVIEWED: Record<string, string> = {};

const SERVER_SRC = path.join(ROOT, 'server', 'src');

function listTs(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) listTs(p, out);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

/** Collects the patterns of one source text. Exported for the collector's own test. */
export function collectPatterns(fileName: string, text: string): { found: FoundPattern[]; dynamic: DynamicPattern[] } {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: FoundPattern[] = [];
  const dynamic: DynamicPattern[] = [];
  // `const NAME = <initializer>` anywhere in the file (names may shadow; the first wins, which is enough here).
  const constants = new Map<string, ts.Expression>();
  const gather = (n: ts.Node): void => {
    if (ts.isVariableDeclarationList(n) && (n.flags & ts.NodeFlags.Const) !== 0) {
      for (const d of n.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer && !constants.has(d.name.text)) constants.set(d.name.text, d.initializer);
      }
    }
    ts.forEachChild(n, gather);
  };
  gather(sf);

  const lineOf = (n: ts.Node): number => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;

  /** The constant string value of an expression, or undefined when it depends on run-time data. */
  const evaluate = (e: ts.Expression, depth = 0): string | undefined => {
    if (depth > 20) return undefined;
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) return evaluate(e.expression, depth + 1);
    if (ts.isTemplateExpression(e)) {
      let s = e.head.text;
      for (const span of e.templateSpans) {
        const v = evaluate(span.expression, depth + 1);
        if (v === undefined) return undefined;
        s += v + span.literal.text;
      }
      return s;
    }
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const a = evaluate(e.left, depth + 1);
      const b = evaluate(e.right, depth + 1);
      return a === undefined || b === undefined ? undefined : a + b;
    }
    if (ts.isIdentifier(e)) {
      const init = constants.get(e.text);
      return init ? evaluate(init, depth + 1) : undefined;
    }
    if (ts.isPropertyAccessExpression(e) && e.name.text === 'source') {
      const target = ts.isIdentifier(e.expression) ? constants.get(e.expression.text) : e.expression;
      if (target && ts.isRegularExpressionLiteral(target)) return splitLiteral(target.text).source;
      return undefined;
    }
    if (ts.isTaggedTemplateExpression(e) && e.tag.getText(sf) === 'String.raw') {
      const t = e.template;
      if (ts.isNoSubstitutionTemplateLiteral(t)) return t.rawText ?? t.text;
      return undefined;
    }
    return undefined;
  };

  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const { source, flags } = splitLiteral((n as ts.RegularExpressionLiteral).text);
      found.push({ file: fileName, line: lineOf(n), source, flags });
    } else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && ts.isIdentifier(n.expression) && n.expression.text === 'RegExp') {
      const args = n.arguments ?? [];
      const source = args[0] ? evaluate(args[0]) : '(?:)';
      const flags = args[1] ? evaluate(args[1]) : '';
      // `new RegExp(literal)` is covered by the literal itself; its flags may still be dynamic.
      const fromLiteral = args[0] !== undefined && ts.isRegularExpressionLiteral(args[0]);
      if (!fromLiteral) {
        if (source === undefined || flags === undefined) dynamic.push({ file: fileName, line: lineOf(n), expression: n.getText(sf) });
        else found.push({ file: fileName, line: lineOf(n), source, flags });
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return { found, dynamic };
}

function splitLiteral(text: string): { source: string; flags: string } {
  const last = text.lastIndexOf('/');
  return { source: text.slice(1, last), flags: text.slice(last + 1) };
}

function collectAll(): { found: FoundPattern[]; dynamic: DynamicPattern[] } {
  const found: FoundPattern[] = [];
  const dynamic: DynamicPattern[] = [];
  for (const f of listTs(SERVER_SRC)) {
    const rel = path.relative(ROOT, f).split(path.sep).join('/');
    const r = collectPatterns(rel, fs.readFileSync(f, 'utf8'));
    found.push(...r.found);
    dynamic.push(...r.dynamic);
  }
  return { found, dynamic };
}

/** One recheck verdict, with a sentence for the report. */
function verdict(p: { source: string; flags: string }): { ok: boolean; detail: string } {
  // Deterministic: a fixed seed and step limits only (recheck's time limits would make
  // its fuzzing depend on the machine's speed). The overall timeout is a safety net:
  // a timeout is reported as undecided, never taken as safe.
  const d = checkSync(p.source, p.flags, {
    randomSeed: 1,
    timeout: 120000,
    incubationTimeout: null,
    attackTimeout: null,
    seedingTimeout: null,
  });
  if (d.status === 'safe') return { ok: true, detail: `safe (${d.complexity.type})` };
  if (d.status === 'vulnerable') {
    return { ok: false, detail: `${d.complexity.type} backtracking; attack string ${JSON.stringify(d.attack.pattern)}` };
  }
  return { ok: false, detail: `recheck could not decide (${d.error.kind}${'message' in d.error ? `: ${d.error.message}` : ''}): rewrite the pattern so it can be checked` };
}

test('the collector finds literals, constant constructors and run-time ones', () => {
  const src = [
    'const A = /a+b/g;',
    "const B = 'x(y|z)';",
    "const C = new RegExp('^' + B + `${B}$`, 'u');",
    'const D = RegExp(A.source, "i");',
    'const E = new RegExp(String.raw`\\d+`);',
    'function f(w: string) { return new RegExp(w); }',
    'const F = new RegExp(/q/, flagsFromSomewhere);',
  ].join('\n');
  const { found, dynamic } = collectPatterns('x.ts', src);
  assert.deepEqual(
    found.map((p) => [p.source, p.flags]),
    [
      ['a+b', 'g'],
      ['^x(y|z)x(y|z)$', 'u'],
      ['a+b', 'i'],
      ['\\d+', ''],
      ['q', ''],
    ],
  );
  assert.deepEqual(
    dynamic.map((d) => [d.line, d.expression]),
    [[6, 'new RegExp(w)']],
  );
});

test('the analyser flags a backtracking pattern (so a pass means something)', () => {
  assert.equal(verdict({ source: '^(a+)+$', flags: '' }).ok, false);
  assert.equal(verdict({ source: '^\\s*(\\w+\\s*)*$', flags: '' }).ok, false);
  assert.equal(verdict({ source: '^[a-z]+$', flags: '' }).ok, true);
});

const all = collectAll();

test('the service has regular expressions to check (the collector reads server/src)', () => {
  assert.ok(all.found.length >= 10, `only ${all.found.length} patterns found`);
});

// One test per pattern, named by file, line and pattern, so a failure says exactly which.
for (const p of all.found) {
  const shown = p.source.length > 80 ? `${p.source.slice(0, 77)}...` : p.source;
  test(`linear time: ${p.file}:${p.line} /${shown}/${p.flags}`, () => {
    const v = verdict(p);
    assert.ok(v.ok, `${p.file}:${p.line} /${p.source}/${p.flags} is not linear-time: ${v.detail}`);
  });
}

test('every RegExp built at run time is reviewed', () => {
  const unreviewed = all.dynamic.filter((d) => REVIEWED[`${d.file}:${d.expression}`] === undefined);
  assert.deepEqual(
    unreviewed.map((d) => `${d.file}:${d.line} ${d.expression}`),
    [],
    'These RegExps are built from run-time values, so their patterns cannot be analysed. Build them from constants, or add them to REVIEWED in test/unit/regex.test.ts with the reason they cannot backtrack.',
  );
});
