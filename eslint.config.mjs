import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeOnly = ['electron', 'better-sqlite3', 'exceljs', 'node:*', 'fs', 'path', 'os', 'crypto'];

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'tools/**', 'test-results/**', 'bench/.data/**', '.native/**', 'bin/**', 'scripts/**', '**/*.cjs', 'eslint.config.mjs']
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      '@typescript-eslint/no-unnecessary-type-assertion': 'off'
    }
  },
  {
    files: ['src/core/**', 'src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeOnly.map((group) => ({ group: [group], message: 'core/ and shared/ stay pure: no I/O, no electron, no node:*' })),
            { group: ['@main/*', '@cli/*', '@renderer/*', '@preload/*', '**/main/**', '**/renderer/**'], message: 'core/ and shared/ depend on nothing but themselves' }
          ]
        }
      ]
    }
  },
  {
    files: ['src/renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/main/**', '@main/*', '@cli/*', '@preload/*', ...nodeOnly], message: 'the renderer reaches main only through window.api' }] }]
    }
  },
  {
    // A value import of exceljs is hoisted to the top of the CLI bundle: every command would load it
    // at start (~0.4 s CPU). Its values come through exceljs-load.ts, awaited where an xlsx is read or written.
    files: ['src/main/**', 'src/cli/**'],
    ignores: ['src/main/export/exceljs-load.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'exceljs', allowTypeImports: true, message: 'import exceljs types only; load its values with loadExcelJs() (src/main/export/exceljs-load.ts)' }],
          patterns: [{ group: ['exceljs/*'], allowTypeImports: true, message: 'load exceljs modules through src/main/export/exceljs-load.ts' }]
        }
      ]
    }
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/security/open-external.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "MemberExpression[property.name='openExternal']", message: 'open external links only through src/main/security/open-external.ts' }]
    }
  },
  {
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off'
    }
  }
);
