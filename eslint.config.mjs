import tseslint from 'typescript-eslint';

const layerRule = (patterns) => ['error', { patterns }];

const nodeOnly = [
  { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'zlib', 'child_process'], message: 'This layer runs without Node.' },
];
const noElectron = [{ group: ['electron'], message: 'Only src-main/electron may load Electron.' }];

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: 'error',
    },
  },
  {
    files: ['src-shared/**', 'src-main/**', 'src-renderer/**'],
    rules: {
      'no-console': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    // A declaration describes a module the bundler makes (an imported picture is its URL, as a default export).
    files: ['**/*.d.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src-shared/**'],
    rules: {
      'no-restricted-imports': layerRule([
        ...nodeOnly,
        ...noElectron,
        { group: ['react', 'react-dom', 'lowdb', '**/src-main/**', '**/src-renderer/**'], message: 'src-shared is the contract: it depends on nothing platform-specific.' },
      ]),
    },
  },
  {
    files: ['src-renderer/**'],
    rules: {
      'no-restricted-imports': layerRule([
        ...nodeOnly,
        ...noElectron,
        { group: ['lowdb', '**/src-main/**'], message: 'The screens reach the main side only through the contract client.' },
      ]),
    },
  },
  {
    files: ['src-main/core/**'],
    rules: {
      'no-restricted-imports': layerRule([
        ...noElectron,
        { group: ['react', 'react-dom', '**/src-renderer/**', '**/electron/**', '**/server/**'], message: 'The core knows neither shell nor screens.' },
      ]),
    },
  },
  {
    files: ['src-main/server/**'],
    rules: {
      'no-restricted-imports': layerRule([
        ...noElectron,
        { group: ['**/electron/**', '**/src-renderer/**'], message: 'The browser shell stands beside the Electron shell, not on it.' },
      ]),
    },
  },
  {
    files: ['tests/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'Focused tests hide the rest of the suite.' },
        { selector: "MemberExpression[property.name=/^(skip|skipIf|todo)$/]", message: 'Skipped tests are allowed only in tests/electron, with a reason.' },
      ],
    },
  },
  {
    files: ['tests/electron/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'Focused tests hide the rest of the suite.' },
      ],
    },
  },
);
