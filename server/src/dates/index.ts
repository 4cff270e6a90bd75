/**
 * Dates stated in a document's text (pure service: plain data in and out, never throws).
 *
 * All offsets are UTF-16 code-unit offsets into the text passed in (LSP/VS Code columns). Pass ONE document's body.
 * A leading corpus date line (` date 2024-12-12 …`) is skipped: it is the corpus's date, not the article's.
 *
 * findDateExpressions(text, { lang? }) → DateExpression[]
 *   Every date expression, in text order: { start, end, text, year?, month?, day?, weekday? (0 = Sunday),
 *   language: 'en'|'fr'|'es'|'vi'|'ar', kind: 'date'|'month'|'year'|'weekday', yearSpan?, inLead }.
 *   kind 'date' = day + month (+ year), 'month' = month + year, 'year' = a bare year mention after a year word
 *   ("in 2025", "năm 2025", "عام 2024"), 'weekday' = a weekday alone. A weekday just before a date joins it.
 *   English, French and Spanish days come from chrono-node (strict parsers); Vietnamese, Arabic, month-and-year,
 *   numeric dates and year mentions from the data-driven matcher (word lists in ./data/*.json). `lang` is a language
 *   tag (e.g. the header's lang=); without a known one the language is guessed from the text.
 *
 * proposeDates(text, { documentName?, previousDate?, nextDate?, lang? }) → DateCandidate[]
 *   At most five candidates, best first, one per date: { iso?, yearOpen, precision: 'day'|'month', year?, month, day?,
 *   expression, yearSource?: { kind: 'expression'|'text'|'name'|'neighbour', text?, start?, end? }, weekdayAgrees?,
 *   reason (short, fits a quick-fix title: "from 'March 13' in the text, year from '2025'"), detail (the whole
 *   argument: other years weighed, neighbour closeness), score }. A day without a year takes its year from the text's year mentions (the latest one when there
 *   are several), else the document name, else the neighbouring documents' dates (the year that puts it closest).
 *   With no evidence at all the candidate has yearOpen: true and NO iso: never insert it as a date.
 *   Only dates written in the text become candidates: a text without a date gives an empty list.
 *   Ranking: dateline / first sentence first, day before month precision, a weekday that agrees raises, one that
 *   contradicts lowers. Every iso is a real calendar date (31 February is never offered).
 *
 * describeDate(iso, lang?) → "Thursday 12 December 2024 (day precision)".
 *
 * datesContradict(docIso, candidates) → DateContradiction | undefined: the lead candidate states a day/month that
 *   cannot fall within the document's date (date 2024-12 over "le 29 août"). For the date-mismatch diagnostic.
 *
 * See docs/dates.md for the rules a corpus editor sees.
 */
export { findDateExpressions } from './find';
export { proposeDates, datesContradict } from './propose';
export { yearFromName } from './name';
export { describeDate } from './describe';
export { placeDates } from './evidence';
export type { DateCandidate, DateContradiction, DateExpression, DateExpressionKind, DateLanguage, ProposeContext, TextSpan, YearSource, YearSourceKind } from './types';
