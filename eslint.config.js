// Flat ESLint config. The boundary rules below are the house's dependency direction (STYLE.md §3.1):
// main → app → panels → {state, render, ui} → core; worker → core; nothing imports app; core imports nothing.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

const ban = (...groups) => ({
  'no-restricted-imports': [
    'error',
    { patterns: groups.map(([group, message]) => ({ group: [group].flat(), message })) },
  ],
})
const noApp = ['**/app/*', 'nothing imports app/: it only composes panels']
const noPanels = ['**/panels/*', 'panels never import each other or get imported below them']
const noWorkerImpl = [
  ['**/worker/engine*', '**/worker/worker*', '**/worker/client*'],
  'only main.tsx wires the worker client; below it, import worker/protocol types only',
]
const noUiLibs = [
  ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'd3-selection'],
  'core and worker are framework-free',
]
const noState = ['**/state/*', 'this layer must not depend on the store']
const noRender = ['**/render/*', 'this layer must not draw']

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'test-results', 'playwright-report', 'artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      eqeqeq: ['error', 'smart'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['src/core/**'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      ...ban(
        noApp,
        noPanels,
        noState,
        noRender,
        ['**/ui/*', 'core has no UI'],
        ['**/worker/*', 'core knows no worker'],
        noUiLibs,
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'self', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['src/worker/**'],
    rules: { ...ban(noApp, noPanels, noState, noRender, ['**/ui/*', 'the worker has no UI'], noUiLibs) },
  },
  {
    files: ['src/render/**'],
    rules: {
      ...ban(noApp, noPanels, noState, ['**/ui/*', 'render is plain drawing'], noWorkerImpl, [
        'react',
        'zustand',
      ]),
    },
  },
  {
    files: ['src/ui/**'],
    rules: { ...ban(noApp, noPanels, noState, noWorkerImpl, ['**/worker/*', 'ui widgets take props only']) },
  },
  {
    files: ['src/state/**'],
    rules: { ...ban(noApp, noPanels, noRender, ['**/ui/*', 'the store draws nothing'], noWorkerImpl) },
  },
  { files: ['src/panels/**'], rules: { ...ban(noApp, noWorkerImpl) } },
  {
    files: ['src/panels/*/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./(?!\\.\\.)', message: 'panels never import other panels' },
            { group: ['**/app/*'], message: noApp[1] },
            { group: noWorkerImpl[0], message: noWorkerImpl[1] },
          ],
        },
      ],
    },
  },
  { files: ['src/app/**'], rules: { ...ban(noWorkerImpl) } },
  prettier,
)
