// One small esbuild script builds every bundle: the VS Code client, the language
// server and the `corpus` command for Node, and the client and the server for the
// browser (dist/browser/: package.json `browser`, the server in a Web Worker) from
// the same sources. `--production` minifies (for packaging);
// the default keeps source maps for development and stack traces in tests. As the
// `prepare` script it also builds for production when npm packs or publishes the package
// (`npm pack`, `npm publish`), so the tarball holds the minified bundles.
import * as esbuild from 'esbuild';
import bundleOptions from './bundle-options.cjs';

const production = process.argv.includes('--production') || ['pack', 'publish'].includes(process.env.npm_command ?? '');
const watch = process.argv.includes('--watch');

const common = bundleOptions(production);
const browser = { platform: 'browser', target: 'es2022', mainFields: ['browser', 'module', 'main'] };

/** What the server and the command line load apart (dist/chardet.js; ./charsets when run from the sources). */
const CHARSETS_APART = ['./chardet.js', './charsets'];

const builds = [
  { entryPoints: { client: 'client/src/node.ts' }, external: ['vscode'] },
  // jschardet and iconv-lite's tables (1.5 MB of code, needed only for a file that is not UTF-8) are their own
  // file, loaded when needed (server/src/node/encoding.ts), so that every server and command-line process does not
  // hold them (the command line's `convert` still bundles iconv-lite).
  { entryPoints: { server: 'server/src/server.ts' }, external: CHARSETS_APART },
  { entryPoints: { cli: 'server/src/cli.ts' }, external: CHARSETS_APART },
  { entryPoints: { chardet: 'server/src/node/charsets.ts' } },
  // The web worker extension host loads the client as CommonJS with `vscode` provided; the server is a classic worker script.
  { ...browser, entryPoints: { 'browser/client': 'client/src/browser.ts' }, external: ['vscode'] },
  { ...browser, entryPoints: { 'browser/server': 'server/src/browserServer.ts' }, format: 'iife' },
  // The overview page (a webview in the editor, and the report of `corpus stats --html`), with its style sheet.
  { ...browser, entryPoints: { overview: 'client/webview/overview.ts' }, format: 'iife' },
  { entryPoints: { overview: 'client/webview/overview.css' }, loader: { '.css': 'css' } },
];

for (const b of builds) {
  const options = { ...common, ...b, outdir: 'dist' };
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  } else {
    await esbuild.build(options);
  }
}
