// The background passes over each open file: its text rules (date-mismatch), then
// its people; and, when its text shows damage, what its bytes are (./workspace/fileEncodings.ts). Each is a job of the service's Background, keyed by the file; a job
// stops when its file is closed or its model replaced. When the text rules' pass
// is done the adapter is told (the file's list may have changed); likewise when
// the pass has read the people of documents no request had read (semantic
// colouring may be refreshed).

import type { Background } from './background';
import type { CorpusConfig } from './config';
import { checkTextRulesStep, textRulesDone } from './diagnostics/compute';
import { KnownPeople, peopleDone, peoplePassRead, peopleStep } from './features/people';
import type { CorpusModel } from './model/corpusModel';
import { FileEncodings } from './workspace/fileEncodings';
import type { FileSystem } from './workspace/fileSystem';
import type { OpenDocuments } from './workspace/workspaceIndex';

const TEXT_JOB = 'text:';
const PEOPLE_JOB = 'people:';

export type OpenFileChange = { uri: string; kind: 'diagnostics' | 'people' };

export class OpenFilePasses {
  private readonly textJobs = new Map<string, { model: CorpusModel; config: CorpusConfig }>();
  /** What the bytes of each open file are, asked in the background when its text shows damage (not UTF-8, not text). */
  readonly encodings: FileEncodings;

  constructor(
    private readonly background: Background,
    private readonly documents: OpenDocuments,
    private readonly known: () => KnownPeople,
    private readonly onChange: (event: OpenFileChange) => void,
    fs: FileSystem,
  ) {
    this.encodings = new FileEncodings(fs, (uri) => this.onChange({ uri, kind: 'diagnostics' }));
  }

  /** Makes sure the passes the file still needs are queued (called whenever its diagnostics are computed). */
  ensure(uri: string, model: CorpusModel, config: CorpusConfig): void {
    if (!textRulesDone(model, config)) this.text(uri, model, config);
    if (!peopleDone(model, this.known()) && !this.background.has(PEOPLE_JOB + uri)) this.people(uri, model);
  }

  /** A file was closed: its passes stop. */
  closed(uri: string): void {
    this.background.drop(TEXT_JOB + uri);
    this.background.drop(PEOPLE_JOB + uri);
    this.textJobs.delete(uri);
  }

  /** Called by the Background when a job completes. */
  done(key: string): void {
    if (key.startsWith(TEXT_JOB)) {
      const uri = key.slice(TEXT_JOB.length);
      this.textJobs.delete(uri);
      this.onChange({ uri, kind: 'diagnostics' });
    } else if (key.startsWith(PEOPLE_JOB)) {
      const uri = key.slice(PEOPLE_JOB.length);
      const model = this.documents.get(uri);
      // Requests read the documents an edit touched, mostly: then the file shows nothing new.
      if (model && peoplePassRead(model)) this.onChange({ uri, kind: 'people' });
    }
  }

  private text(uri: string, model: CorpusModel, config: CorpusConfig): void {
    const current = this.textJobs.get(uri);
    if (current && current.model === model && current.config === config && this.background.has(TEXT_JOB + uri)) return;
    this.textJobs.set(uri, { model, config });
    void this.background.run(TEXT_JOB + uri, 0, {
      // Done when the file was closed or its model replaced: nothing more to do for this model.
      step: (deadline) => this.documents.get(uri) !== model || checkTextRulesStep(model, config, Math.max(0.1, deadline - performance.now())),
    });
  }

  private people(uri: string, model: CorpusModel): void {
    void this.background.run(PEOPLE_JOB + uri, 1, {
      step: (deadline) => this.documents.get(uri) !== model || peopleStep(model, this.known(), deadline),
    });
  }
}
