// Lets the event loop run (requests, notifications) in the middle of long work.
// A macrotask, not a microtask: pending I/O is served before the work goes on.
// setImmediate on Node; a zero timeout where there is none (a browser worker).

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}
