import type { PostgresProvider } from './types.ts';

export type PostgresProviderChoice =
  | { provider: 'testcontainers' }
  | { provider: 'local'; binDir: string }
  | { provider: 'none'; missing: PostgresProvider[] };

/**
 * Which PostgreSQL to start, from what was detected. 'auto' takes testcontainers when a Docker
 * engine answers, else the local binaries; a named provider is taken only when it is present.
 * `missing` lists what was needed and not found.
 */
export function choosePostgresProvider(
  found: { docker: boolean; binaries: string | undefined },
  prefer: PostgresProvider | 'auto' = 'auto',
): PostgresProviderChoice {
  if (prefer !== 'local' && found.docker) return { provider: 'testcontainers' };
  if (prefer !== 'testcontainers' && found.binaries !== undefined)
    return { provider: 'local', binDir: found.binaries };
  if (prefer === 'auto') return { provider: 'none', missing: ['testcontainers', 'local'] };
  return { provider: 'none', missing: [prefer] };
}
