// `setImmediate` for the browser server. The validation scheduler and the
// service's yields run on macrotasks: a Web Worker has no setImmediate, and a
// zero timeout is clamped to 4 ms once nested, which would slow every slice of
// the background checks. A MessageChannel message is a macrotask with no clamp,
// run in the order posted (the same order setImmediate keeps on Node).

interface ImmediateGlobal {
  setImmediate?: (fn: (...args: unknown[]) => void, ...args: unknown[]) => unknown;
  clearImmediate?: (id: unknown) => void;
  MessageChannel?: new () => { port1: { onmessage: ((e: { data: unknown }) => void) | null }; port2: { postMessage(data: unknown): void } };
}

/** Installs a setImmediate where there is none (a browser worker); does nothing on Node. */
export function installSetImmediate(): void {
  const g = globalThis as unknown as ImmediateGlobal;
  if (typeof g.setImmediate === 'function' || !g.MessageChannel) return;
  const queue = new Map<number, () => void>();
  let next = 0;
  const channel = new g.MessageChannel();
  channel.port1.onmessage = (e) => {
    const id = e.data as number;
    const run = queue.get(id);
    queue.delete(id);
    run?.();
  };
  g.setImmediate = (fn, ...args) => {
    const id = ++next;
    queue.set(id, () => fn(...args));
    channel.port2.postMessage(id);
    return id;
  };
  g.clearImmediate = (id) => void queue.delete(id as number);
}
