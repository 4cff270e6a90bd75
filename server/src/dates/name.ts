/** What a document's name says about its date: "2025-03-13_x.txt", "vna_20250313.txt", "report 2025.txt". */
import { isValidDate } from './calendar';

const NAME_DATE_RE = /(?<![0-9A-Za-z])(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?![0-9A-Za-z])/;
const NAME_YEAR_RE = /(?<![0-9A-Za-z])((?:19|20)\d{2})(?![0-9A-Za-z])/;

/** The full date a document name gives ("2025-03-13_x.txt", "vna_20250313.txt"), if any. */
export function dateFromName(name: string | undefined): { year: number; month: number; day: number } | undefined {
  if (typeof name !== 'string') return undefined;
  const full = NAME_DATE_RE.exec(name);
  if (!full || !isValidDate(Number(full[1]), Number(full[2]), Number(full[3]))) return undefined;
  return { year: Number(full[1]), month: Number(full[2]), day: Number(full[3]) };
}

/** The year a document name gives: "2025-03-13_x.txt", "vna_20250313.txt", "report 2025.txt". */
export function yearFromName(name: string | undefined): number | undefined {
  if (typeof name !== 'string') return undefined;
  const full = dateFromName(name);
  if (full) return full.year;
  const y = NAME_YEAR_RE.exec(name);
  return y ? Number(y[1]) : undefined;
}
