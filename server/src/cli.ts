// The `corpus` command: a thin adapter over the same pure service as the language
// server. The commands live in ./cli/ (main.ts parses the arguments); this entry
// only connects them to the real process.
import { main } from './cli/main';
import { nodeIo } from './cli/io';

// A reader that stops early (`corpus lint | head`) closes the pipe: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

main(process.argv.slice(2), nodeIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`corpus: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
