// The esbuild options every bundle shares (scripts/build.mjs and the benchmark use them).
module.exports = function bundleOptions(production) {
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    legalComments: production ? 'none' : 'inline',
    logLevel: 'warning',
    // Prefer ES module builds: jsonc-parser's UMD build cannot be bundled.
    mainFields: ['module', 'main'],
  };
};
