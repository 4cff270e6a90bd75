// `corpus stats --html report.html`: the overview the editor shows ("Corpus: Show
// Overview"), as one self-contained HTML file for people without VS Code. The data
// is the service's overview (OverviewBuilder) over the files read as streams, with
// the diagnostics `corpus lint` reports and the people `corpus people` finds; the
// page is the editor's own script and style sheet (dist/overview.js, .css), inlined
// under a Content Security Policy that allows nothing else.

import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigResolver, groupMentions, OverviewBuilder, StreamLinter } from '../index';
import type { OverviewData, PersonMention } from '../index';
import { nodeFileSystem, pathToUri } from '../node/fileSystem';
import { displayPath, readTextChunks } from './files';
import { CliError, CliIo } from './io';
import { ioMessage } from './ioErrors';
import { documentMentions, knownPeople } from './people';

/** The overview of corpus files, read as streams (any size). */
export async function overviewOf(io: CliIo, files: readonly string[], options: { people?: string[] } = {}): Promise<OverviewData> {
  const resolver = new ConfigResolver(nodeFileSystem);
  const { known, notPeople } = await knownPeople(io, options.people ?? [], files, resolver);
  const b = new OverviewBuilder();
  const perDocument: PersonMention[][] = [];
  for (const file of files) {
    const shown = displayPath(io.cwd, file);
    const uri = pathToUri(file);
    b.addFile(shown, uri);
    const linter = new StreamLinter((await resolver.resolve(uri)).config, {
      onDocument: (d) => {
        b.addDocument(d.name, d.headerLine, d.facts);
        perDocument.push(documentMentions(d, known, notPeople));
      },
    });
    const problems = (list: readonly { code: string; range: { start: { line: number } }; suppressed?: boolean }[]): void => {
      for (const d of list) if (!d.suppressed) b.addProblem(d.code, d.range.start.line);
    };
    try {
      for await (const chunk of readTextChunks(file)) problems(linter.push(chunk));
    } catch (e) {
      throw new CliError(ioMessage(e, 'read', shown));
    }
    problems(linter.end());
  }
  const persons = groupMentions(perDocument, known);
  persons.sort((a, c) => c.mentionCount - a.mentionCount || c.documents.length - a.documents.length || (a.name < c.name ? -1 : a.name > c.name ? 1 : 0));
  b.setPeople(persons.map((p) => ({ name: p.name, mentions: p.mentionCount, documents: p.documents.map((d) => d.index) })));
  return b.result();
}

/** The overview page's script and style sheet, built next to the command (dist/) or, from the sources, in dist/ above. */
export function overviewAssets(): { script: string; style: string } {
  for (let dir = __dirname; ;) {
    for (const at of [dir, path.join(dir, 'dist')]) {
      const script = path.join(at, 'overview.js');
      const style = path.join(at, 'overview.css');
      if (fs.existsSync(script) && fs.existsSync(style)) return { script: fs.readFileSync(script, 'utf8'), style: fs.readFileSync(style, 'utf8') };
    }
    const up = path.dirname(dir);
    if (up === dir) throw new CliError('the overview page (dist/overview.js) is missing: run `npm run build` first.');
    dir = up;
  }
}

/** JSON safe inside a <script> element: no `</script>`, no `<!--`. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The self-contained report: the page, its style and the data in one file. */
export function overviewHtml(data: OverviewData, assets: { script: string; style: string }): string {
  const nonce = randomBytes(16).toString('base64');
  const title = data.files.length === 1 ? data.files[0].name : `${data.files.length} corpus files`;
  // A development build ends with a pragma pointing at its map file (`//# …` or `/*# … */`): not wanted offline.
  const withoutPragma = (text: string): string =>
    text
      .split('\n')
      .filter((l) => !l.startsWith('//# ') && !l.startsWith('/*# '))
      .join('\n');
  // `</script>` or `</style>` inside the code would close its element.
  const script = withoutPragma(assets.script).replace(/<\/script/gi, '<\\/script');
  const style = withoutPragma(assets.style).replace(/<\/style/gi, '<\\/style');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Corpus overview: ${escapeHtml(title)}</title>
<style nonce="${nonce}">${style}</style>
</head>
<body class="report">
<main id="overview"></main>
<script type="application/json" id="corpus-overview-data">${scriptJson(data)}</script>
<script nonce="${nonce}">${script}</script>
</body>
</html>
`;
}

/** Writes the report of the files to `output`. */
export async function writeReport(io: CliIo, files: readonly string[], output: string, options: { people?: string[] } = {}): Promise<OverviewData> {
  const data = await overviewOf(io, files, options);
  const html = overviewHtml(data, overviewAssets());
  const target = path.resolve(io.cwd, output);
  try {
    fs.writeFileSync(target, html);
  } catch (e) {
    throw new CliError(ioMessage(e, 'write', output));
  }
  return data;
}
