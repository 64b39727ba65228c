import tseslint from 'typescript-eslint';

const layerRule = (patterns) => ['error', { patterns }];

const nodeOnly = [
  { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'zlib', 'child_process'], message: 'This layer runs without Node.' },
];
const noElectron = [{ group: ['electron'], message: 'Only src-main/electron may load Electron.' }];
const noScreens = [{ group: ['react', 'react-dom', '**/src-renderer/**'], message: 'The main side reaches the screens only through the contract.' }];

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
      // The contract runs in Node, in the page and in Electron alike: no runtime's own globals.
      'no-restricted-globals': [
        'error',
        ...['Buffer', 'process', 'window', 'document', 'global', 'require', '__dirname', 'navigator', 'localStorage'].map((name) => ({
          name,
          message: 'src-shared runs everywhere: take what a runtime gives through an adapter that speaks plain types.',
        })),
      ],
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
        { group: ['react', 'react-dom', '**/src-renderer/**', '**/electron/**', '**/server/**', '**/cli/**'], message: 'The core knows neither shell, command line nor screens.' },
      ]),
    },
  },
  {
    files: ['src-main/server/**'],
    rules: {
      'no-restricted-imports': layerRule([
        ...noElectron,
        ...noScreens,
        { group: ['**/electron/**', '**/cli/**'], message: 'The browser shell stands beside the Electron shell and the command line, not on them.' },
      ]),
    },
  },
  {
    files: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': layerRule([
        ...noScreens,
        { group: ['**/server/**', '**/cli/**'], message: 'The Electron shell stands beside the browser shell and the command line, not on them.' },
      ]),
    },
  },
  {
    files: ['src-main/cli/**'],
    rules: {
      'no-restricted-imports': layerRule([
        ...noElectron,
        ...noScreens,
        { group: ['**/electron/**', '**/server/**'], message: 'The command line works on the core alone, without a shell.' },
        { group: ['**/core/*/**'], message: "The command line goes through the core's front door (offline-kiosk.ts, setup.ts, data-dir.ts), never into its rooms." },
      ]),
    },
  },
  {
    files: ['src-renderer/parents/**', 'src-renderer/children/**', 'src-renderer/typing/**', 'src-renderer/api/**'],
    rules: {
      'no-restricted-imports': layerRule([
        ...nodeOnly,
        ...noElectron,
        { group: ['lowdb', '**/src-main/**'], message: 'The screens reach the main side only through the contract client.' },
        { group: ['**/staff/**', '**/receiver/**'], message: 'Parents\' screens and their parts load without the staff area or the receiver.' },
      ]),
    },
  },
  {
    files: ['src-renderer/staff/**'],
    rules: {
      'no-restricted-imports': layerRule([
        ...nodeOnly,
        ...noElectron,
        { group: ['lowdb', '**/src-main/**'], message: 'The screens reach the main side only through the contract client.' },
        { group: ['**/receiver/**'], message: 'The receiver is an app of its own.' },
      ]),
    },
  },
  {
    files: ['src-renderer/receiver/**'],
    rules: {
      'no-restricted-imports': layerRule([
        ...nodeOnly,
        ...noElectron,
        { group: ['lowdb', '**/src-main/**'], message: 'The receiver runs on any laptop, without the kiosk.' },
        { group: ['**/parents/**', '**/staff/**', '**/app/**', '**/typing/**', '**/api/**', '**/user-text/**'], message: 'The receiver is an app of its own: it imports src-shared and its own folder only.' },
      ]),
    },
  },
  {
    files: ['scripts/**'],
    rules: {
      'no-restricted-imports': layerRule([
        { group: ['**/tests/**'], message: 'Benches and scripts do not import tests; shared fixtures live where both may import them.' },
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
