// Corpus text and people files never take control: every string from them that
// reaches a hover, a message or a tree item shows as text (no links, no command:
// links, no HTML, no images), no markdown is trusted, configuration and people
// files are data only (never executed or required), the manifest declares the
// workspace-trust and virtual-workspace capabilities, and `corpus unpack` never
// writes outside its target folder (hostile names, symlinks, Windows paths).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import ts from 'typescript';
import { CorpusModel } from '../../server/src/model/corpusModel';
import { hover, escapeMarkdown } from '../../server/src/features/hover';
import { computeDiagnostics } from '../../server/src';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { personHover, peopleView, KnownPeople } from '../../server/src/features/people';
import { parsePeopleFile } from '../../server/src/people';
import { safeRelativePath } from '../../server/src/pack';
import { DEFAULT_CONFIG } from '../../server/src/config';
import { HOSTILE_NAMES } from '../support/arbitraries';
import { ROOT } from '../support/fixtures';

// VS Code renders hover markdown with HTML and autolinks in mind: be as strict.
const md = new MarkdownIt({ html: true, linkify: true });

interface Rendered {
  text: string;
  links: string[];
  html: string[];
  images: number;
}

/** What a renderer makes of some markdown: its visible text, its links, its raw HTML and images. */
function render(markdown: string): Rendered {
  const out: Rendered = { text: '', links: [], html: [], images: 0 };
  const walk = (tokens: ReturnType<typeof md.parse>): void => {
    for (const t of tokens) {
      if (t.type === 'link_open') out.links.push(String(t.attrGet('href') ?? ''));
      else if (t.type === 'html_inline' || t.type === 'html_block') out.html.push(t.content);
      else if (t.type === 'image') out.images++;
      else if (t.type === 'text' || t.type === 'text_special' || t.type === 'code_inline') out.text += t.content;
      else if (t.type === 'softbreak' || t.type === 'hardbreak') out.text += ' ';
      if (t.children) walk(t.children);
    }
  };
  walk(md.parse(markdown, {}));
  return out;
}

/** The markdown is inert: no HTML, no image, no link but to the given documents; every hostile string shows as itself. */
function assertInert(markdown: string, shows: string[], allowedLinkPrefix?: string): void {
  const r = render(markdown);
  assert.deepEqual(r.html, [], `raw HTML reaches the renderer in ${JSON.stringify(markdown)}`);
  assert.equal(r.images, 0, `an image in ${JSON.stringify(markdown)}`);
  for (const href of r.links) {
    assert.ok(!/^\s*(command|javascript|data|vbscript):/i.test(href), `a ${href} link in ${JSON.stringify(markdown)}`);
    assert.ok(allowedLinkPrefix !== undefined && href.startsWith(allowedLinkPrefix), `an unexpected link ${href} in ${JSON.stringify(markdown)}`);
  }
  const visible = r.text.replace(/\s+/g, ' ');
  for (const s of shows) assert.ok(visible.includes(s.replace(/\s+/g, ' ')), `${JSON.stringify(s)} is not shown literally; the renderer shows ${JSON.stringify(visible)}`);
}

/** A header line that names a document exactly `name` (quoted, with `\\` and `\"` escapes). */
function headerFor(name: string, attrs = ''): string {
  return `<<<FILE "${name
    .replace(/[\r\n]+/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')}"${attrs}>>>`;
}

test('the oracle catches what it must (so a pass means something)', () => {
  assert.throws(() => assertInert('[x](command:workbench.action.terminal.new)', []));
  assert.throws(() => assertInert('<img src=x onerror=alert(1)>', []));
  assert.throws(() => assertInert('see https://evil.example/x', []));
  assert.throws(() => assertInert('**a**', ['**a**']));
  assertInert(escapeMarkdown('[x](command:y) <b>'), ['[x](command:y) <b>']);
});

test('escapeMarkdown: any string renders as exactly itself, with no link, HTML or image (property)', () => {
  const hostile = fc.oneof(
    fc.constantFrom(...HOSTILE_NAMES),
    fc
      .array(
        fc.constantFrom(
          '[',
          ']',
          '(',
          ')',
          '<',
          '>',
          '!',
          '*',
          '_',
          '`',
          '\\',
          '&',
          '#',
          ';',
          ':',
          'command',
          'http',
          '//',
          'www.',
          '.com',
          'a',
          ' ',
          '|',
          '~',
          '=',
          '"',
          "'",
          '-',
          '+',
          '{',
          '}',
          '&lt;',
          '&#60;',
          '\n',
          '1.',
          'x@y.z',
        ),
        { maxLength: 20 },
      )
      .map((a) => a.join('')),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
  );
  fc.assert(
    fc.property(hostile, (s) => {
      const escaped = escapeMarkdown(s);
      const r = render(escaped);
      assert.deepEqual(r.html, []);
      assert.deepEqual(r.links, []);
      assert.equal(r.images, 0);
      assert.equal(r.text.replace(/\s+/g, ' ').trim(), s.replace(/\s+/g, ' ').trim(), `escaped as ${JSON.stringify(escaped)}`);
    }),
    { seed: 20261125, numRuns: 1500 },
  );
});

