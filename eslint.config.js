// Lint: TypeScript rules, plus the safety rules Paperdex relies on. Scraped text must only ever be
// rendered as text: no innerHTML/outerHTML/insertAdjacentHTML/document.write, no
// dangerouslySetInnerHTML, no eval-like APIs in extension code.
import tseslint from 'typescript-eslint';

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
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-control-regex': 'off',
      'no-misleading-character-class': 'off',
    },
  },
);
