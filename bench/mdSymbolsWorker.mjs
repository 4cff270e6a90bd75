// Peer: vscode-markdown-languageservice (with markdown-it) document symbols, in a
// worker with a large stack: the service builds its symbol tree recursively, one
// level per sibling heading, which overflows Node's default stack at about 10k
// headings (the 50 MB corpus has 12.5k).
import { parentPort, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const md = require('vscode-markdown-languageservice');
const MarkdownIt = require('markdown-it');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { URI } = require('vscode-uri');

const it = new MarkdownIt();
const parser = { slugifier: md.githubSlugifier, tokenize: async (doc) => it.parse(doc.getText(), {}) };
const noEvent = () => ({ dispose() {} });
let current;
const workspace = {
  workspaceFolders: [],
  onDidChangeMarkdownDocument: noEvent,
  onDidCreateMarkdownDocument: noEvent,
  onDidDeleteMarkdownDocument: noEvent,
  getAllMarkdownDocuments: async () => (current ? [current] : []),
  hasMarkdownDocument: (uri) => current !== undefined && uri.toString() === current.uri,
  openMarkdownDocument: async (uri) => (current && uri.toString() === current.uri ? current : undefined),
  stat: async () => undefined,
  readDirectory: async () => [],
};
const service = md.createLanguageService({ workspace, parser, logger: { level: 0, log() {} } });
const token = { isCancellationRequested: false, onCancellationRequested: noEvent };

const { text, reps, warm } = workerData;
const times = [];
let count = 0;
for (let i = 0; i < warm + reps; i++) {
  // A fresh version each time, as after an edit: the service tokenizes again.
  current = TextDocument.create(URI.file('/bench/corpus.md').toString(), 'markdown', i + 1, text);
  const t0 = performance.now();
  const symbols = await service.getDocumentSymbols(current, {}, token);
  if (i >= warm) times.push(performance.now() - t0);
  count = symbols.length;
}
parentPort.postMessage({ times, count });
