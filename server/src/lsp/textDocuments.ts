// The language server's document store: TextDocuments whose text lives in the
// corpus model, so an edit splices the touched documents and never copies the
// whole text (unlike vscode-languageserver-textdocument).

import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import { CorpusModel } from '../index';
import type { Position, Range } from '../index';

/** A text document whose text lives in the corpus model (no second copy, no full-text copy per edit). */
export class CorpusTextDocument {
  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    public model: CorpusModel,
  ) {}

  getText(range?: Range): string {
    return range ? this.model.getTextRange(range) : this.model.getText();
  }

  positionAt(offset: number): Position {
    return this.model.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.model.offsetAt(position);
  }

  get lineCount(): number {
    return this.model.lineCount;
  }
}

function isRangeChange(c: TextDocumentContentChangeEvent): c is { range: Range; text: string } {
  return (c as { range?: Range }).range !== undefined;
}

export const documentsConfig: TextDocumentsConfiguration<CorpusTextDocument> = {
  create(uri, languageId, version, content) {
    return new CorpusTextDocument(uri, languageId, version, CorpusModel.parse(content));
  },
  update(document, changes, version) {
    for (const change of changes) {
      if (isRangeChange(change)) {
        const a = document.model.offsetAt(change.range.start);
        const b = document.model.offsetAt(change.range.end);
        document.model.applyEdit(Math.min(a, b), Math.max(a, b), change.text);
      } else {
        document.model = CorpusModel.parse(change.text);
      }
    }
    document.version = version;
    return document;
  },
};
