// What the command line talks to: two output streams, the current folder and the
// environment. The real process gives Node's; the tests give in-memory ones, so the
// whole command runs in-process.

export interface OutStream {
  /** Writes text; resolves when the stream can take more (back-pressure). */
  write(text: string): Promise<void>;
  readonly isTTY: boolean;
  /** Terminal width, when a terminal. */
  readonly columns?: number;
}

export interface CliIo {
  cwd: string;
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
  /** The standard input (`corpus lint -`). */
  stdin?: AsyncIterable<Buffer | string>;
}

/** An OutStream over a Node writable stream (stdout, stderr). */
export function nodeStream(stream: NodeJS.WriteStream): OutStream {
  return {
    write(text: string): Promise<void> {
      if (stream.write(text)) return Promise.resolve();
      return new Promise((resolve) => stream.once('drain', () => resolve()));
    },
    get isTTY() {
      return stream.isTTY === true;
    },
    get columns() {
      return stream.columns;
    },
  };
}

export function nodeIo(): CliIo {
  return { cwd: process.cwd(), stdout: nodeStream(process.stdout), stderr: nodeStream(process.stderr), env: process.env, stdin: process.stdin };
}

/** An in-memory stream (for tests). */
export class MemoryStream implements OutStream {
  text = '';
  constructor(
    readonly isTTY = false,
    readonly columns = 80,
  ) {}
  write(text: string): Promise<void> {
    this.text += text;
    return Promise.resolve();
  }
}

/** A usage or I/O failure: reported in plain words, exit code 2. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

const ANSI = { red: 31, yellow: 33, blue: 34, gray: 90, bold: 1 } as const;

export type Colour = keyof typeof ANSI;

export function paint(enabled: boolean, colour: Colour, text: string): string {
  return enabled ? `\u001b[${ANSI[colour]}m${text}\u001b[0m` : text;
}

/**
 * Whether to colour a stream: an explicit --color/--no-color; else FORCE_COLOR
 * (`0` or `false` turns colour off, any other value, even empty, on: Node's and
 * supports-color's reading, which wins over NO_COLOR); else no colour with NO_COLOR
 * set (no-color.org) or on a dumb terminal; else only on a terminal.
 */
export function useColour(flag: boolean | undefined, stream: OutStream, env: CliIo['env']): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY;
}
