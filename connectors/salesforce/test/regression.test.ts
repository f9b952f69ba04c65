// Replays fixtures/cassettes offline and compares the records and state with fixtures/golden.
// Record again after an intended change of the output: test/record-fixtures.ts.
import { fileURLToPath } from 'node:url';
import { describeRegression } from '@ferry/testkit';

describeRegression({
  connector: fileURLToPath(new URL('..', import.meta.url)),
  fixtures: fileURLToPath(new URL('../fixtures', import.meta.url)),
});
