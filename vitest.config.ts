import { defineConfig } from 'vitest/config';

// Time limits guard against hangs only: a test waits for conditions (test/support/wait.ts),
// and a loaded machine may be several times slower than a quiet one.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 180_000,
    hookTimeout: 300_000,
    expect: { poll: { timeout: 60_000, interval: 25 } },
    // One key-encryption key for the run, so the CLI, the harness and servers started as
    // processes open each other's sealed secrets, and none writes one into ./data.
    env: { KEY_ENCRYPTION_KEY: 'dGVzdC1vbmx5LWtleS1lbmNyeXB0aW9uLWtleS0zMmI=' },
  },
});
