import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateTypes, staleTypes } from './generate-types.ts';

describe('generated types', () => {
  it('are current: the committed files equal what the schemas generate now', async () => {
    expect(await staleTypes()).toEqual([]);
  });

  it('carry the schema names authors use', async () => {
    const [connector] = await generateTypes();
    expect(connector?.content).toContain('export interface ConnectorManifest');
    expect(connector?.content).toContain('read?: HandlerRef | DeclarativeRead;');
    const onDisk = await readFile(connector?.path ?? '', 'utf8');
    expect(onDisk.split('\n')[0]).toContain('Do not edit');
  });

  it('write the canonical entities to one file, declaring the shared Address once', async () => {
    const canonical = (await generateTypes()).find((f) =>
      f.path.endsWith('generated/canonical.ts'),
    );
    expect(canonical?.content).toContain(
      'export type CanonicalRecord = Customer | Contact | Product | SalesOrder | Invoice;',
    );
    expect(canonical?.content).toContain('  billingAddress?: Address;\n');
    expect(canonical?.content).toContain('  shippingAddress?: Address;\n');
    expect(canonical?.content).toContain(
      "  paymentStatus?: 'not_paid' | 'partial' | 'paid' | 'reversed' | null;",
    );
    expect(canonical?.content).not.toMatch(/Address1|CustomerRef1/);
  });
});
