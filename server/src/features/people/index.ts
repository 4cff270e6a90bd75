// People in the editor: one module per feature over the shared caches.

export { documentPeople, filePeople, mentionAt, mentionsOf, NO_KNOWN_PEOPLE, personOf, readAllPeople, SYNC_FILE_LIMIT } from './cache';
export type { FilePeople, KnownPeople, LocatedMention } from './cache';
export { peopleDone, peoplePassRead, peopleStep } from './pass';
export { personHover } from './personHover';
export type { PeopleHover, WorkspacePeopleIndex } from './personHover';
export { samePersonMentions } from './mentions';
export { personTokens } from './semanticTokens';
export { outlinePeople } from './outline';
export { indexPeople, mentionsOfKeys } from './fileMentions';
export type { IndexedMention } from './fileMentions';
export { peopleView } from './peopleView';
export type { PeopleViewEntry } from './peopleView';
export { addToPeopleFile, addToPeopleFileAction, NEW_PEOPLE_FILE, unknownPersonAt } from './peopleFileEdit';
export { markAsPersonAction, notAPersonAction } from './correctDetector';
