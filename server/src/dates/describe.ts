/** describeDate: a readable form of an ISO date for hovers. */
import { parseIso, weekdayOf } from './calendar';
import { AR_LEVANTINE_MONTH_NAMES, MONTH_NAMES, WEEKDAY_NAMES } from './lexicon';
import { pickLanguage } from './text';

/**
 * "Thursday 12 December 2024 (day precision)", "December 2024 (month precision)", "2024 (year precision)".
 * With `lang` (fr, es, vi, ar) the date words are in that language; the precision note stays in English.
 * Never throws: an invalid value gives "'2024-13-01' is not a valid date".
 */
export function describeDate(iso: string, lang?: string): string {
  try {
    const p = parseIso(iso);
    if (!p) return `'${String(iso)}' is not a valid date`;
    const l = lang === undefined ? 'en' : pickLanguage('', lang);
    const y = String(p.year).padStart(4, '0');
    if (p.precision === 'year') return `${l === 'vi' ? 'năm ' + y : y} (year precision)`;
    const month = p.month ?? 1;
    const mName = MONTH_NAMES[l][month - 1];
    const mArabic = `${mName} (${AR_LEVANTINE_MONTH_NAMES[month - 1]})`;
    if (p.precision === 'month') {
      const text = l === 'es' ? `${mName} de ${y}` : l === 'vi' ? `${mName} năm ${y}` : l === 'ar' ? `${mArabic} ${y}` : `${mName} ${y}`;
      return `${text} (month precision)`;
    }
    const day = p.day ?? 1;
    const wName = WEEKDAY_NAMES[l][weekdayOf(p.year, month, day)];
    const text =
      l === 'es' ? `${wName} ${day} de ${mName} de ${y}` : l === 'vi' ? `${wName}, ngày ${day} ${mName} năm ${y}` : l === 'ar' ? `${wName} ${day} ${mArabic} ${y}` : `${wName} ${day} ${mName} ${y}`;
    return `${text} (day precision)`;
  } catch {
    return `'${String(iso)}' is not a valid date`;
  }
}
