// Benchmark: bulk upserts into PostgreSQL through @ferry/connector-postgres's write handler,
// against psql's \copy of the same rows (the fastest plain load: COPY from a file, no upsert).
// One run starts PostgreSQL (startPostgres: local binaries or Docker), then times, `rounds`
// times each (the median is printed):
//   (a) psql -c "\copy t FROM 'rows.csv' CSV" into an empty table with the same columns, types
//       and primary key the connector creates (the CSV is written beforehand, not timed);
//   (b) the connector's write of the same rows, as upserts into an empty table, in batches of
//       5,000 records (what the runtime sends: a source page, cut at the manifest's batchSize)
//       through the engine (`connector.write`), after a one-record warm-up (handler loading;
//       not timed); the records are made beforehand, not timed (as the CSV is for (a)): the
//       time the connector takes, not the time a source would take to produce them;
// and once (c) a second upsert pass over the same keys that changes every row (all updates),
// its records also made beforehand.
// Prints rows/s, the ratio connector/psql (target >= 0.5), the CPU time PostgreSQL and Node
// spent (and how many CPUs the run really had), peak RSS (and how much of it the records made
// beforehand hold); checks that both tables hold the same rows, and stops PostgreSQL. Usage:
//   npm run postgres-upsert -w @ferry/bench [-- rows rounds]   (default 1,000,000 and 3)
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openConnector } from '@ferry/declarative';
import { startPostgres } from '@ferry/testkit';
import pg from 'pg';
import { batches, COLUMNS, type Row, writeCsv } from './data.ts';
import { effectiveCpus, median, ownCpu, peakRss, serverCpu, timed } from './measure.ts';

