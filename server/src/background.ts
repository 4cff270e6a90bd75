// The service's background work (the text rules of a file just opened, its
// people, the workspace index): jobs cut into steps, run in slices of at most
// SLICE_MS with the event loop free in between. A slice starts only after
// QUIET_MS without a request or an edit (the adapter calls `touch()`), so typing
// and requests never wait for more than one slice; while the editor is busy the
// background waits. Pure: timers only (setImmediate where there is one).

/** One job: `step` works until `deadline` (a performance.now() time) and says whether the job is done. */
export interface BackgroundJob {
  step(deadline: number): boolean;
}

export interface BackgroundOptions {
  sliceMs?: number;
  quietMs?: number;
  onError?: (message: string) => void;
  /** Called when a job completes (after its last step). */
  onDone?: (key: string) => void;
}

export const SLICE_MS = 2;
export const QUIET_MS = 8;

const later = (fn: () => void, ms: number): void => {
  if (ms <= 0 && typeof setImmediate === 'function') setImmediate(fn);
  else setTimeout(fn, Math.max(0, ms));
};

export class Background {
  /** Jobs in priority order of their kind, then in the order they came. */
  private readonly jobs = new Map<string, { job: BackgroundJob; priority: number; done: Array<() => void> }>();
  private scheduled = false;
  private lastActivity = -Infinity;
  private readonly sliceMs: number;
  private readonly quietMs: number;
  private readonly onError: (message: string) => void;
  private readonly onDone: (key: string) => void;
  /** Work that is not a job yet (a file being read): counted as pending. */
  private outside = 0;
  private readonly idleWaiters: Array<() => void> = [];

  constructor(options: BackgroundOptions = {}) {
    this.sliceMs = options.sliceMs ?? SLICE_MS;
    this.quietMs = options.quietMs ?? QUIET_MS;
    this.onError = options.onError ?? (() => undefined);
    this.onDone = options.onDone ?? (() => undefined);
  }

  /** A request or an edit came: the background waits until things are quiet again. */
  touch(): void {
    this.lastActivity = performance.now();
  }

  /** Adds (or replaces) the job under `key`; lower priorities run first. Resolves when it is done or dropped. */
  run(key: string, priority: number, job: BackgroundJob): Promise<void> {
    return new Promise((resolve) => {
      const old = this.jobs.get(key);
      this.jobs.set(key, { job, priority, done: [...(old?.done ?? []), resolve] });
      this.schedule();
    });
  }

  has(key: string): boolean {
    return this.jobs.has(key);
  }

  /** Forgets a job (its file closed); whoever waits on it is released. */
  drop(key: string): void {
    const e = this.jobs.get(key);
    if (!e) return;
    this.jobs.delete(key);
    for (const r of e.done) r();
    this.checkIdle();
  }

  /** Drops every job whose key starts with `prefix`. */
  dropAll(prefix: string): void {
    for (const key of [...this.jobs.keys()]) if (key.startsWith(prefix)) this.drop(key);
  }

  /** Counts work done outside the jobs (an asynchronous read) as pending until `end` is called. */
  begin(): () => void {
    this.outside++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.outside--;
      this.checkIdle();
    };
  }

  /** How much work is pending: jobs, and reads in flight. 0 when idle. */
  get pending(): number {
    return this.jobs.size + this.outside;
  }

  /** Resolves when nothing is pending. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private checkIdle(): void {
    if (this.pending > 0) return;
    for (const r of this.idleWaiters.splice(0)) r();
  }

  private schedule(): void {
    if (this.scheduled || this.jobs.size === 0) return;
    this.scheduled = true;
    const wait = this.lastActivity + this.quietMs - performance.now();
    later(() => this.slice(), wait);
  }

  private slice(): void {
    this.scheduled = false;
    const wait = this.lastActivity + this.quietMs - performance.now();
    if (wait > 0) {
      this.schedule();
      return;
    }
    const deadline = performance.now() + this.sliceMs;
    while (this.jobs.size > 0 && performance.now() < deadline) {
      let key: string | undefined;
      let best: { job: BackgroundJob; priority: number; done: Array<() => void> } | undefined;
      for (const [k, e] of this.jobs) {
        if (!best || e.priority < best.priority) {
          key = k;
          best = e;
        }
      }
      if (!best || key === undefined) break;
      let finished = true;
      try {
        finished = best.job.step(deadline);
      } catch (e) {
        this.onError(`Background work (${key}) failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
      if (finished && this.jobs.get(key) === best) {
        this.jobs.delete(key);
        for (const r of best.done) r();
        try {
          this.onDone(key);
        } catch (e) {
          this.onError(`After background work (${key}): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        }
      }
    }
    this.checkIdle();
    this.schedule();
  }
}
