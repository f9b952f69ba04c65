import { describe, expect, it } from 'vitest';
import { choosePostgresProvider } from './choose.ts';

const BIN = '/usr/lib/postgresql/16/bin';

describe('choosing a PostgreSQL provider', () => {
  it.each([
    // prefer, docker, binaries -> choice
    ['auto', true, BIN, { provider: 'testcontainers' }],
    ['auto', true, undefined, { provider: 'testcontainers' }],
    ['auto', false, BIN, { provider: 'local', binDir: BIN }],
    ['auto', false, undefined, { provider: 'none', missing: ['testcontainers', 'local'] }],
    ['testcontainers', true, BIN, { provider: 'testcontainers' }],
    ['testcontainers', false, BIN, { provider: 'none', missing: ['testcontainers'] }],
    ['local', true, BIN, { provider: 'local', binDir: BIN }],
    ['local', true, undefined, { provider: 'none', missing: ['local'] }],
  ] as const)('prefer %s, docker %s, binaries %s', (prefer, docker, binaries, choice) => {
    expect(choosePostgresProvider({ docker, binaries }, prefer)).toEqual(choice);
  });

  it("prefers 'auto' by default", () => {
    expect(choosePostgresProvider({ docker: false, binaries: BIN })).toEqual({
      provider: 'local',
      binDir: BIN,
    });
  });
});
