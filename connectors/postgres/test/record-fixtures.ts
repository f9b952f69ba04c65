// Re-records fixtures/golden/*.json from a fresh PostgreSQL and the fixed data in fixtures/:
//   npx tsx --conditions=@ferry/source test/record-fixtures.ts
// The golden files hold no connection settings (only fixtures/config.json's table settings).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openDatabase } from './database.ts';
import { fixtures, produceGolden } from './golden.ts';

const db = await openDatabase();
try {
  const produced = await produceGolden(db);
  await mkdir(join(fixtures, 'golden'), { recursive: true });
  for (const [name, value] of Object.entries(produced)) {
    await writeFile(join(fixtures, 'golden', name), `${JSON.stringify(value, null, 2)}\n`);
    console.log(`wrote fixtures/golden/${name}`);
  }
} finally {
  await db.close();
}
