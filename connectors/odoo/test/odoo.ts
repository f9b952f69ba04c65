// Test support: the Odoo sandbox of @ferry/testkit and this connector opened against it.
import { fileURLToPath } from 'node:url';
import { type Connector, openConnector } from '@ferry/declarative';
import { type OdooSandbox, type OdooSandboxOptions, startOdooSandbox } from '@ferry/testkit';
import type { Config } from '../src/config.ts';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** The connection config for a sandbox, as its first user. */
export function configFor(odoo: OdooSandbox, overrides: Partial<Config> = {}): Config {
  return {
    url: odoo.url,
    db: odoo.database,
    username: odoo.user.login,
    apiKey: odoo.user.apiKey,
    ...overrides,
  };
}

export async function startOdoo(
  options: OdooSandboxOptions = {},
): Promise<{ odoo: OdooSandbox; connector: Connector; config: Config }> {
  const odoo = await startOdooSandbox(options);
  const connector = await openConnector(packageDir);
  return { odoo, connector, config: configFor(odoo) };
}
