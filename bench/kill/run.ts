// The kill test at scale: 100,000 records and 20+ kill points. Usage:
//   npm run kill -w @ferry/bench [-- records kills]
import { runKillTest } from './harness.ts';

const records = Number(process.argv[2] ?? 100_000);
const kills = Number(process.argv[3] ?? 20);
const started = performance.now();
const result = await runKillTest({
  records,
  kills,
  pageDelayMs: 10,
  killAfterMs: [0, 600],
  log: (line) => console.log(line),
});
console.log(JSON.stringify(result));
console.log(
  `${result.exact ? 'EXACT' : 'NOT EXACT'}: ${result.kills} kills over ${result.runs} runs, ${result.rows} rows (${result.distinct} distinct, ${result.missing} missing), cursor ${result.cursor}, ${result.deadLetters} dead letters, ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
process.exitCode = result.exact ? 0 : 1;
