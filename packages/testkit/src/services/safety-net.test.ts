import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { isAlive, waitForExit } from './process-exit.ts';

const PACKAGE = fileURLToPath(new URL('../..', import.meta.url));
const POSTGRES_TS = fileURLToPath(new URL('./postgres.ts', import.meta.url));

/**
 * A separate Node process that starts a local PostgreSQL and never stops it: it then exits
 * (`exit`) or waits to be killed (`hang`). Resolves with the server's folder and pid.
 */
async function childWithPostgres(mode: 'exit' | 'hang') {
  const code = [
    `import { startPostgres } from ${JSON.stringify(POSTGRES_TS)};`,
    `const db = await startPostgres({ provider: 'local' });`,
    'console.log(JSON.stringify({ port: db.port }));',
    // Both wait: `exit` ends when the test has found the server (a line on stdin), `hang` never.
    mode === 'hang'
      ? 'setInterval(() => {}, 1000);'
      : "process.stdin.once('data', () => process.exit(0));",
  ].join('\n');
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')),
  );
  const child = spawn(
    process.execPath,
    ['--conditions=@ferry/source', '--import', 'tsx', '--input-type=module', '-e', code],
    { cwd: PACKAGE, env, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /"port":(\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', () => reject(new Error(`the child ended without a server:\n${output}`)));
  });
  const folder = readdirSync(tmpdir())
    .map((name) => join(tmpdir(), name))
    .find((dir) => dir.includes('ferry-pg-') && existsSync(join(dir, `.s.PGSQL.${port}`)));
  expect(folder).toBeDefined();
  const pid = Number(
    readFileSync(join(folder as string, 'data/postmaster.pid'), 'utf8').split('\n')[0],
  );
  return { child, exited, folder: folder as string, pid };
}

async function gone(folder: string, pid: number): Promise<boolean> {
  for (let i = 0; i < 300 && existsSync(folder); i++) await sleep(100);
  return !existsSync(folder) && (await waitForExit(pid, 30_000));
}

describe('a local PostgreSQL nobody stopped', () => {
  it('is stopped and removed when its process exits', async () => {
    const { child, exited, folder, pid } = await childWithPostgres('exit');
    child.stdin.end('exit now\n');
    expect(await exited).toBe(0);
    expect(existsSync(folder)).toBe(false);
    expect(await waitForExit(pid, 30_000)).toBe(true);
  });

  it('is stopped and removed by its watchdog when its process is killed', async () => {
    const { child, exited, folder, pid } = await childWithPostgres('hang');
    expect(isAlive(pid)).toBe(true);
    child.kill('SIGKILL');
    await exited;
    expect(await gone(folder, pid)).toBe(true);
  });
});
