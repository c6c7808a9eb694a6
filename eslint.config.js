// ESLint: typescript-eslint's type-checked recommendations over all TypeScript, with
// the types each file's own tsconfig gives (the project service). Layout is Prettier's
// (.prettierrc), not ESLint's: `npm run lint` runs both.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'web/dist/', 'data/', '**/node_modules/', 'packages/sdk/src/schema.d.ts'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // JSON arrives as `any` at the edges (inject's and fetch's .json(), JSON.parse, pg
      // rows of raw SQL, schema-validated bodies) and is read where it arrives; in tests
      // it is compared against the expected value. Typing each read would be a rewrite,
      // not a lint fix; the compiler's strict mode covers everything typed.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // An async function without await is how this code says "answers a promise"
      // (Fastify handlers, implementations of async interfaces, fakes in tests); dropping
      // `async` would turn a throw into a synchronous exception at the caller.
      '@typescript-eslint/require-await': 'off',
      // A leading underscore names what is there only to be left out (`{ id: _, ...rest }`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    // Declarations of an untyped library (smpp): what it accepts is genuinely open.
    files: ['src/types/*.d.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Tests read responses as `any` (see the no-unsafe-* rules above), their helpers too.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // A test's HTTP receiver may be an async request listener: vitest fails the run on an
    // unhandled rejection, so an error in one cannot pass unseen.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }] },
  },
  {
    // Plain JavaScript (the launcher, the build script, a bench helper) is in no tsconfig:
    // no type-aware rules there.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
);
