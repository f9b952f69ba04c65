import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store.ts';

const runtimeDir = fileURLToPath(new URL('../..', import.meta.url));
const fixture = fileURLToPath(new URL('./crash-writer.fixture.ts', import.meta.url));
let dir = '';
let child: ChildProcess | undefined;

afterEach(async () => {
  if (child?.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs the crash writer until it reported `atLeast` commits, then kills it with SIGKILL. */
function runAndKill(file: string, atLeast: number): Promise<{ runId: string; committed: number }> {
  const writer = spawn(
    process.execPath,
    ['--conditions=@ferry/source', '--import', 'tsx', fixture, file],
    { cwd: runtimeDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child = writer;
  let runId = '';
  let committed = 0;
  let pending = '';
  let stderr = '';
  writer.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  writer.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const [word, value = ''] = line.split(' ');
      if (word === 'run') runId = value;
      if (word === 'committed') committed = Number(value);
    }
    if (committed >= atLeast && writer.exitCode === null) writer.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    writer.on('error', reject);
    writer.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ runId, committed });
      else reject(new Error(`the crash writer exited by itself (code ${code}): ${stderr}`));
    });
  });
}

it('keeps every batch a killed (SIGKILL) process reported as committed, in a sound file', async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-store-crash-'));
  const file = join(dir, 'store.db');
  const { runId, committed } = await runAndKill(file, 150);
  expect(committed).toBeGreaterThanOrEqual(150);

  const raw = new Database(file);
  expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
  raw.close();

  const store = SqliteStore.open(file);
  try {
    // The kill may land after a commit and before its line was printed: one batch more.
    const batch = (await store.getState('crash')).items?.batch as number;
    expect([committed, committed + 1]).toContain(batch);
    const run = await store.getRun(runId);
    expect(run?.status).toBe('running');
    expect(run?.counts).toEqual({
      read: batch * 10,
      written: batch * 9,
      failed: 0,
      deadLettered: batch,
    });
    const letters = await store.listDeadLetters({ recipe: 'crash' });
    expect(letters.map((l) => l.record.batch)).toEqual(
      Array.from({ length: batch }, (_, i) => i + 1),
    );

    // The store goes on working: the interrupted run is found and a new batch commits.
    expect((await store.interruptRunning()).map((r) => r.id)).toEqual([runId]);
    await store.commitBatch({
      runId,
      recipe: 'crash',
      stream: 'items',
      state: { batch: batch + 1 },
      counts: { read: 0, written: 0, failed: 0, deadLettered: 0 },
      deadLetters: [],
    });
    expect(await store.getState('crash')).toEqual({ items: { batch: batch + 1 } });
  } finally {
    await store.close();
  }
});
