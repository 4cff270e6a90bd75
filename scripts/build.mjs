// One small esbuild script builds every bundle: the VS Code client, the language
// server and the `corpus` command. `--production` minifies (for packaging);
// the default keeps source maps for development and stack traces in tests. As the
// `prepare` script it also builds for production when npm packs or publishes the package
// (`npm pack`, `npm publish`), so the tarball holds the minified bundles.
import * as esbuild from 'esbuild';
import bundleOptions from './bundle-options.cjs';

const production = process.argv.includes('--production') || ['pack', 'publish'].includes(process.env.npm_command ?? '');
const watch = process.argv.includes('--watch');

const common = bundleOptions(production);

const builds = [{ entryPoints: { client: 'client/src/extension.ts' }, external: ['vscode'] }, { entryPoints: { server: 'server/src/server.ts' } }, { entryPoints: { cli: 'server/src/cli.ts' } }];

for (const b of builds) {
  const options = { ...common, ...b, outdir: 'dist' };
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  } else {
    await esbuild.build(options);
  }
}
