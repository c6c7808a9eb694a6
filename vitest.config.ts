import { defineConfig } from 'vitest/config';

// Three tiers (README, "Development"): unit tests need no database and no process, so
// their project skips the global setup that builds the run's migrated database;
// integration tests run real SQL against an in-process server; e2e tests spawn
// processes, drive a browser, or kill a server mid-work.
//
// Time limits guard against hangs only: a test waits for conditions (vi.waitFor,
// expect.poll, test/support/wait.ts), and a loaded machine may be several times slower
// than a quiet one.
export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 180_000,
    hookTimeout: 300_000,
    expect: { poll: { timeout: 60_000, interval: 25 } },
    // One key-encryption key for the run, so the CLI, the harness and servers started as
    // processes open each other's sealed secrets, and none writes one into ./data.
    env: { KEY_ENCRYPTION_KEY: 'dGVzdC1vbmx5LWtleS1lbmNyeXB0aW9uLWtleS0zMmI=' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'src/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], globalSetup: ['test/support/global-setup.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/support/global-setup.ts'] } },
    ],
  },
});
