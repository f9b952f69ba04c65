import { describe, expect, it } from 'vitest';
import { type DecideInput, decide, type SideView } from './decide.ts';

const FIELDS = new Set(['name', 'email', 'phone', 'billingAddress.city', 'creditLimit', 'notes']);
const crm = (values: SideView['values'], modifiedAt = '2024-01-02T00:00:00.000Z'): SideView => ({
  system: 'crm',
  values,
  modifiedAt,
  fields: FIELDS,
});
const erp = (values: SideView['values'], modifiedAt = '2024-01-01T00:00:00.000Z'): SideView => ({
  system: 'erp',
  values,
  modifiedAt,
  fields: FIELDS,
});
const OWNERS: Record<string, string> = {
  name: 'crm',
  email: 'crm',
  phone: 'crm',
  'billingAddress.city': 'erp',
  creditLimit: 'erp',
};
const input = (sides: [SideView, SideView], memory: DecideInput['memory'] = {}): DecideInput => ({
  sides,
  memory,
  owner: (f) => OWNERS[f],
  conflict: 'newest-wins',
});

describe('decide: what flows where for one entity', () => {
  it('gives a system with no record every value the other has', () => {
    const d = decide(
      input([crm({ name: 'Acme', email: 'a@acme.com', phone: '' }), erp(undefined)]),
    );
    expect(d.pushes).toEqual({ crm: {}, erp: { name: 'Acme', email: 'a@acme.com' } });
  });

  it('moves owned fields from their owner only', () => {
    const d = decide(
      input([
        crm({ name: 'Acme', 'billingAddress.city': 'Paris' }),
        erp({ name: 'ACME Inc', 'billingAddress.city': 'Lyon' }),
      ]),
    );
    expect(d.pushes).toEqual({ crm: { 'billingAddress.city': 'Lyon' }, erp: { name: 'Acme' } });
  });

  it('does not push back an owner value edited in the other system once Ferry wrote it there', () => {
    // the CRM edits the ERP-owned credit limit: it is not pushed to the ERP, and the value
    // Ferry already wrote to the CRM is not written again
    const d = decide(
      input([crm({ creditLimit: 9999 }), erp({ creditLimit: 5000 })], {
        creditLimit: { agreed: 5000, written: { crm: 5000 } },
      }),
    );
    expect(d.pushes).toEqual({ crm: {}, erp: {} });
  });

  it('writes nothing for an unchanged entity, including a value the target normalised', () => {
    const d = decide(
      input(
        [
          crm({ email: 'ann@acme.com', creditLimit: '5000' }),
          erp({ email: 'Ann@Acme.com', creditLimit: 5000 }),
        ],
        {
          email: { agreed: 'Ann@Acme.com', written: { erp: 'ann@acme.com' } },
        },
      ),
    );
    expect(d.pushes).toEqual({ crm: {}, erp: {} });
    expect(d.agreed).toEqual({ creditLimit: '5000' });
  });

  it('moves a shared field from the side that changed it since the last agreement', () => {
    const memory = { notes: { agreed: 'old', written: {} } };
    expect(
      decide(input([crm({ notes: 'new' }), erp({ notes: 'old' })], memory)).pushes.erp,
    ).toEqual({
      notes: 'new',
    });
    expect(
      decide(input([crm({ notes: 'old' }), erp({ notes: 'newer' })], memory)).pushes.crm,
    ).toEqual({
      notes: 'newer',
    });
  });

  it('settles a shared field both sides changed by the conflict rule', () => {
    const memory = { notes: { agreed: 'old', written: {} } };
    const both: [SideView, SideView] = [
      crm({ notes: 'from crm' }, '2024-03-01T00:00:00.000Z'),
      erp({ notes: 'from erp' }, '2024-03-02T00:00:00.000Z'),
    ];
    const newest = decide(input(both, memory));
    expect(newest.pushes.crm).toEqual({ notes: 'from erp' });
    expect(newest.conflicts).toEqual([{ field: 'notes', winner: 'erp' }]);
    const source = decide({ ...input(both, memory), conflict: 'source-wins' });
    expect(source.pushes.erp).toEqual({ notes: 'from crm' });
  });

  it('never pushes a field the target does not map', () => {
    const d = decide(
      input([crm({ name: 'Acme', notes: 'x' }), { ...erp(undefined), fields: new Set(['name']) }]),
    );
    expect(d.pushes.erp).toEqual({ name: 'Acme' });
  });

  it('creates nothing in a system Ferry may not create records in', () => {
    const d = decide(input([crm({ name: 'Widget' }), { ...erp(undefined), creatable: false }]));
    expect(d.pushes.erp).toEqual({});
  });
});
