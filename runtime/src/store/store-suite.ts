import { afterEach, beforeEach, describe } from 'vitest';
import { auditAndIdentityTests } from './suite/audit-identities.ts';
import { batchTests } from './suite/batches.ts';
import type { StoreUnderTest, SuiteContext } from './suite/context.ts';
import { deadLetterTests } from './suite/dead-letters.ts';
import { lockTests } from './suite/locks.ts';
import { persistenceTests } from './suite/persistence.ts';
import { runTests } from './suite/runs.ts';
import { secretTests } from './suite/secrets.ts';
import { syncTests } from './suite/sync.ts';

export type { StoreUnderTest } from './suite/context.ts';

/**
 * The behaviour every Store implementation must have (SQLite now, PostgreSQL later). `open`
 * is called before each test and must return a new, empty, migrated store, a `reopen()` that
 * opens another Store on the same storage (the same file or database: after `store.close()`
 * it is a restart, while `store` is open it is a second daemon), and a `cleanup()` that closes
 * every store it opened and removes the storage.
 *
 * ```ts
 * describeStore('SqliteStore', async () => { ... return { store, reopen, cleanup }; });
 * ```
 */
export function describeStore(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`Store contract: ${name}`, () => {
    let current: StoreUnderTest | undefined;
    const ctx: SuiteContext = {
      get store() {
        if (!current) throw new Error('the store is opened in beforeEach');
        return current.store;
      },
      reopen() {
        if (!current) throw new Error('the store is opened in beforeEach');
        return current.reopen();
      },
    };
    beforeEach(async () => {
      current = await open();
    });
    afterEach(async () => {
      await current?.cleanup();
      current = undefined;
    });

    describe('runs', () => runTests(ctx));
    describe('state and batch commits', () => batchTests(ctx));
    describe('dead letters', () => deadLetterTests(ctx));
    describe('audit log and identity map', () => auditAndIdentityTests(ctx));
    describe('secrets', () => secretTests(ctx));
    describe('locks', () => lockTests(ctx));
    describe('persistence', () => persistenceTests(ctx));
    describe('two-way sync', () => syncTests(ctx));
  });
}
