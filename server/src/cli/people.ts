// `corpus people`: the people detected in corpus files (the service's
// detectPeople per document, groupMentions across all of them), with their
// spellings, titles and counts. Files are read as a stream; the mentions (small)
// are kept until the end for the grouping.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigResolver, detectPeople, findPeopleFiles, groupMentions, parsePeopleFile, StreamLinter, uriDirname } from '../index';
import type { KnownPerson, PersonMention } from '../index';
import { nodeFileSystem, pathToUri, uriToPath } from '../node/fileSystem';
import { displayPath, findCorpusFiles, readTextChunks } from './files';
import { CliError, CliIo } from './io';

function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * The people files that apply: the ones given, else those the editor reads (the
 * service's resolver, so the same patterns give the same files) with the project
 * as its workspace: the folder of the `.corpusrc.json` that applies to the first
 * corpus file, or the current folder when there is none.
 */
export async function peopleFilesFor(io: CliIo, given: readonly string[], firstFile: string, resolver: ConfigResolver): Promise<string[]> {
  if (given.length > 0) return given.map((g) => path.resolve(io.cwd, g));
  const rcUri = (await resolver.resolve(pathToUri(firstFile))).rcUri;
  const root = (rcUri && uriDirname(rcUri)) ?? pathToUri(io.cwd);
  const uris = await findPeopleFiles(nodeFileSystem, [root], resolver);
  return uris.map((u) => uriToPath(u)).filter((p): p is string => p !== undefined);
}

export async function people(io: CliIo, paths: readonly string[], options: { json?: boolean; people?: string[]; min?: number }): Promise<number> {
  const found = await findCorpusFiles(io.cwd, paths);
  if (found.problems.length > 0) throw new CliError(found.problems.join('\n'));
  if (found.files.length === 0) throw new CliError(`no .corpus file found in ${paths.length > 0 ? paths.join(', ') : 'this folder'}.`);

  const resolver = new ConfigResolver(nodeFileSystem);
  const known: KnownPerson[] = [];
  const notPeople: string[] = [];
  for (const f of await peopleFilesFor(io, options.people ?? [], found.files[0], resolver)) {
    let text: string;
    try {
      text = fs.readFileSync(f, 'utf8');
    } catch (e) {
      throw new CliError(`cannot read ${displayPath(io.cwd, f)}: ${(e as Error).message}`);
    }
    const parsed = parsePeopleFile(text);
    if (parsed.problems.length > 0)
      await io.stderr.write(
        `corpus: ${displayPath(io.cwd, f)} has ${parsed.problems.length} ${parsed.problems.length === 1 ? 'problem' : 'problems'} (the editor shows them); its valid entries are used.\n`,
      );
    known.push(...parsed.people);
    notPeople.push(...parsed.notPeople);
  }

  const perDocument: PersonMention[][] = [];
  const documents: { file: string; name: string; line: number }[] = [];
  for (const file of found.files) {
    const shown = displayPath(io.cwd, file);
    const linter = new StreamLinter((await resolver.resolve(pathToUri(file))).config, {
      onDocument: (d) => {
        const nl = d.text.search(/\r\n|\r|\n/);
        const body = nl < 0 ? '' : d.text.slice(nl + (d.text.startsWith('\r\n', nl) ? 2 : 1));
        const mentions = detectPeople(body, { known, notPeople, lang: d.facts.lang });
        perDocument.push(mentions.map((m) => ({ ...m, text: detach(m.text), key: detach(m.key), canonical: detach(m.canonical), title: m.title === undefined ? undefined : detach(m.title) })));
        documents.push({ file: shown, name: detach(d.name), line: d.headerLine + 1 });
      },
    });
    try {
      for await (const chunk of readTextChunks(file)) linter.push(chunk);
    } catch (e) {
      throw new CliError(`cannot read ${shown}: ${(e as Error).message}`);
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
    await io.stdout.write(`${JSON.stringify({ people: out, documents: documents.length }, null, 2)}\n`);
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
    `${persons.length} ${persons.length === 1 ? 'person' : 'people'} in ${documents.length} ${documents.length === 1 ? 'document' : 'documents'}${known.length > 0 ? ` (${known.length} known from people files)` : ''}.\n`,
  );
  return 0;
}