const COUNT = Number(process.argv[2] ?? 1_000_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const BATCH = 5_000;
const connectorDir = fileURLToPath(new URL('../../connectors/postgres', import.meta.url));

const db = await startPostgres();
const dir = await mkdtemp(join(tmpdir(), 'ferry-bench-pg-'));
const client = new pg.Client({ connectionString: db.url });
try {
  await client.connect();
  const csv = join(dir, 'rows.csv');
  await writeCsv(csv, COUNT);
  // the records, made before the timed writes as the CSV is before psql's (not timed)
  const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);
  const rssBefore = rssMb();
  let pages: Row[][] = [];
  const making = await timed(async () => {
    pages = [...batches(COUNT, BATCH)];
  });
  const recordsMb = rssMb() - rssBefore;
  const connector = await openConnector(connectorDir);
  const config = {
    ...{ host: db.host, port: db.port, database: db.database },
    ...{ user: db.user, password: db.password, table: 'upserted', key: 'id' },
  };
  const write = async (pass: number) => {
    let accepted = 0;
    for await (const results of connector.write(config, 'rows', pages))
      for (const result of results) if (result.status === 'accepted') accepted++;
    if (accepted !== COUNT) throw new Error(`pass ${pass}: ${accepted} of ${COUNT} accepted`);
  };
  // warm-up, not timed: loading the handler (tsx compiles it when the package is not built) and
  // opening the pool, what a running daemon has done before its first batch
  const warmup = await timed(async () => {
    for await (const _ of connector.write({ ...config, table: 'warmup' }, 'rows', [[{ id: 1 }]]));
  });

  const cpus = await effectiveCpus();
  const { rows: dataDir } = await client.query('SHOW data_directory').catch(() => ({ rows: [] }));
  const server = () => serverCpu(String(dataDir[0]?.data_directory ?? ''));
  // a timed phase with the CPU milliseconds the server used meanwhile, and this process too
  // (the Node side of the connector) except in the psql phase
  const cpu = async (work: () => Promise<unknown>, psqlPhase: boolean) => {
    const [s0, n0] = [server(), ownCpu()];
    const ms = await timed(work);
    const node = ownCpu() - n0;
    // psql's session is counted once the server has reaped it, a moment after psql exits
    for (let i = 0; psqlPhase && i < 100; i++) {
      const { rows } = await client.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'psql'",
      );
      if (rows[0]?.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, psqlPhase ? 100 : 0));
    const s1 = server();
    return {
      ms,
      server: s0 === undefined || s1 === undefined ? undefined : s1 - s0,
      node: psqlPhase ? undefined : node,
    };
  };
  const psql: Awaited<ReturnType<typeof cpu>>[] = [];
  const inserts: Awaited<ReturnType<typeof cpu>>[] = [];
  const columns = Object.entries(COLUMNS).map(([name, type]) => `${name} ${type}`);
  const rssWrites = rssMb();
  for (let round = 0; round < ROUNDS; round++) {
    await client.query('DROP TABLE IF EXISTS baseline, upserted');
    await client.query(`CREATE TABLE baseline (${columns.join(', ')}, PRIMARY KEY (id))`);
    await client.query('CHECKPOINT');
    // (a) psql authenticates with PGPASSWORD, so the password is not on its command line
    psql.push(
      await cpu(
        () =>
          run(
            'psql',
            [
              ...['-X', '-v', 'ON_ERROR_STOP=1', '-h', db.host, '-p', String(db.port)],
              ...['-U', db.user, '-d', db.database, '-c', `\\copy baseline FROM '${csv}' CSV`],
            ],
            { PGPASSWORD: db.password },
          ),
        true,
      ),
    );
    await client.query('CHECKPOINT');
    inserts.push(await cpu(() => write(0), false));
  }
  const peakB = peakRss();
  const sameRows = await sameContent(client, ['baseline', 'upserted']);
  pages = []; // (b)'s records are let go before (c)'s are made
  pages = [...batches(COUNT, BATCH, 1)];
  const update = await timed(() => write(1));
  const types = await client.query(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns
     WHERE table_name = 'upserted' ORDER BY ordinal_position`,
  );

  const [a, b] = [median(psql.map((r) => r.ms)), median(inserts.map((r) => r.ms))];
  const pick = (runs: typeof psql, ms: number) => runs.find((r) => r.ms === ms) as (typeof psql)[0];
  const seconds = (ms: number | undefined) => (ms === undefined ? '?' : (ms / 1000).toFixed(2));
  const rate = (ms: number) => Math.round(COUNT / (ms / 1000)).toLocaleString('en');
  const line = (label: string, ms: number, all?: number[]) =>
    console.log(
      `${label.padEnd(48)} ${rate(ms).padStart(9)} rows/s  ${(ms / 1000).toFixed(2)} s${all && all.length > 1 ? `  (runs: ${all.map((t) => (t / 1000).toFixed(2)).join(', ')} s)` : ''}`,
    );
  console.log(
    `postgres-upsert: ${COUNT.toLocaleString('en')} rows x 10 columns, batches of ${BATCH.toLocaleString('en')}, PostgreSQL (${db.provider}), median of ${ROUNDS}`,
  );
  line(
    '(a) psql \\copy (CSV, into an empty keyed table)',
    a,
    psql.map((r) => r.ms),
  );
  line(
    '(b) connector upsert into an empty table',
    b,
    inserts.map((r) => r.ms),
  );
  line('(c) connector upsert, every row changed', update);
  console.log(
    `ratio connector/psql: ${(a / b).toFixed(2)} (target >= 0.50); (c)/psql: ${(a / update).toFixed(2)}`,
  );
  console.log(
    `not timed: warm-up ${(warmup / 1000).toFixed(2)} s; making the records before (b) ${(making / 1000).toFixed(2)} s (as writing the CSV before (a))`,
  );
  console.log(
    `same rows in both tables after (b): ${sameRows ? 'yes' : 'NO'}; column types the connector chose: ${types.rows.map((r) => `${r.name} ${r.type}`).join(', ')}`,
  );
  const [pa, pb] = [pick(psql, a), pick(inserts, b)];
  console.log(
    `CPU of the median runs: (a) PostgreSQL ${seconds(pa.server)} s; (b) PostgreSQL ${seconds(pb.server)} s + Node ${seconds(pb.node)} s. CPUs this run really gets: ${cpus.toFixed(1)} (with fewer than 2, Node's CPU adds to the server's instead of overlapping)`,
  );
  console.log(
    `peak RSS of this process: ${peakB} MB through (b), ${peakRss()} MB with (c); RSS before the first write ${rssWrites} MB, of which the ${COUNT.toLocaleString('en')} records made beforehand take about ${recordsMb} MB`,
  );
  if (!sameRows) process.exitCode = 1;
} finally {
  await client.end().catch(() => {});
  await db.stop();
  await rm(dir, { recursive: true, force: true });
}

/** Whether the tables hold the same rows: same count and same sum of row hashes. */
async function sameContent(c: pg.Client, tables: string[]): Promise<boolean> {
  const sums = await Promise.all(
    tables.map(async (t) => {
      const { rows } = await c.query(
        `SELECT count(*)::text AS n, sum(hashtext(${t}::text)::bigint)::text AS h FROM ${t}`,
      );
      return JSON.stringify(rows[0]);
    }),
  );
  return sums.every((s) => s === sums[0]);
}

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited ${code}: ${stderr}`)),
    );
  });
}
