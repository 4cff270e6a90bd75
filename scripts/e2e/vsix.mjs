// Packaging checks: builds the .vsix and lists what is inside it. The package must hold only
// the allow-listed files (package.json's "files", which vsce and npm both read: vsce refuses a
// .vscodeignore beside it); anything else fails the check.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { REPO } from './workspace.mjs';

/** Paths inside a .vsix that may exist (anchored regular expressions). */
export const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/dist\/(client|server|cli|chardet)\.js$/,
  /^extension\/dist\/browser\/(client|server)\.js$/,
  // the overview page (a webview) and its style sheet
  /^extension\/dist\/overview\.(js|css)$/,
  /^extension\/bin\/[^/]+\.js$/,
  /^extension\/editors\/nvim\/corpus\.lua$/,
  /^extension\/syntaxes\/[^/]+\.json$/,
  /^extension\/language-configuration\.json$/,
  /^extension\/schemas\/[^/]+\.json$/,
  /^extension\/images\/icon\.png$/,
  // the walkthrough's pictures and the sample corpus it opens
  /^extension\/docs\/images\/[^/]+\.png$/,
  /^extension\/samples\/seeds\.corpus$/,
  /^extension\/readme\.md$/i,
  /^extension\/changelog\.md$/i,
  /^extension\/LICENSE(\.txt)?$/i,
];

/** Files that must be there for the extension to work. */
export const REQUIRED = [
  'extension/package.json',
  'extension/dist/client.js',
  'extension/dist/server.js',
  'extension/dist/cli.js',
  'extension/dist/chardet.js',
  'extension/dist/browser/client.js',
  'extension/dist/browser/server.js',
  'extension/dist/overview.js',
  'extension/dist/overview.css',
  'extension/images/icon.png',
  'extension/samples/seeds.corpus',
];

/** Entry names of a zip file, read from its central directory (no unzip tool needed). */
export function zipEntries(file) {
  const buf = fs.readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.push({ name, size, method, compressed, local });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { entries, read: (e) => readEntry(buf, e) };
}

function readEntry(buf, e) {
  const start = e.local + 30 + buf.readUInt16LE(e.local + 26) + buf.readUInt16LE(e.local + 28);
  const data = buf.subarray(start, start + e.compressed);
  return e.method === 0 ? data : zlib.inflateRawSync(data);
}

/** Returns a list of problems (empty when the package is right). */
export function checkVsix(file) {
  const { entries, read } = zipEntries(file);
  const names = entries.map((e) => e.name);
  const problems = [];
  for (const n of names) if (!ALLOWED.some((re) => re.test(n))) problems.push(`not allowed in the package: ${n}`);
  for (const n of REQUIRED) if (!names.includes(n)) problems.push(`missing from the package: ${n}`);
  const pkgEntry = entries.find((e) => e.name === 'extension/package.json');
  if (pkgEntry) {
    const pkg = JSON.parse(read(pkgEntry).toString('utf8'));
    if (pkg.main !== './dist/client.js') problems.push(`package.json main is ${pkg.main}`);
    // Every picture the walkthrough shows is in the package.
    for (const w of pkg.contributes?.walkthroughs ?? []) {
      for (const step of w.steps ?? []) {
        const image = step.media?.image;
        if (typeof image === 'string' && !names.includes(`extension/${image}`)) problems.push(`the walkthrough step ${step.id} shows ${image}, which is not in the package`);
      }
    }
  }
  for (const e of entries.filter((x) => /^extension\/dist\/.*\.js$/.test(x.name))) {
    const text = read(e).toString('utf8');
    if (/sourceMappingURL=/.test(text)) problems.push(`${e.name} is not a production build (has a source map reference)`);
    // Not a line count: minified code keeps the newlines of its string data (esbuild writes a string with
    // newlines, such as the people word lists, as a template literal). An unminified bundle has thousands of
    // indented statements; a minified one has none outside such literals.
    const statements = text.split('\n').filter((l) => /^\s+(const|let|var|function|return|if) /.test(l)).length;
    if (statements > 20) problems.push(`${e.name} is not minified (${statements} indented statements)`);
  }
  return { names, problems };
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  return `${r.stdout}${r.stderr}`;
}

/** Minified build + `vsce package` into outFile. */
export function packageVsix(outFile) {
  run(process.execPath, ['scripts/build.mjs', '--production']);
  const vsce = path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');
  return run(process.execPath, [vsce, 'package', '--no-dependencies', '--out', outFile]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // node scripts/e2e/vsix.mjs [file.vsix]: list and check a package (default: newest *.vsix in the repo)
  let file = process.argv[2];
  if (!file) {
    const found = fs.readdirSync(REPO).filter((f) => f.endsWith('.vsix'));
    found.sort((a, b) => fs.statSync(path.join(REPO, b)).mtimeMs - fs.statSync(path.join(REPO, a)).mtimeMs);
    if (!found.length) {
      console.error('no .vsix in the repository folder; run npm run package first');
      process.exit(1);
    }
    file = path.join(REPO, found[0]);
  }
  const { names, problems } = checkVsix(file);
  for (const n of names) console.log(`  ${n}`);
  for (const p of problems) console.error(`FAIL ${p}`);
  console.log(problems.length ? `${path.basename(file)}: ${problems.length} problems` : `${path.basename(file)}: ${names.length} files, all allowed`);
  process.exit(problems.length ? 1 : 0);
}
