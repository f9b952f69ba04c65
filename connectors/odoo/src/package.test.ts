import { validateConnectorPackage } from '@ferry/manifest';
import { describe, expect, it } from 'vitest';
import { packageDir } from '../test/odoo.ts';

describe('@ferry/connector-odoo package', () => {
  it('is a valid connector package with its four streams, three of them writable', async () => {
    const result = await validateConnectorPackage(packageDir);
    expect(result.issues).toEqual([]);
    expect(result.value?.packageName).toBe('@ferry/connector-odoo');
    expect(Object.keys(result.value?.schemas ?? {})).toEqual([
      'partners',
      'products',
      'sale_orders',
      'invoices',
    ]);
    const streams = result.value?.manifest.streams ?? [];
    expect(streams.filter((s) => s.write).map((s) => s.name)).toEqual([
      'partners',
      'products',
      'sale_orders',
    ]);
  });
});
