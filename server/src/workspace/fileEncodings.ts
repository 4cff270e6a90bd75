// What the bytes of each open file are, for the editor: a file whose text shows
// replacement characters or control characters may not be UTF-8, or not text.
// Then (once per open, in the background) the file system is asked about its
// bytes; a file system without bytes (the browser) answers nothing, and the
// diagnostics stay as they are. With an answer, the diagnostics are those the
// command line gives (../encoding/verdict.ts), for as long as the text still
// shows the damage: after "Reopen with Encoding" the text is clean again.

import type { CorpusConfig } from '../config';
import { sameRange } from '../diagnostics/same';
import type { ByteVerdict } from '../encoding/bytes';
import { alone, applyVerdict, charsetInWords } from '../encoding/verdict';
import type { CorpusModel } from '../model/corpusModel';
import type { Diagnostic, Range, WorkspaceCodeAction } from '../model/types';
import type { FileSystem } from './fileSystem';

/** VS Code's command that reopens the active editor's file with another encoding (1.99 has no API to do it directly). */
export const REOPEN_WITH_ENCODING = 'workbench.action.editor.changeEncoding';

const SIGNS = new Set(['replacement-character', 'control-character']);

function shows(list: readonly Diagnostic[], verdict: ByteVerdict | undefined): boolean {
  // A binary or UTF-16 file read as UTF-8 shows control characters; any other charset, replacement characters.
  for (const d of list) if (verdict === undefined ? SIGNS.has(d.code) : alone(verdict) ? SIGNS.has(d.code) : d.code === 'replacement-character') return true;
  return false;
}

function intersects(a: Range, b: Range): boolean {
  const le = (x: Range['start'], y: Range['start']): boolean => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return le(a.start, b.end) && le(b.start, a.end);
}

export class FileEncodings {
  /** Per model: a file opened again is a new model, asked again. */
  private readonly verdicts = new WeakMap<CorpusModel, ByteVerdict | 'pending'>();
  /** Lists that show no damage (no replacement or control character). */
  private readonly clean = new WeakSet<readonly Diagnostic[]>();
  /** The list given for each list computed (the same array while the list and the verdict are the same). */
  private readonly applied = new WeakMap<readonly Diagnostic[], { verdict: ByteVerdict; config: CorpusConfig; out: readonly Diagnostic[] }>();

  constructor(
    private readonly fs: FileSystem,
    private readonly changed: (uri: string) => void,
  ) {}

  /** A file's diagnostics under what its bytes are (asked for in the background the first time the list shows damage). */
  adjust(model: CorpusModel, uri: string, list: readonly Diagnostic[], config: CorpusConfig): readonly Diagnostic[] {
    const verdict = this.verdicts.get(model);
    if (verdict === undefined) {
      // The list is the same array while nothing changed: looked through once.
      if (this.fs.inspectBytes && !uri.startsWith('untitled:') && !this.clean.has(list)) {
        if (shows(list, undefined)) this.inspect(model, uri);
        else this.clean.add(list);
      }
      return list;
    }
    if (verdict === 'pending' || verdict.kind === 'utf8' || !shows(list, verdict)) return list;
    const known = this.applied.get(list);
    if (known && known.verdict === verdict && known.config === config) return known.out;
    const out = applyVerdict(list, verdict, config);
    this.applied.set(list, { verdict, config, out });
    return out;
  }

  /** The quick fixes of the problems shown: for a file that is not UTF-8 or not text, only those of its one diagnostic (none). */
  fixesShown<T extends { diagnostic?: { code: string; range: Range } }>(model: CorpusModel, actions: readonly T[], shown: readonly Diagnostic[]): readonly T[] {
    if (this.fixable(model)) return actions;
    return actions.filter((a) => a.diagnostic !== undefined && shown.some((d) => d.code === a.diagnostic?.code && sameRange(d.range, a.diagnostic.range)));
  }

  /** False when the file's bytes are known not to be UTF-8 text: no edit may rewrite it ("Fix all" included). */
  fixable(model: CorpusModel): boolean {
    const verdict = this.verdicts.get(model);
    return verdict === undefined || verdict === 'pending' || verdict.kind === 'utf8';
  }

  /** "Reopen with the … encoding" on a `not-utf8` diagnostic in `range`. */
  actions(model: CorpusModel, range: Range, shown: readonly Diagnostic[]): WorkspaceCodeAction[] {
    const verdict = this.verdicts.get(model);
    if (verdict === undefined || verdict === 'pending' || verdict.kind !== 'not-utf8') return [];
    const d = shown.find((x) => x.code === 'not-utf8' && intersects(x.range, range));
    if (!d) return [];
    const title = verdict.guess ? `Reopen with the ${charsetInWords(verdict.guess)} encoding…` : 'Reopen with another encoding…';
    return [{ title, kind: 'quickfix', diagnostic: { code: d.code, range: d.range }, isPreferred: false, changes: [], command: { title, command: REOPEN_WITH_ENCODING, arguments: [] } }];
  }

  private inspect(model: CorpusModel, uri: string): void {
    this.verdicts.set(model, 'pending');
    const ask = this.fs.inspectBytes?.(uri) ?? Promise.resolve(undefined);
    void ask
      .catch(() => undefined)
      .then((verdict) => {
        if (this.verdicts.get(model) !== 'pending') return;
        this.verdicts.set(model, verdict ?? { kind: 'utf8' });
        if (verdict && verdict.kind !== 'utf8') this.changed(uri);
      });
  }
}
