// Flat ESLint config. The boundary rules below are the house's dependency direction (ARCHITECTURE.md):
//   main.tsx → app → panels → {state, render, ui, embed} → i18n → core;   worker → core.
// Nothing imports app; core imports nothing outside itself (bar three pure d3 modules). Main-thread floors
// import core's plain data only (meta, types, limits, errors, valueScale, trajectoryLayout; `import type`
// from anywhere): the kernels ship in the worker (docs/conventions.md, "meta and impl"). Each floor's bans
// apply to static imports, re-exports and dynamic `import()` alike. test/lint/boundaries.test.ts tries them.
import js from '@eslint/js'
import { builtinRules } from 'eslint/use-at-your-own-risk'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

// ------------------------------------------------------------------------------------------ the floor rule

const restrictedImports = builtinRules.get('no-restricted-imports')

/** A string literal's value, or a template literal's when it has no `${}`; null for a computed specifier. */
function literalSource(node) {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked
  return null
}

/**
 * `no-restricted-imports` for `import(…)`, which the built-in rule does not look at: the same options, and
 * each dynamic import is checked as the namespace import it amounts to (`import * as m from '…'`). A
 * computed specifier cannot be checked, so it is an error in the floors that use this rule.
 */
const dynamicImports = {
  meta: {
    ...restrictedImports.meta,
    docs: { description: 'Apply no-restricted-imports to dynamic import() expressions' },
    messages: {
      ...restrictedImports.meta.messages,
      computed: 'import() with a computed specifier cannot be checked against the floor rules',
    },
  },
  create(context) {
    const listeners = restrictedImports.create(context)
    return {
      ImportExpression(node) {
        const value = literalSource(node.source)
        if (value === null) return context.report({ node, messageId: 'computed' })
        listeners.ImportDeclaration?.({
          type: 'ImportDeclaration',
          importKind: 'value',
          source: { type: 'Literal', value, loc: node.source.loc, range: node.source.range },
          specifiers: [
            { type: 'ImportNamespaceSpecifier', loc: node.loc, local: { type: 'Identifier', name: '*' } },
          ],
          attributes: [],
          loc: node.loc,
          range: node.range,
          parent: node.parent,
        })
      },
    }
  },
}

/** One banned group: gitignore-style globs (or a `regex`) and the reason shown when an import matches. */
const ban = (group, message, extra = {}) => ({ group: [group].flat(), message, ...extra })
const banRegex = (regex, message, extra = {}) => ({ regex, message, caseSensitive: true, ...extra })

/** The import rules of a floor: every ban applies to imports, re-exports and `import()`. */
const floor = (files, ...patterns) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns }],
    'floors/dynamic-imports': ['error', { patterns }],
  },
})

// ------------------------------------------------------------------------------------------------ the bans

const noApp = ban('**/app/*', 'nothing imports app/: it only composes panels')
const noPanels = ban('**/panels/*', 'panels never import each other or get imported below them')
const noWorkerImpl = ban(
  ['**/worker/*', '!**/worker/protocol', '!**/worker/protocol/*'],
  'only main.tsx wires the worker client; below it, import worker/protocol types only',
)
const noWorker = (message) => ban('**/worker/*', message)
const noState = ban('**/state/*', 'this layer must not depend on the store')
const noRender = ban('**/render/*', 'this layer must not draw')
const noUi = (message) => ban('**/ui/*', message)
const noEmbed = ban('**/embed/*', 'only the app and panels reach the embed bridge')
// three.js is the 3D view's own lazy chunk: only src/render/three/ imports it, and only by import() from above.
// A regex, not a glob: the glob 'three/*' would also match the relative path '../render/three/…'.
const noThree = banRegex('^three(?:/.*)?$', 'three.js is imported only in src/render/three (a lazy chunk)')
const noI18n = ban('**/i18n/*', 'the numeric side speaks no language: strings live on the main thread')
const noD3Bundle = ban('d3', "import d3 by module ('d3-scale', 'd3-contour', …), never the whole bundle")
const noUiLibs = ban(
  ['react', 'react/*', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'katex', 'katex/*'],
  'core and worker are framework-free',
)
// Pure computation only: d3-contour traces, d3-array and d3-dsv compute; every other d3 module is DOM or UI.
const noD3Ui = ban(
  ['d3', 'd3-*', '!d3-contour', '!d3-array', '!d3-dsv'],
  'core and worker may use only the pure d3-contour, d3-array and d3-dsv',
)
// Contours are traced in the worker (grid replies, training frames); the page only strokes the rings.
const noContourTracing = [
  ban(
    'd3-contour',
    'trace contours in the worker; the page strokes the rings it sends (render/contourRings)',
  ),
  ban('**/render/contours', 'trace contours in the worker; the page strokes the rings it sends', {
    importNames: ['contourPaths'],
  }),
]

