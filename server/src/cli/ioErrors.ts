// File-system failures of the command line in plain words: what could not be done
// with which path, why, and what to do, never Node's own text (`ENOENT: no such
// file or directory, open '…'`). The error's code says why; the path is the one
// the user gave (or the one shown in the report).

/** What the command was doing with the path. */
export type IoAction = 'read' | 'write' | 'create the folder';

const WHY: Readonly<Record<string, (action: IoAction, path: string) => string>> = {
  ENOENT: (action, path) => (action === 'read' ? `${path} does not exist. Check the path.` : `the folder it would go in does not exist. Create the folder first, or choose another path than ${path}.`),
  ENOTDIR: (_, path) => `a part of ${path} is a file, not a folder. Check the path.`,
  EISDIR: (action, path) => (action === 'read' ? `${path} is a folder, not a file. Name a file, or give the folder to check every corpus file in it.` : `${path} is a folder. Name a file to write.`),
  EACCES: (action, path) => `you are not allowed to ${action === 'read' ? 'read' : 'write'} ${path}. Check its permissions, or choose another path.`,
  EPERM: (action, path) => `you are not allowed to ${action === 'read' ? 'read' : 'write'} ${path}. Check its permissions, or choose another path.`,
  EROFS: (_, path) => `${path} is on a read-only file system. Choose another place to write.`,
  ENOSPC: () => 'the disk is full. Free some space and run the command again.',
  EDQUOT: () => 'your disk quota is used up. Free some space and run the command again.',
  EEXIST: (action, path) =>
    action === 'create the folder' ? `${path} already exists and is not a folder. Choose another folder, or move the file away.` : `${path} already exists. Choose another path.`,
  ENAMETOOLONG: (_, path) => `the path ${path.length > 80 ? `${path.slice(0, 77)}…` : path} is too long. Use a shorter path.`,
  ELOOP: (_, path) => `${path} is a link that leads back to itself. Check the links on the path.`,
  EMFILE: () => 'too many files are open at once. Run the command on fewer files, or raise the limit (ulimit -n).',
  ENFILE: () => 'too many files are open at once. Run the command on fewer files, or raise the limit (ulimit -n).',
  EBUSY: (_, path) => `${path} is in use by another program. Close it and run the command again.`,
  ETXTBSY: (_, path) => `${path} is in use by another program. Close it and run the command again.`,
  EIO: (_, path) => `the disk reported an error while reading or writing ${path}. Check the disk.`,
  EAGAIN: () => 'the system was busy. Run the command again.',
  ERR_STRING_TOO_LONG: (_, path) => `${path} is too large to hold in memory at once. Split it, or check it with corpus lint (which streams it).`,
  ERR_FS_FILE_TOO_LARGE: (_, path) => `${path} is too large to hold in memory at once. Split it, or check it with corpus lint (which streams it).`,
};

/** The error's code (`ENOENT`, …), if it has one. */
export function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** "cannot write out.txt: the folder it would go in does not exist. …", for any file-system error. */
export function ioMessage(e: unknown, action: IoAction, path: string): string {
  const code = errorCode(e);
  const why = code !== undefined ? WHY[code] : undefined;
  return `cannot ${action} ${path}: ${why ? why(action, path) : `the system refused it${code ? ` (${code})` : ''}. Check the path and its permissions.`}`;
}
