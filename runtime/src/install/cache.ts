import type { Connector } from '@ferry/declarative';

/** Connectors opened by the loader, per install folder (one load and one integrity check each). */
const loaded = new Map<string, Promise<Connector>>();

export function cachedConnector(dir: string): Promise<Connector> | undefined {
  return loaded.get(dir);
}

/** Remembers a load in progress; a failed load is forgotten so the next call tries again. */
export function cacheConnector(dir: string, connector: Promise<Connector>): Promise<Connector> {
  loaded.set(dir, connector);
  connector.catch(() => {
    if (loaded.get(dir) === connector) loaded.delete(dir);
  });
  return connector;
}

/** Forgets the loads of a folder (after a reinstall or an uninstall), or all of them. */
export function forgetConnectors(dir?: string): void {
  if (dir === undefined) loaded.clear();
  else
    for (const key of loaded.keys())
      if (key === dir || key.startsWith(`${dir}/`)) loaded.delete(key);
}
