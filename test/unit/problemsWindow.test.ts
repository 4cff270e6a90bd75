// Which 1,000 of a file's diagnostics VS Code gets (client/src/problems/window.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseWindow, distance, NO_VIEW, sameWindow, Spot, View, VSCODE_LIMIT } from '../../client/src/problems/window';

const spot = (s: Spot): Spot => s;
/** One problem per line 0..n-1, errors where `error(i)`. */
function lines(n: number, error: (i: number) => boolean = () => false): Spot[] {
  return Array.from({ length: n }, (_, i) => ({ startLine: i, endLine: i, error: error(i) }));
}

test('distance: 0 on screen or on a cursor line, lines to the nearest otherwise, Infinity with no view', () => {
  const view: View = { ranges: [{ start: 100, end: 140 }], cursors: [500] };
  assert.equal(distance(120, 120, view), 0);
  assert.equal(distance(90, 99, view), 1);
  assert.equal(distance(145, 146, view), 5);
  assert.equal(distance(499, 502, view), 0);
  assert.equal(distance(300, 300, view), 160);
  assert.equal(distance(5, 5, NO_VIEW), Infinity);
  // A problem spanning the whole view is on screen.
  assert.equal(distance(0, 1000, view), 0);
});

test('a file within the limit gives VS Code every diagnostic, in order', () => {
  const items = lines(VSCODE_LIMIT);
  assert.deepEqual(
    chooseWindow(items, spot, { ranges: [{ start: 10, end: 20 }], cursors: [] }),
    items.map((_, i) => i),
  );
});

test('past the limit: at most 1,000, everything on screen, then errors, then the nearest others', () => {
  // 4,012 problems, one per line; every 100th an error (41 errors); the user looks at lines 2,000-2,040.
  const items = lines(4012, (i) => i % 100 === 0);
  const view: View = { ranges: [{ start: 2000, end: 2040 }], cursors: [2010] };
  const w = chooseWindow(items, spot, view);
  assert.equal(w.length, VSCODE_LIMIT);
  const chosen = new Set(w);
  for (let i = 2000; i <= 2040; i++) assert.ok(chosen.has(i), `line ${i} on screen is shown`);
  for (let i = 0; i < 4012; i += 100) assert.ok(chosen.has(i), `error at line ${i} is shown`);
  // The rest are the nearest: a contiguous band around the view.
  const others = w.filter((i) => i % 100 !== 0);
  const lo = Math.min(...others);
  const hi = Math.max(...others);
  assert.ok(lo > 1400 && hi < 2600, `band ${lo}-${hi} is around the view`);
  for (let i = lo; i <= hi; i++) if (i % 100 !== 0) assert.ok(chosen.has(i), `line ${i} inside the band is shown`);
  // Most wanted first (VS Code draws squiggles for the first 500 markers only): on screen, then the errors, then the rest.
  assert.deepEqual(
    w.slice(0, 41).sort((a, b) => a - b),
    Array.from({ length: 41 }, (_, i) => 2000 + i),
  );
  assert.ok(
    w.slice(41, 81).every((i) => i % 100 === 0),
    'then the errors',
  );
  const fromView = (i: number): number => (i < 2000 ? 2000 - i : i - 2040);
  const rest = w.slice(81);
  for (let k = 1; k < rest.length; k++) assert.ok(fromView(rest[k - 1]) <= fromView(rest[k]), 'then nearest first');
});

test('the first screen of a big file shows its problems (VS Code alone would show the errors first, from anywhere)', () => {
  // 2,000 warnings, then 1,200 errors at the end of the file; the user is at the top.
  const items = [...lines(2000), ...lines(1200).map((s) => ({ ...s, startLine: s.startLine + 5000, endLine: s.endLine + 5000, error: true }))];
  const w = chooseWindow(items, spot, { ranges: [{ start: 0, end: 40 }], cursors: [0] });
  assert.equal(w.length, VSCODE_LIMIT);
  for (let i = 0; i <= 40; i++) assert.ok(w.includes(i), `warning on screen at line ${i}`);
  // Then errors (more than fit): the nearest ones.
  assert.ok(w.includes(2000), 'the nearest error');
  assert.ok(!w.includes(2000 + 1199), 'not the farthest error');
  assert.equal(w.filter((i) => i < 2000).length, 41);
});

test('more problems on screen than the limit: the nearest to the cursor first', () => {
  const items = lines(3000).map((s) => ({ ...s, startLine: 0, endLine: 0 }));
  items.push({ startLine: 50, endLine: 50, error: false });
  const w = chooseWindow(items, spot, { ranges: [{ start: 0, end: 60 }], cursors: [50] }, 10);
  assert.equal(w.length, 10);
  assert.ok(w.includes(3000), 'the one on the cursor line comes first');
  assert.equal(w[0], 3000);
  assert.deepEqual(w.slice(1), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
});

test('without a view: errors first, then file order (what the server sent)', () => {
  const items = lines(1500, (i) => i >= 1400);
  const w = chooseWindow(items, spot, NO_VIEW);
  assert.equal(w.length, VSCODE_LIMIT);
  assert.deepEqual(
    w.slice(0, 100),
    Array.from({ length: 100 }, (_, i) => 1400 + i),
  );
  assert.deepEqual(
    w.slice(100),
    Array.from({ length: 900 }, (_, i) => i),
  );
});

test('a scroll within the band keeps the same window; a jump moves it', () => {
  const items = lines(5000);
  const a = chooseWindow(items, spot, { ranges: [{ start: 2500, end: 2540 }], cursors: [] });
  const b = chooseWindow(items, spot, { ranges: [{ start: 2500, end: 2540 }], cursors: [] });
  assert.ok(sameWindow(a, b));
  const c = chooseWindow(items, spot, { ranges: [{ start: 4900, end: 4940 }], cursors: [] });
  assert.ok(!sameWindow(a, c));
  assert.ok(c.includes(4999) && !c.includes(2500));
  assert.ok(!sameWindow(undefined, a));
});
