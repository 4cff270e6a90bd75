// The text rules (`date-mismatch`, …) read each document's text, so they are not
// run while a segment is analysed. Their findings are cached per segment (a
// segment is immutable: an edit replaces it, and the new one is checked when the
// editor's list is computed). The documents of a file just opened are checked by
// a background pass, in steps of a few milliseconds that continue where the last
// one stopped; the pass follows the model's edits (its splice journal), so a step
// never walks the whole file again. When the pass is done its findings are
// committed at once (the pass's epoch changes), so the editor's list changes once,
// not document by document.

import type { CorpusConfig } from '../config';
import type { CorpusModel } from '../model/corpusModel';
import type { Segment } from '../model/segment';
import type { LocalProblem, TextRule } from '../rules/types';
import { activeTextRules, runTextRule } from './convert';

/** What each text rule found in a segment (by rule); segments are immutable, so identity is the key. */
const textCache = new WeakMap<Segment, Map<TextRule, LocalProblem[]>>();

/** The text rules' problems of a segment: computed now, or (with `cachedOnly`) only those known; undefined when some are not known yet. */
export function textProblems(seg: Segment, rules: readonly TextRule[], cachedOnly: boolean): LocalProblem[] | undefined {
  const doc = seg.doc;
  if (!doc || doc.empty || rules.length === 0) return [];
  let per = textCache.get(seg);
  const out: LocalProblem[] = [];
  let complete = true;
  for (const rule of rules) {
    let found = per?.get(rule);
    if (!found) {
      if (cachedOnly) {
        complete = false;
        continue;
      }
      found = runTextRule(rule, { text: seg.text, lineStarts: seg.lineStarts, doc });
      if (!per) textCache.set(seg, (per = new Map()));
      per.set(rule, found);
    }
    for (const p of found) out.push(p);
  }
  return complete ? out : out.length > 0 ? out : undefined;
}

/** The problems of the text rules with fixes that are on under a configuration, for quick fixes and "Fix all" (computed now when not known). */
export function fixableTextProblems(seg: Segment, config: CorpusConfig): readonly LocalProblem[] {
  const rules = activeTextRules(config).filter((r) => r.meta.fixable !== false);
  return rules.length === 0 ? [] : (textProblems(seg, rules, false) ?? []);
}

/** How many of the rules' results a segment has in the cache (all of them for a segment with no text to read). */
export function knownCount(seg: Segment, rules: readonly TextRule[]): number {
  if (rules.length === 0 || !seg.doc || seg.doc.empty) return rules.length;
  const per = textCache.get(seg);
  if (!per) return 0;
  let k = 0;
  for (const r of rules) if (per.has(r)) k++;
  return k;
}

export function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

// ---------------------------------------------------------------- the background pass

interface TextPass {
  rules: readonly TextRule[];
  /** The next segment to look at. */
  cursor: number;
  /** The model's generation the cursor refers to. */
  generation: number;
  /** Whether the current round ran a rule (then one more round makes sure nothing was missed). */
  ranInRound: boolean;
  done: boolean;
  /** Bumped when a pass completes: the findings are committed. */
  epoch: number;
}

const passes = new WeakMap<CorpusModel, TextPass>();

function passFor(model: CorpusModel, rules: readonly TextRule[]): TextPass {
  let p = passes.get(model);
  if (!p || !sameList(p.rules, rules)) {
    p = { rules, cursor: 1, generation: model.generation, ranInRound: false, done: false, epoch: (p?.epoch ?? 0) + 1 };
    passes.set(model, p);
  }
  return p;
}

/** Changes when a background pass over the model completes (its findings are then part of the list). */
export function textEpoch(model: CorpusModel): number {
  return passes.get(model)?.epoch ?? 0;
}

/**
 * Runs the text rules on documents not yet checked, until `budgetMs` has passed.
 * Returns true when every document is checked. A step continues where the last
 * one stopped; one document is the smallest unit (date-mismatch reads at most
 * its first 600 characters).
 */
export function checkTextRulesStep(model: CorpusModel, config: CorpusConfig, budgetMs: number): boolean {
  const rules = activeTextRules(config);
  if (rules.length === 0) return true;
  const p = passFor(model, rules);
  if (p.done) return true;
  const splices = model.changesSince(p.generation);
  if (!splices) {
    p.cursor = 1;
    p.ranInRound = true;
  } else {
    // Keep the cursor on the same segment across the edits made since the last step.
    for (const s of splices) {
      if (p.cursor >= s.first + s.removed) p.cursor += s.inserted - s.removed;
      else if (p.cursor > s.first) p.cursor = s.first;
    }
  }
  p.generation = model.generation;
  const until = performance.now() + budgetMs;
  const n = model.segmentCount;
  let ran = 0;
  for (;;) {
    while (p.cursor < n) {
      const seg = model.segmentAt(p.cursor);
      if (knownCount(seg, rules) !== rules.length) {
        // At least one document per step, however small the budget.
        if (ran > 0 && performance.now() > until) return false;
        textProblems(seg, rules, false);
        ran++;
        p.ranInRound = true;
      } else if ((p.cursor & 255) === 0 && performance.now() > until) {
        return false;
      }
      p.cursor++;
    }
    if (!p.ranInRound) break;
    // A round that ran rules is followed by one that only looks (edits behind the cursor are caught there).
    p.ranInRound = false;
    p.cursor = 1;
  }
  p.done = true;
  p.epoch++;
  return true;
}

/** True when the background pass knows every document's text rules under this configuration. */
export function textRulesDone(model: CorpusModel, config: CorpusConfig): boolean {
  const rules = activeTextRules(config);
  if (rules.length === 0) return true;
  const p = passes.get(model);
  return p !== undefined && p.done && sameList(p.rules, rules);
}
