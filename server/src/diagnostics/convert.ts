// From the rules' findings to diagnostics: the configured severity (or none when
// the rule is off), configured attributes let through, relative lines made
// absolute. The editor's pipeline and the command line's stream both use these,
// so they report exactly the same diagnostics.

import type { CorpusConfig } from '../config';
import { mayBeOn, settingFor } from '../configScopes';
import type { Diagnostic, Severity } from '../model/types';
import { DEFAULT_SEVERITY, TEXT_RULES } from '../rules';
import type { LocalProblem, TextRule, TextRuleInput } from '../rules/types';

/** The severity a code has under a configuration (in one document, by name), or undefined when it is off. */
export function severityOf(config: CorpusConfig, code: string, document?: string): Severity | undefined {
  const s = settingFor(config, code, document) ?? DEFAULT_SEVERITY[code];
  return s === 'off' || s === undefined ? undefined : s;
}

/**
 * How to report a code in a document: its severity, or (with `reportSuppressed`, when
 * the configuration turns it off) the severity it would have, marked suppressed.
 */
export function reportAs(config: CorpusConfig, code: string, document?: string): { severity: Severity; suppressed?: true } | undefined {
  const severity = severityOf(config, code, document);
  if (severity) return { severity };
  if (!config.reportSuppressed) return undefined;
  const top = config.rules[code];
  const fallback = top !== undefined && top !== 'off' ? top : DEFAULT_SEVERITY[code];
  return fallback ? { severity: fallback, suppressed: true } : undefined;
}

/** The attribute keys a configuration allows besides the known ones (undefined: none). */
export function allowedKeys(config: CorpusConfig): ReadonlySet<string> | undefined {
  return config.attributes.length > 0 ? new Set(config.attributes) : undefined;
}

/** Appends the diagnostics of a segment's problems (lines relative to `base`), in the document named `document`. */
export function pushProblems(
  problems: readonly LocalProblem[],
  base: number,
  config: CorpusConfig,
  allowed: ReadonlySet<string> | undefined,
  out: Diagnostic[],
  copy?: (s: string) => string,
  document?: string,
): void {
  for (const p of problems) {
    const as = reportAs(config, p.code, document);
    if (!as) continue;
    if (p.key !== undefined && allowed?.has(p.key)) continue;
    const d: Diagnostic = {
      code: p.code,
      severity: as.severity,
      message: p.messageAt ? p.messageAt(base + 1) : copy ? copy(p.message) : p.message,
      range: { start: { line: base + p.line, character: p.start }, end: { line: base + p.endLine, character: p.end } },
    };
    if (p.related) {
      d.related = p.related.map((r) => ({
        range: { start: { line: base + r.range.line, character: r.range.start }, end: { line: base + r.range.endLine, character: r.range.end } },
        message: copy ? copy(r.message) : r.message,
      }));
    }
    if (as.suppressed) d.suppressed = true;
    out.push(d);
  }
}

/** The text rules that are on under a configuration. */
export function activeTextRules(config: CorpusConfig): readonly TextRule[] {
  return TEXT_RULES.filter((r) => config.reportSuppressed || mayBeOn(config, r.meta.code, DEFAULT_SEVERITY[r.meta.code] !== undefined));
}

/** What one text rule finds in one document; a rule that fails on some text reports nothing for it. */
export function runTextRule(rule: TextRule, input: TextRuleInput): LocalProblem[] {
  try {
    return rule.check(input);
  } catch {
    return [];
  }
}
