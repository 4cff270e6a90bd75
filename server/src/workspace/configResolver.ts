// Which configuration applies to a file: the nearest `.corpusrc.json` in its
// folder or above, over the editor's settings (format spec, section 6). The files
// are read through the FileSystem, so the language server and the command line
// resolve exactly alike.

import { ConfigProblem, CorpusConfig, mergeConfig, parseRcFile, PartialConfig, RC_FILE_NAME } from '../config';
import { configForFile } from '../configScopes';
import { positionInText } from '../model/lines';
import type { Diagnostic } from '../model/types';
import type { FileSystem } from './fileSystem';
import { relativePath, uriDirname, uriJoin } from './uri';

export interface ResolvedConfig {
  config: CorpusConfig;
  /** The URI of the `.corpusrc.json` that applies, if any. */
  rcUri?: string;
  rcProblems: ConfigProblem[];
  rcText?: string;
}

interface RcEntry {
  text?: string;
  config: PartialConfig;
  problems: ConfigProblem[];
}

/**
 * A path longer than PATH_MAX (4,096 bytes, each at most three characters once
 * percent-encoded) cannot be on disk: no `.corpusrc.json` is looked for above it
 * (walking up a 1 MB URI would read hundreds of thousands of folders).
 */
const MAX_URI_LENGTH = 3 * 4096 + 64;

export interface ResolverOptions {
  /** This configuration file for every file, instead of the nearest one (the command line's `--config`). */
  rcFile?: string;
  /** A last change to every configuration (the command line's `--rule` and `--report-suppressed`). */
  adjust?: (config: CorpusConfig) => CorpusConfig;
}

/**
 * Finds the nearest `.corpusrc.json` for a file and merges it over the editor's
 * settings, then applies the file's `overrides`. Results are cached per folder (and
 * per file when overrides apply, so one file always gets the same object) until
 * `invalidate()`; two lookups of one folder at the same time share one read.
 */
export class ConfigResolver {
  private cache = new Map<string, Promise<ResolvedConfig>>();
  private fileCache = new Map<string, Promise<ResolvedConfig>>();
  private rcCache = new Map<string, Promise<RcEntry>>();

  constructor(
    private readonly fs: FileSystem,
    private settings: PartialConfig = {},
    private readonly options: ResolverOptions = {},
  ) {}

  setSettings(settings: PartialConfig): void {
    this.settings = settings;
    this.cache.clear();
    this.fileCache.clear();
  }

  /** Forgets every file read (a `.corpusrc.json` was created, changed or deleted). */
  invalidate(): void {
    this.cache.clear();
    this.fileCache.clear();
    this.rcCache.clear();
  }

  /** The configuration for a file, by URI (undefined: a file that is nowhere, such as an unsaved one). */
  resolve(uri: string | undefined): Promise<ResolvedConfig> {
    const dir = uri !== undefined && uri.length <= MAX_URI_LENGTH ? uriDirname(uri) : undefined;
    const key = dir ?? '';
    let folder = this.cache.get(key);
    if (!folder) {
      folder = this.lookUp(dir, this.settings);
      this.cache.set(key, folder);
    }
    if (uri === undefined || dir === undefined) return folder;
    const hit = this.fileCache.get(uri);
    if (hit) return hit;
    const forFile = folder.then((r) => {
      if (!r.config.overrides || r.config.overrides.length === 0) return r;
      const base = r.config.base;
      return { ...r, config: configForFile(r.config, base === undefined ? undefined : relativePath(base, uri)) };
    });
    this.fileCache.set(uri, forFile);
    return forFile;
  }

  private async lookUp(dir: string | undefined, settings: PartialConfig): Promise<ResolvedConfig> {
    const adjust = this.options.adjust ?? ((c: CorpusConfig) => c);
    const found = (rcUri: string, rc: RcEntry & { text: string }): ResolvedConfig => ({
      config: adjust({ ...mergeConfig(settings, rc.config), base: uriDirname(rcUri) }),
      rcUri,
      rcProblems: rc.problems,
      rcText: rc.text,
    });
    if (this.options.rcFile !== undefined) {
      const rc = await this.readRc(this.options.rcFile);
      if (rc.text !== undefined) return found(this.options.rcFile, { ...rc, text: rc.text });
      return { config: adjust(mergeConfig(settings, undefined)), rcProblems: [] };
    }
    for (let d = dir; d !== undefined; d = uriDirname(d)) {
      const rcUri = uriJoin(d, RC_FILE_NAME);
      const rc = await this.readRc(rcUri);
      if (rc.text !== undefined) return found(rcUri, { ...rc, text: rc.text });
    }
    return { config: adjust(mergeConfig(settings, undefined)), rcProblems: [] };
  }

  private readRc(rcUri: string): Promise<RcEntry> {
    const hit = this.rcCache.get(rcUri);
    if (hit) return hit;
    const entry = this.fs.readFile(rcUri).then(
      (text): RcEntry => (text === undefined ? { config: {}, problems: [] } : { text, ...parseRcFile(text) }),
      (): RcEntry => ({ config: {}, problems: [] }),
    );
    this.rcCache.set(rcUri, entry);
    return entry;
  }
}

/**
 * The problems of the `.corpusrc.json` that applies, as diagnostics of that file
 * (an empty list when it is fine). Each problem keeps its own severity (an unknown
 * setting is a warning) unless `invalid-config` is set; "off" reports none.
 */
export function configDiagnostics(resolved: ResolvedConfig): { uri: string; diagnostics: Diagnostic[] } | undefined {
  const text = resolved.rcText;
  if (resolved.rcUri === undefined || text === undefined) return undefined;
  const setting = resolved.config.rules['invalid-config'];
  if (setting === 'off') return { uri: resolved.rcUri, diagnostics: [] };
  return {
    uri: resolved.rcUri,
    diagnostics: resolved.rcProblems.map((p) => ({
      code: 'invalid-config',
      severity: setting ?? p.severity,
      message: p.message,
      range: { start: positionInText(text, p.start), end: positionInText(text, p.end) },
    })),
  };
}
