// The date line (format spec, section 4): the first non-blank body line, when it
// starts with the word `date`, a blank and a value.

export interface DateLineRead {
  keywordStart: number;
  value: string;
  valueStart: number;
  valueEnd: number;
  /** Set when the line tries to be a date line but has the wrong form: the reason. */
  attempt?: string;
}

/**
 * Reads a first body line as a date line. `date <value>` is a date line (its value
 * is checked later). `Date 2024-…`, `DATE 2024-…`, `date: …` or a bare `date` are
 * attempts of the wrong form. Other lines (`Date palms grow…`, `dated …`) are text.
 */
export function readDateLine(line: string): DateLineRead | undefined {
  let j = 0;
  while (j < line.length && (line.charCodeAt(j) === 32 || line.charCodeAt(j) === 9)) j++;
  const word = line.slice(j, j + 4);
  if (word.toLowerCase() !== 'date') return undefined;
  const after = j + 4;
  const c = line.charCodeAt(after);
  const isWs = c === 32 || c === 9;
  if (after < line.length && !isWs && c !== 58 /* : */) return undefined;
  let k = after;
  if (c === 58) k++;
  while (k < line.length && (line.charCodeAt(k) === 32 || line.charCodeAt(k) === 9)) k++;
  let e = k;
  while (e < line.length && line.charCodeAt(e) !== 32 && line.charCodeAt(e) !== 9) e++;
  const value = line.slice(k, e);
  const base = { keywordStart: j, value, valueStart: k, valueEnd: e };
  if (word === 'date' && isWs && value !== '') return base;
  if (c === 58) {
    return { ...base, valueEnd: Math.max(e, after + 1), attempt: 'This date line has a colon after `date`; write it without one.' };
  }
  if (after >= line.length || value === '') {
    return { ...base, valueEnd: Math.max(e, after), attempt: 'This date line has no date after `date`.' };
  }
  // Another case: an attempt only when a date-looking value follows.
  if (/^\d/.test(value)) {
    return { ...base, attempt: `\`${word}\` must be written in lower case: \`date\`.` };
  }
  return undefined;
}
