import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    globalSetup: ['tests/adapters/local-aws-setup.ts', 'tests/render/chromium-global-setup.ts'],
    setupFiles: ['tests/temp-folders-setup.ts'],
  },
});
