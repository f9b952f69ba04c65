// One measured load, in its own process so that its time and peak RSS are its own. Usage:
//   load.ts <installed|direct> <projectDir> <count>
// installed: loadInstalledConnector(projectDir, 'name@^0.1.0') for each connector: version
//   resolution, the ferry.lock entry, the content hash of the files, the runtime range, then
//   openConnector. direct (the baseline): openConnector on the same install folders.
// Prints one JSON line: { mode, count, ms, perConnectorMs: [...], maxRssMb }.
import { openConnector } from '@ferry/declarative';
import { installDir, loadInstalledConnector } from '@ferry/runtime';
import { benchName } from './names.ts';

const [mode, projectDir, countText] = process.argv.slice(2) as [string, string, string];
const count = Number(countText);
const perConnectorMs: number[] = [];
const started = performance.now();
for (let i = 0; i < count; i++) {
  const t = performance.now();
  const connector =
    mode === 'installed'
      ? await loadInstalledConnector(projectDir, `${benchName(i)}@^0.1.0`)
      : await openConnector(installDir(projectDir, benchName(i), '0.1.0'));
  if (connector.discover().length !== 2) throw new Error(`${connector.name}: expected 2 streams`);
  perConnectorMs.push(performance.now() - t);
}
const ms = performance.now() - started;
console.log(
  JSON.stringify({
    mode,
    count,
    ms,
    perConnectorMs,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
