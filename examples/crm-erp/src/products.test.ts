import { describe, expect, it } from 'vitest';
import { startDemo } from './test-support.ts';

describe('products with stock, ERP -> CRM', () => {
  it('puts every sellable ERP product in the CRM with its stock, and follows stock changes', async () => {
    const { systems, project, tick } = await startDemo();
    const { crm, erp } = systems;
    expect((await project.runner.run('products')).status).toBe('succeeded');
    const sellable = erp.admin.list('product.product').filter((p) => p.default_code && p.active);
    expect(sellable.length).toBeGreaterThan(2);
    for (const product of sellable) {
      const copy = crm.findBy('products', 'hs_sku', String(product.default_code));
      expect(copy?.properties).toMatchObject({
        name: product.name,
        stock_quantity: String(product.qty_available),
      });
    }
    tick();
    const desk = sellable.find((p) => p.default_code === 'FURN_7800');
    erp.admin.setStock(desk?.id as number, 3);
    tick();
    await project.runner.run('products');
    expect(crm.findBy('products', 'hs_sku', 'FURN_7800')?.properties.stock_quantity).toBe('3');

    // the CRM does not own products: an edit there is not pushed, and a product made in the CRM
    // is not created in the ERP
    crm.update('products', crm.findBy('products', 'hs_sku', 'FURN_7800')?.id as string, {
      price: '1',
    });
    crm.create('products', { hs_sku: 'CRM-ONLY', name: 'Made in the CRM' });
    await project.runner.run('products');
    expect(erp.admin.get('product.product', desk?.id as number)?.list_price).toBe(desk?.list_price);
    expect(erp.admin.list('product.product', [['default_code', '=', 'CRM-ONLY']])).toEqual([]);
    const idle = await project.runner.run('products');
    expect(idle.counts.written).toBe(0);
  });
});
