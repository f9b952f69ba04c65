import { describe, expect, it } from 'vitest';
import { startDemo } from './test-support.ts';

const lower = (email: unknown) =>
  String(email ?? '')
    .trim()
    .toLowerCase();

describe('customers while the ERP fails', () => {
  it('loses nothing through 503s then 429s; rejected records are dead letters, delivered by a replay after the fix', async () => {
    const { systems, project } = await startDemo();
    const { crm, erp } = systems;
    // the ERP answers 503 for a while, then 429 with Retry-After; and refuses one customer
    erp.faults.set({
      errors: { status: 503, window: { durationMs: 1200 } },
      rateLimit: { retryAfter: 1, window: { fromMs: 1200, durationMs: 1500 } },
      rejects: (values) =>
        lower((values as { email?: unknown })?.email).endsWith('@mueller-soehne.example')
          ? 'partner record locked by another user'
          : undefined,
    });
    const run = await project.runner.run('customers');
    expect(run.status).toBe('succeeded');
    expect(erp.stats.errors).toBeGreaterThan(0);
    expect(erp.stats.rateLimited).toBeGreaterThan(0);

    const erpEmails = erp.admin.list('res.partner').map((p) => lower(p.email));
    const letters = await project.store.listDeadLetters({ recipe: 'customers', status: 'pending' });
    const locked = letters.filter((l) =>
      l.reason.includes('partner record locked by another user'),
    );
    expect(locked).toHaveLength(1);
    // every CRM contact is delivered, or dead-lettered with a reason
    for (const contact of crm.list('contacts')) {
      const email = lower(contact.properties.email);
      if (email === '') continue;
      const delivered = erpEmails.includes(email);
      const lettered = letters.some((l) => JSON.stringify(l.record).toLowerCase().includes(email));
      expect({ email, delivered, lettered }).toMatchObject({ email });
      expect(delivered || lettered).toBe(true);
    }

    // the cause is fixed: the replay delivers the rest
    erp.faults.reset();
    const replay = await project.runner.replay('customers');
    expect(replay.status).toBe('succeeded');
    const muller = erp.admin
      .list('res.partner')
      .filter((p) => lower(p.email) === 'info@mueller-soehne.example');
    expect(muller).toHaveLength(1);
    // the CRM's phone (the CRM owns it) reached the ERP with the replay
    expect(muller[0]?.phone).toBe('+49 89 1234 5678');
    const pending = await project.store.listDeadLetters({ recipe: 'customers', status: 'pending' });
    expect(pending.filter((l) => l.reason.includes('locked'))).toEqual([]);
  });
});
