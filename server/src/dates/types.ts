/** Plain data types of the date finder. All offsets are UTF-16 code-unit offsets into the text given. */

export type DateLanguage = 'en' | 'fr' | 'es' | 'de' | 'it' | 'pt' | 'vi' | 'ar';

/**
 * - `date`: a day and a month, maybe a year and a weekday ("March 13", "le 29 août", "ngày 13 tháng 3 năm 2025").
 * - `month`: a month with a year but no day ("March 2025", "tháng 3/2025", "كانون الثاني 2025").
 * - `year`: a bare year mention after a year word ("in 2025", "năm 2025", "عام 2024"); evidence for other dates.
 * - `weekday`: a weekday on its own ("on Thursday"); it never yields a date by itself.
 */
export type DateExpressionKind = 'date' | 'month' | 'year' | 'weekday';

export interface TextSpan {
  start: number;
  end: number;
}

export interface DateExpression {
  start: number;
  end: number;
  /** The text between start and end, exactly as written. */
  text: string;
  year?: number;
  /** 1-12 */
  month?: number;
  /** 1-31 */
  day?: number;
  /** 0 = Sunday ... 6 = Saturday */
  weekday?: number;
  language: DateLanguage;
  kind: DateExpressionKind;
  /** Where the year digits are, when the expression states a year. */
  yearSpan?: TextSpan;
  /** True when the expression starts in the dateline / first sentence (title plus first sentence when there is a title line). */
  inLead: boolean;
}

export type YearSourceKind = 'expression' | 'text' | 'name' | 'neighbour';

export interface YearSource {
  kind: YearSourceKind;
  /** For 'expression'/'text': the year as written; for 'name': the document name; for 'neighbour': the neighbour's date. */
  text?: string;
  start?: number;
  end?: number;
}

/**
 * How much a candidate can be trusted: `strong` (the page states the full date where it states its own day: the
 * fix may be preferred), `medium` (the day is there, the year comes from elsewhere in the text or the name),
 * `weak` (the year comes from neighbouring documents, or the place says little).
 */
export type Strength = 'strong' | 'medium' | 'weak';

/** Where on the page a candidate's date stands (see evidence.ts). */
export type CandidateZone = 'stamp' | 'byline' | 'dateline' | 'lead' | 'header' | 'top' | 'caption' | 'chrome' | 'body';

export interface DateCandidate {
  /** Where the date stands on the page. */
  zone: CandidateZone;
  strength: Strength;
  /** The one candidate a fix may write without asking: strong, and no strong candidate of the same place disagrees. */
  preferred: boolean;
  /** 'YYYY-MM-DD' or 'YYYY-MM'; absent when the year is open (no evidence for a year anywhere). */
  iso?: string;
  /** True when nothing supports a year: the candidate must not be inserted as a date. */
  yearOpen: boolean;
  precision: 'day' | 'month';
  year?: number;
  month: number;
  day?: number;
  expression: DateExpression;
  yearSource?: YearSource;
  /** true / false when the text states a weekday that agrees / disagrees with the date; absent otherwise. */
  weekdayAgrees?: boolean;
  /** A short sentence for a corpus editor (fits a quick-fix title): "from 'March 13' in the text, year from '2025'". */
  reason: string;
  /** The same with the whole argument (for a hover or a tooltip): which other years were weighed, which neighbour. */
  detail: string;
  /** Higher is better; only meaningful for ordering the candidates of one document. */
  score: number;
}

export interface ProposeContext {
  documentName?: string;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) of the nearest earlier document that has a date. */
  previousDate?: string;
  /** ISO date of the nearest later document that has a date. */
  nextDate?: string;
  lang?: string;
}

export interface DateContradiction {
  /** The document's own date, as given. */
  documentDate: string;
  candidate: DateCandidate;
  /** A sentence for a corpus editor. */
  message: string;
}
