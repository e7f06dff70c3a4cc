// Lint: TypeScript rules, plus the safety rules Paperdex relies on. Scraped text must only ever be
// rendered as text: no innerHTML/outerHTML/insertAdjacentHTML/document.write, no
// dangerouslySetInnerHTML, no eval-like APIs in extension code.
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The architecture, as import rules (README "Architecture"). Each zone: files in `target` may not
 * import from `from` (except the `except` sub-folders).
 */
const layers = [
  {
    target: './lib/core',
    from: './lib',
    except: ['./core'],
    message: 'lib/core is the base layer: pure data shapes and helpers that import nothing else of lib/.',
  },
  {
    target: './lib/scrapers',
    from: './lib',
    except: ['./core', './scrapers'],
    message: 'Scrapers are pure functions of (document, url): they import only lib/core.',
  },
  { target: './lib/store', from: './lib/interchange', message: 'The store never imports file formats (interchange).' },
  {
    target: './lib/interchange',
    from: ['./lib/scrapers', './lib/search', './lib/background', './lib/content', './lib/ui'],
    message: 'File formats build on core and store only.',
  },
  { target: './lib/metrics', from: './lib', except: ['./core', './metrics'], message: 'Metrics are pure functions of records.' },
  {
    target: './lib/i18n',
    from: './lib',
    except: ['./i18n'],
    message: 'lib/i18n (localised text) is a leaf every layer may use: it imports nothing else of lib/.',
  },
  {
    target: ['./lib/search/engine', './lib/search/host', './entrypoints/search-worker.ts'],
    from: './lib/i18n',
    message: 'The search host runs in a worker without browser.i18n: it returns codes, and the UI words them.',
  },
  {
    target: ['./lib/content', './entrypoints/capture.content.ts', './entrypoints/capture-now.content.ts'],
    from: ['./lib/store', './lib/search', './lib/interchange', './lib/background'],
    message: "Content scripts run in the page's origin: no database, search or background code there.",
  },
  {
    target: ['./components', './entrypoints/popup', './entrypoints/sidepanel', './lib/ui'],
    from: ['./lib/search/engine', './lib/search/host'],
    message: 'Extension pages ask the search host through messaging (types: lib/search/search-types); they never load the engine.',
  },
  {
    target: ['./components', './entrypoints/popup', './entrypoints/sidepanel', './lib/ui'],
    from: ['./lib/background', './lib/content'],
    message: 'Extension pages talk to the background and content scripts by message only.',
  },
  {
    target: ['./components', './entrypoints/popup', './entrypoints/sidepanel', './lib/ui', './lib/background'],
    from: ['./lib/sync/sync-engine.ts', './lib/sync/sync-worker.ts', './lib/sync/sync-records.ts', './lib/sync/merge.ts'],
    message: 'The sync engine (and PouchDB) runs in the sync worker only; pages and the background configure it by message.',
  },
  {
    target: './lib/sync',
    from: ['./lib/background', './lib/content', './lib/ui', './lib/interchange', './lib/search', './lib/i18n'],
    message: 'Sync works on records (lib/store, lib/core): it words nothing (a worker has no browser.i18n) and knows no page.',
  },
];

const htmlSinks = [
  { object: 'document', property: 'write', message: 'Never write HTML; render text with Preact.' },
  { object: 'document', property: 'writeln', message: 'Never write HTML; render text with Preact.' },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/e2e/screenshots/**', 'bench-results/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-properties': ['error', ...htmlSinks],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'No innerHTML/outerHTML: page data must be rendered as text.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'No insertAdjacentHTML: page data must be rendered as text.',
        },
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No dangerouslySetInnerHTML: page data must be rendered as text.',
        },
        {
          selector: "CallExpression[callee.name='eval'], NewExpression[callee.name='Function']",
          message: 'Extension pages never execute strings.',
        },
      ],
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'], alias: { '@': [root] } })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: layers }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'minisearch', message: 'Only lib/search/engine uses MiniSearch.' },
            { name: 'pouchdb-browser', message: 'Only the sync worker (lib/sync/sync-worker.ts) loads PouchDB.' },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/search/engine/**/*.ts', 'lib/search/engine.ts', 'lib/sync/sync-worker.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-control-regex': 'off',
      'no-misleading-character-class': 'off',
    },
  },
);
