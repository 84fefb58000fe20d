// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * Lint rules. Beyond the recommended sets, Gloss forbids every way of turning
 * page- or pack-derived strings into markup or code (issue: never trust the page).
 */
export default tseslint.config(
  { ignores: ['node_modules/**', '.output/**', '.wxt/**', 'demo-output/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM nodes or use Preact; never parse strings as HTML.' },
        { property: 'outerHTML', message: 'Build DOM nodes or use Preact; never parse strings as HTML.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM nodes or use Preact; never parse strings as HTML.' },
        { object: 'document', property: 'write', message: 'Never write markup into a page.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text, never markup.' },
      ],
    },
  },
);
