// From the rules' findings to diagnostics: the configured severity (or none when
// the rule is off), configured attributes let through, relative lines made
// absolute. The editor's pipeline and the command line's stream both use these,
// so they report exactly the same diagnostics.

import type { CorpusConfig } from '../config';
import type { Diagnostic, Severity } from '../model/types';
import { DEFAULT_SEVERITY, TEXT_RULES } from '../rules';
import type { LocalProblem, TextRule, TextRuleInput } from '../rules/types';

/** The severity a code has under a configuration, or undefined when it is off. */
export function severityOf(config: CorpusConfig, code: string): Severity | undefined {
  const s = config.rules[code] ?? DEFAULT_SEVERITY[code];
  return s === 'off' || s === undefined ? undefined : s;
}

/** The attribute keys a configuration allows besides the known ones (undefined: none). */
export function allowedKeys(config: CorpusConfig): ReadonlySet<string> | undefined {
  return config.attributes.length > 0 ? new Set(config.attributes) : undefined;
}

/** Appends the diagnostics of a segment's problems (lines relative to `base`). */
export function pushProblems(problems: readonly LocalProblem[], base: number, config: CorpusConfig, allowed: ReadonlySet<string> | undefined, out: Diagnostic[], copy?: (s: string) => string): void {
  for (const p of problems) {
    const severity = severityOf(config, p.code);
    if (!severity) continue;
    if (p.key !== undefined && allowed?.has(p.key)) continue;
    const d: Diagnostic = {
      code: p.code,
      severity,
      message: p.messageAt ? p.messageAt(base + 1) : copy ? copy(p.message) : p.message,
      range: { start: { line: base + p.line, character: p.start }, end: { line: base + p.endLine, character: p.end } },
    };
    if (p.related) {
      d.related = p.related.map((r) => ({
        range: { start: { line: base + r.range.line, character: r.range.start }, end: { line: base + r.range.endLine, character: r.range.end } },
        message: copy ? copy(r.message) : r.message,
      }));
    }
    out.push(d);
  }
}

/** The text rules that are on under a configuration. */
export function activeTextRules(config: CorpusConfig): readonly TextRule[] {
  return TEXT_RULES.filter((r) => severityOf(config, r.meta.code) !== undefined);
}

/** What one text rule finds in one document; a rule that fails on some text reports nothing for it. */
export function runTextRule(rule: TextRule, input: TextRuleInput): LocalProblem[] {
  try {
    return rule.check(input);
  } catch {
    return [];
  }
}