/**
 * Main-thread floors value-import from core only its plain data: `core/meta`, any `…/meta` or `….meta`
 * registry file, any `…/types`, and `limits`, `errors`, `valueScale`, `trajectoryLayout`. `import type`
 * from anywhere in core is fine: it leaves nothing in the bundle.
 */
const CORE_META_ONLY =
  '^(?:\\.\\.?/)+core(?:/(?!(?:(?:.*/)?(?:meta|types)|.*\\.meta|limits|errors|valueScale|trajectoryLayout)$).*)?$'
const coreMetaOnly = banRegex(
  CORE_META_ONLY,
  'the main thread imports core meta only (meta, types, limits, errors, valueScale, trajectoryLayout; ' +
    '`import type` from anywhere): kernels run in the worker',
  { allowTypeImports: true },
)

const renderBans = [
  noApp,
  noPanels,
  noState,
  noUi('render is plain drawing'),
  noWorkerImpl,
  noEmbed,
  ban(['react', 'react/*', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'], 'render is plain drawing'),
  noD3Bundle,
  coreMetaOnly,
]

// ----------------------------------------------------------------------------------------------- the config

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'test-results', 'playwright-report', 'artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, floors: { rules: { 'dynamic-imports': dynamicImports } } },
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
  floor(
    ['src/core/**'],
    noThree,
    noApp,
    noPanels,
    noState,
    noRender,
    noUi('core has no UI'),
    noWorker('core knows no worker'),
    noEmbed,
    noI18n,
    noUiLibs,
    noD3Ui,
  ),
  {
    files: ['src/core/**'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: { 'no-restricted-globals': ['error', 'window', 'document', 'self', 'navigator', 'localStorage'] },
  },
  floor(
    ['src/worker/**'],
    noThree,
    noApp,
    noPanels,
    noState,
    noRender,
    noUi('the worker has no UI'),
    noEmbed,
    noI18n,
    noUiLibs,
    noD3Ui,
  ),
  floor(
    ['src/i18n/**'],
    noThree,
    noApp,
    noPanels,
    noState,
    noRender,
    noUi('strings know no widgets'),
    noWorker('strings know no worker'),
    noEmbed,
    noD3Bundle,
    coreMetaOnly,
  ),
  floor(['src/render/**'], ...renderBans, noThree),
  floor(['src/render/three/**'], ...renderBans),
  floor(
    ['src/ui/**'],
    noThree,
    noApp,
    noPanels,
    noState,
    noWorker('ui widgets take props only'),
    noEmbed,
    noD3Bundle,
    ...noContourTracing,
    coreMetaOnly,
  ),
  floor(
    ['src/state/**'],
    noThree,
    noApp,
    noPanels,
    noRender,
    noUi('the store draws nothing'),
    noWorkerImpl,
    noEmbed,
    noD3Bundle,
    ...noContourTracing,
    coreMetaOnly,
  ),
  floor(
    ['src/embed/**'],
    noThree,
    noApp,
    noPanels,
    noRender,
    noUi('the embed bridge draws nothing'),
    noWorkerImpl,
    noD3Bundle,
    ...noContourTracing,
    coreMetaOnly,
  ),
  floor(
    ['src/panels/**'],
    // A panel reaches its own files by './'; '../X' or '../../panels/X' is another panel.
    banRegex('^\\.\\./(?!\\.\\.)', 'panels never import other panels'),
    banRegex('^(?:\\.\\./)+panels(?:/|$)', 'panels never import other panels'),
    noApp,
    noThree,
    noWorkerImpl,
    noD3Bundle,
    ...noContourTracing,
    coreMetaOnly,
  ),
  floor(['src/app/**'], noWorkerImpl, noD3Bundle, noThree, ...noContourTracing, coreMetaOnly),
  floor(['src/main.tsx'], noD3Bundle, noThree, ...noContourTracing, coreMetaOnly),
  prettier,
)
