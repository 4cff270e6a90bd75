// Header attributes (format spec, section 2): the known keys and the checks of
// their values.

import { short } from './text';

export const KNOWN_KEYS: ReadonlySet<string> = new Set(['date', 'lang', 'title', 'source']);

const BCP47 =
  /^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?(?:-(?:[A-Za-z\d]{5,8}|\d[A-Za-z\d]{3}))*(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z\d]{2,8})+)*(?:-x(?:-[A-Za-z\d]{1,8})+)?|x(?:-[A-Za-z\d]{1,8})+)$/;

/** True for a well-formed BCP 47 language tag. */
export function isLanguageTag(value: string): boolean {
  return BCP47.test(value);
}

/** The problem with a known attribute's value, or undefined when it is fine. */
export function checkAttributeValue(key: string, value: string): string | undefined {
  switch (key) {
    case 'lang': {
      if (value === '') return '`lang=` is empty. Give a language tag such as `en`, `fr`, `vi`, `ar` or `pt-BR`.';
      if (!BCP47.test(value)) {
        const guess = languageTagFor(value);
        return `\`lang=${short(value)}\` is not a language tag. Use a BCP 47 tag such as ${guess ? `\`${guess}\`` : '`en`, `fr`, `vi` or `ar`'}.`;
      }
      return undefined;
    }
    case 'source': {
      let ok = false;
      try {
        const u = new URL(value);
        ok = (u.protocol === 'http:' || u.protocol === 'https:') && u.host !== '';
      } catch {
        ok = false;
      }
      return ok ? undefined : `\`source=${short(value)}\` is not a web address. Give the full address, starting with https:// or http://.`;
    }
    case 'title':
      return value.trim() === '' ? '`title=` is empty. Write the title in double quotes, or remove the attribute.' : undefined;
    default:
      return undefined;
  }
}

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  french: 'fr',
  français: 'fr',
  francais: 'fr',
  vietnamese: 'vi',
  'tiếng việt': 'vi',
  arabic: 'ar',
  العربية: 'ar',
  spanish: 'es',
  español: 'es',
  espanol: 'es',
  german: 'de',
  deutsch: 'de',
  portuguese: 'pt',
  chinese: 'zh',
  japanese: 'ja',
  russian: 'ru',
  italian: 'it',
  korean: 'ko',
  thai: 'th',
  indonesian: 'id',
};

/** The tag for a language written out by name (`english` → `en`), if known. */
export function languageTagFor(value: string): string | undefined {
  return LANGUAGE_NAMES[value.toLowerCase()];
}
