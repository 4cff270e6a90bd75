// The small interface through which the service reads files, so every feature can
// be tested on in-memory text. The LSP server and the CLI pass a Node one.

import { CorpusConfig, ConfigProblem, mergeConfig, parseRcFile, PartialConfig, RC_FILE_NAME } from './config';

export interface FileSystem {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(path: string): string | undefined;
}

/** Paths are plain strings with '/' separators; these helpers avoid depending on `path`. */
export function dirname(p: string): string {
  const isSep = (i: number) => p.charCodeAt(i) === 47 || p.charCodeAt(i) === 92;
  let end = p.length;
  while (end > 1 && isSep(end - 1)) end--; // trailing separators
  let i = end - 1;
  while (i >= 0 && !isSep(i)) i--; // the last name
  if (i < 0) return '.';
  return i === 0 ? p.slice(0, 1) : p.slice(0, i);
}

export function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + name : `${dir}/${name}`;
}

export interface ResolvedConfig {
  config: CorpusConfig;
  /** The `.corpusrc.json` that applies, if any. */
  rcPath?: string;
  rcProblems: ConfigProblem[];
  rcText?: string;
}

/**
 * Finds the nearest `.corpusrc.json` for a file and merges it over the editor's
 * settings. Results are cached per folder until `invalidate()`.
 */
export class ConfigResolver {
  private cache = new Map<string, ResolvedConfig>();
  private rcCache = new Map<string, { text?: string; config: PartialConfig; problems: ConfigProblem[] }>();

  constructor(private readonly fs: FileSystem, private settings: PartialConfig = {}) {}

  setSettings(settings: PartialConfig): void {
    this.settings = settings;
    this.cache.clear();
  }

  invalidate(): void {
    this.cache.clear();
    this.rcCache.clear();
  }

  /** The configuration for a file (give its path; undefined for files not on disk). */
  resolve(filePath: string | undefined): ResolvedConfig {
    // A path longer than PATH_MAX cannot be on disk: no .corpusrc.json is looked for above it
    // (walking up a 1 MB path would read hundreds of thousands of folders).
    const dir = filePath && filePath.length <= 4096 ? dirname(filePath) : undefined;
    const key = dir ?? '';
    const hit = this.cache.get(key);
    if (hit) return hit;
    let resolved: ResolvedConfig = { config: mergeConfig(this.settings, undefined), rcProblems: [] };
    for (let d = dir; d !== undefined; ) {
      const rcPath = joinPath(d, RC_FILE_NAME);
      const rc = this.readRc(rcPath);
      if (rc.text !== undefined) {
        resolved = { config: mergeConfig(this.settings, rc.config), rcPath, rcProblems: rc.problems, rcText: rc.text };
        break;
      }
      const up = dirname(d);
      d = up === d || up === '.' ? undefined : up;
    }
    this.cache.set(key, resolved);
    return resolved;
  }

  private readRc(rcPath: string): { text?: string; config: PartialConfig; problems: ConfigProblem[] } {
    const hit = this.rcCache.get(rcPath);
    if (hit) return hit;
    const text = this.fs.readFile(rcPath);
    const entry = text === undefined ? { config: {}, problems: [] } : { text, ...parseRcFile(text) };
    this.rcCache.set(rcPath, entry);
    return entry;
  }
}

/** Offset → line/character in a small text (configuration and people files). */
export function positionInText(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: end - lineStart };
}
