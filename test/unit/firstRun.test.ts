// What a newcomer meets first, as the manifest declares it: the walkthrough's steps (each with a
// picture that exists and ships, a completion event tied to a real action, and buttons that run
// commands that exist), the People view's welcome, the workspace-problems setting, and the
// sample the walkthrough opens. The walkthrough itself runs in real VS Code
// (scripts/e2e/walkthrough.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeDiagnostics, CorpusModel, DEFAULT_CONFIG } from '../../server/src';
import { ROOT } from '../support/fixtures';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { image?: string; altText?: string };
  completionEvents: string[];
}

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string }[];
    walkthroughs: { id: string; title: string; steps: Step[] }[];
    viewsWelcome: { view: string; contents: string; when: string }[];
    views: { explorer: { id: string }[] };
    configuration: { properties: Record<string, { enum?: string[]; default?: unknown }> };
  };
};
const allowList = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
const client = ['extension.ts', 'firstRun.ts', 'peopleView.ts', 'largeFiles.ts'].map((f) => fs.readFileSync(path.join(ROOT, 'client', 'src', f), 'utf8')).join('\n');

/** VS Code's own commands the walkthrough's buttons may run. */
const BUILT_IN = new Set(['workbench.actions.view.problems', 'editor.action.marker.next', 'outline.focus']);

const commandsIn = (text: string): string[] => [...text.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);

test('the walkthrough: six steps in the order of the issue, each completed by its own action', () => {
  const [w] = pkg.contributes.walkthroughs;
  assert.equal(w.title, 'Get Started with Corpus Files');
  assert.deepEqual(
    w.steps.map((s) => s.id),
    ['open-corpus', 'see-problems', 'apply-fix', 'outline', 'hover-person', 'add-config'],
  );
  const events = w.steps.map((s) => s.completionEvents);
  // No step completes by being looked at ("onStepSelected"), or by an event another step uses.
  const flat = events.flat();
  assert.ok(!flat.includes('onStepSelected'));
  assert.equal(new Set(flat).size, flat.length);
  for (const e of flat) assert.match(e, /^(onCommand|onContext|onView):/, e);
  // The context keys and commands the events wait for are set, or run, by the client.
  for (const e of flat) {
    const [kind, what] = [e.slice(0, e.indexOf(':')), e.slice(e.indexOf(':') + 1)];
    if (kind === 'onContext' && what.startsWith('corpus.')) assert.ok(client.includes(`'${what}'`), `the client sets ${what}`);
    if (kind === 'onCommand') assert.ok(client.includes(`'${what}'`), `the client registers ${what}`);
  }
});

test("the walkthrough's pictures exist and ship in the .vsix; its buttons run commands that exist", () => {
  const contributed = new Set(pkg.contributes.commands.map((c) => c.command));
  for (const s of pkg.contributes.walkthroughs[0].steps) {
    assert.ok(s.media.image && fs.existsSync(path.join(ROOT, s.media.image)), `${s.id}: ${s.media.image} exists`);
    assert.ok(allowList.split('\n').includes(`!${s.media.image}`), `${s.id}: ${s.media.image} is let into the .vsix`);
    assert.ok((s.media.altText ?? '').length > 20, `${s.id}: the picture is described`);
    // Walkthrough text renders links, not Markdown code spans.
    assert.doesNotMatch(s.description, /`/, `${s.id}: no backticks`);
    for (const c of commandsIn(s.description)) assert.ok(contributed.has(c) || BUILT_IN.has(c), `${s.id}: the button runs ${c}`);
  }
  assert.ok(allowList.split('\n').includes('!samples/seeds.corpus'), 'the sample ships');
});

test('the People view says what to do when no corpus is open, with buttons', () => {
  const welcome = pkg.contributes.viewsWelcome.filter((w) => w.view === 'corpus.people');
  assert.ok(pkg.contributes.views.explorer.some((v) => v.id === 'corpus.people'));
  const none = welcome.find((w) => w.when === '!corpus.corpusOpen');
  assert.ok(none, 'a welcome for no corpus open');
  assert.deepEqual(commandsIn(none.contents), ['corpus.openCorpusFile', 'corpus.openSample']);
  assert.ok(
    welcome.some((w) => w.when === 'corpus.corpusOpen'),
    'and one for a corpus without people',
  );
  assert.ok(client.includes("'corpus.corpusOpen'"));
});

test('corpus.problems.scope: openFiles by default, or workspace', () => {
  const s = pkg.contributes.configuration.properties['corpus.problems.scope'];
  assert.deepEqual(s.enum, ['openFiles', 'workspace']);
  assert.equal(s.default, 'openFiles');
});

test('the sample the walkthrough opens shows what the steps describe', () => {
  const text = fs.readFileSync(path.join(ROOT, 'samples', 'seeds.corpus'), 'utf8');
  const codes = computeDiagnostics(CorpusModel.parse(text), DEFAULT_CONFIG, undefined, { text: true }).map((d) => d.code);
  assert.deepEqual(codes.sort(), ['missing-date', 'missing-date', 'missing-date', 'partial-date']);
  // "Hover one (in the sample: Lương Cường, in the first line)".
  assert.match(text.split('\n')[1], /Lương Cường/);
});
