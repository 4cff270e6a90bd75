// Polls until `fn` gives a value (for LSP tests that wait on what the server sent or registered).
export async function waitFor<T>(fn: () => T | undefined, what: string, ms = 10_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
