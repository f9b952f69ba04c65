// Golden-file regression: each case of golden-cases.ts reads fixtures/input and must give the
// records and final state in fixtures/golden/<case>.json. (Record/replay cassettes do not apply:
// the connector makes no HTTP requests.) Re-record after an intended change:
//   npx tsx --conditions=@ferry/source test/record-fixtures.ts
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CASES, type Golden, goldenFile, runCase } from './golden-cases.ts';

describe('golden files', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, golden) => {
    const expected = JSON.parse(await readFile(goldenFile(golden.name), 'utf8')) as Golden;
    expect(await runCase(golden)).toEqual(expected);
  });
});
