// VTEX's shared config (eslint-config-vtex) for TypeScript, and eslint-config-vtex-react/io for react/.
// eslint-config-vtex 15 brings @typescript-eslint 5, which resolves some types as `any` under
// TypeScript 5.5: its type-aware rules that misfire on that are off; `tsc --strict` checks types.
module.exports = {
  root: true,
  extends: 'vtex',
  parserOptions: {
    project: './tsconfig.eslint.json',
    tsconfigRootDir: '.',
  },
  env: {
    node: true,
    jest: true,
    es2020: true,
  },
  rules: {
    'no-console': 'error',
    'no-await-in-loop': 'off',
    '@typescript-eslint/no-var-requires': 'off',
    'import/no-dynamic-require': 'off',
    'max-params': 'off',
    'node/global-require': 'off',
    '@typescript-eslint/no-require-imports': 'off',
    '@typescript-eslint/restrict-plus-operands': 'off',
    '@typescript-eslint/no-implied-eval': 'off',
    '@typescript-eslint/prefer-nullish-coalescing': 'off',
    '@typescript-eslint/no-use-before-define': [
      'error',
      {
        functions: false,
        classes: true,
        variables: false,
      },
    ],
  },
  overrides: [
    {
      // Past four, a call is a row of values to match by position: an options object names them.
      // The service for now; tests are left out (test.each rows are positional tables).
      files: ['node/**/*.ts'],
      excludedFiles: ['node/**/__tests__/**'],
      rules: { 'max-params': ['error', 4] },
    },
    {
      files: ['react/**/*.ts', 'react/**/*.tsx'],
      extends: 'vtex-react/io',
      parserOptions: {
        project: './react/tsconfig.json',
      },
    },
    {
      files: [
        'scripts/**',
        'runtime/**',
        'bench/**',
        'emulator/main.ts',
        'harness/e2e/**',
      ],
      rules: {
        'no-process-exit': 'off',
      },
    },
  ],
}
