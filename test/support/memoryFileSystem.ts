// The service's FileSystem over a map of texts by URI, for tests: folders are
// implied by the files' URIs. Every read is recorded, so a test can check what
// the service read (and that it never read an open file).
import type { DirectoryEntry, FileStat, FileSystem } from '../../server/src';

export interface MemoryFileSystem extends FileSystem {
  /** The files, by URI (change them between calls to model edits on disk). */
  files: Map<string, string>;
  /** The URIs read with readFile, in order. */
  reads: string[];
}

export function memoryFileSystem(files: Record<string, string> = {}): MemoryFileSystem {
  const map = new Map(Object.entries(files));
  const reads: string[] = [];
  const isFolder = (uri: string): boolean => {
    const prefix = uri.endsWith('/') ? uri : `${uri}/`;
    for (const k of map.keys()) if (k.startsWith(prefix)) return true;
    return false;
  };
  return {
    files: map,
    reads,
    readFile(uri: string): Promise<string | undefined> {
      reads.push(uri);
      return Promise.resolve(map.get(uri));
    },
    stat(uri: string): Promise<FileStat | undefined> {
      const text = map.get(uri);
      if (text !== undefined) return Promise.resolve({ type: 'file', size: Buffer.byteLength(text) });
      return Promise.resolve(isFolder(uri) ? { type: 'directory', size: 0 } : undefined);
    },
    readDirectory(uri: string): Promise<DirectoryEntry[] | undefined> {
      if (!isFolder(uri)) return Promise.resolve(undefined);
      const prefix = uri.endsWith('/') ? uri : `${uri}/`;
      const entries = new Map<string, DirectoryEntry>();
      for (const k of map.keys()) {
        if (!k.startsWith(prefix)) continue;
        const rest = k.slice(prefix.length);
        const slash = rest.indexOf('/');
        const name = decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash));
        entries.set(name, { name, type: slash < 0 ? 'file' : 'directory' });
      }
      return Promise.resolve([...entries.values()]);
    },
  };
}
