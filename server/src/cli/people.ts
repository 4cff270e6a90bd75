// `corpus people`: the people detected in corpus files (the service's
// detectPeople per document, groupMentions across all of them), with their
// spellings, titles and counts. Files are read as a stream; the mentions (small)
// are kept until the end for the grouping.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigResolver, detectPeople, findPeopleFiles, groupMentions, parsePeopleFile, positionInText, StreamLinter } from '../index';
import type { KnownPerson, PersonMention, StreamDocument } from '../index';
import { nodeFileSystem, pathToUri, uriToPath } from '../node/fileSystem';
import { displayPath, findCorpusFiles, readTextChunks } from './files';
import { CliError, CliIo } from './io';
import { ioMessage } from './ioErrors';

function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** What marks a project's folder, as an editor's workspace folder: the nearest one above a corpus file. */
const ROOT_MARKERS = ['.corpusrc.json', '.vscode', '.git'];

/**
 * The project folder of a corpus file, as the editor would have it open: the
 * nearest folder at or above the file that holds a `.corpusrc.json`, a `.vscode`
 * or a `.git`, else the file's own folder. Never the current folder: the same
 * corpus gets the same people files from wherever the command runs.
 */
export function projectRoot(file: string): string {
  const start = path.dirname(path.resolve(file));
  for (let dir = start; ;) {
    if (ROOT_MARKERS.some((m) => fs.existsSync(path.join(dir, m)))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return start;
    dir = up;
  }
}

/**
 * The people files that apply: the ones given, else those the editor reads (the
 * service's resolver: the "people" of .corpusrc.json, else every *.people.json)
 * in the project folder of each corpus file.
 */
export async function peopleFilesFor(io: CliIo, given: readonly string[], files: readonly string[], resolver: ConfigResolver): Promise<{ files: string[]; roots: string[] }> {
  if (given.length > 0) return { files: given.map((g) => path.resolve(io.cwd, g)), roots: [] };
  const roots = [...new Set(files.map(projectRoot))].sort();
  // A project inside another one is walked with it.
  const outer = roots.filter((r) => !roots.some((o) => o !== r && (r + path.sep).startsWith(o.endsWith(path.sep) ? o : o + path.sep)));
  const uris = await findPeopleFiles(
    nodeFileSystem,
    outer.map((r) => pathToUri(r)),
    resolver,
  );
  return { files: uris.map((u) => uriToPath(u)).filter((p): p is string => p !== undefined), roots: outer };
}

/** The people files that apply (as peopleFilesFor finds them), read: their people and "not a person" entries. Problems go to stderr. */
export async function knownPeople(
  io: CliIo,
  given: readonly string[],
  files: readonly string[],
  resolver: ConfigResolver,
): Promise<{ known: KnownPerson[]; notPeople: string[]; used: { files: string[]; roots: string[] }; shownPeopleFiles: string[] }> {
  const known: KnownPerson[] = [];
  const notPeople: string[] = [];
  const used = await peopleFilesFor(io, given, files, resolver);
  const shownPeopleFiles = used.files.map((f) => displayPath(io.cwd, f));
  for (const [i, f] of used.files.entries()) {
    let text: string;
    try {
      text = fs.readFileSync(f, 'utf8');
    } catch (e) {
      throw new CliError(ioMessage(e, 'read', shownPeopleFiles[i]));
    }
    const parsed = parsePeopleFile(text);
    if (parsed.problems.length > 0) {
      const lines = parsed.problems.slice(0, 10).map((p) => {
        const at = positionInText(text, p.start);
        return `corpus: ${shownPeopleFiles[i]}:${at.line + 1}:${at.character + 1} ${p.message}\n`;
      });
      const more = parsed.problems.length > 10 ? `corpus: … and ${parsed.problems.length - 10} more problems in ${shownPeopleFiles[i]}.\n` : '';
      await io.stderr.write(`${lines.join('')}${more}corpus: the valid entries of ${shownPeopleFiles[i]} are used.\n`);
    }
    known.push(...parsed.people);
    notPeople.push(...parsed.notPeople);
  }
  return { known, notPeople, used, shownPeopleFiles };
}

/** The people a document of the stream names (its body read by the service's detectPeople), sharing no memory with the text. */
export function documentMentions(d: StreamDocument, known: KnownPerson[], notPeople: string[]): PersonMention[] {
  const nl = d.text.search(/\r\n|\r|\n/);
  const body = nl < 0 ? '' : d.text.slice(nl + (d.text.startsWith('\r\n', nl) ? 2 : 1));
  const mentions = detectPeople(body, { known, notPeople, lang: d.facts.lang });
  return mentions.map((m) => ({ ...m, text: detach(m.text), key: detach(m.key), canonical: detach(m.canonical), title: m.title === undefined ? undefined : detach(m.title) }));
}

export async function people(io: CliIo, paths: readonly string[], options: { json?: boolean; people?: string[]; min?: number }): Promise<number> {
  const found = await findCorpusFiles(io.cwd, paths);
  if (found.problems.length > 0) throw new CliError(found.problems.join('\n'));
  if (found.files.length === 0) throw new CliError(`no .corpus file found in ${paths.length > 0 ? paths.join(', ') : 'this folder'}.`);

  const resolver = new ConfigResolver(nodeFileSystem);
  const { known, notPeople, used, shownPeopleFiles } = await knownPeople(io, options.people ?? [], found.files, resolver);

  const perDocument: PersonMention[][] = [];
  const documents: { file: string; name: string; line: number }[] = [];
  for (const file of found.files) {
    const shown = displayPath(io.cwd, file);
    const linter = new StreamLinter((await resolver.resolve(pathToUri(file))).config, {
      onDocument: (d) => {
        perDocument.push(documentMentions(d, known, notPeople));
        documents.push({ file: shown, name: detach(d.name), line: d.headerLine + 1 });
      },
    });
    try {
      for await (const chunk of readTextChunks(file)) linter.push(chunk);
    } catch (e) {
      throw new CliError(ioMessage(e, 'read', shown));
    }
    linter.end();
  }
  const min = options.min ?? 1;
  const persons = groupMentions(perDocument, known).filter((p) => p.mentionCount >= min);
  persons.sort((a, b) => b.mentionCount - a.mentionCount || b.documents.length - a.documents.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  if (options.json) {
    const out = persons.map((p) => ({
      name: p.name,
      known: p.known,
      ...(p.description ? { description: p.description } : {}),
      mentions: p.mentionCount,
      spellings: p.spellings,
      titles: p.titles,
      documents: p.documents.map((d) => ({ ...documents[d.index], count: d.count })),
    }));
    await io.stdout.write(`${JSON.stringify({ people: out, documents: documents.length, peopleFiles: shownPeopleFiles }, null, 2)}\n`);
    return 0;
  }
  for (const p of persons) {
    const docs = p.documents.length;
    let line = `${p.name}${p.known ? ' (people file)' : ''}: ${p.mentionCount} ${p.mentionCount === 1 ? 'mention' : 'mentions'} in ${docs} ${docs === 1 ? 'document' : 'documents'}`;
    if (p.spellings.length > 1 || (p.spellings[0] && p.spellings[0].text !== p.name)) line += `\n  spellings: ${p.spellings.map((s) => `${s.text} ${s.count}`).join(', ')}`;
    if (p.titles.length > 0)
      line += `\n  titles:    ${p.titles
        .slice(0, 5)
        .map((t) => `${t.text} ${t.count}`)
        .join(', ')}`;
    await io.stdout.write(`${line}\n`);
  }
  await io.stdout.write(
    `${summary(
      persons.length,
      persons.filter((p) => p.known).length,
      documents.length,
      shownPeopleFiles,
      used.roots.map((r) => (path.resolve(r) === path.resolve(io.cwd) ? '.' : displayPath(io.cwd, r))),
    )}\n`,
  );
  return 0;
}

/** The closing line: people found, how many of them the people files list, and which files those are. */
export function summary(people: number, knownFound: number, documents: number, peopleFiles: readonly string[], searched: readonly string[]): string {
  const found = `${people} ${people === 1 ? 'person' : 'people'} in ${documents} ${documents === 1 ? 'document' : 'documents'}`;
  if (peopleFiles.length === 0) {
    const where = searched.length > 0 ? ` in ${searched.join(', ')}` : '';
    return `${found}; no people file${where} (every *.people.json of the project is read, or the "people" of .corpusrc.json).`;
  }
  const names = peopleFiles.length <= 5 ? peopleFiles.join(', ') : `${peopleFiles.slice(0, 5).join(', ')} and ${peopleFiles.length - 5} more`;
  return `${found}; ${knownFound} of them listed in the people ${peopleFiles.length === 1 ? 'file' : 'files'} ${names}.`;
}
