// `npm run demo`: the CRM <-> ERP demo end to end on the embedded default (SQLite in
// examples/crm-erp/.ferry, both systems as local sandboxes started here), printing what moved
// each way. Exits 0 when every step did what it should, 1 otherwise.
import { startDaemon } from '@ferry/runtime';
import { openDemoProject } from './project.ts';
import { cycleReport, describeCycle } from './report.ts';
import { silentLogger } from './silent-logger.ts';
import { DEMO_DEALS, startDemoSystems } from './systems.ts';

const out = (line = '') => process.stdout.write(`${line}\n`);
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  out(`   ${ok ? 'ok' : 'FAILED'}: ${what}`);
  if (!ok) failures.push(what);
};

const systems = await startDemoSystems();
const { crm, erp } = systems;
const project = await openDemoProject({ env: systems.env });
const daemon = await startDaemon({
  runner: project.runner,
  store: project.store,
  port: 0,
  token: '',
  logger: silentLogger(),
});

try {
  out('Ferry CRM <-> ERP demo');
  out(
    `  CRM: HubSpot sandbox ${crm.url}  (${crm.list('contacts').length} contacts, ${crm.list('deals').length} deals)`,
  );
  out(
    `  ERP: Odoo sandbox ${erp.url}  (${erp.admin.list('res.partner').length} partners, ${erp.admin.list('product.product').length} products, credit check on)`,
  );
  out(`  project: ${project.projectFile}; store: ${project.loaded.storePath}`);
  out();

  out(
    '1. customers, both ways (the CRM owns name, email, phone; the ERP the billing address and credit limit)',
  );
  const first = await cycleReport(project, await project.runner.run('customers'));
  for (const line of describeCycle(first, ['crm', 'erp'])) out(`   ${line}`);

  out('2. products with stock, ERP -> CRM');
  const products = await cycleReport(project, await project.runner.run('products'));
  for (const line of describeCycle(products, ['erp', 'crm'])) out(`   ${line}`);
  const desk = crm.findBy('products', 'hs_sku', 'FURN_7800');
  check(
    desk?.properties.stock_quantity !== undefined,
    `sales sees stock: FURN_7800 has ${desk?.properties.stock_quantity} in the CRM`,
  );

  out('3. deals: the webhook POST /hooks/deals delivered twice');
  const deliver = () => fetch(`${daemon.url}/hooks/deals`, { method: 'POST', body: '{}' });
  await Promise.all([deliver(), deliver()]);
  await settled('deals');
  const won = crm.findBy('deals', 'dealname', DEMO_DEALS.won);
  const orders = erp.admin.list('sale.order', [['client_order_ref', '=', won?.id]]);
  check(
    orders.length === 1,
    `"${DEMO_DEALS.won}" made ${orders.length} sale order (${orders[0]?.name ?? '-'})`,
  );
  const letters = await project.store.listDeadLetters({ recipe: 'deals', status: 'pending' });
  check(
    letters.some((l) => /credit hold/.test(l.reason)),
    `"${DEMO_DEALS.creditHold}" is in the dead-letter queue:`,
  );
  for (const l of letters) out(`      ${l.reason}`);

  out('4. the ERP raises the credit limit; ferry dlq replay deals');
  const hold = erp.admin.list('res.partner', [['email', '=', 'ap@credithold.example']])[0];
  erp.admin.write('res.partner', hold?.id as number, { credit_limit: 100_000 });
  await project.runner.replay('deals', undefined, 'demo');
  const held = crm.findBy('deals', 'dealname', DEMO_DEALS.creditHold);
  const replayed = erp.admin.list('sale.order', [['client_order_ref', '=', held?.id]]);
  check(replayed.length === 1, `the replay delivered it: sale order ${replayed[0]?.name ?? '-'}`);

  out('5. the ERP confirms and invoices the first order; its status goes back to the deal');
  await odooSecond();
  erp.admin.confirmOrder(orders[0]?.id as number);
  erp.admin.createInvoice(orders[0]?.id as number);
  await project.runner.run('deals');
  const status = crm.get('deals', won?.id as string)?.properties;
  check(
    status?.erp_order_status === 'confirmed' && status?.erp_invoice_status === 'invoiced',
    `the deal shows order ${status?.erp_order_id}: ${status?.erp_order_status}, ${status?.erp_invoice_status}`,
  );

  out('6. a change on each side, then one more cycle of every recipe');
  const muller = crm.findBy('contacts', 'email', 'INFO@mueller-soehne.example');
  crm.update('contacts', muller?.id as string, { phone: '+49 89 555 0199' });
  const partner = erp.admin.list('res.partner', [
    ['email', '=ilike', 'info@mueller-soehne.example'],
  ])[0];
  await odooSecond();
  erp.admin.write('res.partner', partner?.id as number, { credit_limit: 80_000 });
  const changed = await cycleReport(project, await project.runner.run('customers'));
  for (const line of describeCycle(changed, ['crm', 'erp'])) out(`   ${line}`);
  check(
    erp.admin.get('res.partner', partner?.id as number)?.phone === '+49 89 555 0199' &&
      crm.get('contacts', muller?.id as string)?.properties.credit_limit === '80000',
    'the CRM phone reached the ERP and the ERP credit limit reached the CRM in one cycle',
  );
  let written = 0;
  for (const recipe of ['customers', 'products', 'deals'])
    written += (await project.runner.run(recipe)).counts.written;
  check(written === 0, `a cycle with no changes wrote ${written} records`);

  out();
  const merges = (await project.store.listAudit({ action: 'sync.merge', limit: 100_000 })).length;
  const pending = await project.store.countDeadLetters({ status: 'pending' });
  const runs = await project.store.listRuns({ limit: 1000 });
  out(
    `Summary: ${runs.length} runs, ${runs.reduce((n, r) => n + r.counts.written, 0)} records written, ${merges} merges, ${pending} dead letters pending (ferry dlq list --project examples/crm-erp/ferry.yaml)`,
  );
  out(
    `Lineage of a customer: npx ferry lineage Customer ${partner?.id} --project examples/crm-erp/ferry.yaml`,
  );
  out(
    'Keep it running: see examples/crm-erp/README.md (ferry daemon, the API, /metrics, real HubSpot and Odoo accounts).',
  );
  if (failures.length > 0) {
    out(`\n${failures.length} step(s) failed: ${failures.join('; ')}`);
    process.exitCode = 1;
  }
} finally {
  await daemon.close();
  await project.close();
  await systems.close();
}

/**
 * Odoo's write_date has whole seconds: an edit made in the same second as Ferry's last read of
 * that record would share its cursor value and key, and wait for a later edit (see the Odoo
 * connector's README). A person editing in the ERP is never that fast; the demo is.
 */
function odooSecond(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1100));
}

async function settled(recipe: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const runs = await project.store.listRuns({ recipe, limit: 5 });
    if (runs.length > 0 && runs.every((r) => r.status !== 'running')) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
