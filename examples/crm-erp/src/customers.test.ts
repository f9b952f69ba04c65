import { describe, expect, it } from 'vitest';
import { startDemo } from './test-support.ts';

const lower = (email: unknown) =>
  String(email ?? '')
    .trim()
    .toLowerCase();

describe('customers both ways (HubSpot contacts <-> Odoo partners)', () => {
  it('first cycle: every customer exists exactly once on each side, near-duplicates merged', async () => {
    const { systems, project } = await startDemo();
    const { crm, erp } = systems;
    // near-duplicates each system already holds (the same email in two cases) stay two records
    // there, linked to one customer; nothing is added to them
    const count = (emails: unknown[]) => {
      const n = new Map<string, number>();
      for (const e of emails) if (e) n.set(lower(e), (n.get(lower(e)) ?? 0) + 1);
      return n;
    };
    const erpBefore = count(erp.admin.list('res.partner').map((p) => p.email));
    const crmBefore = count(crm.list('contacts').map((c) => c.properties.email));
    const run = await project.runner.run('customers');
    expect(run).toMatchObject({ status: 'succeeded' });

    const erpCustomers = erp.admin.list('res.partner').filter((p) => p.active);
    const erpEmails = erpCustomers
      .map((p) => lower(p.email))
      .filter((e) => e !== '' && e !== 'false');
    const crmEmails = crm
      .list('contacts')
      .map((c) => lower(c.properties.email))
      .filter((e) => e !== '');
    // every CRM contact is in the ERP once (matched by normalised email); a contact without an
    // email is not read (HubSpot contacts are keyed by email)
    // ('ACME Inc.' and 'Acme, Inc.' were already two records in the ERP: they are linked to one
    // customer, and nothing is added to them)
    for (const email of crmEmails)
      expect({ email, n: erpEmails.filter((e) => e === email).length }).toEqual({
        email,
        n: erpBefore.get(email) ?? 1,
      });
    const acme = erpCustomers.filter((p) => lower(p.email) === 'sales@acme.example');
    const ids = await Promise.all(
      acme.map((p) => project.store.findIdentity('Customer', 'erp', String(p.id))),
    );
    expect(new Set(ids).size).toBe(1);
    // every ERP customer with an email is in the CRM once; 'ACME Inc.' and 'Acme, Inc.' (same
    // email in two cases) are one customer
    for (const email of new Set(erpEmails))
      expect({ email, n: crmEmails.filter((e) => e === email).length }).toEqual({
        email,
        n: crmBefore.get(email) ?? 1,
      });
    const merges = await project.store.listAudit({ action: 'sync.merge' });
    expect(merges.length).toBeGreaterThanOrEqual(3);
    // customers the CRM cannot hold (no email: HubSpot upserts contacts by email) are dead letters with the reason
    const letters = await project.store.listDeadLetters({ recipe: 'customers' });
    const withoutEmail = erpCustomers.filter((p) => !p.email);
    expect(letters.length).toBe(withoutEmail.length);
    for (const letter of letters) expect(letter.reason).not.toBe('');
  });

  it('a change on either side reaches the other in one cycle; an unchanged cycle writes nothing', async () => {
    const { systems, project, tick } = await startDemo();
    const { crm, erp } = systems;
    await project.runner.run('customers');
    tick();
    const requests = crm.requests.length;
    const erpWrites = () =>
      erp.requests.filter((r) => /"method":"(create|write)"/.test(r.body)).length;
    const erpBefore = erpWrites();
    const idle = await project.runner.run('customers');
    expect(idle.counts.written).toBe(0);
    expect(crm.requests.slice(requests).filter((r) => r.path.includes('/batch/'))).toEqual([]);
    expect(erpWrites()).toBe(erpBefore);

    const muller = crm.findBy('contacts', 'email', 'INFO@mueller-soehne.example');
    expect(muller).toBeDefined();
    crm.update('contacts', muller?.id as string, { phone: '+49 89 999 000' });
    tick();
    const partner = erp.admin.list('res.partner', [
      ['email', '=ilike', 'info@mueller-soehne.example'],
    ])[0];
    erp.admin.write('res.partner', partner?.id as number, { credit_limit: 75000, city: 'München' });
    tick();
    await project.runner.run('customers');
    expect(erp.admin.get('res.partner', partner?.id as number)?.phone).toBe('+49 89 999 000');
    const after = crm.get('contacts', muller?.id as string)?.properties;
    expect(after?.credit_limit).toBe('75000');
    expect(after?.city).toBe('München');

    // the CRM edits an ERP-owned field: it is not pushed to the ERP
    crm.update('contacts', muller?.id as string, { credit_limit: '1' });
    tick();
    await project.runner.run('customers');
    expect(erp.admin.get('res.partner', partner?.id as number)?.credit_limit).toBe(75000);

    // lineage: which run, source and record last wrote each field
    const lineage = await project.store.lineage('Customer', String(partner?.id));
    const phone = lineage.find((l) => l.field === 'phone' && l.system === 'erp');
    expect(phone).toMatchObject({ value: '+49 89 999 000', sourceSystem: 'crm' });
  });
});
