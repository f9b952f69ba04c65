import { startDaemon } from '@ferry/runtime';
import { describe, expect, it, onTestFinished } from 'vitest';
import { silentLogger } from './silent-logger.ts';
import { DEMO_DEALS } from './systems.ts';
import { startDemo } from './test-support.ts';

describe('deals -> sale orders, statuses back to the CRM', () => {
  it('a closed-won deal makes exactly one sale order, even when its webhook is delivered twice', async () => {
    const { systems, project } = await startDemo();
    const { crm, erp } = systems;
    await project.runner.run('customers');
    const daemon = await startDaemon({
      runner: project.runner,
      store: project.store,
      port: 0,
      token: '',
      logger: silentLogger(),
    });
    onTestFinished(() => daemon.close());
    const deliver = () => fetch(`${daemon.url}/hooks/deals`, { method: 'POST', body: '{}' });
    // twice at once, then once more after the run: one run, then a run that finds nothing new
    const answers = await Promise.all([deliver(), deliver()]);
    expect(answers.map((a) => a.status)).toEqual([202, 202]);
    await until(
      async () =>
        (await project.store.listRuns({ recipe: 'deals', status: 'running' })).length === 0,
    );
    await deliver();
    await until(async () =>
      (await project.store.listRuns({ recipe: 'deals' })).every((r) => r.status !== 'running'),
    );
    const won = crm.findBy('deals', 'dealname', DEMO_DEALS.won);
    const orders = erp.admin.list('sale.order', [['client_order_ref', '=', won?.id]]);
    expect(orders).toHaveLength(1);
    const muller = erp.admin.list('res.partner', [
      ['email', '=ilike', 'info@mueller-soehne.example'],
    ])[0];
    expect((orders[0]?.partner_id as unknown[] | undefined)?.[0]).toBe(muller?.id);
    // the open deal made no order
    const open = crm.findBy('deals', 'dealname', DEMO_DEALS.open);
    expect(erp.admin.list('sale.order', [['client_order_ref', '=', open?.id]])).toHaveLength(0);
    // the ERP's number and status are on the deal
    expect(crm.get('deals', won?.id as string)?.properties).toMatchObject({
      erp_order_id: orders[0]?.name,
      erp_order_status: 'draft',
    });
  });

  it('an order rejected for credit hold is a dead letter with the reason, delivered by a replay once the limit is raised', async () => {
    const { systems, project, tick } = await startDemo();
    const { crm, erp } = systems;
    await project.runner.run('customers');
    const run = await project.runner.run('deals');
    expect(run.status).toBe('succeeded');
    const letters = await project.store.listDeadLetters({ recipe: 'deals', status: 'pending' });
    expect(letters).toHaveLength(1);
    expect(letters[0]?.reason).toMatch(/credit hold/);
    const hold = crm.findBy('deals', 'dealname', DEMO_DEALS.creditHold);
    expect(erp.admin.list('sale.order', [['client_order_ref', '=', hold?.id]])).toHaveLength(0);

    const partner = erp.admin.list('res.partner', [['email', '=', 'ap@credithold.example']])[0];
    erp.admin.write('res.partner', partner?.id as number, { credit_limit: 100000 });
    tick();
    const replay = await project.runner.replay('deals');
    expect(replay.status).toBe('succeeded');
    expect(erp.admin.list('sale.order', [['client_order_ref', '=', hold?.id]])).toHaveLength(1);
    expect(await project.store.listDeadLetters({ recipe: 'deals', status: 'pending' })).toEqual([]);
  });

  it('brings the order and invoice status back to the deal', async () => {
    const { systems, project, tick } = await startDemo();
    const { crm, erp } = systems;
    await project.runner.run('customers');
    await project.runner.run('deals');
    const won = crm.findBy('deals', 'dealname', DEMO_DEALS.won);
    const order = erp.admin.list('sale.order', [['client_order_ref', '=', won?.id]])[0];
    tick();
    erp.admin.confirmOrder(order?.id as number);
    erp.admin.createInvoice(order?.id as number);
    tick();
    await project.runner.run('deals');
    expect(crm.get('deals', won?.id as string)?.properties).toMatchObject({
      erp_order_status: 'confirmed',
      erp_invoice_status: 'invoiced',
    });
    const idle = await project.runner.run('deals');
    expect(idle.counts.written).toBe(0);
  });
});

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('timed out waiting');
}
