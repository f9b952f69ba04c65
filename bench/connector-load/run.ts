// Benchmark (issue #4: installs side by side and the loader): 50 connectors (copies of the
// GitHub connector with distinct names) are installed into a temp project with
// installConnectors; then each variant loads all 50 in a fresh process, alternating, ROUNDS
// times: `installed` through loadInstalledConnector (version resolution, ferry.lock, content
// hash, runtime range, open) against the baseline `direct`, openConnector on the same folders
// with no lock and no integrity check. Reports the median time, the ratio, the time per
// connector and the peak RSS. Usage: npm run connector-load -w @ferry/bench [-- count rounds]
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { installConnectors } from '@ferry/runtime';
import {
  copyConnector,
  GITHUB_CONNECTOR,
  tempDir,
} from '../../runtime/src/install/test-fixtures.ts';
import { benchName } from './names.ts';

const COUNT = Number(process.argv[2] ?? 50);
const ROUNDS = Number(process.argv[3] ?? 5);
const tsx = ['--conditions=@ferry/source', '--import', 'tsx'];
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

interface Result {
  mode: string;
  ms: number;
  perConnectorMs: number[];
  maxRssMb: number;
}

const project = await tempDir('ferry-bench-load-');
const sources = await tempDir('ferry-bench-sources-');
try {
  const installing = performance.now();
  const folders: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const into = join(sources, String(i));
    folders.push(await copyConnector(GITHUB_CONNECTOR, { name: benchName(i), into }));
  }
  await installConnectors(project, folders);
  const installMs = performance.now() - installing;

  const results: Record<string, Result[]> = { direct: [], installed: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of Object.keys(results)) {
      const { stdout } = await promisify(execFile)(process.execPath, [
        ...tsx,
        here('./load.ts'),
        mode,
        project,
        String(COUNT),
      ]);
      results[mode]?.push(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Result);
    }
  }
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const summary = Object.entries(results).map(([mode, runs]) => {
    const all = runs.flatMap((r) => r.perConnectorMs);
    return {
      mode,
      ms: median(runs.map((r) => r.ms)),
      first: median(runs.map((r) => r.perConnectorMs[0] ?? 0)),
      rest: median(all.filter((_, i) => i % COUNT !== 0)),
      maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)),
    };
  });
  const [direct, installed] = summary as [(typeof summary)[0], (typeof summary)[0]];
  console.log(
    `connector load: ${COUNT} installed connectors (copies of @ferry/connector-github), median of ${ROUNDS} fresh processes each`,
  );
  console.log(
    `setup: installConnectors of ${COUNT} package folders (npm pack each) took ${(installMs / 1000).toFixed(1)} s`,
  );
  const fmt = (s: (typeof summary)[0]) =>
    `${s.mode.padEnd(10)} ${s.ms.toFixed(0).padStart(6)} ms total  ${(s.ms / COUNT).toFixed(2).padStart(6)} ms/connector  first ${s.first.toFixed(0).padStart(4)} ms  then median ${s.rest.toFixed(2).padStart(5)} ms  peak RSS ${s.maxRssMb.toFixed(0)} MB`;
  console.log(fmt(direct));
  console.log(fmt(installed));
  console.log(
    `ratio installed / direct: ${(installed.ms / direct.ms).toFixed(2)} (time), ${(installed.maxRssMb / direct.maxRssMb).toFixed(2)} (peak RSS); the integrity check and version resolution add ${((installed.ms - direct.ms) / COUNT).toFixed(2)} ms per connector`,
  );
} finally {
  await rm(project, { recursive: true, force: true });
  await rm(sources, { recursive: true, force: true });
}
