// `node:assert/strict` for the suites in the web worker extension host, which has no
// Node modules: the web suite's bundle (scripts/e2e/web.mjs) maps the import here.
// The subset the suites use, with the same meaning (strict: Object.is, deep
// equality of arrays, plain objects and their prototypes).

class AssertionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssertionError';
  }
}

function show(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function fail(message?: string | Error): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? 'Failed');
}

function deep(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deep(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deep((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function ok(value: unknown, message?: string | Error): void {
  if (!value) fail(message ?? `expected a truthy value, got ${show(value)}`);
}

const strict = Object.assign(ok, {
  ok,
  fail,
  AssertionError,
  equal(actual: unknown, expected: unknown, message?: string | Error): void {
    if (!Object.is(actual, expected)) fail(message ?? `${show(actual)} !== ${show(expected)}`);
  },
  notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
    if (Object.is(actual, expected)) fail(message ?? `${show(actual)} === ${show(expected)}`);
  },
  deepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
    if (!deep(actual, expected)) fail(message ?? `not deep-equal:\n  actual:   ${show(actual)}\n  expected: ${show(expected)}`);
  },
  match(text: string, re: RegExp, message?: string | Error): void {
    if (!re.test(text)) fail(message ?? `${show(text)} does not match ${re}`);
  },
  doesNotMatch(text: string, re: RegExp, message?: string | Error): void {
    if (re.test(text)) fail(message ?? `${show(text)} matches ${re}`);
  },
});

export = strict;
