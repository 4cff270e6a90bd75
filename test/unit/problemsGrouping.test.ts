// The Corpus Problems view's grouping (client/src/problems/grouping.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedGroups, documentAt, DocumentSpan, groupProblems, Problem, tally } from '../../client/src/problems/grouping';

const spans: DocumentSpan[] = [
  { name: 'a.txt', startLine: 2, endLine: 9 },
  { name: 'b.txt', startLine: 10, endLine: 19 },
  { name: 'c.txt', startLine: 25, endLine: 30 },
];

const problems: Problem[] = [
  { code: 'text-outside-document', severity: 'error', line: 0 },
  { code: 'missing-date', severity: 'warning', line: 2 },
  { code: 'partial-date', severity: 'information', line: 11 },
  { code: 'missing-date', severity: 'warning', line: 10 },
  { code: 'missing-date', severity: 'warning', line: 25 },
  { code: 'control-character', severity: 'warning', line: 27 },
  { code: 'control-character', severity: 'warning', line: 28 },
  { code: 'text-outside-document', severity: 'error', line: 22 },
];

test('documentAt: binary search over the outline, -1 before the first document and in gaps', () => {
  assert.equal(documentAt(spans, 0), -1);
  assert.equal(documentAt(spans, 2), 0);
  assert.equal(documentAt(spans, 9), 0);
  assert.equal(documentAt(spans, 10), 1);
  assert.equal(documentAt(spans, 22), -1);
  assert.equal(documentAt(spans, 30), 2);
  assert.equal(documentAt(spans, 31), -1);
  assert.equal(documentAt([], 3), -1);
});

test('by code: most problems first, then by document in file order with counts, outside last', () => {
  const g = groupProblems(problems, spans);
  assert.deepEqual(
    g.map((x) => [x.label, x.count]),
    [
      ['missing-date', 3],
      ['control-character', 2],
      ['text-outside-document', 2],
      ['partial-date', 1],
    ],
  );
  assert.deepEqual(
    g[0].groups?.map((x) => [x.label, x.count, x.items]),
    [
      ['a.txt', 1, [1]],
      ['b.txt', 1, [3]],
      ['c.txt', 1, [4]],
    ],
  );
  assert.deepEqual(
    g[2].groups?.map((x) => [x.key, x.label, x.items]),
    [['code:text-outside-document/outside', 'outside any document', [0, 7]]],
  );
  assert.equal(g[1].groups?.[0].code, 'control-character');
  // Every problem once.
  const all = g.flatMap((x) => x.groups?.flatMap((y) => y.items ?? []) ?? []);
  assert.deepEqual(
    [...all].sort((a, b) => a - b),
    problems.map((_, i) => i),
  );
});

test('by document: file order, the problems of each in input order', () => {
  const g = groupProblems(problems, spans, {}, 'document');
  assert.deepEqual(
    g.map((x) => [x.key, x.label, x.count, x.items]),
    [
      ['doc:0', 'a.txt', 1, [1]],
      ['doc:1', 'b.txt', 2, [2, 3]],
      ['doc:2', 'c.txt', 3, [4, 5, 6]],
      ['outside', 'outside any document', 2, [0, 7]],
    ],
  );
});

test('a file without an outline: code groups hold the problems directly', () => {
  const g = groupProblems(problems, []);
  assert.deepEqual(g[0].items, [1, 3, 4]);
  assert.equal(g[0].groups, undefined);
});

test('a file whose outline is not known (not open): by code as without one; by document, one group saying so', () => {
  const g = groupProblems(problems, undefined);
  assert.deepEqual(g[0].items, [1, 3, 4]);
  assert.equal(g[0].groups, undefined);
  const d = groupProblems(problems, undefined, { codes: new Set(['missing-date']) }, 'document');
  assert.deepEqual(
    d.map((x) => [x.label, x.count, x.items]),
    [['every document (open the file to group by document)', 3, [1, 3, 4]]],
  );
  assert.deepEqual(groupProblems(problems, undefined, { codes: new Set(['none']) }, 'document'), []);
  // An open file without documents is another thing: its problems are outside any document.
  assert.deepEqual(
    groupProblems(problems.slice(0, 1), [], {}, 'document').map((x) => x.label),
    ['outside any document'],
  );
});

test('filter by code and by severity', () => {
  assert.deepEqual(
    groupProblems(problems, spans, { codes: new Set(['control-character']) }).map((x) => [x.label, x.count]),
    [['control-character', 2]],
  );
  assert.deepEqual(
    groupProblems(problems, spans, { severities: new Set(['error', 'information']) }).map((x) => [x.label, x.count]),
    [
      ['text-outside-document', 2],
      ['partial-date', 1],
    ],
  );
  assert.deepEqual(groupProblems(problems, spans, { codes: new Set(['missing-date']), severities: new Set(['error']) }), []);
});

test('tally counts codes and severities for the filter', () => {
  const t = tally(problems);
  assert.equal(t.codes.get('missing-date'), 3);
  assert.equal(t.severities.get('warning'), 5);
  assert.equal(t.severities.get('hint'), undefined);
});

test('changedGroups: only the groups whose problems changed; structure when groups come or go', () => {
  const before = groupProblems(problems, spans);
  const same = (a: number, b: number): boolean => JSON.stringify(problems[a]) === JSON.stringify(after[b]);
  let after = problems;
  assert.deepEqual(changedGroups(before, groupProblems(after, spans), same), { structure: false, keys: [] });
  // One more undated document: only that code's group changed.
  after = [...problems, { code: 'missing-date', severity: 'warning', line: 12 }];
  assert.deepEqual(changedGroups(before, groupProblems(after, spans), same), { structure: false, keys: ['code:missing-date'] });
  // A code overtaking another reorders the groups: the parent is redrawn.
  after = [...problems, { code: 'control-character', severity: 'warning', line: 29 }];
  assert.equal(changedGroups(before, groupProblems(after, spans), same).structure, true);
  // The partial date fixed: a group is gone.
  after = problems.filter((p) => p.code !== 'partial-date');
  assert.deepEqual(changedGroups(before, groupProblems(after, spans), same).structure, true);
  assert.equal(changedGroups(undefined, before, same).structure, true);
  // A problem moved to another line in the same document: its group changed, not the count.
  after = problems.map((p, i) => (i === 5 ? { ...p, line: 26 } : p));
  assert.deepEqual(changedGroups(before, groupProblems(after, spans), same), { structure: false, keys: ['code:control-character'] });
});
