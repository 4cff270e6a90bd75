// URIs as the service names files: plain strings (`file:///home/ana/news.corpus`,
// `vscode-vfs://github/owner/repo/a.corpus`), worked on without `node:path` or
// `node:url`, so the same code runs over a browser client's file system. Path
// segments are percent-encoded as VS Code encodes them (everything but letters,
// digits and `-._~`), so a URI built here equals the one the editor sends.

/** Where the path starts: after `scheme://authority`, or after `scheme:` when there is no authority. */
function pathStart(uri: string): number {
  const colon = uri.indexOf(':');
  if (colon <= 0) return -1;
  if (uri.startsWith('//', colon + 1)) {
    const slash = uri.indexOf('/', colon + 3);
    return slash < 0 ? uri.length : slash;
  }
  return colon + 1;
}

/** The URI of the folder that holds `uri`, or undefined at the root (or for a URI without a path). */
export function uriDirname(uri: string): string | undefined {
  const start = pathStart(uri);
  if (start < 0) return undefined;
  let end = uri.length;
  while (end > start + 1 && uri.charCodeAt(end - 1) === 47) end--; // trailing slashes
  const slash = uri.lastIndexOf('/', end - 1);
  if (slash < start) return undefined;
  if (slash === start) return end === start + 1 ? undefined : uri.slice(0, start + 1);
  return uri.slice(0, slash);
}

/** Encodes one path segment as VS Code does. */
export function encodeSegment(name: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(name);
  } catch {
    // A lone surrogate cannot be encoded: it stands for the replacement character.
    encoded = encodeURIComponent(name.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
  }
  return encoded.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The URI of `name` (one plain, unencoded file or folder name) inside the folder `dir`. */
export function uriJoin(dir: string, name: string): string {
  return `${dir.endsWith('/') ? dir : `${dir}/`}${encodeSegment(name)}`;
}

/** The last segment of a URI, decoded (the file name a corpus editor sees). */
export function uriBasename(uri: string): string {
  let end = uri.length;
  while (end > 1 && uri.charCodeAt(end - 1) === 47) end--;
  const slash = uri.lastIndexOf('/', end - 1);
  return decodeSegment(uri.slice(slash + 1, end));
}

/** The path of `uri` below the folder `dir`, with '/' separators and decoded ('' when equal); undefined when outside. */
export function relativePath(dir: string, uri: string): string | undefined {
  const a = withoutTrailingSlashes(canonicalUri(dir));
  const b = canonicalUri(uri);
  if (a === b) return '';
  if (!b.startsWith(`${a}/`)) return undefined;
  return b
    .slice(a.length + 1)
    .split('/')
    .map(decodeSegment)
    .join('/');
}

function withoutTrailingSlashes(uri: string): string {
  let end = uri.length;
  while (end > 1 && uri.charCodeAt(end - 1) === 47) end--;
  return uri.slice(0, end);
}

/** True when `uri` is the folder `dir` or inside it. */
export function isInside(dir: string, uri: string): boolean {
  return relativePath(dir, uri) !== undefined;
}

/**
 * One spelling per file: the scheme in lower case and every path segment encoded
 * as VS Code encodes it, so `file:///a/b%20c` and `file:///a/b c` are the same key.
 * Two URIs of one file from different clients (or from the walker) compare equal.
 */
export function canonicalUri(uri: string): string {
  const hit = memo.get(uri);
  if (hit !== undefined) return hit;
  const canonical = canonicalOf(uri);
  if (uri.length <= 2048) {
    if (memo.size >= 4096) memo.clear();
    memo.set(uri, canonical);
  }
  return canonical;
}

/** Recent answers of canonicalUri: the index compares every file it reads with the open ones. */
const memo = new Map<string, string>();

function canonicalOf(uri: string): string {
  const colon = uri.indexOf(':');
  const start = pathStart(uri);
  if (colon <= 0 || start < 0) return uri;
  const head = uri.slice(0, colon).toLowerCase() + uri.slice(colon, start);
  const path = uri.slice(start);
  // Fast path: nothing to re-encode.
  if (/^[A-Za-z0-9\-._~/%]*$/.test(path) && !/%[0-9a-f]?[a-f]/.test(path)) return head + path;
  return (
    head +
    path
      .split('/')
      .map((s) => encodeSegment(decodeSegment(s)))
      .join('/')
  );
}