test('hovers on hostile document names, dates, languages and first words are inert and show the text as it is', () => {
  for (const name of HOSTILE_NAMES) {
    const body = `date 2024-12-12 ${name.replace(/[\r\n]+/g, ' ')} on 12 December 2024`;
    const text = `${headerFor(name, ' lang=en')}\n${body}\n${headerFor(name, ` date=${name.replace(/[\s"]/g, '') || 'x'}`)}\nmore\n`;
    const m = CorpusModel.parse(text);
    const docs = m.documents;
    assert.equal(docs.length, 2);
    const shownName = name.replace(/[\r\n]+/g, ' ');
    assert.equal(docs[0].name, shownName);
    const onName = hover(m, { line: 0, character: docs[0].nameRange.start.character + 1 });
    assert.ok(onName, `a hover on ${JSON.stringify(name)}`);
    assertInert(onName.markdown, [shownName]);
    const onDate = hover(m, { line: 1, character: 7 });
    assert.ok(onDate);
    assertInert(onDate.markdown, []);
    // The second header's date= holds the hostile text: the invalid-date hover quotes it inertly.
    const d2 = docs[1].facts.dates[0];
    if (d2) {
      const h = hover(m, { line: 2, character: d2.range.start + 1 });
      if (h) assertInert(h.markdown, []);
    }
    for (const d of computeDiagnostics(m, DEFAULT_CONFIG)) {
      assert.equal(typeof d.message, 'string');
      assert.ok(!/[\r\n]/.test(d.message), `a line break in a message: ${JSON.stringify(d.message)}`);
    }
    // Outline names are plain text (VS Code shows symbol names as text).
    assert.equal(documentSymbols(m)[0].name, shownName);
  }
});

test('people hovers: hostile names, aliases and descriptions from a people file are inert', () => {
  const peopleFile = JSON.stringify({
    people: [
      {
        name: 'Lương Cường',
        aliases: ['Luong Cuong', 'President Cường'],
        description: '[Open a terminal](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> **State** President <script>alert(1)</script> https://evil.example/x',
      },
      { name: 'Tô Lâm', aliases: ['To Lam'], description: '![track](https://evil.example/t.png) <a href="javascript:alert(1)">x</a>' },
    ],
  });
  const parsed = parsePeopleFile(peopleFile);
  assert.deepEqual(parsed.problems, []);
  const known: KnownPeople = { version: 1, people: parsed.people, notPeople: parsed.notPeople };
  const text = `${headerFor('[doc](command:evil) <b>x</b>', ' date=2024-12-12')}\nState President Lương Cường met Tô Lâm. Lương Cường spoke.\n`;
  const m = CorpusModel.parse(text);
  // A file name a person could give on disk, as a client sends it.
  const uri = 'file:///w/x%29%20%5Bclick%5D%28command%3Aevil%29.corpus';
  for (const needle of ['Lương Cường', 'Tô Lâm']) {
    const character = text.split('\n')[1].indexOf(needle) + 2;
    const h = personHover(m, uri, { line: 1, character }, known);
    assert.ok(h, `a hover on ${needle}`);
    const person = known.people.find((p) => p.name === needle);
    assertInert(h.markdown, [needle, person?.description ?? ''], uri);
  }
  // The People view gets plain strings (the client shows them as text, in a plain-string tooltip).
  for (const e of peopleView(m, known)) {
    assert.equal(typeof e.name, 'string');
    if (e.description !== undefined) assert.equal(typeof e.description, 'string');
  }
});

/** Every .ts file below a folder. */
function sources(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const SOURCE_FILES = [...sources(path.join(ROOT, 'server', 'src')), ...sources(path.join(ROOT, 'client', 'src'))];

test('no markdown is trusted: no isTrusted, supportHtml or command links enabled anywhere in the extension', () => {
  const offenders: string[] = [];
  for (const f of SOURCE_FILES) {
    const text = fs.readFileSync(f, 'utf8');
    const lines = text.split('\n');
    lines.forEach((l, i) => {
      if (/\bisTrusted\b|\bsupportHtml\b|\benableCommandUris\b|\bsupportThemeIcons\s*[:=]\s*true/.test(l)) offenders.push(`${path.relative(ROOT, f)}:${i + 1}: ${l.trim()}`);
    });
  }
  assert.deepEqual(offenders, []);
});

test('configuration and people files are data only: nothing in the extension evaluates or loads code by a computed name', () => {
  const offenders: string[] = [];
  for (const f of SOURCE_FILES) {
    const sf = ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.ES2022, true);
    const where = (n: ts.Node): string => `${path.relative(ROOT, f)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}: ${n.getText(sf).slice(0, 80)}`;
    const literal = (e: ts.Expression | undefined): boolean => e !== undefined && (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e));
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n)) {
        const callee = n.expression;
        if (ts.isIdentifier(callee) && (callee.text === 'eval' || callee.text === 'Function')) offenders.push(where(n));
        if (ts.isIdentifier(callee) && callee.text === 'require' && !literal(n.arguments[0])) offenders.push(where(n));
        if (callee.kind === ts.SyntaxKind.ImportKeyword && !literal(n.arguments[0])) offenders.push(where(n));
        if (ts.isPropertyAccessExpression(callee) && ['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction'].includes(callee.name.text)) offenders.push(where(n));
      }
      if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'Function') offenders.push(where(n));
      if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
        if (/^(node:)?(vm|child_process|worker_threads)$/.test(n.moduleSpecifier.text) && !f.includes(`${path.sep}cli${path.sep}`)) offenders.push(where(n));
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  assert.deepEqual(offenders, [], 'code that could run text from the workspace');
});

