// A one-line progress bar on the terminal's error stream, for long runs only: it
// appears after a short delay, redraws at most ten times a second, and is never
// drawn when the stream is not a terminal (piped or redirected).

import type { OutStream } from './io';

export class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;
  private done = 0;
  private fileLabel = '';
  private filesDone = 0;

  constructor(
    private readonly stream: OutStream,
    private readonly enabled: boolean,
    private readonly totalBytes: number,
    private readonly totalFiles: number,
  ) {}

  startFile(label: string): void {
    this.fileLabel = label;
  }

  endFile(): void {
    this.filesDone++;
  }

  /** Adds bytes read; redraws when due. */
  async advance(bytes: number): Promise<void> {
    this.done += bytes;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < 300 || now - this.lastDraw < 100) return;
    this.lastDraw = now;
    await this.stream.write(`\r${this.line()}\u001b[K`);
    this.drawn = true;
  }

  /** Removes the bar (before other output, and at the end). */
  async clear(): Promise<void> {
    if (!this.drawn) return;
    this.drawn = false;
    await this.stream.write('\r\u001b[K');
  }

  private line(): string {
    const width = 24;
    const ratio = this.totalBytes > 0 ? Math.min(1, this.done / this.totalBytes) : 0;
    const full = Math.round(ratio * width);
    const bar = `${'█'.repeat(full)}${'░'.repeat(width - full)}`;
    const cols = Math.max(40, (this.stream.columns ?? 80) - 1);
    const text = `${bar} ${Math.floor(ratio * 100)}% ${formatBytes(this.done)}/${formatBytes(this.totalBytes)} · file ${Math.min(this.filesDone + 1, this.totalFiles)}/${this.totalFiles} ${this.fileLabel}`;
    return text.length > cols ? `${text.slice(0, cols - 1)}…` : text;
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}
