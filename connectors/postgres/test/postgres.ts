// A test file's PostgreSQL: started before its tests, stopped after them (see database.ts).
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type TestDatabase } from './database.ts';

export { packageDir, type TestDatabase } from './database.ts';

/** The database of the file; its fields are set once `beforeAll` has run. */
export function usePostgres(): TestDatabase {
  const db = {} as TestDatabase;
  beforeAll(async () => {
    Object.assign(db, await openDatabase());
  });
  afterAll(async () => {
    await db.close?.();
  });
  return db;
}
