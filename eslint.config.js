import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'coverage/**',
      'bench-results/**',
      'apps/web/src/data/generated/**',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Entities and models use definite assignment (`!`) for columns and fields.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The domain library stays framework-free: rules must be testable as plain functions.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'typeorm/*',
                'class-validator',
                'class-transformer',
                'pg',
                'express',
              ],
              message: 'libs/domain must not depend on frameworks.',
            },
            { group: ['#app/*'], message: 'libs/domain depends on no other library.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Pass configuration in; libs/domain reads no environment.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Pass `asOf` in; rules never read the clock.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Pass `asOf` in; rules never read the clock.',
        },
      ],
    },
  },
  {
    // The web app is a client of the public API only: no API, persistence or configuration code.
    files: ['apps/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['#app/*', '**/apps/api/**', '**/libs/**', 'typeorm', 'typeorm/*', 'pg', '@nestjs/*'],
              message: 'apps/web reaches data only through the public GraphQL API.',
            },
          ],
        },
      ],
    },
  },
  { files: ['apps/web/src/assets/**/*.mjs'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['**/*.spec.ts', 'test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
