// Two projects: `unit` needs no server, browser or child process (`npm run test:unit`, seconds); `integration`
// (*.integration.test.ts) gets dynalite, s3rver and one Chromium from its global setup. `vitest run` runs both.
import { configDefaults, defineConfig } from 'vitest/config';

const integrationTests = 'tests/**/*.integration.test.ts';

export default defineConfig({
  test: {
    testTimeout: 20_000,
    setupFiles: ['tests/temp-folders-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, integrationTests],
          setupFiles: ['tests/no-processes-setup.ts'],
          // One module graph for all unit files: half the run's time is loading modules again per file. A unit test
          // therefore leaves no module state behind (no vi.mock of shared modules, no printer or font singletons).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: [integrationTests],
          globalSetup: ['tests/adapters/local-aws-setup.ts', 'tests/render/chromium-global-setup.ts'],
        },
      },
    ],
  },
});
