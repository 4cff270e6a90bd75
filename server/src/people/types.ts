// Plain data types of the people feature (no editor types).

/** How a mention was found, strongest evidence first. */
export type MentionKind = 'known' | 'full' | 'titled' | 'backref' | 'arabic' | 'model';

/** One span of a document that names a specific person. Offsets are UTF-16 code units into the text given. */
export interface PersonMention {
  start: number;
  end: number;
  /** The exact text of the span (the name only; a title before it is in `title`). */
  text: string;
  /** Grouping key, stable across documents: the folded (lowercase, no diacritics) Latin name, or `ar:` + sound skeleton for an Arabic spelling. */
  key: string;
  /** Best name for the person within this document (people-file name, else the most complete spelling). */
  canonical: string;
  kind: MentionKind;
  /** The title or chain of titles right before the name, as written ("Deputy Prime Minister and Foreign Minister"). */
  title?: string;
}

/** One entry of a people file (spec section 7). */
export interface KnownPerson {
  name: string;
  aliases?: string[];
  description?: string;
}

export interface PeopleFileProblem {
  message: string;
  start: number;
  end: number;
}

export interface Count {
  text: string;
  count: number;
}

/** One person across a set of documents. */
export interface Person {
  /** Canonical name: the people-file name, else the most complete Latin spelling with diacritics, else the most frequent spelling. */
  name: string;
  /** The key of the group (the key of the canonical spelling). */
  key: string;
  /** Every mention key that belongs to this person (Arabic skeleton keys, given-name keys, …). */
  keys: string[];
  /** Spellings seen, most frequent first. */
  spellings: Count[];
  /** Titles seen, most frequent first. */
  titles: Count[];
  description?: string;
  /** True when the person comes from a people file. */
  known: boolean;
  mentionCount: number;
  /** Documents (indices into the array given to groupMentions) that mention the person, with counts. */
  documents: { index: number; count: number }[];
}
