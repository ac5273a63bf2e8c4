// ESLint (flat config) over the JavaScript islands, their shared modules, the build scripts and the
// unit tests of the pure functions. Run by the Maven build (npm run lint, zero warnings allowed).
import js from '@eslint/js';
import globals from 'globals';

export default [
  {
    ignores: ['target/**', 'node_modules/**'],
  },
  js.configs.recommended,
  {
    files: ['src/main/frontend/**/*.{js,mjs}'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser },
    },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'no-template-curly-in-string': 'off',
      // one concern per module: split a file before it grows past this
      'max-lines': ['error', { max: 250, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/main/frontend/build.mjs', 'src/main/frontend/copy-assets.mjs', 'src/test/frontend/**/*.mjs', 'eslint.config.mjs'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      'no-console': 'off',
    },
  },
];
