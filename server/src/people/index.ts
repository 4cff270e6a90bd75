// People: detection of person names in one document, grouping across documents,
// and people files. Pure: plain data in and out, no editor types, never throws.
//
// API
//   detectPeople(text, { known?, lang? }) → PersonMention[]
//     `text` is ONE document body; offsets are UTF-16 code units into it.
//     A mention spans the NAME only ("Lương Cường"); a title right before it
//     goes into `title` ("State President"). `key` groups mentions of one
//     person across documents: the folded (lowercase, no diacritics) Latin
//     name ("luong cuong"), the people-file name's key for known people, or
//     "ar:" + sound skeletons for an Arabic transliteration ("ar:FAM MYN TSYN").
//     `canonical` is the best name within this document. `lang` is accepted as
//     a hint but not needed: every rule keys on the script and the lexicons,
//     so mixed-language documents work.
//   groupMentions(perDocument, known?) → Person[]
//     One Person per key group; Arabic skeleton keys join the one Latin person
//     they spell; a lone given-name key joins the one full name ending with it;
//     people-file aliases join their person. Person.keys lists every mention
//     key of the group, so callers can map mention → person.
//   parsePeopleFile(text) → { people, problems } (jsonc-parser, with ranges).
//
// How detection works (linear in the text; one pass of a hand-written
// tokenizer, then a few passes over the token arrays):
//   1. Tokenize into words with a precomputed 64K character-class table
//      (Intl.Segmenter was measured at ~0.25 MB/s here, far below the 20 MB/s
//      budget; all five target languages separate words with spaces). Each
//      word is folded once (NFD, marks removed, đ → d, Arabic alef/yeh
//      normalised; cached), and the gap before it is classified (spaces, line
//      break, punctuation).
//   2. Titles from data/titles.json, as phrase tries on folded words, with an
//      optional nationality before ("Chinese President") or after ("le président
//      chinois"), chained by connectors ("Deputy Prime Minister and Foreign
//      Minister"). Titles own no text; they mark where a name may follow.
//   3. People-file names and aliases (any spelling, diacritics optional for
//      Latin script; a leading title in an alias is matched but left out of
//      the span).
//   4. Latin script, left to right: known places/organisations (data/places.json)
//      are skipped; a Vietnamese surname followed by 1–3 valid Vietnamese
//      syllables (onset + rhyme lists) is a full name unless a place prefix
//      ("tỉnh", "rue") or suffix ("City", "Street") surrounds it; surnames that
//      are also common words ("Le", "To", "Do") need diacritics, a title, or no
//      Title Case around them; a Chinese surname + pinyin given name likewise.
//   5. Arabic script: a title (prefix و/ف/ب/ل allowed), then its definite
//      complement (اللجنة الشعبية …), an optional colon, then the name: words
//      whose sound skeleton is a Vietnamese syllable, or else 1–3 plain words.
//      Untitled: three or more skeleton words starting with a surname. Names
//      stop at the article ال, at "و…" (and), at stop words and at punctuation.
//   6. Any other capitalised run of 1–4 words right after a title.
//   7. Back-references: a lone capitalised given name (surname for Chinese and
//      Western names) of a full name found in the same document, titled or not.
//   8. Titles across a complement ("secrétaire général du Parti, Tô Lâm") are
//      attached to names found by other rules.
// Lexicons live in ./data/*.json and are compiled into Sets and tries once at
// module load; known-people lists are compiled once per array (WeakMap).
// All regular expressions used here are single character classes or
// literals (no nested quantifiers), so they run in linear time.

import { detect } from './detect';
import { groupMentions, groupTallies, tallyDocument } from './group';
import { parsePeopleFile } from './peopleFile';
import type { KnownPerson, PersonMention } from './types';

export type { Count, KnownPerson, MentionKind, Person, PersonMention, PeopleFileProblem } from './types';
export { groupMentions, groupTallies, parsePeopleFile, tallyDocument };
export type { DocumentTally, KeyTally } from './group';
export { keyOf as personKey } from './known';
/** A spelling folded as the detector compares names (lowercase, no diacritics, words joined by one space). */
export { foldPhrase as foldName } from './text';

export interface DetectOptions {
  /** People from people files; always detected, under any listed spelling. */
  known?: KnownPerson[];
  /** Spellings the people files list as not people: never a mention, unless a known spelling covers them. */
  notPeople?: string[];
  /** BCP 47 language of the document, if known (a hint; detection does not depend on it). */
  lang?: string;
}

/** Find every person mention in one document body. Never throws; returns [] on bad input. */
export function detectPeople(text: string, options?: DetectOptions): PersonMention[] {
  try {
    let known = Array.isArray(options?.known) ? options.known : undefined;
    // keep the caller's array when it is clean, so its compiled form is cached
    if (known && !known.every(isKnownPerson)) known = (known as unknown[]).filter(isKnownPerson);
    const notPeople = Array.isArray(options?.notPeople) ? options.notPeople.filter((x): x is string => typeof x === 'string') : undefined;
    return detect(text, { known, notPeople, lang: typeof options?.lang === 'string' ? options.lang : undefined });
  } catch {
    return [];
  }
}

function isKnownPerson(p: unknown): p is KnownPerson {
  return typeof p === 'object' && p !== null && typeof (p as KnownPerson).name === 'string' && (p as KnownPerson).name.trim() !== '';
}

/** For scripts/train-people.mjs: candidate runs with their features (not part of the service's API). */
export { trainingRuns } from './training';
export { labelHashes, secondPassHashes, TEMPLATE_NAMES } from './features';