test('a people file or .corpusrc.json full of JavaScript is read as (broken) JSON, never run', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-data-only-'));
  const marker = path.join(dir, 'PWNED');
  const js = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = { people: [{ name: 'X' }] };`;
  try {
    const people = parsePeopleFile(js);
    assert.ok(people.problems.length > 0);
    assert.deepEqual(people.people, []);
    const polluted = parsePeopleFile('{"people": [{"name": "A", "__proto__": {"isAdmin": true}}], "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
    assert.deepEqual(
      polluted.people.map((p) => p.name),
      ['A'],
    );
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(({} as Record<string, unknown>).isAdmin, undefined);
    assert.equal(fs.existsSync(marker), false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the manifest declares workspace trust and virtual workspaces honestly', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    capabilities?: {
      untrustedWorkspaces?: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] };
      virtualWorkspaces?: { supported: boolean | 'limited'; description?: string };
    };
    contributes?: { configuration?: { properties?: Record<string, { type?: string | string[] }> } };
  };
  const caps = pkg.capabilities;
  assert.ok(caps?.untrustedWorkspaces, 'capabilities.untrustedWorkspaces is declared');
  assert.ok(caps?.virtualWorkspaces, 'capabilities.virtualWorkspaces is declared');
  // Supported in restricted mode is honest only while no setting names a program, a command or a script to run.
  const props = Object.keys(pkg.contributes?.configuration?.properties ?? {});
  assert.ok(props.length > 0);
  const executable = props.filter((k) => /(path|command|executable|program|script|shell|node)$/i.test(k));
  if (caps.untrustedWorkspaces.supported === true) assert.deepEqual(executable, [], 'settings that would need a trusted workspace');
  else assert.ok(caps.untrustedWorkspaces.description && caps.untrustedWorkspaces.description.length > 0);
  if (caps.virtualWorkspaces.supported !== true)
    assert.ok(caps.virtualWorkspaces.description && caps.virtualWorkspaces.description.length > 0, 'a limited virtual-workspace support says what is limited');
  // The docs say what the extension does in both modes.
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'reliability.md'), 'utf8');
  assert.match(doc, /restricted mode/i);
  assert.match(doc, /virtual workspace/i);
});

// ---- corpus unpack never writes outside its target ----

const BIN = path.join(ROOT, 'bin', 'corpus.js');

before(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) {
    const b = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
  }
});

/** Every path below a folder (links listed, not followed), with file contents. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p);
      if (e.isSymbolicLink()) out[rel] = `link → ${fs.readlinkSync(p)}`;
      else if (e.isDirectory()) {
        out[`${rel}/`] = '';
        walk(p);
      } else out[rel] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

const HOSTILE_PATHS = [
  '../escape.txt',
  'a/../../escape.txt',
  'a/b/../../../escape.txt',
  '/tmp/corpus-absolute-escape.txt',
  '..\\escape.txt',
  'a\\..\\..\\escape.txt',
  'C:\\Windows\\Temp\\escape.txt',
  'C:escape.txt',
  'c:/escape.txt',
  '\\\\server\\share\\escape.txt',
  '..',
  '.',
  './a.txt',
  'a//b.txt',
  'a/',
  'nul\u0000.txt',
];

test('corpus unpack refuses hostile names (.., absolute, drive letters, backslashes, NUL) and writes nothing at all', () => {
  const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-unpack-'));
  try {
    fs.mkdirSync(path.join(sandbox, 'outside'));
    fs.writeFileSync(path.join(sandbox, 'outside', 'keep.txt'), 'untouched');
    for (const [i, bad] of HOSTILE_PATHS.entries()) {
      const corpusFile = path.join(sandbox, `evil-${i}.corpus`);
      fs.writeFileSync(corpusFile, `<<<FILE fine.txt>>>\nfirst\n${headerFor(bad)}\npayload ${i}\n`);
      const before = tree(sandbox);
      const r = spawnSync(process.execPath, [BIN, 'unpack', corpusFile, '-o', path.join(sandbox, 'target', 'out')], { cwd: path.join(sandbox, 'outside'), encoding: 'utf8' });
      assert.notEqual(r.status, 0, `unpack accepted ${JSON.stringify(bad)}: ${r.stdout}`);
      assert.ok(r.stderr.trim() !== '', 'the refusal is explained');
      assert.deepEqual(tree(sandbox), before, `unpack of ${JSON.stringify(bad)} changed files`);
      assert.equal(fs.existsSync('/tmp/corpus-absolute-escape.txt'), false);
    }
  } finally {
    fs.rmSync(sandbox, { recursive: true, force: true });
  }
});

test('corpus unpack never writes through a symlink inside the target (folder or file link), even with --force', () => {
  const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-unpack-links-'));
  try {
    const outside = path.join(sandbox, 'outside');
    const target = path.join(sandbox, 'target');
    fs.mkdirSync(outside);
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(outside, 'victim.txt'), 'untouched');
    fs.symlinkSync(outside, path.join(target, 'linkdir'));
    fs.symlinkSync(path.join(outside, 'victim.txt'), path.join(target, 'linkfile.txt'));
    fs.symlinkSync(path.join(outside, 'missing.txt'), path.join(target, 'dangling.txt'));
    for (const name of ['linkdir/victim.txt', 'linkdir/new.txt', 'linkfile.txt', 'dangling.txt']) {
      for (const force of [false, true]) {
        const corpusFile = path.join(sandbox, 'links.corpus');
        fs.writeFileSync(corpusFile, `${headerFor(name)}\npwned\n`);
        const before = tree(sandbox);
        const r = spawnSync(process.execPath, [BIN, 'unpack', corpusFile, '-o', target, ...(force ? ['--force'] : [])], { cwd: sandbox, encoding: 'utf8' });
        assert.notEqual(r.status, 0, `unpack wrote ${name} through a link (force: ${force})`);
        assert.deepEqual(tree(sandbox), before, `unpack of ${name} changed files (force: ${force})`);
        assert.equal(fs.readFileSync(path.join(outside, 'victim.txt'), 'utf8'), 'untouched');
        assert.equal(fs.existsSync(path.join(outside, 'missing.txt')), false);
        assert.equal(fs.existsSync(path.join(outside, 'new.txt')), false);
      }
    }
  } finally {
    fs.rmSync(sandbox, { recursive: true, force: true });
  }
});

test('a name that unpack accepts always resolves inside the target folder (property)', () => {
  const part = fc.constantFrom('..', '.', '', 'a', 'b.txt', '\\', 'C:', 'c:', '\u0000', '~', ' ', '%2e%2e', '…', '\u2025', '．．', 'Lương Cường', '👋');
  fc.assert(
    fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), fc.constantFrom('/', '\\', '/', ''), (parts, sep) => {
      const name = parts.join(sep);
      const safe = safeRelativePath(name);
      if (!safe.ok) return;
      for (const target of ['/srv/out', 'C:\\out']) {
        const p = target.startsWith('C:') ? path.win32 : path.posix;
        const file = p.resolve(target, ...safe.value);
        const rel = p.relative(target, file);
        const up = rel === '..' || rel.startsWith(`..${p.sep}`);
        assert.ok(rel !== '' && !up && !p.isAbsolute(rel), `${JSON.stringify(name)} resolves to ${file} under ${target}`);
      }
    }),
    { seed: 20261125, numRuns: 3000 },
  );
});
