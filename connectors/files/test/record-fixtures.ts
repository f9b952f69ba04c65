// Writes fixtures/golden/<case>.json from the cases in golden-cases.ts. Run it after an intended
// change of the output, and review the diff:
//   npx tsx --conditions=@ferry/source test/record-fixtures.ts
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CASES, goldenFile, runCase } from './golden-cases.ts';

for (const golden of CASES) {
  const file = goldenFile(golden.name);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(await runCase(golden), null, 2)}\n`);
  console.log(`wrote ${file}`);
}
