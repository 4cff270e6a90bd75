// The spill file of `corpus lint`'s index of copies: a temporary file, opened the
// first time the index's pages pass its memory budget (a file of some hundred
// thousand documents), deleted when the file's lint ends. Where the system allows it
// (not Windows) its name is removed at once, so even a lint killed midway leaves
// nothing behind: the space is freed when the descriptor closes.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SpillFile } from '../index';

export function openSpillFile(): SpillFile {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-copies-'));
  const file = path.join(dir, 'pages.bin');
  const fd = fs.openSync(file, 'w+');
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    // Windows: deleted at close (or at exit).
  }
  let open = true;
  const cleanup = (): void => {
    if (!open) return;
    open = false;
    fs.closeSync(fd);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', cleanup);
  return {
    write: (data, position) => {
      fs.writeSync(fd, data, 0, data.byteLength, position);
    },
    read: (into, position) => {
      let done = 0;
      while (done < into.byteLength) {
        const n = fs.readSync(fd, into, done, into.byteLength - done, position + done);
        if (n === 0) throw new Error('the spill file is shorter than expected');
        done += n;
      }
    },
    close: () => {
      process.off('exit', cleanup);
      cleanup();
    },
  };
}
