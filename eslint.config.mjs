// ESLint: typescript-eslint's recommended rules, and the layering of the code
// (docs/architecture.md) where a reader meets it, in the editor. The service —
// everything under server/src but the adapters (server.ts, browserServer.ts, lsp/,
// cli.ts, cli/, node/) — imports no Node module, no protocol or editor API and no adapter.
// test/unit/architecture.test.ts checks the same from the sources, cycles and
// file sizes included. Formatting is Prettier's (.prettierrc.json), not ESLint's.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const NODE_MODULES = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const ADAPTERS = ['**/server', '**/server.ts', '**/browserServer.ts', '**/lsp/*', '**/cli', '**/cli.ts', '**/cli/*', '**/node/*'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'bench/generated/**', 'bench/scratch/**', '.vscode-test/**', 'test-results/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // tsc's noUnusedLocals/noUnusedParameters already report these, with the project's exceptions
      '@typescript-eslint/no-unused-vars': 'off',
      // an `any` needs a comment saying why, next to an eslint-disable for this rule
      '@typescript-eslint/no-explicit-any': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
      eqeqeq: ['error', 'always'],
      // the format's control-character rule, its tests and the CLI's colour tests match C0 characters on purpose
      'no-control-regex': 'off',
    },
  },
  {
    // page scripts the e2e layer runs inside the workbench (page.evaluate)
    files: ['scripts/e2e/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/server.ts', 'server/src/browserServer.ts', 'server/src/lsp/**', 'server/src/cli.ts', 'server/src/cli/**', 'server/src/node/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_MODULES.map((name) => ({ name, message: 'The service has no Node modules: go through the FileSystem interface (server/src/workspace/fileSystem.ts).' })),
          patterns: [
            { group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'], message: 'Only server.ts and lsp/ know the protocol; the client alone knows VS Code.' },
            { group: ADAPTERS, message: 'The service never imports an adapter: the adapters import the service (server/src/index.ts).' },
          ],
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/src/*', '!**/server/src/lsp', '**/server/src/**/!(protocol)'], message: 'The client shares only the typed protocol (server/src/lsp/protocol.ts) with the server.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
