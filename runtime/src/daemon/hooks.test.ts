import { describe, expect, it } from 'vitest';
import { testProject } from '../scheduler/test-project.ts';
import { signBody } from './auth.ts';
import { startDaemon } from './daemon.ts';
import { customers, testDaemon } from './test-daemon.ts';

const SECRET = 'whsec-0f9a8b7c6d5e';

describe('webhooks: POST /hooks/:recipe', () => {
  it('action run starts an incremental run, and never a second one while it runs', async () => {
    const t = await testDaemon({
      recipes: { push: { triggers: [{ webhook: { action: 'run' } }] } },
      rows: customers(600),
      pageDelayMs: 250,
    });
    const first = await t.request('POST', '/hooks/push', { body: { event: 'changed' } });
    expect(first.status).toBe(202);
    expect(first.json).toMatchObject({ queued: true, run: { recipe: 'push', trigger: 'webhook' } });
    const second = await t.request('POST', '/hooks/push');
    expect(second.status).toBe(202);
    expect(second.json).toEqual({ queued: false, running: true });
    expect(await t.finished(first.json.run.id)).toMatchObject({
      status: 'succeeded',
      counts: { read: 600 },
    });
    expect((await t.project.store.listRuns({ recipe: 'push' })).length).toBe(1);

    t.project.rows.push(...customers(610).slice(600));
    const third = await t.request('POST', '/hooks/push');
    expect(await t.finished(third.json.run.id)).toMatchObject({ counts: { read: 10 } });
    expect(t.project.written()).toHaveLength(610);
  });

  it('action records feeds the posted records through the recipe, signed with HMAC-SHA256', async () => {
    const t = await testDaemon({
      recipes: {
        feed: { triggers: [{ webhook: { action: 'records', secret: '${env:FEED_SECRET}' } }] },
      },
      daemon: { env: { FEED_SECRET: SECRET } },
    });
    const records = customers(3).map((r) => ({ ...r, id: (r.id as number) + 100 }));
    const body = JSON.stringify(records);

    const unsigned = await t.request('POST', '/hooks/feed', {
      raw: body,
      headers: { 'content-type': 'application/json' },
    });
    expect(unsigned.status).toBe(401);
    expect(unsigned.json.error.code).toBe('FERRY_WEBHOOK_SIGNATURE_INVALID');
    const forged = await t.request('POST', '/hooks/feed', {
      raw: body,
      headers: {
        'content-type': 'application/json',
        'x-ferry-signature': signBody(`${body} `, SECRET),
      },
    });
    expect(forged.status).toBe(401);
    const wrongKey = await t.request('POST', '/hooks/feed', {
      raw: body,
      headers: { 'x-ferry-signature': signBody(body, 'other') },
    });
    expect(wrongKey.status).toBe(401);

    const signed = await t.request('POST', '/hooks/feed', {
      raw: body,
      headers: { 'content-type': 'application/json', 'x-ferry-signature': signBody(body, SECRET) },
    });
    expect(signed.status).toBe(202);
    expect(signed.json).toMatchObject({ queued: true, records: 3, run: { trigger: 'webhook' } });
    expect(await t.finished(signed.json.run.id)).toMatchObject({
      status: 'succeeded',
      counts: { read: 3, written: 3 },
    });
    expect(t.project.written().map((r) => r.id)).toEqual([101, 102, 103]);

    const wrapped = JSON.stringify({ records: [{ ...records[0], id: 200 }] });
    const second = await t.request('POST', '/hooks/feed', {
      raw: wrapped,
      headers: { 'x-ferry-signature': signBody(wrapped, SECRET) },
    });
    await t.finished(second.json.run.id);
    expect(t.project.written().map((r) => r.id)).toEqual([101, 102, 103, 200]);

    const notRecords = JSON.stringify({ records: [1] });
    const bad = await t.request('POST', '/hooks/feed', {
      raw: notRecords,
      headers: { 'x-ferry-signature': signBody(notRecords, SECRET) },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({
      code: 'FERRY_WEBHOOK_BODY_INVALID',
      path: '$.records[0]',
    });
    expect(t.rawLogs.join('')).not.toContain(SECRET);
  });

  it('refuses recipes without a webhook trigger (404) and disabled ones (409)', async () => {
    const t = await testDaemon({
      recipes: { plain: {}, off: { enabled: false, triggers: [{ webhook: { action: 'run' } }] } },
    });
    const plain = await t.request('POST', '/hooks/plain');
    expect(plain.status).toBe(404);
    expect(plain.json.error).toMatchObject({
      code: 'FERRY_WEBHOOK_NOT_CONFIGURED',
      path: '$.recipes["plain"].triggers',
    });
    expect((await t.request('POST', '/hooks/nope')).status).toBe(404);
    const off = await t.request('POST', '/hooks/off');
    expect(off.status).toBe(409);
    expect(off.json.error.code).toBe('FERRY_RECIPE_DISABLED');
  });

  it('does not start when a webhook secret reference resolves to nothing', async () => {
    const p = await testProject({
      recipes: {
        feed: { triggers: [{ webhook: { action: 'records', secret: '${env:NOT_SET_ANYWHERE}' } }] },
      },
    });
    await expect(
      startDaemon({ runner: p.runner, store: p.store, port: 0, env: {} }),
    ).rejects.toMatchObject({
      code: 'FERRY_WEBHOOK_SECRET_MISSING',
      path: '$.recipes["feed"].triggers[0].webhook.secret',
    });
    await p.close();
  });
});
