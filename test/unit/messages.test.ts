// Every message the command line and the service give for a fault of a file or of
// the configuration, walked: configuration files, people files, the command
// line's file-system failures, unnamed documents. Each says what is wrong and
// how to fix it in plain words, one message per fault, and none is a raw
// exception text (Node's `ENOENT: no such file…`, a parser's error code, a stack).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli/main';
import { MemoryStream } from '../../server/src/cli/io';
import { applyEdits, computeDiagnostics, CorpusModel, DEFAULT_CONFIG, parsePeopleFile, parseRcFile, streamLintText } from '../../server/src';
import { ROOT, SEEDS } from '../support/fixtures';

/** What a raw exception or a parser's internals look like in a message. */
const RAW = [
  /\bE[A-Z]{3,}\b/, // ENOENT, EACCES, EISDIR …
  /\bERR_[A-Z_]+\b/,
  /no such file or directory|permission denied|illegal operation on a directory/i,
  /\b(open|scandir|mkdir|rename|stat|lstat) '/,
  /\b[A-Za-z]*Error\b:?/, // TypeError, SyntaxError, Error:
  /\n\s+at .+:\d+:\d+/, // a stack
  /\bundefined\b|\bnull\b(?! \w)|\[object |\bNaN\b/,
  /PropertyNameExpected|ValueExpected|CommaExpected|ColonExpected|CloseBraceExpected|CloseBracketExpected|EndOfFileExpected|InvalidSymbol|InvalidCommentToken|UnexpectedEnd/,
  /Unexpected token|in JSON at position/,
];

/** A word that tells the reader what to do. */
const ADVICE = /\b(must be|Write|Remove|Add|Put|Use|Give|Change|Check|Keep|Move|Replace|Rename|Close|Create|Choose|Name|Save|Free|Run|Split|Open|Fix|End|Did you mean|delete|raise|restore|quote)\b/;

function assertPlain(message: string, where: string): void {
  for (const r of RAW) assert.doesNotMatch(message, r, `${where}: a raw text in "${message}"`);
  assert.match(message, ADVICE, `${where}: "${message}" says what to do`);
}

// ---------------------------------------------------------------- configuration files

/** One fault each: [text, what the one message says]. */
const RC_FAULTS: [string, RegExp][] = [
  ['{"rules": {"missing-date": "off",}}', /^A comma after the last entry is not allowed in JSON\. Remove this comma\.$/],
  ['{"attributes": ["author",]}', /comma after the last entry/],
  ['{"rules": {"missing-date": "off"} "attributes": []}', /A comma is missing before this entry.*default settings apply/],
  ['{"rules" {}}', /A colon is missing/],
  ['{"rules": {"missing-date": "off"}', /A closing `}` is missing/],
  ['{"attributes": ["a"}', /A closing `]` is missing|comma is missing/],
  ['{"rules": {}} extra', /`extra` is not JSON/],
  ['{"rules": {}}}', /more text after the closing `}`/],
  ['{"rules": {} // comment\n}', /plain JSON: comments are not allowed\. Remove the comment/],
  ['{"rules: {}}', /has no closing double quote/],
  ['{"rules": {"missing-date": off}}', /`off` is not JSON\. Put text in double quotes/],
  ['{"rules": {"missing-date": }}', /A value is missing here/],
  ['{"rules": {"missing-date": "off", "partial-date": "hint", }}', /comma after the last entry/],
  ['[]', /must be a JSON object/],
  ['"rules"', /must be a JSON object/],
  ['{"rules": "missing-date: off"}', /"rules" must be an object/],
  ['{"rules": {"mising-date": "off"}}', /"mising-date" is not a diagnostic code.*Did you mean "missing-date"\?/],
  ['{"rules": {"no-such-code": "off"}}', /"no-such-code" is not a diagnostic code.*Use one of: malformed-header,/],
  ['{"rules": {"missing-date": "warn"}}', /must be "off", "error", "warning", "information" or "hint"\. Did you mean "warning"\?/],
  ['{"rules": {"missing-date": "none"}}', /Did you mean "off"\?/],
  ['{"rules": {"missing-date": false}}', /Did you mean "off"\?/],
  ['{"atributes": ["author"]}', /"atributes" is not a setting of \.corpusrc\.json, so it is ignored\. Did you mean "attributes"\?/],
  ['{"colour": "red"}', /"colour" is not a setting.*Remove it, or use one of "rules", "overrides", "ignores", "attributes", "people", "dateStyle", "dateFixes" and "nearDuplicateThreshold"/],
  ['{"attributes": "author"}', /"attributes" must be a list of header keys/],
  ['{"attributes": ["1bad"]}', /Each allowed attribute must be a key/],
  ['{"people": "people.json"}', /"people" must be a list of paths or globs/],
  ['{"people": [""]}', /Each entry of "people" must be a path or a glob/],
  ['{"dateStyle": "attr"}', /"dateStyle" must be "line".*Did you mean "attribute"\?/],
  ['{"dateFixes": "always"}', /"dateFixes" must be "preferred".*"ask"/],
  ['['.repeat(100000), /nested too deeply/],
];

for (const [text, expected] of RC_FAULTS) {
  test(`.corpusrc.json ${JSON.stringify(text.slice(0, 50))}: one plain message`, () => {
    const { problems } = parseRcFile(text);
    assert.equal(problems.length, 1, `one problem, got: ${JSON.stringify(problems.map((p) => p.message))}`);
    assert.match(problems[0].message, expected);
    assertPlain(problems[0].message, JSON.stringify(text.slice(0, 50)));
    assert.ok(problems[0].start >= 0 && problems[0].end > problems[0].start && problems[0].start <= text.length);
  });
}

test('.corpusrc.json: a trailing comma is one error, on the comma, and the settings still apply', () => {
  const text = '{ "rules": { "missing-date": "off", }, "attributes": ["author"] }';
  const { config, problems } = parseRcFile(text);
  assert.deepEqual(
    problems.map((p) => [text.slice(p.start, p.end), p.start]),
    [[',', text.indexOf(', }')]],
  );
  assert.deepEqual(config.rules, { 'missing-date': 'off' });
  assert.deepEqual(config.attributes, ['author']);
});

test('.corpusrc.json: after any other syntax error the defaults apply, as the message says', () => {
  const { config, problems } = parseRcFile('{ "rules": { "missing-date": "off" } "attributes": ["author"] }');
  assert.deepEqual(config, {});
  assert.match(problems[0].message, /Until it is fixed, the default settings apply\./);
});

test('.corpusrc.json: an empty file, or one saved with a byte-order mark, is fine', () => {
  assert.deepEqual(parseRcFile('').problems, []);
  assert.deepEqual(parseRcFile('  \n').problems, []);
  const bom = parseRcFile('\ufeff{ "attributes": ["author"] }');
  assert.deepEqual(bom.problems, []);
  assert.deepEqual(bom.config.attributes, ['author']);
});

// ---------------------------------------------------------------- people files

const PEOPLE_FAULTS: [string, RegExp][] = [
  ['{"people": [{"name": "Tô Lâm"} {"name": "Lương Cường"}]}', /A comma is missing before this entry.*some people may not be read/],
  ['{"people": [{"name": "Tô Lâm"}]', /A closing `}` is missing/],
  ['{"people": [{"name": Tô Lâm}]}', /is not JSON\. Put text in double quotes/],
  ['   ', /This people file is empty\. Write \{ "people"/],
  ['[]', /must be an object with a "people" list/],
  ['{"peple": []}', /"peple" is not a property here, so it is ignored\. Did you mean "people"\?/],
  ['{"people": [], "colour": 1}', /"colour" is not a property here.*a people file has "people" and "notPeople"/],
  ['{"notPeople": []} ', /^$/],
  ['{}', /The "people" list is missing\. Add "people"/],
  ['{"people": {"name": "Tô Lâm"}}', /"people" must be a list of people, such as/],
  ['{"people": ["Tô Lâm"]}', /Each person must be an object such as/],
  ['{"people": [{"nmae": "Tô Lâm"}]}', /"nmae" is not a property here.*Did you mean "name"\?/],
  ['{"people": [{"name": ""}]}', /"name" must be the person's name in double quotes/],
  ['{"people": [{"aliases": ["To Lam"]}]}', /This person has no "name"\. Add one/],
  ['{"people": [{"name": "Tô Lâm", "aliases": "To Lam"}]}', /"aliases" must be a list of spellings, such as/],
  ['{"people": [{"name": "Tô Lâm", "aliases": [1]}]}', /Each alias must be a spelling in double quotes/],
  ['{"people": [{"name": "Tô Lâm", "description": 1}]}', /"description" must be a text in double quotes, such as/],
  ['{"people": [{"name": "Tô Lâm"}, {"name": "tô lâm"}]}', /is listed twice in this file\. Keep one entry/],
  ['{"people": [], "notPeople": "Lê Lợi"}', /"notPeople" must be a list of spellings/],
  ['{"people": [], "notPeople": [""]}', /Each entry of "notPeople" must be a spelling/],
];

for (const [text, expected] of PEOPLE_FAULTS) {
  test(`people file ${JSON.stringify(text.slice(0, 50))}: ${expected.source === '^$' ? 'no problem' : 'one plain message'}`, () => {
    const { problems } = parsePeopleFile(text);
    if (expected.source === '^$') {
      assert.deepEqual(problems, []);
      return;
    }
    assert.equal(problems.length, 1, `one problem, got: ${JSON.stringify(problems.map((p) => p.message))}`);
    assert.match(problems[0].message, expected);
    assertPlain(problems[0].message, JSON.stringify(text.slice(0, 50)));
  });
}

test('people files: trailing commas and comments are allowed, a byte-order mark too', () => {
  assert.deepEqual(parsePeopleFile('\ufeff{"people": [{"name": "Tô Lâm",},], // note\n}').problems, []);
});

// ---------------------------------------------------------------- the command line's file-system failures

const temporary: string[] = [];
after(() => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new MemoryStream();
  const stderr = new MemoryStream();
  const code = await main(args, { cwd, stdout, stderr, env: {} });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

test('every file-system failure of the command line is told in plain words, with the path', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-messages-'));
  temporary.push(dir);
  fs.copyFileSync(path.join(SEEDS, 'seeds.corpus'), path.join(dir, 'seeds.corpus'));
  fs.writeFileSync(path.join(dir, 'a-file'), 'not a folder');
  fs.mkdirSync(path.join(dir, 'folder'));
  fs.mkdirSync(path.join(dir, 'texts'));
  fs.writeFileSync(path.join(dir, 'texts', 'one.txt'), 'One text.\n');
  fs.mkdirSync(path.join(dir, 'links'));
  fs.symlinkSync(path.join(dir, 'gone.corpus'), path.join(dir, 'links', 'dangling.corpus'));
  fs.writeFileSync(path.join(dir, 'broken.people.json'), '{"people": [{"name": "Lương Cường"} {"name": "Tô Lâm"}]}');
  const cases: { args: string[]; path: string; says: RegExp; code?: number }[] = [
    { args: ['lint', 'seeds.corpus', '-o', '/nonexistent/dir/out.txt'], path: '/nonexistent/dir/out.txt', says: /the folder it would go in does not exist\. Create the folder first/ },
    { args: ['lint', 'seeds.corpus', '-o', 'folder'], path: 'folder', says: /folder is a folder\. Name a file to write/ },
    { args: ['lint', 'seeds.corpus', '-o', 'a-file/out.txt'], path: 'a-file/out.txt', says: /is a file, not a folder/ },
    { args: ['lint', 'seeds.corpus', '-o', '/dev/full'], path: '/dev/full', says: /the disk is full/ },
    { args: ['lint', 'no/such.corpus'], path: 'no/such.corpus', says: /no such file or folder\. Check the path/ },
    { args: ['lint', 'nothing/**/*.corpus'], path: 'nothing/**/*.corpus', says: /no file matches this pattern/ },
    { args: ['stats', 'no/such.corpus'], path: 'no/such.corpus', says: /Check the path/ },
    { args: ['stats', path.join('links', 'dangling.corpus')], path: 'dangling.corpus', says: /Check the path/ },
    { args: ['pack', 'texts', '-o', '/nonexistent/dir/out.corpus'], path: '/nonexistent/dir/out.corpus', says: /does not exist\. Create the folder first/ },
    { args: ['pack', 'no-such-folder', '-o', 'out.corpus'], path: 'no-such-folder', says: /no such file or folder/ },
    { args: ['unpack', 'seeds.corpus', '-o', 'a-file'], path: 'a-file', says: /cannot create the folder a-file/ },
    { args: ['unpack', 'seeds.corpus', '-o', 'a-file/sub'], path: 'a-file/sub', says: /is a file, not a folder/ },
    { args: ['unpack', 'no.corpus', '-o', 'out'], path: 'no.corpus', says: /no such file\. Check the path/ },
    { args: ['unpack', 'folder', '-o', 'out'], path: 'folder', says: /is a folder, not a corpus file/ },
    { args: ['people', 'seeds.corpus', '--people', 'missing.people.json'], path: 'missing.people.json', says: /does not exist\. Check the path/ },
    { args: ['people', 'seeds.corpus', '--people', 'folder'], path: 'folder', says: /is a folder, not a file/ },
    { args: ['people', 'seeds.corpus', '--people', 'broken.people.json'], path: 'broken.people.json:1:37', says: /A comma is missing before this entry/, code: 0 },
  ];
  for (const c of cases) {
    const r = await run(c.args, dir);
    const where = `corpus ${c.args.join(' ')}`;
    assert.equal(r.code, c.code ?? 2, `${where}: exit code\n${r.stderr}`);
    const told = (r.stderr + r.stdout).split('\n').filter((l) => l.startsWith('corpus: ') || /cannot (read|write)/.test(l));
    assert.ok(told.length > 0, `${where}: a message on the standard error\n${r.stderr}${r.stdout}`);
    const message = told.join('\n');
    assert.ok(message.includes(c.path), `${where}: names ${c.path}: ${message}`);
    assert.match(message, c.says, where);
    assertPlain(message, where);
  }
});

test('the command line never prints an error object as it came: only the last-resort handler may', () => {
  const dir = path.join(ROOT, 'server', 'src', 'cli');
  for (const f of fs.readdirSync(dir)) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const raw = text.split('\n').filter((l) => /\(e as (Node[\w.]+|Error)\)\.message|\$\{String\(e\)\}/.test(l) && !l.includes('internal error'));
    assert.deepEqual(raw, [], `${f} passes an error's own text on`);
  }
});

// ---------------------------------------------------------------- documents

test('a document without a name is named by its line, in the editor and on the command line alike, after edits too', () => {
  const text = '<<<FILE a.txt date=2024-01-01>>>\nText.\n<<<FILE>>>\nMore text.\n<<<FILE >>>\n\n';
  const model = CorpusModel.parse(text);
  const messages = (): string[] => computeDiagnostics(model, DEFAULT_CONFIG, undefined, { text: true }).map((d) => `${d.code}: ${d.message}`);
  assert.deepEqual(messages(), [
    'malformed-header: This header has no document name. Write the name after `<<<FILE `, for example `<<<FILE article-001.txt>>>`.',
    'missing-date: The document on line 3 has no date. Add a first body line `date YYYY-MM-DD` or a `date=` attribute in its header.',
    'malformed-header: This header has no document name. Write the name after `<<<FILE `, for example `<<<FILE article-001.txt>>>`.',
    'empty-document: The document on line 5 has no text. Add its text below the header, or remove the header.',
  ]);
  assert.deepEqual(
    streamLintText(text, DEFAULT_CONFIG).map((d) => `${d.code}: ${d.message}`),
    messages(),
  );
  // Two lines added above: the unnamed documents are on lines 5 and 7 now.
  const at = model.offsetAt({ line: 1, character: 0 });
  model.applyEdit(at, at, 'One.\nTwo.\n');
  assert.ok(messages().some((m) => m.includes('The document on line 5 has no date')));
  assert.ok(messages().some((m) => m.includes('The document on line 7 has no text')));
  assert.ok(!messages().some((m) => /document here/.test(m)));
});

/** Each text holds one fault: it gets one diagnostic, of this code. */
const ONE_FAULT: [string, string, string][] = [
  ['an empty document', '<<<FILE a.txt>>>\n\n', 'empty-document'],
  ['an empty unnamed document', '<<<FILE b.txt date=2024-01-01>>>\nx\n<<<FILE a.txt>>>\n', 'empty-document'],
  ['a partial date given twice', '<<<FILE a.txt date=2024-12>>>\n date 2024-12 Text.\n', 'partial-date'],
  ['two dates that differ, one partial', '<<<FILE a.txt date=2024-12>>>\n date 2024-12-03 Text.\n', 'date-conflict'],
  ['two partial dates that differ', '<<<FILE a.txt date=2024-11>>>\n date 2024-12 Text.\n', 'date-conflict'],
  ['a byte-order mark before the date line', '<<<FILE a.txt>>>\n\ufeff date 2024-12-03 Text.\n', 'stray-bom'],
  ['a vertical tab inside a name', '<<<FILE a\u000bb.txt date=2024-12-03>>>\nText.\n', 'control-character'],
  ['a date value with no closing quote', '<<<FILE a.txt date="2024-12-03>>>\nText.\n', 'malformed-header'],
];

for (const [what, text, code] of ONE_FAULT) {
  test(`one fault, one diagnostic: ${what} (${code})`, () => {
    const model = CorpusModel.parse(text);
    const diags = computeDiagnostics(model, DEFAULT_CONFIG, undefined, { text: true });
    assert.deepEqual(
      diags.map((d) => d.code),
      [code],
    );
    assert.deepEqual(
      streamLintText(text, DEFAULT_CONFIG).map((d) => d.code),
      [code],
    );
  });
}

test('removing the byte-order mark before a date line gives the date', () => {
  const model = CorpusModel.parse('<<<FILE a.txt>>>\n\ufeff date 2024-12-03 Text.\n');
  const fixed = applyEdits(model, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, newText: '' }]);
  assert.deepEqual(computeDiagnostics(CorpusModel.parse(fixed), DEFAULT_CONFIG), []);
});
