// One vitest setup for every workspace: tests run from TypeScript sources through the
// `@ferry/source` export condition, so no package needs building before its tests.
import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

const conditions = ['@ferry/source', ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Modules loaded by Node itself (connector handlers through tsx, worker threads) resolve
    // workspace packages to their sources too.
    poolOptions: {
      forks: { execArgv: ['--conditions=@ferry/source'] },
      threads: { execArgv: ['--conditions=@ferry/source'] },
    },
  },
});
